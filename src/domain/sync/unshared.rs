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
