//! Units (đơn vị): the city federation, district federations, sector unions, grassroots unions.
//! The hierarchy is data, not code (Hà Nội dissolved its district federations on 30/6/2025), so
//! every unit has an active period and archived units stay readable for past years.

pub mod activity;

use super::record::{self, Id, Meta, Stamp};
pub use activity::{
    inactive_in_year_message, inactive_message, work_span, work_spans, Activity, Outside, WorkSpan,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// LĐLĐ Thành phố
    City,
    /// LĐLĐ quận / huyện / thị xã
    District,
    /// Công đoàn ngành, khu công nghiệp
    Sector,
    /// Công đoàn cơ sở (CĐCS)
    Grassroots,
    /// Khác
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] = [
        UnitKind::City,
        UnitKind::District,
        UnitKind::Sector,
        UnitKind::Grassroots,
        UnitKind::Other,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub meta: Meta,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub parent_id: Option<Id>,
    #[serde(default)]
    pub active_from: Option<NaiveDate>,
    #[serde(default)]
    pub active_to: Option<NaiveDate>,
    /// Lưu trữ: hidden from current work, kept for history.
    #[serde(default)]
    pub archived: bool,
}
crate::impl_record!(Unit);

impl Unit {
    /// The short name where one was given, for tight tables and charts.
    pub fn label(&self) -> &str {
        if crate::domain::fold::is_blank(&self.short_name) {
            &self.name
        } else {
            &self.short_name
        }
    }
}

/// What the unit form submits, before validation.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitDraft {
    pub name: String,
    pub short_name: String,
    pub kind: UnitKind,
    pub parent_id: Option<Id>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
}

impl UnitDraft {
    pub fn from_unit(u: &Unit) -> Self {
        Self {
            name: u.name.clone(),
            short_name: u.short_name.clone(),
            kind: u.kind,
            parent_id: u.parent_id.clone(),
            active_from: u.active_from,
            active_to: u.active_to,
        }
    }
}

/// The form field an error belongs to, so the UI shows it next to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitField {
    Name,
    Parent,
    ActiveFrom,
    ActiveTo,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitError {
    NameRequired,
    /// Another active unit already has this name (compared without case and diacritics).
    NameTaken {
        other: String,
    },
    ParentUnknown,
    /// The chosen parent is the unit itself or one of its descendants.
    ParentCycle,
    EndBeforeStart,
    /// The active period would leave the unit's recorded dialogues or figures outside it.
    WorkOutside(Outside),
    /// Editing or archiving a unit that no longer exists (e.g. deleted in another tab).
    NotFound,
}

impl UnitError {
    pub fn field(&self) -> Option<UnitField> {
        match self {
            UnitError::NameRequired | UnitError::NameTaken { .. } => Some(UnitField::Name),
            UnitError::ParentUnknown | UnitError::ParentCycle => Some(UnitField::Parent),
            UnitError::EndBeforeStart => Some(UnitField::ActiveTo),
            UnitError::WorkOutside(Outside::DialogueBefore(_) | Outside::FiguresBefore(_)) => {
                Some(UnitField::ActiveFrom)
            }
            UnitError::WorkOutside(Outside::DialogueAfter(_) | Outside::FiguresAfter(_)) => {
                Some(UnitField::ActiveTo)
            }
            UnitError::NotFound => None,
        }
    }
}

/// A kind as officers name it ("Công đoàn cơ sở").
pub fn kind_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::City => "LĐLĐ thành phố",
        UnitKind::District => "LĐLĐ quận/huyện/thị xã",
        UnitKind::Sector => "Công đoàn ngành",
        UnitKind::Grassroots => "Công đoàn cơ sở",
        UnitKind::Other => "Khác",
    }
}

/// The message of a unit error, for the form's field and for a refused file.
pub fn error_message(error: &UnitError) -> String {
    match error {
        UnitError::NameRequired => "Tên đơn vị là bắt buộc.".into(),
        UnitError::NameTaken { other } => {
            format!("Tên đơn vị đã được dùng cho đơn vị đang hoạt động \"{other}\".")
        }
        UnitError::ParentUnknown => "Đơn vị cấp trên không còn tồn tại.".into(),
        UnitError::ParentCycle => {
            "Đơn vị cấp trên không được là chính đơn vị này hoặc đơn vị trực thuộc nó.".into()
        }
        UnitError::EndBeforeStart => "Ngày kết thúc hoạt động phải sau ngày bắt đầu.".into(),
        UnitError::WorkOutside(outside) => {
            use crate::domain::format::date;
            let work = match outside {
                Outside::DialogueBefore(d) => {
                    format!("cuộc đối thoại ngày {}, trước ngày bắt đầu hoạt động", date(*d))
                }
                Outside::DialogueAfter(d) => {
                    format!("cuộc đối thoại ngày {}, sau ngày kết thúc hoạt động", date(*d))
                }
                Outside::FiguresBefore(y) => format!("số liệu năm {y}, trước ngày bắt đầu hoạt động"),
                Outside::FiguresAfter(y) => format!("số liệu năm {y}, sau ngày kết thúc hoạt động"),
            };
            format!("Đơn vị đã có {work} này. Hãy sửa ngày, hoặc sửa (xóa) bản ghi đó trước.")
        }
        UnitError::NotFound => "Đơn vị này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
}

/// The rules a unit obeys on its own, whoever made it (the form, or a file being imported):
/// a name that is more than blanks or invisible characters, and an end not before its start.
pub fn own_rules(name: &str, active_from: Option<NaiveDate>, active_to: Option<NaiveDate>) -> Vec<UnitError> {
    let mut errors = Vec::new();
    if super::fold::fold(name).is_empty() {
        errors.push(UnitError::NameRequired);
    }
    if let (Some(from), Some(to)) = (active_from, active_to) {
        if to < from {
            errors.push(UnitError::EndBeforeStart);
        }
    }
    errors
}

/// Whether making `parent` the parent of `me` closes a loop: `parent` is `me` or below it.
/// `parent_of` gives a unit's parent; a loop already in the data counts as one.
pub fn closes_a_loop(
    parent: &str,
    me: &str,
    // Not generic: the form, the import and the parent picker share one copy in the wasm.
    parent_of: &dyn Fn(&str) -> Option<String>,
    limit: usize,
) -> bool {
    let mut current = Some(parent.to_string());
    let mut steps = 0;
    while let Some(id) = current {
        if id == me {
            return true;
        }
        steps += 1;
        if steps > limit {
            return true;
        }
        current = parent_of(&id);
    }
    false
}

/// The units a form offers to choose (pickers of a record's unit): the live ones in current
/// work, plus `keep` (the unit the record already names) even when archived, so an old record
/// stays editable without losing its unit.
pub fn offered<'a>(units: &'a [Unit], keep: Option<&'a str>) -> impl Iterator<Item = &'a Unit> + 'a {
    record::live(units).filter(move |u| u.in_current_work() || Some(u.id()) == keep)
}

/// The parents the unit form offers for the unit `editing` (a new unit: `None`): the units
/// [`offered`] (keeping its current parent), less every one [`validate`] would refuse as a
/// loop: the unit itself and the units below it.
pub fn parent_choices<'a>(units: &'a [Unit], editing: Option<&str>) -> Vec<&'a Unit> {
    let current = editing
        .and_then(|me| record::find(units, me))
        .and_then(|u| u.parent_id.as_deref());
    // One map for the walks up: thousands of units each walking a few levels.
    let parents: std::collections::HashMap<&str, &str> = record::live(units)
        .filter_map(|u| Some((u.id(), u.parent_id.as_deref()?)))
        .collect();
    let parent_of = |id: &str| parents.get(id).map(|p| p.to_string());
    offered(units, current)
        .filter(|u| editing.is_none_or(|me| !closes_a_loop(u.id(), me, &parent_of, units.len())))
        .collect()
}

/// Checks a draft against the other units; `editing` is the id of the unit being edited.
pub fn validate(draft: &UnitDraft, units: &[Unit], editing: Option<&str>) -> Vec<UnitError> {
    let mut own = own_rules(&draft.name, draft.active_from, draft.active_to);
    let mut errors = Vec::new();
    let name = super::fold::fold(&draft.name);
    if own.first() == Some(&UnitError::NameRequired) {
        errors.push(own.remove(0));
    } else if let Some(other) = record::live(units)
        .filter(|u| u.in_current_work() && Some(u.id()) != editing)
        .find(|u| super::fold::fold(&u.name) == name)
    {
        errors.push(UnitError::NameTaken {
            other: other.name.clone(),
        });
    }
    if let Some(parent) = &draft.parent_id {
        if record::find(units, parent).is_none() {
            errors.push(UnitError::ParentUnknown);
        } else if let Some(me) = editing {
            let parent_of = |id: &str| record::find(units, id).and_then(|u| u.parent_id.clone());
            if closes_a_loop(parent, me, &parent_of, units.len()) {
                errors.push(UnitError::ParentCycle);
            }
        }
    }
    errors.extend(own);
    errors
}

use super::record::Record;

fn apply(unit: &mut Unit, draft: UnitDraft) {
    unit.name = draft.name.trim().to_string();
    unit.short_name = draft.short_name.trim().to_string();
    unit.kind = draft.kind;
    unit.parent_id = draft.parent_id;
    unit.active_from = draft.active_from;
    unit.active_to = draft.active_to;
}

pub fn add(units: &mut Vec<Unit>, id: Id, draft: UnitDraft, stamp: &Stamp) -> Result<(), Vec<UnitError>> {
    crate::domain::record::checked(validate(&draft, units, None))?;
    let mut unit = Unit {
        meta: Meta::new(id, stamp),
        name: String::new(),
        short_name: String::new(),
        kind: draft.kind,
        parent_id: None,
        active_from: None,
        active_to: None,
        archived: false,
    };
    apply(&mut unit, draft);
    units.push(unit);
    Ok(())
}

/// [`update`] that also keeps the unit's recorded dialogues and figures inside its new active
/// period (the one active-unit rule, asked from the unit's side): what the unit form saves.
/// Only a changed period is checked, so other edits of a unit whose records were made before
/// the rule are not blocked.
pub fn update_keeping_work(
    data: &mut crate::domain::data::AppData,
    id: &str,
    draft: UnitDraft,
    stamp: &Stamp,
) -> Result<(), Vec<UnitError>> {
    let mut errors = validate(&draft, &data.units, Some(id));
    let period_changed = record::find(&data.units, id)
        .is_some_and(|u| (u.active_from, u.active_to) != (draft.active_from, draft.active_to));
    if period_changed {
        errors.extend(
            work_span(data, id)
                .outside(draft.active_from, draft.active_to)
                .map(UnitError::WorkOutside),
        );
    }
    crate::domain::record::checked(errors)?;
    update(&mut data.units, id, draft, stamp)
}

pub fn update(units: &mut [Unit], id: &str, draft: UnitDraft, stamp: &Stamp) -> Result<(), Vec<UnitError>> {
    crate::domain::record::checked(validate(&draft, units, Some(id)))?;
    let unit = record::find_mut(units, id).ok_or_else(|| vec![UnitError::NotFound])?;
    apply(unit, draft);
    unit.meta.touch(stamp);
    Ok(())
}

/// Which units a search shows: words starting words of the name or short name (diacritics and
/// case ignored), and if given a kind and a parent unit. One rule for the unit list and for
/// finding cluster members among thousands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitFilter {
    pub query: crate::domain::fold::Query,
    pub kind: Option<UnitKind>,
    pub parent_id: Option<Id>,
}

impl UnitFilter {
    pub fn accepts(&self, unit: &Unit) -> bool {
        self.kind.is_none_or(|k| unit.kind == k)
            && self
                .parent_id
                .as_ref()
                .is_none_or(|p| unit.parent_id.as_ref() == Some(p))
            && (self.query.is_empty() || self.query.matches(&format!("{} {}", unit.name, unit.short_name)))
    }
}

/// Archives (or brings back) a unit. Bringing back checks the name is still free.
pub fn set_archived(
    units: &mut [Unit],
    id: &str,
    archived: bool,
    stamp: &Stamp,
) -> Result<(), Vec<UnitError>> {
    let unit = record::find(units, id).ok_or_else(|| vec![UnitError::NotFound])?;
    if !archived {
        crate::domain::record::checked(validate(&UnitDraft::from_unit(unit), units, Some(id)))?;
    }
    let unit = record::find_mut(units, id).ok_or_else(|| vec![UnitError::NotFound])?;
    unit.archived = archived;
    unit.meta.touch(stamp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn stamp() -> Stamp {
        Stamp::new("office", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    fn draft(name: &str) -> UnitDraft {
        UnitDraft {
            name: name.into(),
            short_name: String::new(),
            kind: UnitKind::District,
            parent_id: None,
            active_from: None,
            active_to: None,
        }
    }

    #[test]
    fn adds_a_unit_with_trimmed_name() {
        let mut units = Vec::new();
        add(&mut units, "u1".into(), draft("  LĐLĐ huyện Ba Vì "), &stamp()).unwrap();
        assert_eq!(units[0].name, "LĐLĐ huyện Ba Vì");
    }

    #[test]
    fn name_is_required() {
        let mut units = Vec::new();
        assert_eq!(
            add(&mut units, "u1".into(), draft("   "), &stamp()),
            Err(vec![UnitError::NameRequired])
        );
        assert!(units.is_empty());
    }

    #[test]
    fn name_must_be_unique_among_active_units_ignoring_diacritics() {
        let mut units = Vec::new();
        add(&mut units, "u1".into(), draft("LĐLĐ huyện Ba Vì"), &stamp()).unwrap();
        let err = add(&mut units, "u2".into(), draft("ldld huyen ba vi"), &stamp()).unwrap_err();
        assert_eq!(err[0].field(), Some(UnitField::Name));
        assert_eq!(units.len(), 1);
    }

    #[test]
    fn archived_name_can_be_reused_but_not_restored_twice() {
        let mut units = Vec::new();
        add(&mut units, "u1".into(), draft("LĐLĐ huyện Ba Vì"), &stamp()).unwrap();
        set_archived(&mut units, "u1", true, &stamp()).unwrap();
        add(&mut units, "u2".into(), draft("LĐLĐ huyện Ba Vì"), &stamp()).unwrap();
        let err = set_archived(&mut units, "u1", false, &stamp()).unwrap_err();
        assert!(matches!(err[0], UnitError::NameTaken { .. }));
        assert!(units[0].archived);
    }

    #[test]
    fn editing_keeps_own_name_allowed() {
        let mut units = Vec::new();
        add(&mut units, "u1".into(), draft("LĐLĐ huyện Ba Vì"), &stamp()).unwrap();
        let mut d = draft("LĐLĐ huyện Ba Vì");
        d.short_name = "Ba Vì".into();
        update(&mut units, "u1", d, &stamp()).unwrap();
        assert_eq!(units[0].label(), "Ba Vì");
        assert_eq!(units[0].meta.edits["office"], 2);
    }

    #[test]
    fn end_before_start_is_refused_on_active_to() {
        let mut d = draft("LĐLĐ quận Ba Đình");
        d.active_from = NaiveDate::from_ymd_opt(2020, 1, 1);
        d.active_to = NaiveDate::from_ymd_opt(2019, 12, 31);
        let errors = validate(&d, &[], None);
        assert_eq!(errors, vec![UnitError::EndBeforeStart]);
        assert_eq!(errors[0].field(), Some(UnitField::ActiveTo));
    }

    #[test]
    fn parent_cannot_be_a_descendant() {
        let mut units = Vec::new();
        add(
            &mut units,
            "city".into(),
            draft("LĐLĐ Thành phố Hà Nội"),
            &stamp(),
        )
        .unwrap();
        let mut d = draft("LĐLĐ huyện Ba Vì");
        d.parent_id = Some("city".into());
        add(&mut units, "ba-vi".into(), d, &stamp()).unwrap();
        let mut city = draft("LĐLĐ Thành phố Hà Nội");
        city.parent_id = Some("ba-vi".into());
        assert_eq!(
            update(&mut units, "city", city, &stamp()),
            Err(vec![UnitError::ParentCycle])
        );
        let mut unknown = draft("X");
        unknown.parent_id = Some("nope".into());
        assert_eq!(validate(&unknown, &units, None), vec![UnitError::ParentUnknown]);
    }

    #[test]
    fn a_unit_filter_combines_words_kind_and_parent() {
        let stamp = Stamp::new("o", chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        let unit = |id: &str, name: &str, kind, parent: Option<&str>| Unit {
            meta: Meta::new(id.into(), &stamp),
            name: name.into(),
            short_name: String::new(),
            kind,
            parent_id: parent.map(String::from),
            active_from: None,
            active_to: None,
            archived: false,
        };
        let may = unit(
            "u1",
            "CĐCS Công ty May Đống Đa",
            UnitKind::Grassroots,
            Some("yte"),
        );
        let sector = unit("yte", "Công đoàn ngành Y tế Hà Nội", UnitKind::Sector, None);
        let words = UnitFilter {
            query: crate::domain::fold::Query::new("may dong"),
            ..UnitFilter::default()
        };
        assert!(words.accepts(&may) && !words.accepts(&sector));
        let kind = UnitFilter {
            kind: Some(UnitKind::Sector),
            ..UnitFilter::default()
        };
        assert!(kind.accepts(&sector) && !kind.accepts(&may));
        let parent = UnitFilter {
            parent_id: Some("yte".into()),
            ..UnitFilter::default()
        };
        assert!(parent.accepts(&may) && !parent.accepts(&sector));
        assert!(UnitFilter::default().accepts(&may));
    }

    #[test]
    fn ending_a_unit_before_its_recorded_dialogue_is_refused_on_the_end_date() {
        let (data, _) = crate::domain::sample::with_numbered_ids(&stamp());
        let mut data = data;
        let dialogue = data.dialogues.iter().max_by_key(|d| d.date).unwrap().clone();
        let unit = record::find(&data.units, &dialogue.unit_id).unwrap().clone();
        let mut draft = UnitDraft::from_unit(&unit);
        draft.active_to = dialogue.date.pred_opt();
        let errors = update_keeping_work(&mut data, unit.id(), draft.clone(), &stamp()).unwrap_err();
        assert_eq!(
            errors,
            vec![UnitError::WorkOutside(Outside::DialogueAfter(dialogue.date))]
        );
        assert_eq!(errors[0].field(), Some(UnitField::ActiveTo));
        assert!(error_message(&errors[0]).starts_with(&format!(
            "Đơn vị đã có cuộc đối thoại ngày {}, sau ngày kết thúc hoạt động này.",
            crate::domain::format::date(dialogue.date)
        )));
        assert_eq!(
            record::find(&data.units, unit.id()),
            Some(&unit),
            "nothing changed"
        );
        draft.active_to = Some(dialogue.date);
        update_keeping_work(&mut data, unit.id(), draft, &stamp()).unwrap();
    }

    #[test]
    fn active_in_year_follows_the_period() {
        let mut units = Vec::new();
        let mut d = draft("LĐLĐ huyện Phúc Thọ");
        d.active_to = NaiveDate::from_ymd_opt(2025, 6, 30);
        add(&mut units, "u".into(), d, &stamp()).unwrap();
        assert!(units[0].active_in_year(2025));
        assert!(!units[0].active_in_year(2026));
    }

    /// Thành phố ← Ba Vì ← (CĐCS xã Tản Lĩnh ← CĐCS trường Tản Lĩnh); Thanh Oai; Phúc Thọ archived.
    fn tree() -> Vec<Unit> {
        let mut units = Vec::new();
        let mut put = |id: &str, name: &str, parent: Option<&str>| {
            let mut d = draft(name);
            d.parent_id = parent.map(Into::into);
            add(&mut units, id.into(), d, &stamp()).unwrap();
        };
        put("city", "LĐLĐ thành phố Hà Nội", None);
        put("ba-vi", "LĐLĐ huyện Ba Vì", Some("city"));
        put("tan-linh", "CĐCS xã Tản Lĩnh", Some("ba-vi"));
        put("school", "CĐCS trường Tản Lĩnh", Some("tan-linh"));
        put("thanh-oai", "LĐLĐ huyện Thanh Oai", Some("city"));
        put("phuc-tho", "LĐLĐ huyện Phúc Thọ", None);
        set_archived(&mut units, "phuc-tho", true, &stamp()).unwrap();
        units
    }

    fn ids<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Vec<&'a str> {
        units.into_iter().map(|u| u.id()).collect()
    }

    #[test]
    fn forms_offer_units_in_current_work_and_keep_the_one_already_chosen() {
        let mut units = tree();
        units[4].meta.deleted = true;
        let all = ["city", "ba-vi", "tan-linh", "school"];
        assert_eq!(ids(offered(&units, None)), all);
        assert_eq!(
            ids(offered(&units, Some("thanh-oai"))),
            all,
            "a deleted unit stays out"
        );
        assert_eq!(
            ids(offered(&units, Some("phuc-tho"))),
            ["city", "ba-vi", "tan-linh", "school", "phuc-tho"]
        );
    }

    #[test]
    fn a_units_parent_choices_leave_out_itself_and_every_unit_below_it() {
        let units = tree();
        assert_eq!(ids(parent_choices(&units, Some("ba-vi"))), ["city", "thanh-oai"]);
        assert_eq!(
            ids(parent_choices(&units, Some("tan-linh"))),
            ["city", "ba-vi", "thanh-oai"]
        );
        assert_eq!(
            ids(parent_choices(&units, None)),
            ["city", "ba-vi", "tan-linh", "school", "thanh-oai"],
            "a new unit has nothing below it"
        );
    }

    #[test]
    fn every_parent_offered_is_accepted_and_every_unit_left_out_is_refused_as_a_loop() {
        let mut units = tree();
        // An archived current parent stays offered, as the record already names it.
        units[3].parent_id = Some("phuc-tho".into());
        for me in ["city", "ba-vi", "tan-linh", "school", "thanh-oai", "phuc-tho"] {
            let offered_ids = ids(parent_choices(&units, Some(me)));
            let base = UnitDraft::from_unit(record::find(&units, me).unwrap());
            for candidate in &units {
                let mut d = base.clone();
                d.parent_id = Some(candidate.id().to_string());
                let loops = validate(&d, &units, Some(me)).contains(&UnitError::ParentCycle);
                let shown = offered_ids.contains(&candidate.id());
                if candidate.in_current_work() || base.parent_id.as_deref() == Some(candidate.id()) {
                    assert_eq!(shown, !loops, "{me} under {}", candidate.id());
                } else {
                    assert!(!shown, "{} is archived", candidate.id());
                }
            }
        }
        assert!(ids(parent_choices(&units, Some("school"))).contains(&"phuc-tho"));
    }
}
