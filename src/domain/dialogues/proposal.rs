//! Proposals (kiến nghị) raised at a dialogue: what was asked, which agency must act under which
//! directive (văn bản chỉ đạo) by when, and how it ended. Separate records that point to their
//! dialogue, so a directive issued weeks later is added without touching the minutes.

use super::dialogue::Dialogue;
use super::status::{self, ProposalStatus, StatusChange};
use super::topic::Topic;
use crate::domain::record::{self, Id, Meta, Stamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Văn bản chỉ đạo: number ("125/UBND-NC") and date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub meta: Meta,
    /// The dialogue where it was raised.
    pub dialogue_id: Id,
    /// Nội dung kiến nghị.
    pub content: String,
    pub topic: Topic,
    /// Người / đơn vị kiến nghị.
    #[serde(default)]
    pub raised_by: String,
    /// Cơ quan được giao xử lý.
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub directive: Directive,
    /// Thời hạn giải quyết.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    pub status: ProposalStatus,
    /// Kết quả trả lời / giải quyết.
    #[serde(default)]
    pub response: String,
    /// Ngày giải quyết: set when the proposal closes, cleared if it reopens.
    #[serde(default)]
    pub resolved_on: Option<NaiveDate>,
    /// Every status change, oldest first.
    #[serde(default)]
    pub history: Vec<StatusChange>,
}
crate::impl_record!(Proposal);

impl Proposal {
    /// The status it had at the end of `day` (see [`status::status_on`]).
    pub fn status_on(&self, day: NaiveDate) -> ProposalStatus {
        status::status_on(self.status, self.resolved_on, &self.history, day)
    }

    /// Was it open at the end of `day`?
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.status_on(day).is_open()
    }
}

/// What the proposal form submits. Status is not here: it changes only through
/// [`change_status`], which keeps the history.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposalDraft {
    pub dialogue_id: Option<Id>,
    pub content: String,
    pub topic: Topic,
    pub raised_by: String,
    pub agency: String,
    pub directive: Directive,
    pub deadline: Option<NaiveDate>,
    pub response: String,
    /// Correcting the resolution date of a closed proposal; ignored while it is open.
    pub resolved_on: Option<NaiveDate>,
}

impl ProposalDraft {
    pub fn new(dialogue_id: Id, topic: Topic) -> Self {
        Self {
            dialogue_id: Some(dialogue_id),
            content: String::new(),
            topic,
            raised_by: String::new(),
            agency: String::new(),
            directive: Directive::default(),
            deadline: None,
            response: String::new(),
            resolved_on: None,
        }
    }

    pub fn from_proposal(p: &Proposal) -> Self {
        Self {
            dialogue_id: Some(p.dialogue_id.clone()),
            content: p.content.clone(),
            topic: p.topic,
            raised_by: p.raised_by.clone(),
            agency: p.agency.clone(),
            directive: p.directive.clone(),
            deadline: p.deadline,
            response: p.response.clone(),
            resolved_on: p.resolved_on,
        }
    }
}

/// The form field an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProposalField {
    Dialogue,
    Content,
    DirectiveDate,
    Deadline,
    Status,
    /// The date of a status change (and the resolution date it sets).
    StatusDate,
    ResolvedOn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposalError {
    DialogueRequired,
    /// The dialogue is not a live dialogue.
    DialogueUnknown,
    ContentRequired,
    /// The directive is dated before the dialogue it follows.
    DirectiveBeforeDialogue,
    /// The deadline is before the dialogue date.
    DeadlineBeforeDialogue,
    /// The resolution date is before the dialogue date.
    ResolvedBeforeDialogue,
    /// A status change to the status it already has.
    StatusUnchanged,
    /// A status change dated before the dialogue.
    StatusDateBeforeDialogue,
    /// A status change dated before the previous change: history must stay in order.
    StatusDateBeforeLastChange {
        last: NaiveDate,
    },
    NotFound,
}

impl ProposalError {
    pub fn field(&self) -> Option<ProposalField> {
        match self {
            ProposalError::DialogueRequired | ProposalError::DialogueUnknown => Some(ProposalField::Dialogue),
            ProposalError::ContentRequired => Some(ProposalField::Content),
            ProposalError::DirectiveBeforeDialogue => Some(ProposalField::DirectiveDate),
            ProposalError::DeadlineBeforeDialogue => Some(ProposalField::Deadline),
            ProposalError::ResolvedBeforeDialogue => Some(ProposalField::ResolvedOn),
            ProposalError::StatusUnchanged => Some(ProposalField::Status),
            ProposalError::StatusDateBeforeDialogue | ProposalError::StatusDateBeforeLastChange { .. } => {
                Some(ProposalField::StatusDate)
            }
            ProposalError::NotFound => None,
        }
    }
}

/// Checks a draft against the dialogues it may belong to.
pub fn validate(draft: &ProposalDraft, dialogues: &[Dialogue]) -> Vec<ProposalError> {
    let mut errors = Vec::new();
    let dialogue = match draft.dialogue_id.as_deref() {
        None | Some("") => {
            errors.push(ProposalError::DialogueRequired);
            None
        }
        Some(id) => {
            let found = record::find(dialogues, id);
            if found.is_none() {
                errors.push(ProposalError::DialogueUnknown);
            }
            found
        }
    };
    if draft.content.trim().is_empty() {
        errors.push(ProposalError::ContentRequired);
    }
    if let Some(held) = dialogue.map(|d| d.date) {
        if draft.directive.date.is_some_and(|d| d < held) {
            errors.push(ProposalError::DirectiveBeforeDialogue);
        }
        if draft.deadline.is_some_and(|d| d < held) {
            errors.push(ProposalError::DeadlineBeforeDialogue);
        }
        if draft.resolved_on.is_some_and(|d| d < held) {
            errors.push(ProposalError::ResolvedBeforeDialogue);
        }
    }
    errors
}

fn apply(p: &mut Proposal, draft: ProposalDraft) {
    p.dialogue_id = draft.dialogue_id.unwrap_or_default();
    p.content = draft.content.trim().to_string();
    p.topic = draft.topic;
    p.raised_by = draft.raised_by.trim().to_string();
    p.agency = draft.agency.trim().to_string();
    p.directive = Directive {
        number: draft.directive.number.trim().to_string(),
        date: draft.directive.date,
    };
    p.deadline = draft.deadline;
    p.response = draft.response.trim().to_string();
    if p.status.is_closed() {
        p.resolved_on = draft.resolved_on.or(p.resolved_on);
    }
}

/// Adds a proposal with status New.
pub fn add(
    proposals: &mut Vec<Proposal>,
    dialogues: &[Dialogue],
    id: Id,
    draft: ProposalDraft,
    stamp: &Stamp,
) -> Result<(), Vec<ProposalError>> {
    let errors = validate(&draft, dialogues);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut p = Proposal {
        meta: Meta::new(id, stamp),
        dialogue_id: String::new(),
        content: String::new(),
        topic: draft.topic,
        raised_by: String::new(),
        agency: String::new(),
        directive: Directive::default(),
        deadline: None,
        status: ProposalStatus::New,
        response: String::new(),
        resolved_on: None,
        history: Vec::new(),
    };
    apply(&mut p, draft);
    proposals.push(p);
    Ok(())
}

pub fn update(
    proposals: &mut [Proposal],
    dialogues: &[Dialogue],
    id: &str,
    draft: ProposalDraft,
    stamp: &Stamp,
) -> Result<(), Vec<ProposalError>> {
    let errors = validate(&draft, dialogues);
    if !errors.is_empty() {
        return Err(errors);
    }
    let p = record::find_mut(proposals, id).ok_or_else(|| vec![ProposalError::NotFound])?;
    apply(p, draft);
    p.meta.touch(stamp);
    Ok(())
}

/// A status change as the officer enters it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusUpdate {
    pub to: ProposalStatus,
    /// The day it took effect.
    pub on: NaiveDate,
    pub note: String,
}

/// Changes the status and appends a dated entry to the history. Closing (Resolved, Answered)
/// sets the resolution date to `on`; reopening clears it. `dialogue_date` is the date of the
/// proposal's dialogue: nothing can happen to a proposal before it was raised.
pub fn change_status(
    p: &mut Proposal,
    dialogue_date: NaiveDate,
    update: StatusUpdate,
    stamp: &Stamp,
) -> Result<(), Vec<ProposalError>> {
    let mut errors = Vec::new();
    if update.to == p.status {
        errors.push(ProposalError::StatusUnchanged);
    }
    if update.on < dialogue_date {
        errors.push(ProposalError::StatusDateBeforeDialogue);
    }
    if let Some(last) = p.history.last().map(|c| c.on).filter(|last| update.on < *last) {
        errors.push(ProposalError::StatusDateBeforeLastChange { last });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    p.history.push(StatusChange {
        from: p.status,
        to: update.to,
        on: update.on,
        by: stamp.office_id.clone(),
        note: update.note.trim().to_string(),
    });
    p.status = update.to;
    p.resolved_on = update.to.is_closed().then_some(update.on);
    p.meta.touch(stamp);
    Ok(())
}

/// [`change_status`] on the live proposal with this id, looking up its dialogue's date.
pub fn change_status_by_id(
    proposals: &mut [Proposal],
    dialogues: &[Dialogue],
    id: &str,
    update: StatusUpdate,
    stamp: &Stamp,
) -> Result<(), Vec<ProposalError>> {
    let p = record::find_mut(proposals, id).ok_or_else(|| vec![ProposalError::NotFound])?;
    let date = record::find(dialogues, &p.dialogue_id)
        .map(|d| d.date)
        .ok_or_else(|| vec![ProposalError::DialogueUnknown])?;
    change_status(p, date, update, stamp)
}
