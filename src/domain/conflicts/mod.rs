//! Conflicts in the officer's words (xung đột khi nhập tệp).
//!
//! When a file brings a record that was also edited here, the import shows both versions side
//! by side and the officer chooses one. An officer cannot choose between JSON texts, record ids
//! and points kept in tenths, so this module turns a conflict into what the forms show:
//! - the record named as officers know it ("Phiếu chấm của LĐLĐ huyện Hoài Đức, Cụm thi đua
//!   số 4 – 2023"), see [`Describe::title`];
//! - only the fields that differ, each with its form label and both values formatted as the
//!   forms show them (7,0; dd/mm/yyyy; statuses and kinds in words), see [`Difference`];
//! - a field the describers do not know yet (added to a record type before its wording) under
//!   the generic label "Dữ liệu khác của bản ghi", in words and never as JSON: nothing is
//!   dropped silently.
//!
//! The preview of an import also names the records a file adds or updates ([`Changes`]).
//! Each collection describes itself in a file of its own (`units`, `scoring`, `dialogues`,
//! `programmes`); [`Names`] finds the names of the records they point to.

mod dialogues;
mod differences;
mod names;
mod programmes;
mod scoring;
mod show;
mod units;
mod unknown;

#[cfg(test)]
mod tests;

pub use differences::{Difference, Differences, Label};
pub use names::Names;

use crate::domain::exchange::{Choice, Collection, Conflict, MergePlan, Overrides};
use crate::domain::record::{Id, Record};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The generic label of a field this version of the app does not know.
pub const OTHER_DATA: &str = "Dữ liệu khác của bản ghi";

/// A record that can be named and compared in the officer's words. Every exchanged collection
/// implements it (the list of collections asks for it), so a new collection cannot reach the
/// conflict screen undescribed.
pub trait Describe: Record + Serialize {
    /// The top-level fields [`Describe::differences`] compares (besides `meta`); any other field
    /// that differs is shown under [`OTHER_DATA`].
    const FIELDS: &'static [&'static str];

    /// The record as officers name it, with its kind: "Đơn vị LĐLĐ huyện Ba Vì".
    fn title(&self, names: &Names) -> String;

    /// The known fields that differ between the two versions, with their form labels.
    fn differences(local: &Self, incoming: &Self, names: &Names, out: &mut Differences);
}

/// One side of a conflict: who changed it last, when, and whether it is a deletion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The office's name ("máy này (LĐLĐ huyện Ba Vì)"), or "một cơ quan khác".
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
    pub deleted: bool,
}

/// A conflict as the officer reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    pub collection: Collection,
    /// The key of the officer's choice; never shown.
    pub id: Id,
    pub title: String,
    pub local: Version,
    pub incoming: Version,
    /// The fields that differ; empty when only who and when differ.
    pub differences: Vec<Difference>,
    pub default: Choice,
}

impl ConflictView {
    /// The key of the officer's choice for this conflict.
    pub fn key(&self) -> (Collection, Id) {
        (self.collection, self.id.clone())
    }
}

/// The version an import keeps for the conflict keyed `key`: the officer's choice where one
/// was made, else the conflict's `default` — what the screen shows as chosen is what the merge
/// applies ([`crate::domain::exchange::DataPlan::apply`] reads `overrides` the same way).
pub fn chosen(overrides: &Overrides, key: &(Collection, Id), default: Choice) -> Choice {
    overrides.get(key).copied().unwrap_or(default)
}

fn version<T: Record>(r: &T, names: &Names) -> Version {
    let m = r.meta();
    Version {
        changed_by: names.office(&m.changed_by),
        changed_at: m.changed_at,
        deleted: m.deleted,
    }
}

/// Describes one conflict of `collection`.
pub fn describe<T: Describe>(collection: Collection, c: &Conflict<T>, names: &Names) -> ConflictView {
    let mut out = Differences::default();
    T::differences(&c.local, &c.incoming, names, &mut out);
    unknown::add(&c.local, &c.incoming, T::FIELDS, !out.is_empty(), names, &mut out);
    ConflictView {
        collection,
        id: c.id.clone(),
        // The incoming version names it when it is alive (it may have been renamed there).
        title: if c.incoming.meta().deleted {
            c.local.title(names)
        } else {
            c.incoming.title(names)
        },
        local: version(&c.local, names),
        incoming: version(&c.incoming, names),
        differences: out.into_list(),
        default: c.default,
    }
}

/// The records of one kind that an import adds or updates, by name: the preview's disclosure.
/// Long lists are cut at the limit given to [`changes`]; the counts say how many there are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    pub collection: Collection,
    pub new: Vec<String>,
    pub new_count: usize,
    pub updated: Vec<String>,
    pub updated_count: usize,
}

/// Names the first `limit` new and updated records of one collection's merge plan.
pub fn changes<T: Describe + Clone + PartialEq>(
    collection: Collection,
    plan: &MergePlan<T>,
    incoming: &[T],
    names: &Names,
    limit: usize,
) -> Changes {
    let named = |at: &[usize]| -> Vec<String> {
        at.iter()
            .take(limit)
            .filter_map(|i| incoming.get(*i))
            .map(|r| r.title(names))
            .collect()
    };
    Changes {
        collection,
        new: named(&plan.new),
        new_count: plan.new.len(),
        updated: named(&plan.updated),
        updated_count: plan.updated.len(),
    }
}
