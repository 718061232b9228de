//! Several received files imported together (nhập nhiều tệp cùng lúc): a cluster head gets one
//! e-mail per unit and imports them in one go, with one preview, one confirmation, one undo.
//!
//! - Each file is checked on its own ([`read_all`]); a file that cannot be read keeps its
//!   reason and does not hold the others back. A reference into another file of the same batch
//!   is allowed (a card whose unit only a sibling file carries).
//! - The readable files are merged **in the order they were exported** (`exported_at`, then the
//!   file name for files exported at the same moment), one after another, into one set of
//!   records ([`combine`]), with the same record-by-record rules as an import
//!   ([`super::merge`]). That set is then planned against this installation's data as one
//!   incoming file, so the final-card guard and the conflicts with local data see the whole
//!   batch at once.
//! - Two files carrying versions of one record edited independently are a conflict **between
//!   the files**: it is listed ([`Combined::between`]) with the same default winner as any
//!   conflict (so the order of the files does not decide it) and the officer may choose the
//!   other side (`choices`, keyed like [`Overrides`]: `KeepLocal` keeps the version of the
//!   earlier files, `TakeIncoming` takes the later file's).

use super::validate::{validate, ImportError, Incoming};
use crate::domain::collections::{each_meta, Collection, DataPlan, Overrides, Summary};
use crate::domain::data::AppData;
use crate::domain::record::{Id, Meta, Stamp};
use chrono::{DateTime, Utc};

/// One received file as read: its name and its records, or why it cannot be imported.
#[derive(Clone, Debug)]
pub struct Received {
    pub name: String,
    pub read: Result<Incoming, ImportError>,
}

/// Checks every file against `local`. A file refused only for a reference that another
/// readable file of the batch satisfies is checked again against `local` and those files.
/// The result is in merge order ([`merge_order`]).
pub fn read_all(files: &[(String, Vec<u8>)], local: &AppData) -> Vec<Received> {
    let mut received: Vec<Received> = files
        .iter()
        .map(|(name, bytes)| Received {
            name: name.clone(),
            read: validate(bytes, local),
        })
        .collect();
    let missing_reference = |r: &Received| matches!(r.read, Err(ImportError::UnknownReference { .. }));
    if received.iter().any(missing_reference) && received.iter().any(|r| r.read.is_ok()) {
        // Only for references: no choice is made, so no stamp is ever written.
        let nobody = Stamp::new(String::new(), DateTime::<Utc>::UNIX_EPOCH);
        let readable: Vec<&Incoming> = received.iter().filter_map(|r| r.read.as_ref().ok()).collect();
        let others = combine(&readable, &Overrides::new(), &nobody).data;
        let widened = DataPlan::new(local, &others).apply(local, &others, &Overrides::new(), &nobody);
        for (r, (_, bytes)) in received.iter_mut().zip(files) {
            if missing_reference(r) {
                r.read = validate(bytes, &widened);
            }
        }
    }
    merge_order(&mut received);
    received
}

/// Readable files first, oldest export first (then by name); files that cannot be read after
/// them, by name. The order is the one the files are merged in and listed in.
pub fn merge_order(files: &mut [Received]) {
    let key = |r: &Received| {
        (
            r.read.is_err(),
            r.read.as_ref().ok().map(|i| i.file.exported_at),
            r.name.clone(),
        )
    };
    // An insertion sort: a handful of files, and no second copy of the library's sort in the
    // start bundle.
    for i in 1..files.len() {
        let mut j = i;
        while j > 0 && key(&files[j - 1]) > key(&files[j]) {
            files.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A record that two files of the batch carry in versions edited independently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Between {
    pub collection: Collection,
    pub id: Id,
    /// The file (index among the readable files, in merge order) whose version the earlier
    /// files held.
    pub earlier: usize,
    /// The file that brought the other version.
    pub later: usize,
}

/// The readable files of a batch merged into one set of records.
#[derive(Clone, Debug)]
pub struct Combined {
    /// Every record of the files, each in the version the merge keeps.
    pub data: AppData,
    /// The conflicts between the files themselves, in merge order.
    pub between: Vec<Between>,
    /// One plan per file after the first: that file merged into the files before it. The
    /// conflicts of `steps[k]` are the `between` entries whose `later` is `k + 1`, in order.
    pub steps: Vec<DataPlan>,
}

/// Merges `files` (in merge order) into one set of records. `choices` decides conflicts
/// between files (none: each takes its default winner); `stamp` is this office, counted as an
/// edit on a record where the officer chose the side that is not the default.
pub fn combine(files: &[&Incoming], choices: &Overrides, stamp: &Stamp) -> Combined {
    let mut data = AppData::default();
    let mut between = Vec::new();
    let mut steps = Vec::new();
    for (at, incoming) in files.iter().enumerate() {
        let records = &incoming.file.data;
        let plan = DataPlan::new(&data, records);
        for (collection, id) in plan.conflict_ids() {
            let earlier = earlier_file(&files[..at], &data, collection, &id);
            between.push(Between {
                collection,
                id,
                earlier,
                later: at,
            });
        }
        data = plan.apply(&data, records, choices, stamp);
        if at > 0 {
            steps.push(plan);
        }
    }
    Combined { data, between, steps }
}

/// Which of `earlier` files brought the version of a record that `merged` holds: the last one
/// carrying that very version (same change, same office), else the last one carrying the
/// record at all (a version decided by an earlier choice).
fn earlier_file(earlier: &[&Incoming], merged: &AppData, collection: Collection, id: &str) -> usize {
    let change =
        |data: &AppData| find_meta(data, collection, id).map(|m| (m.changed_at, m.changed_by.clone()));
    let held = change(merged);
    let carries = |j: &usize| change(&earlier[*j].file.data);
    (0..earlier.len())
        .rev()
        .find(|j| carries(j) == held)
        .or_else(|| (0..earlier.len()).rev().find(|j| carries(j).is_some()))
        .unwrap_or(0)
}

/// The meta of the record `id` of `collection` in `data`.
fn find_meta<'a>(data: &'a AppData, collection: Collection, id: &str) -> Option<&'a Meta> {
    let mut found = None;
    each_meta(data, &mut |c, m| {
        if found.is_none() && c == collection && m.id == id {
            found = Some(m);
        }
    });
    found
}

/// Counts summed over every kind of record: (new, updated, unchanged, conflicts).
pub fn totals(summaries: &[Summary]) -> (usize, usize, usize, usize) {
    summaries.iter().fold((0, 0, 0, 0), |t, s| {
        (t.0 + s.new, t.1 + s.updated, t.2 + s.unchanged, t.3 + s.conflicts)
    })
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
