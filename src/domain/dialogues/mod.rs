//! Dialogues (đối thoại) and the proposals (kiến nghị) raised at them: the records, their
//! validation, status history, overdue and carry-over rules, filters, yearly summaries and the
//! yearly-dialogue compliance check.
//!
//! One file per concern: [`dialogue`] (record, form draft, validation, add/update/delete),
//! [`attendance`] (typed counts), [`proposal`] (record, validation, [`change_status`]),
//! [`status`] (open vs closed, history replay), [`topic`], [`overdue`], [`carry_over`],
//! [`meeting`] (time, host, participants, minute-taker), [`signing`] (signed minutes locked,
//! recorded reopening), [`filter`] (folded indexes for large lists), [`summary`], [`compliance`],
//! [`sample`] (deterministic synthetic data for benchmarks).
//!
//! Every mutation takes a [`Stamp`](crate::domain::record::Stamp); every rule that depends on
//! the day takes `today` explicitly, so all of it is pure and tested natively.

pub mod attendance;
pub mod attention;
pub mod carry_over;
pub mod compliance;
pub mod dialogue;
pub mod filter;
pub mod meeting;
pub mod overdue;
pub mod proposal;
pub mod sample;
pub mod signing;
pub mod status;
pub mod summary;
pub mod topic;
pub mod wording;

#[cfg(test)]
pub(crate) mod testkit;

pub use attendance::{parse_attendances, AttendanceError};
pub use carry_over::carried_over_to;
pub use compliance::units_without_periodic_dialogue;
pub use dialogue::{
    AgreedPoint, Chair, Dialogue, DialogueDraft, DialogueError, DialogueField, DialogueKind, DialogueLevel,
};
pub use filter::{
    search_dialogues, search_proposals, DialogueFilter, DialogueIndex, ProposalFilter, ProposalIndex,
};
pub use meeting::{Host, HostKind, MeetingDetails, RaisedPoint};
pub use overdue::{days_overdue, is_overdue, resolved_in_time, resolved_late};
pub use proposal::{
    change_status, Directive, Proposal, ProposalDraft, ProposalError, ProposalField, StatusUpdate,
};
pub use status::{status_on, ProposalStatus, StatusChange};
pub use summary::{summarize, summarize_held, summarize_years, Organisers, Summary};
pub use topic::Topic;
