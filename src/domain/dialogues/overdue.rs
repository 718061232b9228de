//! Overdue (quá hạn): an open proposal whose deadline has passed.
//!
//! The deadline day itself is still in time: a proposal due today is not overdue until
//! tomorrow, and one resolved on its deadline was resolved in time.

use super::proposal::Proposal;
use chrono::NaiveDate;

/// Open and its deadline is before `today`.
pub fn is_overdue(p: &Proposal, today: NaiveDate) -> bool {
    p.status.is_open() && p.deadline.is_some_and(|deadline| deadline < today)
}

/// Closed after its deadline (giải quyết chậm). Without a deadline nothing is late.
pub fn resolved_late(p: &Proposal) -> bool {
    p.status.is_closed()
        && matches!((p.deadline, p.resolved_on), (Some(deadline), Some(done)) if done > deadline)
}

/// Closed on or before its deadline, or closed with no deadline (giải quyết kịp thời).
pub fn resolved_in_time(p: &Proposal) -> bool {
    p.status.is_closed() && !resolved_late(p)
}

/// Days past the deadline as of `today`, for open proposals that are overdue.
pub fn days_overdue(p: &Proposal, today: NaiveDate) -> Option<i64> {
    if is_overdue(p, today) {
        p.deadline.map(|deadline| (today - deadline).num_days())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, proposal};
    use crate::domain::dialogues::{ProposalStatus, Topic};

    fn due(deadline: NaiveDate, status: ProposalStatus, resolved_on: Option<NaiveDate>) -> Proposal {
        let mut p = proposal("p", "dl", Topic::Housing, "Nhà ở xã hội cho công nhân");
        p.deadline = Some(deadline);
        p.status = status;
        p.resolved_on = resolved_on;
        p
    }

    #[test]
    fn deadline_today_is_not_overdue_yet() {
        let p = due(d(2024, 9, 30), ProposalStatus::InProgress, None);
        assert!(!is_overdue(&p, d(2024, 9, 30)));
        assert!(is_overdue(&p, d(2024, 10, 1)));
        assert_eq!(days_overdue(&p, d(2024, 10, 3)), Some(3));
        assert_eq!(days_overdue(&p, d(2024, 9, 30)), None);
    }

    #[test]
    fn overdue_across_the_year_boundary() {
        let p = due(d(2024, 12, 31), ProposalStatus::New, None);
        assert!(!is_overdue(&p, d(2024, 12, 31)));
        assert!(is_overdue(&p, d(2025, 1, 1)));
    }

    #[test]
    fn resolved_on_its_deadline_is_in_time_and_never_overdue() {
        let p = due(d(2024, 9, 30), ProposalStatus::Resolved, Some(d(2024, 9, 30)));
        assert!(!is_overdue(&p, d(2025, 1, 1)));
        assert!(resolved_in_time(&p));
        assert!(!resolved_late(&p));
    }

    #[test]
    fn resolved_the_day_after_its_deadline_is_late() {
        let p = due(d(2024, 9, 30), ProposalStatus::Answered, Some(d(2024, 10, 1)));
        assert!(!is_overdue(&p, d(2025, 1, 1)));
        assert!(resolved_late(&p));
        assert!(!resolved_in_time(&p));
    }

    #[test]
    fn escalated_counts_as_open_so_it_can_be_overdue() {
        let p = due(d(2024, 9, 30), ProposalStatus::Escalated, None);
        assert!(is_overdue(&p, d(2024, 10, 1)));
    }

    #[test]
    fn no_deadline_is_never_overdue() {
        let mut p = due(d(2024, 9, 30), ProposalStatus::New, None);
        p.deadline = None;
        assert!(!is_overdue(&p, d(2030, 1, 1)));
    }
}
