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
