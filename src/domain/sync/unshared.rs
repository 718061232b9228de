//! "Not yet shared" (chưa xuất): changes since the last export, and whether to remind.
//!
//! Browser storage is lost when site data is cleared, so the app shows how many records changed
//! since the last export and reminds when such changes are older than [`REMIND_AFTER_DAYS`].

use super::collections::each_meta;
use crate::domain::data::AppData;
use chrono::{DateTime, Duration, Utc};

/// Unexported changes older than this many days make a reminder due.
pub const REMIND_AFTER_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unshared {
    /// Records (tombstones included: a deletion is a change) changed after the last export.
    pub count: usize,
    /// When the oldest of those changes was made.
    pub oldest: Option<DateTime<Utc>>,
    pub reminder_due: bool,
}

/// Counts records with `changed_at` after `last_export` (all records when never exported).
pub fn unshared(data: &AppData, last_export: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Unshared {
    let mut count = 0;
    let mut oldest: Option<DateTime<Utc>> = None;
    each_meta(data, &mut |_, m| {
        if last_export.is_none_or(|t| m.changed_at > t) {
            count += 1;
            oldest = Some(oldest.map_or(m.changed_at, |o| o.min(m.changed_at)));
        }
    });
    Unshared {
        count,
        oldest,
        reminder_due: oldest.is_some_and(|o| now - o >= Duration::days(REMIND_AFTER_DAYS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Meta, Stamp};
    use crate::domain::units::{Unit, UnitKind};

    fn day(d: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap() + Duration::days(d)
    }

    fn data(changed: &[i64]) -> AppData {
        let units = changed
            .iter()
            .enumerate()
            .map(|(i, d)| Unit {
                meta: Meta::new(format!("u{i}"), &Stamp::new("ba-vi", day(*d))),
                name: format!("Đơn vị {i}"),
                short_name: String::new(),
                kind: UnitKind::Grassroots,
                parent_id: None,
                active_from: None,
                active_to: None,
                archived: false,
            })
            .collect();
        AppData {
            units,
            ..AppData::default()
        }
    }

    #[test]
    fn counts_only_changes_after_the_last_export() {
        let u = unshared(&data(&[0, 2, 3]), Some(day(1)), day(4));
        assert_eq!(u.count, 2);
        assert_eq!(u.oldest, Some(day(2)));
        assert!(!u.reminder_due);
    }

    #[test]
    fn reminds_when_unexported_changes_are_a_week_old() {
        assert!(unshared(&data(&[2]), Some(day(1)), day(9)).reminder_due);
        assert!(!unshared(&data(&[2]), Some(day(1)), day(8) + Duration::hours(23)).reminder_due);
        assert!(!unshared(&data(&[0]), Some(day(1)), day(30)).reminder_due);
    }

    #[test]
    fn never_exported_counts_everything() {
        let u = unshared(&data(&[0, 1]), None, day(10));
        assert_eq!(u.count, 2);
        assert!(u.reminder_due);
        assert_eq!(unshared(&AppData::default(), None, day(10)).count, 0);
    }
}
