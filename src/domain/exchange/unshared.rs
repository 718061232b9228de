//! "Not yet shared" (chưa chia sẻ): which records are in no exported file yet, and whether to
//! remind.
//!
//! Browser storage is lost when site data is cleared, so the app says how many records are
//! not in any file this machine exported, and reminds when such changes are older than
//! [`REMIND_AFTER_DAYS`]. A record is in a file when the version it has now went out: either
//! in the last export of everything (changed at or before it), or in a part exported since
//! (the part recorded the `changed_at` of each record it carried). A part covers only the
//! records it carried; a record changed after the file that carried it is not in a file again
//! until the next export that carries it.
//!
//! Cost: [`unshared`] is one pass over the records' `meta`, with a map lookup only for records
//! changed after the last export of everything while parts were exported since; what is stored
//! grows only with those parts (a city's 70.853 records are never listed there). The app keeps a
//! [`Tally`] instead, made by that one pass and then kept up to date from the keys each change
//! wrote, so the reminder in the header costs nothing per save.

use super::file::Selection;
use crate::domain::collections::{count_records, each_meta, meta_of, Collection};
use crate::domain::data::{AppData, ExportContent, SyncState};
use crate::domain::record::Meta;
use crate::domain::storage_format::{key, parse_key};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// Unexported changes older than this many days make a reminder due.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// How far this machine's data went out in files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sharing {
    /// Nothing was ever exported from this machine.
    #[default]
    NeverExported,
    /// Some records are in files, others are not.
    Partly,
    /// Every record, as it is now, is in a file.
    Everything,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unshared {
    /// Records (tombstones included: a deletion is a change) whose current version is in no
    /// exported file.
    pub count: usize,
    /// All records, tombstones included.
    pub total: usize,
    /// When the oldest of those changes was made.
    pub oldest: Option<DateTime<Utc>>,
    pub reminder_due: bool,
    pub sharing: Sharing,
}

/// The version of a record as [`SyncState::carried`] keeps it.
fn version(meta: &Meta) -> u64 {
    meta.changed_at.timestamp_millis() as u64
}

/// Whether the version of the record `meta` describes is in a file exported from here.
fn in_a_file(sync: &SyncState, collection: Collection, meta: &Meta) -> bool {
    sync.everything_at.is_some_and(|t| meta.changed_at <= t)
        || (!sync.carried.is_empty() && sync.carried.get(&key(collection, &meta.id)) == Some(&version(meta)))
}

/// Counts the records of `data` that no file exported from here holds as they are now.
pub fn unshared(data: &AppData, now: DateTime<Utc>) -> Unshared {
    let sync = &data.sync;
    let (mut count, mut total) = (0, 0);
    let mut oldest: Option<DateTime<Utc>> = None;
    each_meta(data, &mut |c, m| {
        total += 1;
        if !in_a_file(sync, c, m) {
            count += 1;
            oldest = Some(oldest.map_or(m.changed_at, |o| o.min(m.changed_at)));
        }
    });
    summary(data, count, total, oldest, now)
}

fn summary(
    data: &AppData,
    count: usize,
    total: usize,
    oldest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Unshared {
    let sharing = match (data.sync.last_export, count) {
        (None, _) => Sharing::NeverExported,
        (Some(_), 0) => Sharing::Everything,
        (Some(_), _) => Sharing::Partly,
    };
    Unshared {
        count,
        total,
        oldest,
        reminder_due: oldest.is_some_and(|o| now - o >= Duration::days(REMIND_AFTER_DAYS)),
        sharing,
    }
}

/// The records no file holds as they are now, kept up to date record by record: after a save
/// only the records it wrote are looked at again, not every record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Each record in no file, by storage key, with its version (`changed_at` in milliseconds;
    /// the same map type as [`SyncState::carried`], so the wasm carries no second copy of it).
    records: BTreeMap<String, u64>,
    /// The oldest of those versions. Looked for again among them only when the record that
    /// had it changes.
    oldest: Option<u64>,
}

/// Above this many changed records, counting again is cheaper than finding each one.
const RECOUNT_ABOVE: usize = 64;

impl Tally {
    /// Counts every record of `data` once.
    pub fn new(data: &AppData) -> Tally {
        let mut tally = Tally::default();
        each_meta(data, &mut |c, m| {
            if !in_a_file(&data.sync, c, m) {
                tally.add(key(c, &m.id), version(m));
            }
        });
        tally
    }

    /// Takes in that the records of `keys` (storage keys, as a change wrote them) may have
    /// changed, appeared or gone; `data` is the data after the change. The sharing state
    /// ([`SyncState`]) must be the one the tally was made with: when it changes (an export), make a
    /// new tally.
    pub fn update<'k>(&mut self, data: &AppData, keys: impl ExactSizeIterator<Item = &'k str>) {
        if keys.len() > RECOUNT_ABOVE {
            *self = Tally::new(data);
            return;
        }
        let mut lost_oldest = false;
        for k in keys {
            if let Some(old) = self.records.remove(k) {
                lost_oldest |= self.oldest == Some(old);
            }
            let Some((c, id)) = parse_key(k) else { continue };
            if let Some(m) = meta_of(data, c, id).filter(|m| !in_a_file(&data.sync, c, m)) {
                self.add(k.to_string(), version(m));
            }
        }
        if lost_oldest {
            self.oldest = self.records.values().copied().min();
        }
    }

    /// The count as [`unshared`] gives it, for `data` (the data the tally follows).
    pub fn unshared(&self, data: &AppData, now: DateTime<Utc>) -> Unshared {
        let count = self.records.len();
        let oldest = self
            .oldest
            .and_then(|v| DateTime::from_timestamp_millis(v as i64));
        summary(data, count, count_records(data), oldest, now)
    }

    fn add(&mut self, key: String, version: u64) {
        self.records.insert(key, version);
        self.oldest = Some(self.oldest.map_or(version, |o| o.min(version)));
    }
}

/// What one export carried, made when the file is made and recorded ([`SyncState::record`])
/// once it is downloaded: the versions in the file, not those of a later moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub at: DateTime<Utc>,
    pub content: ExportContent,
    /// Each carried record's version, by storage key. For an export of everything, only the
    /// records changed after `at` (another office's clock ahead of ours).
    versions: BTreeMap<String, u64>,
}

impl Exported {
    /// The export of `selection` of `data` at `at`; `everything` when the officer chose the
    /// whole data ("Toàn bộ dữ liệu").
    pub fn new(
        data: &AppData,
        selection: &Selection,
        everything: bool,
        description: String,
        at: DateTime<Utc>,
    ) -> Exported {
        let mut versions = BTreeMap::new();
        each_meta(data, &mut |c, m| {
            if (!everything || m.changed_at > at) && selection.contains(c, &m.id) {
                versions.insert(key(c, &m.id), version(m));
            }
        });
        Exported {
            at,
            content: ExportContent {
                description,
                records: selection.len(),
                everything,
            },
            versions,
        }
    }
}

impl SyncState {
    /// Records an export once its file is downloaded.
    pub fn record(&mut self, exported: Exported) {
        if exported.content.everything {
            self.everything_at = Some(exported.at);
            self.carried.clear();
        }
        self.carried.extend(exported.versions);
        self.last_export = Some(exported.at);
        self.last_content = Some(exported.content);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::scopes::{select_part, Part};
    use crate::domain::record::{Meta, Stamp};
    use crate::domain::sample;
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

    fn export_all(data: &mut AppData, at: DateTime<Utc>) {
        let everything = Selection::everything(data);
        let exported = Exported::new(data, &everything, true, "Toàn bộ dữ liệu".into(), at);
        data.sync.record(exported);
    }

    /// Changes record `id` of `d` on `day`.
    fn edit(d: &mut AppData, id: &str, on: i64) {
        let unit = d.units.iter_mut().find(|u| u.meta.id == id).unwrap();
        unit.meta.touch(&Stamp::new("ba-vi", day(on)));
    }

    #[test]
    fn counts_only_changes_after_the_last_export_of_everything() {
        let mut d = data(&[0, 0, 0]);
        export_all(&mut d, day(1));
        edit(&mut d, "u1", 2);
        edit(&mut d, "u2", 3);
        let u = unshared(&d, day(4));
        assert_eq!((u.count, u.total), (2, 3));
        assert_eq!(u.oldest, Some(day(2)));
        assert_eq!(u.sharing, Sharing::Partly);
        assert!(!u.reminder_due);
        export_all(&mut d, day(4));
        let u = unshared(&d, day(4));
        assert_eq!((u.count, u.sharing), (0, Sharing::Everything));
    }

    #[test]
    fn reminds_when_unexported_changes_are_a_week_old() {
        let mut d = data(&[0]);
        export_all(&mut d, day(1));
        edit(&mut d, "u0", 2);
        assert!(unshared(&d, day(9)).reminder_due);
        assert!(!unshared(&d, day(8) + Duration::hours(23)).reminder_due);
        let mut d = data(&[0]);
        export_all(&mut d, day(1));
        assert!(!unshared(&d, day(30)).reminder_due);
    }

    #[test]
    fn never_exported_counts_everything() {
        let u = unshared(&data(&[0, 1]), day(10));
        assert_eq!((u.count, u.sharing), (2, Sharing::NeverExported));
        assert!(u.reminder_due);
        assert_eq!(unshared(&AppData::default(), day(10)).count, 0);
    }

    #[test]
    fn an_export_from_an_older_version_covers_nothing() {
        // Before parts were told apart, any export set `last_export` alone.
        let mut d = data(&[0, 1]);
        d.sync.last_export = Some(day(5));
        let u = unshared(&d, day(6));
        assert_eq!((u.count, u.sharing), (2, Sharing::Partly));
    }

    #[test]
    fn a_record_from_a_clock_ahead_of_ours_is_in_the_export_of_everything() {
        let mut d = data(&[0, 9]);
        export_all(&mut d, day(5));
        assert_eq!(unshared(&d, day(6)).count, 0);
    }

    /// Issue 22: the sample (91 records), then only the cluster (20 of them), then everything.
    #[test]
    fn a_part_covers_only_the_records_it_carried_until_they_change() {
        let stamp = Stamp::new("o", day(0));
        let (mut d, cluster_id) = sample::with_numbered_ids(&stamp);
        let total = unshared(&d, day(1)).total;
        assert_eq!(unshared(&d, day(1)).count, total);

        let part = Part::ClusterYear { cluster_id };
        let (selection, description) = select_part(&d, &part).unwrap();
        let carried = selection.len();
        assert!(carried > 0 && carried < total);
        let exported = Exported::new(&d, &selection, false, description, day(1));
        d.sync.record(exported);
        let u = unshared(&d, day(1));
        assert_eq!((u.count, u.sharing), (total - carried, Sharing::Partly));
        assert_eq!(d.sync.last_content.as_ref().unwrap().records, carried);

        // A carried unit edited afterwards is not in a file any more.
        let unit = d
            .units
            .iter_mut()
            .find(|u| selection.contains(Collection::Units, &u.meta.id))
            .unwrap();
        unit.meta.touch(&Stamp::new("o", day(2)));
        assert_eq!(unshared(&d, day(2)).count, total - carried + 1);

        export_all(&mut d, day(3));
        let u = unshared(&d, day(3));
        assert_eq!((u.count, u.sharing), (0, Sharing::Everything));
        assert!(
            d.sync.carried.is_empty(),
            "an export of everything forgets the parts"
        );
    }

    /// The tally kept from the keys each change wrote says what counting again says.
    fn follows(tally: &mut Tally, d: &AppData, keys: &[&str], now: DateTime<Utc>) {
        tally.update(d, keys.iter().copied());
        assert_eq!(tally.unshared(d, now), unshared(d, now));
        assert_eq!(*tally, Tally::new(d));
    }

    #[test]
    fn the_tally_follows_edits_new_records_and_removals_without_counting_again() {
        let mut d = data(&[0, 0, 0]);
        export_all(&mut d, day(1));
        let mut tally = Tally::new(&d);
        assert_eq!(tally.unshared(&d, day(1)), unshared(&d, day(1)));
        assert_eq!(tally.unshared(&d, day(1)).count, 0);

        edit(&mut d, "u1", 2);
        follows(&mut tally, &d, &["units/u1"], day(2));
        edit(&mut d, "u1", 3);
        follows(&mut tally, &d, &["units/u1"], day(3));
        assert_eq!(tally.unshared(&d, day(3)).oldest, Some(day(3)));

        let mut new = d.units[0].clone();
        new.meta = Meta::new("u9".into(), &Stamp::new("ba-vi", day(4)));
        d.units.push(new);
        edit(&mut d, "u2", 5);
        follows(&mut tally, &d, &["units/u9", "units/u2"], day(5));
        let u = tally.unshared(&d, day(13));
        assert_eq!((u.count, u.total, u.oldest), (3, 4, Some(day(3))));
        assert!(u.reminder_due);

        // Another tab's import took a record out; a key of no record changes nothing.
        d.units.retain(|u| u.meta.id != "u1");
        follows(
            &mut tally,
            &d,
            &["units/u1", "units/khong-co", "khong-ro/u1"],
            day(13),
        );
        assert_eq!(tally.unshared(&d, day(13)).oldest, Some(day(4)));
    }

    #[test]
    fn the_tally_counts_again_after_a_large_change() {
        let days: Vec<i64> = (0..100).collect();
        let mut d = data(&days);
        export_all(&mut d, day(200));
        let mut tally = Tally::new(&d);
        let keys: Vec<String> = (0..100).map(|i| format!("units/u{i}")).collect();
        for i in 0..100 {
            edit(&mut d, &format!("u{i}"), 300 + i);
        }
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        follows(&mut tally, &d, &keys, day(400));
        assert_eq!(tally.unshared(&d, day(400)).count, 100);
    }

    #[test]
    fn a_tally_of_parts_exported_matches_the_count() {
        let stamp = Stamp::new("o", day(0));
        let (mut d, cluster_id) = sample::with_numbered_ids(&stamp);
        let (selection, description) = select_part(&d, &Part::ClusterYear { cluster_id }).unwrap();
        d.sync
            .record(Exported::new(&d, &selection, false, description, day(1)));
        let mut tally = Tally::new(&d);
        assert_eq!(tally.unshared(&d, day(1)), unshared(&d, day(1)));
        let unit = d
            .units
            .iter_mut()
            .find(|u| selection.contains(Collection::Units, &u.meta.id))
            .unwrap();
        unit.meta.touch(&Stamp::new("o", day(2)));
        let changed = key(Collection::Units, &unit.meta.id.clone());
        follows(&mut tally, &d, &[changed.as_str()], day(2));
    }
}
