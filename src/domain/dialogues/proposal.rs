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
    /// Lĩnh vực: chosen in the form (a choice the form reads, not a rule of the record).
    Topic,
    DirectiveDate,
    Deadline,
    Status,
    /// The date of a status change.
    StatusDate,
    ResolvedOn,
    /// Kết quả trả lời, giải quyết.
    Response,
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
    /// Closing (Đã giải quyết, Đã trả lời) says what the result or the answer was.
    ResponseRequired,
    /// Closing says on which day it was resolved or answered.
    ResolvedOnRequired,
    NotFound,
}

impl ProposalError {
    pub fn field(&self) -> Option<ProposalField> {
        match self {
            ProposalError::DialogueRequired | ProposalError::DialogueUnknown => Some(ProposalField::Dialogue),
            ProposalError::ContentRequired => Some(ProposalField::Content),
            ProposalError::DirectiveBeforeDialogue => Some(ProposalField::DirectiveDate),
            ProposalError::DeadlineBeforeDialogue => Some(ProposalField::Deadline),
            ProposalError::ResolvedBeforeDialogue | ProposalError::ResolvedOnRequired => {
                Some(ProposalField::ResolvedOn)
            }
            ProposalError::ResponseRequired => Some(ProposalField::Response),
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
    if crate::domain::fold::is_blank(&draft.content) {
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
    crate::domain::record::checked(validate(&draft, dialogues))?;
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
    crate::domain::record::checked(validate(&draft, dialogues))?;
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
    /// Kết quả trả lời, giải quyết: required when closing; kept on the proposal.
    pub response: String,
    /// Ngày giải quyết: required when closing; ignored when the proposal stays open.
    pub resolved_on: Option<NaiveDate>,
}

impl StatusUpdate {
    /// A change to an open status (mới, đang xử lý, chuyển cấp trên).
    pub fn open(to: ProposalStatus, on: NaiveDate) -> Self {
        Self {
            to,
            on,
            note: String::new(),
            response: String::new(),
            resolved_on: None,
        }
    }

    /// Closing on `on` with its result or answer, resolved the same day.
    pub fn closing(to: ProposalStatus, on: NaiveDate, response: &str) -> Self {
        Self {
            response: response.to_string(),
            resolved_on: Some(on),
            ..Self::open(to, on)
        }
    }
}

/// Changes the status and appends a dated entry to the history. Closing (Resolved, Answered)
/// needs the result or answer and the resolution date, both kept on the proposal (not only in
/// the history's note); reopening clears the date. `dialogue_date` is the date of the
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
    if update.to.is_closed() {
        if crate::domain::fold::is_blank(&update.response) {
            errors.push(ProposalError::ResponseRequired);
        }
        match update.resolved_on {
            None => errors.push(ProposalError::ResolvedOnRequired),
            Some(r) if r < dialogue_date => errors.push(ProposalError::ResolvedBeforeDialogue),
            Some(_) => {}
        }
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
    if update.to.is_closed() {
        p.response = update.response.trim().to_string();
        p.resolved_on = update.resolved_on;
    } else {
        p.resolved_on = None;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, dialogue, stamp};
    use crate::domain::dialogues::DialogueKind;

    fn dialogues() -> Vec<Dialogue> {
        vec![dialogue(
            "dl",
            "thanh-oai",
            DialogueKind::LeadersWithWorkers,
            d(2024, 5, 14),
        )]
    }

    fn draft() -> ProposalDraft {
        let mut draft = ProposalDraft::new("dl".into(), Topic::SocialInsurance);
        draft.content = " Xử lý doanh nghiệp nợ đóng BHXH kéo dài ".into();
        draft.agency = "BHXH huyện".into();
        draft.directive = Directive {
            number: "125/UBND-NC".into(),
            date: Some(d(2024, 5, 20)),
        };
        draft.deadline = Some(d(2024, 9, 30));
        draft
    }

    fn added() -> Vec<Proposal> {
        let mut proposals = Vec::new();
        add(&mut proposals, &dialogues(), "p1".into(), draft(), &stamp()).unwrap();
        proposals
    }

    fn to(status: ProposalStatus, on: NaiveDate) -> StatusUpdate {
        if status.is_closed() {
            StatusUpdate::closing(status, on, "Đã trả lời bằng văn bản")
        } else {
            StatusUpdate::open(status, on)
        }
    }

    #[test]
    fn a_new_proposal_starts_as_new_with_no_history() {
        let proposals = added();
        assert_eq!(proposals[0].status, ProposalStatus::New);
        assert_eq!(proposals[0].content, "Xử lý doanh nghiệp nợ đóng BHXH kéo dài");
        assert!(proposals[0].history.is_empty());
    }

    #[test]
    fn empty_content_is_refused_on_the_content_field() {
        let mut draft = draft();
        draft.content = "   ".into();
        let errors = validate(&draft, &dialogues());
        assert_eq!(errors, vec![ProposalError::ContentRequired]);
        assert_eq!(errors[0].field(), Some(ProposalField::Content));
    }

    #[test]
    fn dialogue_must_be_given_and_exist() {
        let mut draft = draft();
        draft.dialogue_id = None;
        assert_eq!(
            validate(&draft, &dialogues()),
            vec![ProposalError::DialogueRequired]
        );
        draft.dialogue_id = Some("other".into());
        let errors = validate(&draft, &dialogues());
        assert_eq!(errors, vec![ProposalError::DialogueUnknown]);
        assert_eq!(errors[0].field(), Some(ProposalField::Dialogue));
    }

    #[test]
    fn deadline_before_the_dialogue_is_refused_but_the_same_day_is_fine() {
        let mut draft = draft();
        draft.deadline = Some(d(2024, 5, 13));
        let errors = validate(&draft, &dialogues());
        assert_eq!(errors, vec![ProposalError::DeadlineBeforeDialogue]);
        assert_eq!(errors[0].field(), Some(ProposalField::Deadline));
        draft.deadline = Some(d(2024, 5, 14));
        assert!(validate(&draft, &dialogues()).is_empty());
    }

    #[test]
    fn resolution_and_directive_dates_before_the_dialogue_name_their_fields() {
        let mut draft = draft();
        draft.resolved_on = Some(d(2024, 1, 2));
        draft.directive.date = Some(d(2024, 5, 1));
        let fields: Vec<_> = validate(&draft, &dialogues())
            .iter()
            .map(ProposalError::field)
            .collect();
        assert_eq!(
            fields,
            vec![
                Some(ProposalField::DirectiveDate),
                Some(ProposalField::ResolvedOn)
            ]
        );
    }

    #[test]
    fn change_status_appends_dated_history_and_sets_the_resolution_date() {
        let mut proposals = added();
        let p = &mut proposals[0];
        change_status(
            p,
            d(2024, 5, 14),
            to(ProposalStatus::InProgress, d(2024, 6, 1)),
            &stamp(),
        )
        .unwrap();
        let mut done = to(ProposalStatus::Resolved, d(2024, 9, 30));
        done.note = " Doanh nghiệp đã nộp đủ ".into();
        change_status(p, d(2024, 5, 14), done, &stamp()).unwrap();
        assert_eq!(p.status, ProposalStatus::Resolved);
        assert_eq!(p.resolved_on, Some(d(2024, 9, 30)));
        assert_eq!(p.history.len(), 2);
        assert_eq!(p.history[0].from, ProposalStatus::New);
        assert_eq!(p.history[1].from, ProposalStatus::InProgress);
        assert_eq!(p.history[1].note, "Doanh nghiệp đã nộp đủ");
        assert_eq!(p.history[1].by, "thanh-oai");
    }

    #[test]
    fn closing_needs_the_result_and_the_resolution_date_and_keeps_both() {
        let mut proposals = added();
        let p = &mut proposals[0];
        let mut bare = StatusUpdate::open(ProposalStatus::Resolved, d(2024, 9, 30));
        bare.note = "Đã giải quyết xong".into();
        let errors = change_status(p, d(2024, 5, 14), bare, &stamp()).unwrap_err();
        assert_eq!(
            errors,
            vec![ProposalError::ResponseRequired, ProposalError::ResolvedOnRequired]
        );
        assert_eq!(errors[0].field(), Some(ProposalField::Response));
        assert_eq!(errors[1].field(), Some(ProposalField::ResolvedOn));
        assert_eq!(p.status, ProposalStatus::New);

        let mut early = StatusUpdate::closing(ProposalStatus::Answered, d(2024, 9, 30), "Trả lời");
        early.resolved_on = Some(d(2024, 5, 1));
        assert_eq!(
            change_status(p, d(2024, 5, 14), early, &stamp()),
            Err(vec![ProposalError::ResolvedBeforeDialogue])
        );

        let mut done = StatusUpdate::closing(
            ProposalStatus::Resolved,
            d(2024, 9, 30),
            " Doanh nghiệp đã nộp đủ 1,2 tỷ đồng ",
        );
        done.resolved_on = Some(d(2024, 9, 28));
        change_status(p, d(2024, 5, 14), done, &stamp()).unwrap();
        assert_eq!(p.response, "Doanh nghiệp đã nộp đủ 1,2 tỷ đồng");
        assert_eq!(p.resolved_on, Some(d(2024, 9, 28)));
    }

    #[test]
    fn reopening_clears_the_resolution_date() {
        let mut proposals = added();
        let p = &mut proposals[0];
        change_status(
            p,
            d(2024, 5, 14),
            to(ProposalStatus::Answered, d(2024, 7, 1)),
            &stamp(),
        )
        .unwrap();
        change_status(
            p,
            d(2024, 5, 14),
            to(ProposalStatus::InProgress, d(2024, 8, 1)),
            &stamp(),
        )
        .unwrap();
        assert_eq!(p.resolved_on, None);
        assert!(p.status.is_open());
    }

    #[test]
    fn status_changes_cannot_go_back_in_time_or_repeat() {
        let mut proposals = added();
        let p = &mut proposals[0];
        change_status(
            p,
            d(2024, 5, 14),
            to(ProposalStatus::InProgress, d(2024, 6, 1)),
            &stamp(),
        )
        .unwrap();
        assert_eq!(
            change_status(
                p,
                d(2024, 5, 14),
                to(ProposalStatus::InProgress, d(2024, 6, 2)),
                &stamp()
            ),
            Err(vec![ProposalError::StatusUnchanged])
        );
        let err = change_status(
            p,
            d(2024, 5, 14),
            to(ProposalStatus::Resolved, d(2024, 5, 31)),
            &stamp(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            vec![ProposalError::StatusDateBeforeLastChange { last: d(2024, 6, 1) }]
        );
        assert_eq!(err[0].field(), Some(ProposalField::StatusDate));
        let err = change_status(
            p,
            d(2024, 5, 14),
            to(ProposalStatus::Resolved, d(2024, 5, 1)),
            &stamp(),
        )
        .unwrap_err();
        assert!(err.contains(&ProposalError::StatusDateBeforeDialogue));
        assert_eq!(p.history.len(), 1);
    }

    #[test]
    fn change_status_by_id_looks_up_the_dialogue_date() {
        let mut proposals = added();
        let before = to(ProposalStatus::InProgress, d(2024, 5, 1));
        assert_eq!(
            change_status_by_id(&mut proposals, &dialogues(), "p1", before, &stamp()),
            Err(vec![ProposalError::StatusDateBeforeDialogue])
        );
        let on_time = to(ProposalStatus::Resolved, d(2024, 9, 30));
        change_status_by_id(&mut proposals, &dialogues(), "p1", on_time, &stamp()).unwrap();
        assert_eq!(proposals[0].status, ProposalStatus::Resolved);
    }

    #[test]
    fn editing_a_closed_proposal_can_correct_its_resolution_date() {
        let mut proposals = added();
        change_status(
            &mut proposals[0],
            d(2024, 5, 14),
            to(ProposalStatus::Resolved, d(2024, 9, 30)),
            &stamp(),
        )
        .unwrap();
        let mut edit = ProposalDraft::from_proposal(&proposals[0]);
        edit.resolved_on = Some(d(2024, 9, 28));
        edit.response = "Đã thu hồi 1,2 tỷ đồng nợ BHXH".into();
        update(&mut proposals, &dialogues(), "p1", edit, &stamp()).unwrap();
        assert_eq!(proposals[0].resolved_on, Some(d(2024, 9, 28)));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::dialogues::testkit::{d, proposal, stamp};
    use proptest::prelude::*;

    fn status() -> impl Strategy<Value = ProposalStatus> {
        prop::sample::select(ProposalStatus::ALL.to_vec())
    }

    proptest! {
        /// Whatever changes are accepted, the history replays to the current status, the
        /// resolution date is set exactly when closed, and the status on any day is the one
        /// reached by the changes up to that day.
        #[test]
        fn history_always_replays_to_the_current_status(
            steps in prop::collection::vec((status(), 0u64..60), 0..12),
            probe in 0u64..800,
        ) {
            let held = d(2024, 5, 14);
            let mut p = proposal("p", "dl", crate::domain::dialogues::Topic::Wages, "Tiền lương");
            let mut day = held;
            for (to, gap) in steps {
                day = day + chrono::Days::new(gap);
                let before = p.status;
                let update = if to.is_closed() {
                    StatusUpdate::closing(to, day, "Đã trả lời")
                } else {
                    StatusUpdate::open(to, day)
                };
                let accepted = change_status(&mut p, held, update, &stamp()).is_ok();
                prop_assert_eq!(accepted, to != before);
            }
            prop_assert_eq!(p.status_on(d(2030, 1, 1)), p.status);
            prop_assert_eq!(p.resolved_on.is_some(), p.status.is_closed());
            prop_assert_eq!(p.status_on(held - chrono::Days::new(1)), ProposalStatus::New);
            let when = held + chrono::Days::new(probe);
            let expected = p
                .history
                .iter()
                .rfind(|c| c.on <= when)
                .map_or(ProposalStatus::New, |c| c.to);
            prop_assert_eq!(p.status_on(when), expected);
        }
    }
}
