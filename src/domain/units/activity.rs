//! Whether a unit is active (đang hoạt động) on a day or in a year: the ONE rule every form,
//! import, list and figure asks. A unit is active from its `active_from` to its `active_to`,
//! both days included; a missing end means "still active", a missing start "since always".
//! Archiving (lưu trữ) is a separate choice: it hides a unit from current work (pickers,
//! this year's lists) without changing the years it was active.

use super::Unit;
use crate::domain::data::AppData;
use crate::domain::record;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// How a unit stands on a day or over a span of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    /// Đang hoạt động (on at least one day of the span).
    Active,
    /// Chưa bắt đầu hoạt động: starts after the span.
    NotStarted { from: NaiveDate },
    /// Đã kết thúc hoạt động: ended before the span.
    Ended { to: NaiveDate },
}

impl Unit {
    /// How the unit stands on `day`.
    pub fn activity_on(&self, day: NaiveDate) -> Activity {
        self.activity_between(day, day)
    }

    /// Whether the unit is active on `day`.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.activity_on(day) == Activity::Active
    }

    /// Whether the unit existed in any part of `year` (for yearly work such as clusters,
    /// figures and the periodic-dialogue check).
    pub fn active_in_year(&self, year: i32) -> bool {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return false;
        };
        self.activity_between(first, last) == Activity::Active
    }

    /// Whether the unit is offered for current work (pickers, lists of this year's work):
    /// not archived. A record that already names an archived unit keeps it (callers add it).
    pub fn in_current_work(&self) -> bool {
        !self.archived
    }

    /// Whether the unit is expected to work in `year`: in current work and active in that
    /// year (the overview's count, the periodic-dialogue check, a cluster's candidates).
    /// `None`: any year.
    pub fn at_work_in(&self, year: Option<i32>) -> bool {
        self.in_current_work() && year.is_none_or(|y| self.active_in_year(y))
    }

    fn activity_between(&self, first: NaiveDate, last: NaiveDate) -> Activity {
        period_activity(self.active_from, self.active_to, first, last)
    }
}

/// The one comparison: how a period from `from` to `to` (both included, either open) stands
/// over the days from `first` to `last`.
fn period_activity(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    first: NaiveDate,
    last: NaiveDate,
) -> Activity {
    match (from, to) {
        (Some(from), _) if from > last => Activity::NotStarted { from },
        (_, Some(to)) if to < first => Activity::Ended { to },
        _ => Activity::Active,
    }
}

/// The dated work a unit has on record: its live dialogues' first and last days, its yearly
/// figures' first and last years. A new active period must keep it all inside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkSpan {
    pub dialogues: Option<(NaiveDate, NaiveDate)>,
    pub figures: Option<(i32, i32)>,
}

/// Recorded work a period would leave outside, the first found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outside {
    DialogueBefore(NaiveDate),
    DialogueAfter(NaiveDate),
    FiguresBefore(i32),
    FiguresAfter(i32),
}

impl WorkSpan {
    fn add_dialogue(&mut self, day: NaiveDate) {
        self.dialogues = Some(
            self.dialogues
                .map_or((day, day), |(a, b)| (a.min(day), b.max(day))),
        );
    }

    fn add_year(&mut self, year: i32) {
        self.figures = Some(
            self.figures
                .map_or((year, year), |(a, b)| (a.min(year), b.max(year))),
        );
    }

    /// What a period from `from` to `to` would leave outside, by the one rule.
    pub fn outside(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<Outside> {
        let at = |first, last| period_activity(from, to, first, last);
        if let Some((first, last)) = self.dialogues {
            match (at(first, first), at(last, last)) {
                (Activity::NotStarted { .. }, _) => return Some(Outside::DialogueBefore(first)),
                (_, Activity::Ended { .. }) => return Some(Outside::DialogueAfter(last)),
                _ => {}
            }
        }
        let year = |y: i32| {
            let first = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN);
            at(
                first,
                NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
            )
        };
        if let Some((first, last)) = self.figures {
            match (year(first), year(last)) {
                (Activity::NotStarted { .. }, _) => return Some(Outside::FiguresBefore(first)),
                (_, Activity::Ended { .. }) => return Some(Outside::FiguresAfter(last)),
                _ => {}
            }
        }
        None
    }
}

/// Every unit's recorded work, gathered in one pass (a sheet of thousands of units asks it once).
pub fn work_spans(data: &AppData) -> HashMap<&str, WorkSpan> {
    let mut spans: HashMap<&str, WorkSpan> = HashMap::new();
    for d in record::live(&data.dialogues) {
        spans.entry(d.unit_id.as_str()).or_default().add_dialogue(d.date);
    }
    for r in record::live(&data.indicators) {
        spans.entry(r.unit_id.as_str()).or_default().add_year(r.year);
    }
    spans
}

/// One unit's recorded work (the unit form asks it for the unit it edits).
pub fn work_span(data: &AppData, unit_id: &str) -> WorkSpan {
    let mut span = WorkSpan::default();
    for d in record::live(&data.dialogues).filter(|d| d.unit_id == unit_id) {
        span.add_dialogue(d.date);
    }
    for r in record::live(&data.indicators).filter(|r| r.unit_id == unit_id) {
        span.add_year(r.year);
    }
    span
}

/// Why a unit cannot organise work on `day`, in officers' words ("LĐLĐ huyện Ba Vì đã kết
/// thúc hoạt động ngày 30/06/2025, trước ngày 12/03/2026."); `None` when it is active.
pub fn inactive_message(unit_name: &str, activity: Activity, day: NaiveDate) -> Option<String> {
    use crate::domain::format::date;
    match activity {
        Activity::Active => None,
        Activity::Ended { to } => Some(format!(
            "{unit_name} đã kết thúc hoạt động ngày {}, trước ngày {}.",
            date(to),
            date(day)
        )),
        Activity::NotStarted { from } => Some(format!(
            "{unit_name} bắt đầu hoạt động từ ngày {}, sau ngày {}.",
            date(from),
            date(day)
        )),
    }
}

/// Why a unit has no yearly work (figures, cluster membership) in `year`, in officers' words
/// ("LĐLĐ huyện Ba Vì không hoạt động trong năm 2026: đã kết thúc hoạt động ngày 30/06/2025.");
/// `None` when it is active in some part of that year.
pub fn inactive_in_year_message(unit: &Unit, year: i32) -> Option<String> {
    use crate::domain::format::date;
    if unit.active_in_year(year) {
        return None;
    }
    let why = match (unit.active_from, unit.active_to) {
        (_, Some(to)) if to.year() < year => format!("đã kết thúc hoạt động ngày {}", date(to)),
        (Some(from), _) => format!("bắt đầu hoạt động từ ngày {}", date(from)),
        _ => String::new(),
    };
    Some(format!("{} không hoạt động trong năm {year}: {why}.", unit.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Meta, Stamp};
    use crate::domain::units::UnitKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn unit(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Unit {
        let stamp = Stamp::new("o", chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        Unit {
            meta: Meta::new("ba-vi".into(), &stamp),
            name: "LĐLĐ huyện Ba Vì".into(),
            short_name: "Ba Vì".into(),
            kind: UnitKind::District,
            parent_id: None,
            active_from: from,
            active_to: to,
            archived: false,
        }
    }

    #[test]
    fn a_district_that_ended_on_30_6_2025_is_active_that_day_and_not_the_next() {
        let ba_vi = unit(None, Some(d(2025, 6, 30)));
        assert!(ba_vi.active_on(d(2025, 6, 30)));
        assert_eq!(
            ba_vi.activity_on(d(2025, 7, 1)),
            Activity::Ended { to: d(2025, 6, 30) }
        );
        assert!(ba_vi.active_in_year(2025));
        assert!(!ba_vi.active_in_year(2026));
        assert_eq!(
            inactive_message(&ba_vi.name, ba_vi.activity_on(d(2026, 3, 12)), d(2026, 3, 12)).as_deref(),
            Some("LĐLĐ huyện Ba Vì đã kết thúc hoạt động ngày 30/06/2025, trước ngày 12/03/2026.")
        );
        assert_eq!(
            inactive_message(&ba_vi.name, ba_vi.activity_on(d(2025, 5, 15)), d(2025, 5, 15)),
            None
        );
        assert_eq!(
            inactive_in_year_message(&ba_vi, 2026).as_deref(),
            Some("LĐLĐ huyện Ba Vì không hoạt động trong năm 2026: đã kết thúc hoạt động ngày 30/06/2025.")
        );
        assert_eq!(inactive_in_year_message(&ba_vi, 2025), None);
    }

    #[test]
    fn a_unit_is_not_active_before_it_starts() {
        let new = unit(Some(d(2025, 7, 1)), None);
        assert!(!new.active_on(d(2025, 6, 30)));
        assert!(new.active_on(d(2025, 7, 1)));
        assert!(new.active_in_year(2025) && !new.active_in_year(2024));
        assert_eq!(
            inactive_message(&new.name, new.activity_on(d(2025, 6, 30)), d(2025, 6, 30)).as_deref(),
            Some("LĐLĐ huyện Ba Vì bắt đầu hoạt động từ ngày 01/07/2025, sau ngày 30/06/2025.")
        );
    }

    #[test]
    fn a_new_period_must_keep_the_units_recorded_work_inside() {
        let span = WorkSpan {
            dialogues: Some((d(2024, 5, 14), d(2026, 3, 12))),
            figures: Some((2023, 2025)),
        };
        assert_eq!(span.outside(None, None), None);
        assert_eq!(span.outside(None, Some(d(2026, 3, 12))), None);
        assert_eq!(
            span.outside(None, Some(d(2025, 6, 30))),
            Some(Outside::DialogueAfter(d(2026, 3, 12)))
        );
        assert_eq!(
            span.outside(Some(d(2024, 6, 1)), None),
            Some(Outside::DialogueBefore(d(2024, 5, 14)))
        );
        assert_eq!(
            span.outside(Some(d(2024, 1, 1)), None),
            Some(Outside::FiguresBefore(2023))
        );
        let figures_only = WorkSpan {
            dialogues: None,
            figures: Some((2023, 2026)),
        };
        assert_eq!(
            figures_only.outside(None, Some(d(2025, 6, 30))),
            Some(Outside::FiguresAfter(2026))
        );
        assert_eq!(figures_only.outside(None, Some(d(2026, 1, 1))), None);
    }

    #[test]
    fn no_period_means_always_active_and_archiving_only_hides_from_current_work() {
        let mut always = unit(None, None);
        assert!(always.active_on(d(1990, 1, 1)) && always.active_in_year(2100));
        assert!(always.at_work_in(Some(2026)) && always.at_work_in(None));
        always.archived = true;
        assert!(always.active_in_year(2026), "archiving keeps the active years");
        assert!(!always.in_current_work() && !always.at_work_in(None));
        let ended = unit(None, Some(d(2025, 6, 30)));
        assert!(ended.at_work_in(Some(2025)) && !ended.at_work_in(Some(2026)));
    }
}
