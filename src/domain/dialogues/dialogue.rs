//! A dialogue (cuộc đối thoại) and its minutes (biên bản): who met, where, how many took part,
//! what was agreed with which measures, what was not agreed and when the next dialogue is.
//! Labour Code 2019 art. 63 requires workplace dialogue at least once a year.

use super::attendance::{parse_attendances, AttendanceError};
use super::meeting::{parse_time, Host, HostKind, MeetingDetails, RaisedPoint};
use super::proposal::Proposal;
use crate::domain::record::{self, Id, Meta, Record, Stamp};
use crate::domain::scoring::scorecard::Reopening;
use crate::domain::units::Unit;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DialogueKind {
    /// Định kỳ: the yearly dialogue the law requires.
    Periodic,
    /// Theo yêu cầu của một bên.
    OnRequest,
    /// Vụ việc: after an event (dispute, work stoppage…).
    Incident,
    /// Lãnh đạo – CNLĐ: government leaders meet workers (Hà Nội: every May).
    LeadersWithWorkers,
}

impl DialogueKind {
    pub const ALL: [DialogueKind; 4] = [
        DialogueKind::Periodic,
        DialogueKind::OnRequest,
        DialogueKind::Incident,
        DialogueKind::LeadersWithWorkers,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DialogueLevel {
    /// Cấp doanh nghiệp
    Enterprise,
    /// Cấp quận / huyện
    District,
    /// Cấp thành phố
    City,
}

impl DialogueLevel {
    pub const ALL: [DialogueLevel; 3] = [
        DialogueLevel::Enterprise,
        DialogueLevel::District,
        DialogueLevel::City,
    ];
}

/// Người chủ trì, or any participant named in the minutes: name and role ("Chủ tịch LĐLĐ
/// huyện", "Chủ tịch UBND huyện").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chair {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// Nội dung đã thống nhất and the measure (biện pháp) to carry it out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreedPoint {
    pub content: String,
    #[serde(default)]
    pub measure: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dialogue {
    pub meta: Meta,
    pub kind: DialogueKind,
    pub level: DialogueLevel,
    pub date: NaiveDate,
    #[serde(default)]
    pub place: String,
    /// Đơn vị tổ chức: the unit that organised the dialogue.
    pub unit_id: Id,
    /// Chủ trì phía người lao động / công đoàn.
    #[serde(default)]
    pub worker_chair: Chair,
    /// Chủ trì phía người sử dụng lao động / chính quyền.
    #[serde(default)]
    pub employer_chair: Chair,
    /// Doanh nghiệp tham gia.
    #[serde(default)]
    pub enterprises: Vec<String>,
    /// Lượt người tham dự.
    #[serde(default)]
    pub attendances: u32,
    /// Nội dung đã thống nhất, with measures.
    #[serde(default)]
    pub agreed: Vec<AgreedPoint>,
    /// Nội dung chưa thống nhất.
    #[serde(default)]
    pub disagreed: Vec<String>,
    /// Thời gian đối thoại tiếp theo, recorded when points remain disagreed.
    #[serde(default)]
    pub next_dialogue_on: Option<NaiveDate>,
    /// Ghi chú biên bản.
    #[serde(default)]
    pub minutes_notes: String,
    /// Biên bản có chữ ký của hai bên. Once set, the minutes are locked: see [`super::signing`].
    #[serde(default)]
    pub minutes_signed: bool,
    /// Time of day, host, participants of each side and the minute-taker. Left out of the JSON
    /// while empty, so records written before it read and write back as they were.
    #[serde(default, skip_serializing_if = "MeetingDetails::is_empty")]
    pub meeting: MeetingDetails,
    /// The contents raised as the signed minutes record them, copied from the dialogue's
    /// proposals when the minutes were signed; `None` while unsigned (and for minutes signed by
    /// versions that did not keep the copy: they print the proposals' words as they are now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<Vec<RaisedPoint>>,
    /// Every reopening of the signed minutes: who, which office, when, why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reopenings: Vec<Reopening>,
}
crate::impl_record!(Dialogue);

/// What the dialogue form submits, before validation. Attendances come as typed text.
#[derive(Clone, Debug, PartialEq)]
pub struct DialogueDraft {
    pub kind: DialogueKind,
    pub level: DialogueLevel,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub unit_id: Option<Id>,
    pub worker_chair: Chair,
    pub employer_chair: Chair,
    pub enterprises: Vec<String>,
    pub attendances: String,
    pub agreed: Vec<AgreedPoint>,
    pub disagreed: Vec<String>,
    pub next_dialogue_on: Option<NaiveDate>,
    pub minutes_notes: String,
    pub minutes_signed: bool,
    /// Giờ bắt đầu as typed ("08:30"); blank for none.
    pub start_time: String,
    pub host: Host,
    pub employer_side: Vec<Chair>,
    pub worker_side: Vec<Chair>,
    pub minute_taker: Chair,
}

impl DialogueDraft {
    /// An empty form for a new dialogue of `kind`.
    pub fn new(kind: DialogueKind, level: DialogueLevel) -> Self {
        Self {
            kind,
            level,
            date: None,
            place: String::new(),
            unit_id: None,
            worker_chair: Chair::default(),
            employer_chair: Chair::default(),
            enterprises: Vec::new(),
            attendances: String::new(),
            agreed: Vec::new(),
            disagreed: Vec::new(),
            next_dialogue_on: None,
            minutes_notes: String::new(),
            minutes_signed: false,
            start_time: String::new(),
            host: Host::default(),
            employer_side: Vec::new(),
            worker_side: Vec::new(),
            minute_taker: Chair::default(),
        }
    }

    pub fn from_dialogue(d: &Dialogue) -> Self {
        Self {
            kind: d.kind,
            level: d.level,
            date: Some(d.date),
            place: d.place.clone(),
            unit_id: Some(d.unit_id.clone()),
            worker_chair: d.worker_chair.clone(),
            employer_chair: d.employer_chair.clone(),
            enterprises: d.enterprises.clone(),
            attendances: d.attendances.to_string(),
            agreed: d.agreed.clone(),
            disagreed: d.disagreed.clone(),
            next_dialogue_on: d.next_dialogue_on,
            minutes_notes: d.minutes_notes.clone(),
            minutes_signed: d.minutes_signed,
            start_time: d
                .meeting
                .start_time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            host: d.meeting.host.clone(),
            employer_side: d.meeting.employer_side.clone(),
            worker_side: d.meeting.worker_side.clone(),
            minute_taker: d.meeting.minute_taker.clone(),
        }
    }
}

/// The form field an error belongs to, so the UI shows it next to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DialogueField {
    Date,
    Place,
    Unit,
    Attendances,
    /// The agreed point at this position in the list.
    AgreedPoint(usize),
    NextDialogueOn,
    StartTime,
    /// The People's Committee's or enterprise's name heading the minutes.
    HostName,
    /// The minutes as a whole: signed, so locked.
    Signed,
    /// Who reopens the signed minutes.
    ReopenBy,
    /// Why they are reopened.
    ReopenReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogueError {
    DateRequired,
    PlaceRequired,
    UnitRequired,
    /// The organising unit is not a live unit.
    UnitUnknown,
    /// The organising unit is not active on the dialogue's date ([`Unit::activity_on`], the
    /// one rule): a dialogue of a unit that has ended or not yet started is refused.
    UnitInactive {
        unit: String,
        activity: crate::domain::units::Activity,
        date: NaiveDate,
    },
    Attendances(AttendanceError),
    /// An agreed point has a measure but no content.
    AgreedContentRequired {
        index: usize,
    },
    /// Points remain disagreed but the minutes give no date for the next dialogue.
    NextDialogueRequired,
    /// The next dialogue is dated on or before this one.
    NextDialogueNotAfter,
    /// Giờ bắt đầu is not a time of day.
    StartTimeInvalid,
    /// Minutes held by a People's Committee or an enterprise carry its name.
    HostNameRequired,
    /// The minutes are signed by both sides: their record is locked until reopened.
    MinutesSigned,
    /// Reopening minutes that are not signed.
    NotSigned,
    /// Reopening needs who and why.
    ReopenerRequired,
    ReasonRequired,
    /// Editing a dialogue that no longer exists (e.g. deleted in another tab).
    NotFound,
}

impl DialogueError {
    pub fn field(&self) -> Option<DialogueField> {
        match self {
            DialogueError::DateRequired => Some(DialogueField::Date),
            DialogueError::PlaceRequired => Some(DialogueField::Place),
            DialogueError::UnitRequired | DialogueError::UnitUnknown | DialogueError::UnitInactive { .. } => {
                Some(DialogueField::Unit)
            }
            DialogueError::Attendances(_) => Some(DialogueField::Attendances),
            DialogueError::AgreedContentRequired { index } => Some(DialogueField::AgreedPoint(*index)),
            DialogueError::NextDialogueRequired | DialogueError::NextDialogueNotAfter => {
                Some(DialogueField::NextDialogueOn)
            }
            DialogueError::StartTimeInvalid => Some(DialogueField::StartTime),
            DialogueError::HostNameRequired => Some(DialogueField::HostName),
            DialogueError::MinutesSigned | DialogueError::NotSigned => Some(DialogueField::Signed),
            DialogueError::ReopenerRequired => Some(DialogueField::ReopenBy),
            DialogueError::ReasonRequired => Some(DialogueField::ReopenReason),
            DialogueError::NotFound => None,
        }
    }
}

/// Checks a draft; `units` are used to check the organising unit exists.
pub fn validate(draft: &DialogueDraft, units: &[Unit]) -> Vec<DialogueError> {
    let mut errors = Vec::new();
    if draft.date.is_none() {
        errors.push(DialogueError::DateRequired);
    }
    if crate::domain::fold::is_blank(&draft.place) {
        errors.push(DialogueError::PlaceRequired);
    }
    match draft.unit_id.as_deref().map(str::trim) {
        None | Some("") => errors.push(DialogueError::UnitRequired),
        Some(id) => match (record::find(units, id), draft.date) {
            (None, _) => errors.push(DialogueError::UnitUnknown),
            (Some(unit), Some(date)) => errors.extend(unit_inactive(unit, date)),
            (Some(_), None) => {}
        },
    }
    if let Err(e) = parse_attendances(&draft.attendances) {
        errors.push(DialogueError::Attendances(e));
    }
    for (index, point) in draft.agreed.iter().enumerate() {
        if crate::domain::fold::is_blank(&point.content) && !crate::domain::fold::is_blank(&point.measure) {
            errors.push(DialogueError::AgreedContentRequired { index });
        }
    }
    let has_disagreed = draft.disagreed.iter().any(|p| !crate::domain::fold::is_blank(p));
    match (draft.date, draft.next_dialogue_on) {
        (Some(date), Some(next)) if next <= date => errors.push(DialogueError::NextDialogueNotAfter),
        (_, None) if has_disagreed => errors.push(DialogueError::NextDialogueRequired),
        _ => {}
    }
    if parse_time(&draft.start_time).is_err() {
        errors.push(DialogueError::StartTimeInvalid);
    }
    if draft.host.kind != HostKind::Federation && crate::domain::fold::is_blank(&draft.host.name) {
        errors.push(DialogueError::HostNameRequired);
    }
    errors
}

/// The active-unit rule for a dialogue: its organising unit must be active on its date. The
/// form and a file's import both ask it.
pub fn unit_inactive(unit: &Unit, date: NaiveDate) -> Option<DialogueError> {
    let activity = unit.activity_on(date);
    (activity != crate::domain::units::Activity::Active).then(|| DialogueError::UnitInactive {
        unit: unit.name.clone(),
        activity,
        date,
    })
}

fn non_empty_trimmed(items: Vec<String>) -> Vec<String> {
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn trimmed_chair(c: Chair) -> Chair {
    Chair {
        name: c.name.trim().to_string(),
        role: c.role.trim().to_string(),
    }
}

/// Participants without a name or a role are empty rows of the form.
fn people(list: Vec<Chair>) -> Vec<Chair> {
    list.into_iter()
        .map(trimmed_chair)
        .filter(|c| !c.name.is_empty() || !c.role.is_empty())
        .collect()
}

/// Builds the record content from a draft that passed [`validate`]: trims text, drops empty
/// rows. The signed record (`raised`, `reopenings`) is the caller's to carry over.
fn build(meta: Meta, draft: DialogueDraft) -> Result<Dialogue, Vec<DialogueError>> {
    let date = draft.date.ok_or_else(|| vec![DialogueError::DateRequired])?;
    let attendances =
        parse_attendances(&draft.attendances).map_err(|e| vec![DialogueError::Attendances(e)])?;
    let start_time = parse_time(&draft.start_time).map_err(|_| vec![DialogueError::StartTimeInvalid])?;
    let host = Host {
        kind: draft.host.kind,
        name: match draft.host.kind {
            HostKind::Federation => String::new(),
            _ => draft.host.name.trim().to_string(),
        },
    };
    Ok(Dialogue {
        meta,
        kind: draft.kind,
        level: draft.level,
        date,
        place: draft.place.trim().to_string(),
        unit_id: draft.unit_id.unwrap_or_default().trim().to_string(),
        worker_chair: trimmed_chair(draft.worker_chair),
        employer_chair: trimmed_chair(draft.employer_chair),
        enterprises: non_empty_trimmed(draft.enterprises),
        attendances,
        agreed: draft
            .agreed
            .into_iter()
            .map(|p| AgreedPoint {
                content: p.content.trim().to_string(),
                measure: p.measure.trim().to_string(),
            })
            .filter(|p| !p.content.is_empty())
            .collect(),
        disagreed: non_empty_trimmed(draft.disagreed),
        next_dialogue_on: draft.next_dialogue_on,
        minutes_notes: draft.minutes_notes.trim().to_string(),
        minutes_signed: draft.minutes_signed,
        meeting: MeetingDetails {
            start_time,
            host,
            employer_side: people(draft.employer_side),
            worker_side: people(draft.worker_side),
            minute_taker: trimmed_chair(draft.minute_taker),
        },
        raised: None,
        reopenings: Vec::new(),
    })
}

/// Records a new dialogue. Ticked as signed already, its minutes record the contents raised so
/// far: none (proposals added afterwards are follow-up, see [`super::signing`]).
pub fn add(
    dialogues: &mut Vec<Dialogue>,
    units: &[Unit],
    id: Id,
    draft: DialogueDraft,
    stamp: &Stamp,
) -> Result<(), Vec<DialogueError>> {
    crate::domain::record::checked(validate(&draft, units))?;
    let mut dialogue = build(Meta::new(id, stamp), draft)?;
    if dialogue.minutes_signed {
        super::signing::record_raised(&mut dialogue, &[]);
    }
    dialogues.push(dialogue);
    Ok(())
}

/// Saves the form. Refused once the minutes are signed ([`DialogueError::MinutesSigned`]):
/// signed minutes change only after a recorded [`super::signing::reopen`]. Ticking "signed"
/// here copies the contents raised from the dialogue's `proposals` into the minutes.
pub fn update(
    dialogues: &mut [Dialogue],
    units: &[Unit],
    proposals: &[Proposal],
    id: &str,
    draft: DialogueDraft,
    stamp: &Stamp,
) -> Result<(), Vec<DialogueError>> {
    let existing = record::find_mut(dialogues, id).ok_or_else(|| vec![DialogueError::NotFound])?;
    if existing.minutes_signed {
        return Err(vec![DialogueError::MinutesSigned]);
    }
    crate::domain::record::checked(validate(&draft, units))?;
    let mut meta = existing.meta.clone();
    meta.touch(stamp);
    let mut updated = build(meta, draft)?;
    updated.reopenings = existing.reopenings.clone();
    if updated.minutes_signed {
        super::signing::record_raised(&mut updated, proposals);
    }
    *existing = updated;
    Ok(())
}

/// Deletes a dialogue together with its proposals (they make no sense without it).
/// Signed minutes are refused ([`DialogueError::MinutesSigned`]) until reopened.
pub fn delete_with_proposals(
    dialogues: &mut [Dialogue],
    proposals: &mut [Proposal],
    id: &str,
    stamp: &Stamp,
) -> Result<(), DialogueError> {
    match record::find(dialogues, id) {
        None => return Err(DialogueError::NotFound),
        Some(d) if d.minutes_signed => return Err(DialogueError::MinutesSigned),
        Some(_) => {}
    }
    if !record::delete(dialogues, id, stamp) {
        return Err(DialogueError::NotFound);
    }
    for p in proposals
        .iter_mut()
        .filter(|p| p.is_live() && p.dialogue_id == id)
    {
        p.meta.deleted = true;
        p.meta.touch(stamp);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, stamp, unit};

    fn units() -> Vec<Unit> {
        vec![unit("thanh-oai", "LĐLĐ huyện Thanh Oai")]
    }

    fn draft() -> DialogueDraft {
        let mut draft = DialogueDraft::new(DialogueKind::Periodic, DialogueLevel::District);
        draft.date = Some(d(2024, 5, 14));
        draft.place = " Hội trường UBND huyện Thanh Oai ".into();
        draft.unit_id = Some("thanh-oai".into());
        draft.attendances = "312".into();
        draft
    }

    fn fields(errors: &[DialogueError]) -> Vec<Option<DialogueField>> {
        errors.iter().map(DialogueError::field).collect()
    }

    #[test]
    fn a_complete_draft_is_stored_trimmed_without_empty_rows() {
        let mut dialogues = Vec::new();
        let mut draft = draft();
        draft.enterprises = vec![" Công ty May 10 ".into(), "  ".into()];
        draft.agreed = vec![
            AgreedPoint {
                content: "Đóng đủ BHXH quý III".into(),
                measure: "Phòng LĐTBXH kiểm tra".into(),
            },
            AgreedPoint::default(),
        ];
        add(&mut dialogues, &units(), "dl1".into(), draft, &stamp()).unwrap();
        let dl = &dialogues[0];
        assert_eq!(dl.place, "Hội trường UBND huyện Thanh Oai");
        assert_eq!(dl.attendances, 312);
        assert_eq!(dl.enterprises, vec!["Công ty May 10"]);
        assert_eq!(dl.agreed.len(), 1);
    }

    #[test]
    fn a_dialogue_of_a_unit_that_has_ended_is_refused_on_the_unit_field() {
        let mut ba_vi = unit("thanh-oai", "LĐLĐ huyện Thanh Oai");
        ba_vi.active_to = Some(d(2025, 6, 30));
        let mut late = draft();
        late.date = Some(d(2026, 3, 12));
        let mut dialogues = Vec::new();
        let errors = add(&mut dialogues, &[ba_vi.clone()], "dl".into(), late, &stamp()).unwrap_err();
        assert_eq!(
            errors,
            vec![DialogueError::UnitInactive {
                unit: "LĐLĐ huyện Thanh Oai".into(),
                activity: crate::domain::units::Activity::Ended { to: d(2025, 6, 30) },
                date: d(2026, 3, 12),
            }]
        );
        assert_eq!(fields(&errors), vec![Some(DialogueField::Unit)]);
        assert!(
            crate::domain::dialogues::wording::dialogue_error(&errors[0]).starts_with(
                "LĐLĐ huyện Thanh Oai đã kết thúc hoạt động ngày 30/06/2025, trước ngày 12/03/2026."
            )
        );
        assert!(dialogues.is_empty());
        let mut last_day = draft();
        last_day.date = Some(d(2025, 6, 30));
        add(&mut dialogues, &[ba_vi], "dl".into(), last_day, &stamp()).unwrap();
    }

    #[test]
    fn date_place_and_organiser_are_required_each_on_its_field() {
        let mut draft = draft();
        draft.date = None;
        draft.place = "  ".into();
        draft.unit_id = None;
        let errors = validate(&draft, &units());
        assert_eq!(
            fields(&errors),
            vec![
                Some(DialogueField::Date),
                Some(DialogueField::Place),
                Some(DialogueField::Unit)
            ]
        );
    }

    #[test]
    fn organiser_must_be_a_live_unit() {
        let mut draft = draft();
        draft.unit_id = Some("ba-vi".into());
        assert_eq!(validate(&draft, &units()), vec![DialogueError::UnitUnknown]);
    }

    #[test]
    fn negative_or_wordy_attendances_are_refused_on_their_field() {
        let mut draft = draft();
        draft.attendances = "-300".into();
        let errors = validate(&draft, &units());
        assert_eq!(
            errors,
            vec![DialogueError::Attendances(AttendanceError::Negative)]
        );
        assert_eq!(errors[0].field(), Some(DialogueField::Attendances));
        draft.attendances = "hơn 300".into();
        assert_eq!(
            validate(&draft, &units()),
            vec![DialogueError::Attendances(AttendanceError::NotANumber)]
        );
    }

    #[test]
    fn next_dialogue_must_come_after_this_one() {
        let mut draft = draft();
        draft.next_dialogue_on = Some(d(2024, 5, 13));
        assert_eq!(
            validate(&draft, &units()),
            vec![DialogueError::NextDialogueNotAfter]
        );
        draft.next_dialogue_on = Some(d(2024, 5, 14));
        assert_eq!(
            validate(&draft, &units()),
            vec![DialogueError::NextDialogueNotAfter]
        );
        draft.next_dialogue_on = Some(d(2024, 8, 1));
        assert!(validate(&draft, &units()).is_empty());
    }

    #[test]
    fn disagreed_points_need_the_next_dialogue_date() {
        let mut draft = draft();
        draft.disagreed = vec!["Nâng mức hỗ trợ nhà ở".into()];
        let errors = validate(&draft, &units());
        assert_eq!(errors, vec![DialogueError::NextDialogueRequired]);
        assert_eq!(errors[0].field(), Some(DialogueField::NextDialogueOn));
    }

    #[test]
    fn an_agreed_measure_without_content_points_at_its_row() {
        let mut draft = draft();
        draft.agreed = vec![
            AgreedPoint {
                content: "Tăng ca không quá 40 giờ/tháng".into(),
                measure: String::new(),
            },
            AgreedPoint {
                content: " ".into(),
                measure: "Ký phụ lục hợp đồng".into(),
            },
        ];
        let errors = validate(&draft, &units());
        assert_eq!(fields(&errors), vec![Some(DialogueField::AgreedPoint(1))]);
    }

    #[test]
    fn update_keeps_the_id_and_counts_an_edit() {
        let mut dialogues = Vec::new();
        add(&mut dialogues, &units(), "dl1".into(), draft(), &stamp()).unwrap();
        let mut edited = DialogueDraft::from_dialogue(&dialogues[0]);
        edited.attendances = "1.250".into();
        edited.minutes_signed = true;
        update(&mut dialogues, &units(), &[], "dl1", edited, &stamp()).unwrap();
        assert_eq!(dialogues[0].attendances, 1250);
        assert_eq!(dialogues[0].meta.id, "dl1");
        assert_eq!(dialogues[0].meta.edits["thanh-oai"], 2);
        assert_eq!(
            update(&mut dialogues, &units(), &[], "nope", draft(), &stamp()),
            Err(vec![DialogueError::NotFound])
        );
    }

    #[test]
    fn deleting_a_dialogue_deletes_its_proposals() {
        use crate::domain::dialogues::testkit::{dialogue, proposal};
        use crate::domain::dialogues::Topic;
        let mut dialogues = vec![
            dialogue("a", "thanh-oai", DialogueKind::Periodic, d(2024, 5, 14)),
            dialogue("b", "thanh-oai", DialogueKind::Periodic, d(2025, 5, 14)),
        ];
        dialogues[0].minutes_signed = false;
        let mut proposals = vec![
            proposal("p1", "a", Topic::Housing, "Nhà ở công nhân"),
            proposal("p2", "b", Topic::Wages, "Tiền lương"),
        ];
        assert_eq!(
            delete_with_proposals(&mut dialogues, &mut proposals, "a", &stamp()),
            Ok(())
        );
        assert!(!proposals[0].is_live());
        assert!(proposals[1].is_live());
        assert_eq!(
            delete_with_proposals(&mut dialogues, &mut proposals, "a", &stamp()),
            Err(DialogueError::NotFound)
        );
        // Signed minutes are the record of a meeting: they go only after a recorded reopening.
        assert_eq!(
            delete_with_proposals(&mut dialogues, &mut proposals, "b", &stamp()),
            Err(DialogueError::MinutesSigned)
        );
        assert!(dialogues[1].is_live() && proposals[1].is_live());
    }
}
