//! Proposal status (trạng thái kiến nghị) and its dated history.
//!
//! Which statuses are open and which are closed decides overdue counts, carry-over to the next
//! dialogue and the share resolved, so it is written down once here:
//! - open: [`ProposalStatus::New`] (mới), [`ProposalStatus::InProgress`] (đang xử lý) and
//!   [`ProposalStatus::Escalated`] (chuyển cấp trên);
//! - closed: [`ProposalStatus::Resolved`] (đã giải quyết) and [`ProposalStatus::Answered`]
//!   (đã trả lời).
//!
//! *(proposal)* Escalated stays open: handing a proposal to a higher level does not settle it
//! for the workers who raised it, so it is still reviewed at the next dialogue, still counts as
//! overdue after its deadline, and does not raise the share resolved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    /// Mới
    New,
    /// Đang xử lý
    InProgress,
    /// Đã giải quyết
    Resolved,
    /// Đã trả lời (answered / explained, nothing more to do)
    Answered,
    /// Chuyển cấp trên
    Escalated,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 5] = [
        ProposalStatus::New,
        ProposalStatus::InProgress,
        ProposalStatus::Resolved,
        ProposalStatus::Answered,
        ProposalStatus::Escalated,
    ];

    /// Still waiting for a resolution: New, InProgress and Escalated (see the module docs).
    pub fn is_open(self) -> bool {
        !self.is_closed()
    }

    /// Settled: Resolved or Answered.
    pub fn is_closed(self) -> bool {
        matches!(self, ProposalStatus::Resolved | ProposalStatus::Answered)
    }

    /// Position in [`ProposalStatus::ALL`], for per-status counters.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One status change, kept forever so the next dialogue can see what happened and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub from: ProposalStatus,
    pub to: ProposalStatus,
    /// The day the change took effect, as the officer records it (not the typing time).
    pub on: NaiveDate,
    /// Office id of whoever recorded it.
    pub by: String,
    #[serde(default)]
    pub note: String,
}

/// The status a proposal had at the end of `day`, replaying its history.
///
/// Changes dated on `day` count (a proposal resolved on the day of a dialogue is no longer open
/// at it). Without history, a closed proposal with a resolution date is taken to have been New
/// before that date.
pub fn status_on(
    current: ProposalStatus,
    resolved_on: Option<NaiveDate>,
    history: &[StatusChange],
    day: NaiveDate,
) -> ProposalStatus {
    match history.first() {
        Some(first) => history
            .iter()
            .take_while(|c| c.on <= day)
            .last()
            .map_or(first.from, |c| c.to),
        None => match resolved_on {
            Some(r) if current.is_closed() && day < r => ProposalStatus::New,
            _ => current,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn change(from: ProposalStatus, to: ProposalStatus, on: NaiveDate) -> StatusChange {
        StatusChange {
            from,
            to,
            on,
            by: "office".into(),
            note: String::new(),
        }
    }

    #[test]
    fn resolved_and_answered_close_escalated_stays_open() {
        use ProposalStatus::*;
        assert!(Resolved.is_closed() && Answered.is_closed());
        assert!(New.is_open() && InProgress.is_open() && Escalated.is_open());
    }

    #[test]
    fn index_matches_position_in_all() {
        for (i, s) in ProposalStatus::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }

    #[test]
    fn status_on_replays_history_up_to_the_end_of_the_day() {
        use ProposalStatus::*;
        let history = vec![
            change(New, InProgress, d(2024, 6, 1)),
            change(InProgress, Resolved, d(2024, 9, 15)),
        ];
        assert_eq!(status_on(Resolved, None, &history, d(2024, 5, 31)), New);
        assert_eq!(status_on(Resolved, None, &history, d(2024, 6, 1)), InProgress);
        assert_eq!(status_on(Resolved, None, &history, d(2024, 9, 14)), InProgress);
        assert_eq!(status_on(Resolved, None, &history, d(2024, 9, 15)), Resolved);
    }

    #[test]
    fn status_on_without_history_uses_the_resolution_date() {
        use ProposalStatus::*;
        let r = Some(d(2024, 9, 15));
        assert_eq!(status_on(Resolved, r, &[], d(2024, 9, 14)), New);
        assert_eq!(status_on(Resolved, r, &[], d(2024, 9, 15)), Resolved);
        assert_eq!(status_on(InProgress, None, &[], d(2020, 1, 1)), InProgress);
    }
}
