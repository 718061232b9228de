//! Merging one collection of an incoming file into local data, record by record.
//!
//! Each record carries a version vector ([`Meta::edits`]: edits counted per office). For a
//! record present on both sides:
//! - incoming vector dominates (≥ everywhere, > somewhere): the incoming copy is newer → **Updated**;
//! - local vector dominates, or both are equal with equal content → **Unchanged**;
//! - otherwise the two were edited independently → **Conflict**, shown side by side.
//!
//! A conflict has a default winner that does not depend on which side is local:
//! the larger of the two by the key (deleted, changed_at, changed_by, canonical JSON without the
//! version vector). So **a deletion wins over a concurrent edit**; between two edits the later
//! one wins, then the larger office id, then the larger JSON text. Whatever the winner, the
//! merged vector is the pointwise maximum of both, so the next exchange sees the conflict as
//! settled. A deletion is an ordinary edit (it bumps the vector), so an older copy arriving
//! later is dominated and never brings a deleted record back.
//!
//! Why this is commutative and associative: as long as every edit's key is larger than the keys
//! of the versions it has seen (true when `changed_at` grows along causality), the merged copy
//! is "the largest-key version among everything both sides have seen" with the union of their
//! histories — a join, which does not care about order or repetition. Importing files A, B, C
//! in any order gives the same records (by id; new records are appended in arrival order, so
//! the order inside a collection is not part of that equality). A user override that brings
//! back a deleted record is the one case outside this guarantee; it is a deliberate choice.
//!
//! An override (the user picks the non-default side) is counted as a new edit by the local
//! office ([`Meta::touch`]), so its vector dominates both sides and it wins the next exchange.

use crate::domain::collections::{Collection, Summary};
use crate::domain::record::{Id, Meta, Record, Stamp};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How two version vectors relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Causality {
    Equal,
    /// The first has seen everything the second has, and more.
    Dominates,
    /// The second dominates the first.
    Dominated,
    /// Each has edits the other has not seen.
    Concurrent,
}

/// Compares version vectors; a missing office counts as zero edits.
pub fn compare(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> Causality {
    let (mut a_more, mut b_more) = (false, false);
    for office in a.keys().chain(b.keys()) {
        let x = a.get(office).copied().unwrap_or(0);
        let y = b.get(office).copied().unwrap_or(0);
        match x.cmp(&y) {
            Ordering::Greater => a_more = true,
            Ordering::Less => b_more = true,
            Ordering::Equal => {}
        }
    }
    match (a_more, b_more) {
        (false, false) => Causality::Equal,
        (true, false) => Causality::Dominates,
        (false, true) => Causality::Dominated,
        (true, true) => Causality::Concurrent,
    }
}

/// Pointwise maximum of two version vectors.
pub fn join(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    let mut out = a.clone();
    for (office, n) in b {
        let e = out.entry(office.clone()).or_insert(0);
        *e = (*e).max(*n);
    }
    out
}

/// Which side of a conflict to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Giữ bản trên máy này
    KeepLocal,
    /// Lấy bản trong tệp
    TakeIncoming,
}

/// Two versions of one record edited independently, for side-by-side display.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict<T> {
    pub id: Id,
    pub local: T,
    pub incoming: T,
    /// The side taken unless the user overrides it; independent of argument order.
    pub default: Choice,
}

/// What importing one collection would do. Records absent from the file are left alone
/// (a subset export never deletes by omission; deletions travel as tombstones).
/// New and updated records are named by their position in the incoming list, not
/// copied: a city's file is 70.853 records, and the preview only counts them.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan<T> {
    /// Incoming records whose id does not exist locally.
    pub new: Vec<usize>,
    /// Incoming copies that are strictly newer than the local ones.
    pub updated: Vec<usize>,
    /// How many incoming records the local copies already hold (the same or newer): only
    /// counted, as applying the plan leaves them alone.
    pub unchanged: usize,
    pub conflicts: Vec<Conflict<T>>,
}

/// The order deciding a conflict: deletion first, then time, office, content.
fn winner_key<T: Serialize + Record>(r: &T) -> (bool, chrono::DateTime<chrono::Utc>, String, String) {
    let m = r.meta();
    (m.deleted, m.changed_at, m.changed_by.clone(), canonical_json(r))
}

/// The side a conflict takes unless the user overrides it: the larger by [`winner_key`].
fn default_choice<T: Serialize + Record>(local: &T, incoming: &T) -> Choice {
    if winner_key(incoming) > winner_key(local) {
        Choice::TakeIncoming
    } else {
        Choice::KeepLocal
    }
}

/// The version of one record that merging `incoming` into `local` keeps when nobody chooses
/// (live sync): the newer by version vector, else, for independent edits, the default winner
/// with both vectors joined — what [`MergePlan::apply`] makes without overrides. `None` when
/// `local` already is that version.
pub fn merged<T: Record + Clone + PartialEq + Serialize>(local: &T, incoming: &T) -> Option<T> {
    match compare(&incoming.meta().edits, &local.meta().edits) {
        Causality::Dominates => Some(incoming.clone()),
        Causality::Dominated => None,
        Causality::Equal if local == incoming => None,
        Causality::Equal | Causality::Concurrent => {
            let mut kept = match default_choice(local, incoming) {
                Choice::KeepLocal => local.clone(),
                Choice::TakeIncoming => incoming.clone(),
            };
            kept.meta_mut().edits = join(&local.meta().edits, &incoming.meta().edits);
            (kept != *local).then_some(kept)
        }
    }
}

/// What [`merge_into`] did, by record id, in incoming order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Local records changed or added.
    pub changed: Vec<Id>,
    /// Records whose kept local version is not the incoming one although both carry the same
    /// version vector (one side edited without counting, by hand or by another tool): the
    /// incoming side is behind without its vector showing it.
    pub ahead_unseen: Vec<Id>,
}

/// Merges `incoming` into `local` in place with [`merged`], appending new records: live sync
/// brings pages of a thousand records into a city's 70.853 every second, so the list is
/// neither copied nor indexed whole (one pass finds the page's records).
pub fn merge_into<T: Record + Clone + PartialEq + Serialize>(local: &mut Vec<T>, incoming: Vec<T>) -> Merged {
    let mut out = Merged::default();
    if incoming.is_empty() {
        return out;
    }
    let mut position: HashMap<Id, usize> = HashMap::new();
    {
        let wanted: HashSet<&str> = incoming.iter().map(|r| r.id()).collect();
        for (i, r) in local.iter().enumerate() {
            if wanted.contains(r.id()) && !position.contains_key(r.id()) {
                position.insert(r.id().to_string(), i);
            }
        }
    }
    for r in incoming {
        let id = r.id().to_string();
        match position.get(&id) {
            Some(&i) => {
                if let Some(kept) = merged(&local[i], &r) {
                    local[i] = kept;
                    out.changed.push(id.clone());
                }
                if local[i].meta().edits == r.meta().edits && local[i] != r {
                    out.ahead_unseen.push(id);
                }
            }
            None => {
                position.insert(id.clone(), local.len());
                local.push(r);
                out.changed.push(id);
            }
        }
    }
    out
}

/// JSON of the record without its version vector; object keys sorted, so it is canonical.
fn canonical_json<T: Serialize>(r: &T) -> String {
    let mut v = serde_json::to_value(r).expect("records serialize");
    if let Some(meta) = v.get_mut("meta").and_then(|m| m.as_object_mut()) {
        meta.remove("edits");
    }
    v.to_string()
}

impl<T: Record + Clone + PartialEq + Serialize> MergePlan<T> {
    /// Compares every incoming record with the local record of the same id.
    pub fn new(local: &[T], incoming: &[T]) -> Self {
        let by_id: HashMap<&str, &T> = local.iter().rev().map(|r| (r.id(), r)).collect();
        let mut plan = MergePlan {
            new: Vec::new(),
            updated: Vec::new(),
            unchanged: 0,
            conflicts: Vec::new(),
        };
        for (at, inc) in incoming.iter().enumerate() {
            let Some(loc) = by_id.get(inc.id()) else {
                plan.new.push(at);
                continue;
            };
            match compare(&inc.meta().edits, &loc.meta().edits) {
                Causality::Dominates => plan.updated.push(at),
                Causality::Dominated => plan.unchanged += 1,
                Causality::Equal if *loc == inc => plan.unchanged += 1,
                // Equal vectors with different content only happen after hand edits; treat
                // them like independent edits so the user sees both.
                Causality::Equal | Causality::Concurrent => {
                    let default = default_choice(*loc, inc);
                    plan.conflicts.push(Conflict {
                        id: inc.id().to_string(),
                        local: (*loc).clone(),
                        incoming: inc.clone(),
                        default,
                    });
                }
            }
        }
        plan
    }

    pub fn summary(&self, collection: Collection) -> Summary {
        Summary {
            collection,
            new: self.new.len(),
            updated: self.updated.len(),
            unchanged: self.unchanged,
            conflicts: self.conflicts.len(),
        }
    }

    /// True when applying changes nothing: no new, no updated, no conflicts.
    pub fn is_noop(&self) -> bool {
        self.new.is_empty() && self.updated.is_empty() && self.conflicts.is_empty()
    }

    /// The merged collection: `local` in its order with updates and conflict outcomes in place,
    /// then the new records in file order. `local` and `incoming` are the lists the plan was
    /// made from. `choice` gives the user's choice for a conflict id (None: the default).
    /// `stamp` (the local office) is counted as an edit on overrides.
    pub fn apply(
        &self,
        local: &[T],
        incoming: &[T],
        choice: impl Fn(&str) -> Option<Choice>,
        stamp: &Stamp,
    ) -> Vec<T> {
        let mut out = local.to_vec();
        let mut position: HashMap<String, usize> = HashMap::new();
        for (i, r) in out.iter().enumerate().rev() {
            position.insert(r.id().to_string(), i);
        }
        let mut put = |out: &mut Vec<T>, r: T| match position.get(r.id()) {
            Some(&i) => out[i] = r,
            None => {
                position.insert(r.id().to_string(), out.len());
                out.push(r);
            }
        };
        for &at in &self.updated {
            put(&mut out, incoming[at].clone());
        }
        for c in &self.conflicts {
            let picked = choice(&c.id).unwrap_or(c.default);
            let mut r = match picked {
                Choice::KeepLocal => c.local.clone(),
                Choice::TakeIncoming => c.incoming.clone(),
            };
            let edits = join(&c.local.meta().edits, &c.incoming.meta().edits);
            let meta: &mut Meta = r.meta_mut();
            meta.edits = edits;
            if picked != c.default {
                // Counted as a new edit so it dominates both sides; never earlier than either
                // side, so the ordering used for conflicts keeps following causality.
                let at = stamp
                    .at
                    .max(c.local.meta().changed_at)
                    .max(c.incoming.meta().changed_at);
                meta.touch(&Stamp::new(stamp.office_id.clone(), at));
            }
            put(&mut out, r);
        }
        for &at in &self.new {
            put(&mut out, incoming[at].clone());
        }
        out
    }
}
