//! The one list of collections that travel in export files.
//!
//! Every collection of [`AppData`] that is exchanged appears once in the `collections!`
//! invocation at the bottom of this file, as
//! `Variant, field: Type => hooks;`. From that line the macro derives everything the sync code
//! needs: the [`Collection`] enum used in errors and overrides, decoding and checking of an
//! incoming file, the subset selection of an export, and the [`DataPlan`] of a merge.
//!
//! Adding a collection is therefore ONE line here, for example
//! `Dialogues, dialogues: Dialogue => Hooks::NONE;`, next to the field in `AppData`. The test
//! `every_appdata_collection_is_listed` fails when a field of `AppData` is missing here.
//! The type must implement [`Record`] (`impl_record!`), `Clone`, `PartialEq`, `Serialize` and
//! `DeserializeOwned`. Replace `Hooks::NONE` with a [`Hooks`](hooks::Hooks) value in a
//! file of its own under [`hooks`] to declare cross-references and range checks
//! (e.g. "score above its maximum"). Order matters only for which error a file with several
//! problems reports first: list a collection after those it refers to.

use super::exchange::file::Selection;
use super::exchange::hooks::{self, Lookup};
use super::exchange::merge::{merge_into, Choice, MergePlan};
use super::exchange::validate::{check_collection, decode_collection, IdIndex, ImportError, RecordTexts};
use crate::domain::conflicts::{self, Changes, ConflictView, Describe, Names};
use crate::domain::data::AppData;
use crate::domain::dialogues::{Dialogue, Proposal};
use crate::domain::programmes::{AnnualReview, Programme};
use crate::domain::record::{Id, Meta, Record, Stamp};
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::indicators::UnitIndicators;
use crate::domain::scoring::scorecard::Scorecard;
use crate::domain::scoring::template::ScoringTemplate;
use crate::domain::storage_format::StoredRecord;
use crate::domain::units::Unit;
use std::collections::BTreeMap;

/// The user's choice for conflicting records, keyed by collection and record id; a conflict
/// without an entry takes its default winner.
pub type Overrides = BTreeMap<(Collection, Id), Choice>;

/// Counts of one collection's merge plan, for the preview table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub collection: Collection,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
}

/// A stored record's text as its type, straight from the text (no tree in between): the same
/// decoder as a file's records and the stored data of earlier versions use, so the wasm carries
/// one decoder per type.
fn decode_stored<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text)
}

macro_rules! collections {
    ($( $variant:ident, $field:ident: $ty:ty => $hooks:expr; )*) => {
        /// A collection of records that travels in export files. Its JSON key is [`Collection::key`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Collection {
            $( $variant, )*
        }

        impl Collection {
            /// Every exchanged collection, in file order.
            pub const ALL: &'static [Collection] = &[$( Collection::$variant, )*];

            /// The key of the collection in `AppData` and in the file's `data` object.
            pub fn key(self) -> &'static str {
                match self {
                    $( Collection::$variant => stringify!($field), )*
                }
            }

            pub fn from_key(key: &str) -> Option<Collection> {
                Collection::ALL.iter().copied().find(|c| c.key() == key)
            }
        }

        /// Calls `f` with the collection and meta of every record, tombstones included.
        pub fn each_meta<'a>(data: &'a AppData, f: &mut dyn FnMut(Collection, &'a Meta)) {
            $( for r in &data.$field { f(Collection::$variant, r.meta()); } )*
        }

        /// The meta of record `id` of collection `c`, if `data` holds it (tombstones included).
        pub fn meta_of<'a>(data: &'a AppData, c: Collection, id: &str) -> Option<&'a Meta> {
            match c {
                $( Collection::$variant => data.$field.iter().find(|r| r.id() == id).map(|r| r.meta()), )*
            }
        }

        /// How many records `data` holds, tombstones included.
        pub fn count_records(data: &AppData) -> usize {
            0 $( + data.$field.len() )*
        }

        /// Stored copies of the records `pick` selects, each with its position in its list.
        pub fn stored_where(data: &AppData, pick: &mut dyn FnMut(&Meta) -> bool) -> Vec<StoredRecord> {
            let mut out = Vec::new();
            $(
                for (i, r) in data.$field.iter().enumerate() {
                    if pick(r.meta()) {
                        out.push(StoredRecord::of(Collection::$variant, i, r.id(), r));
                    }
                }
            )*
            out
        }

        /// Stored copies of the records of `new` that are new or not equal in `old`.
        pub fn stored_changed(old: &AppData, new: &AppData) -> Vec<StoredRecord> {
            let mut out = Vec::new();
            $(
                let before: std::collections::HashMap<&str, _> =
                    old.$field.iter().map(|r| (r.id(), r)).collect();
                for (i, r) in new.$field.iter().enumerate() {
                    if before.get(r.id()).is_none_or(|b| *b != r) {
                        out.push(StoredRecord::of(Collection::$variant, i, r.id(), r));
                    }
                }
            )*
            out
        }

        /// Puts one stored record into memory, replacing the record of the same id or
        /// appending it; `None` takes the record out (one that storage does not hold).
        pub fn put_stored(data: &mut AppData, c: Collection, id: &str, json: Option<&str>) -> Result<(), serde_json::Error> {
            match c {
                $(
                    Collection::$variant => {
                        let at = data.$field.iter().position(|r| r.id() == id);
                        match (json, at) {
                            (Some(text), Some(i)) => data.$field[i] = decode_stored(text)?,
                            (Some(text), None) => data.$field.push(decode_stored(text)?),
                            (None, Some(i)) => {
                                data.$field.remove(i);
                            }
                            (None, None) => {}
                        }
                    }
                )*
            }
            Ok(())
        }

        /// Appends a stored record (data is assembled from storage in list order).
        pub fn push_stored(data: &mut AppData, c: Collection, json: &str) -> Result<(), serde_json::Error> {
            match c {
                $( Collection::$variant => data.$field.push(decode_stored(json)?), )*
            }
            Ok(())
        }

        /// Decodes the `data` object of a file, collection by collection and record by record.
        /// A missing collection is empty (older files, or files of a build without it).
        pub(crate) fn decode_collections(obj: &RecordTexts<'_>) -> Result<AppData, ImportError> {
            let mut data = AppData::default();
            $( data.$field = decode_collection::<$ty>(Collection::$variant, obj)?; )*
            Ok(data)
        }

        /// Decodes the next value of `map` as the list of `kind`, into `data`: a file read in
        /// one pass ([`super::validate`]) goes straight into its records.
        pub(crate) fn next_collection<'de, M: serde::de::MapAccess<'de>>(
            data: &mut AppData,
            kind: Collection,
            map: &mut M,
        ) -> Result<(), M::Error> {
            match kind {
                $( Collection::$variant => data.$field = map.next_value()?, )*
            }
            Ok(())
        }

        /// Duplicate ids, references and ranges of every collection of an incoming file;
        /// references may point into the file or into `local`.
        pub(crate) fn check_collections(incoming: &AppData, local: &AppData) -> Result<(), ImportError> {
            check_with(incoming, local, &IdIndex::new(incoming, local))
        }

        /// A page of live sync checked as a file is, except references: a record may come
        /// before the one it points to (see [`IdIndex::received`]).
        pub(crate) fn check_received(page: &AppData, local: &AppData) -> Result<(), ImportError> {
            check_with(page, local, &IdIndex::received(page))
        }

        fn check_with(incoming: &AppData, local: &AppData, index: &IdIndex<'_>) -> Result<(), ImportError> {
            let lookup = Lookup::new(incoming, local);
            $( check_collection(Collection::$variant, &incoming.$field, &$hooks, index, &lookup)?; )*
            Ok(())
        }

        /// Decodes one record of `kind` from its JSON as an import decodes a file's record
        /// (live sync: one document), appending it to `page`.
        pub(crate) fn decode_into(page: &mut AppData, kind: Collection, record: serde_json::Value) -> Result<(), ImportError> {
            let mut lists = serde_json::Map::new();
            lists.insert(kind.key().to_string(), serde_json::Value::Array(vec![record]));
            let texts = RecordTexts::Migrated(lists);
            match kind {
                $( Collection::$variant => page.$field.extend(decode_collection::<$ty>(kind, &texts)?), )*
            }
            Ok(())
        }

        /// Merges every record of `page` into `data` in place, without choices
        /// ([`merge_into`]); the records changed or added, and those `page` is behind on
        /// without its version vectors showing it
        /// ([`ahead_unseen`](crate::domain::exchange::merge::Merged::ahead_unseen)).
        pub(crate) fn merge_page(data: &mut AppData, page: AppData) -> (Vec<(Collection, Id)>, Vec<(Collection, Id)>) {
            let (mut changed, mut ahead) = (Vec::new(), Vec::new());
            $(
                let merged = merge_into(&mut data.$field, page.$field);
                changed.extend(merged.changed.into_iter().map(|id| (Collection::$variant, id)));
                ahead.extend(merged.ahead_unseen.into_iter().map(|id| (Collection::$variant, id)));
            )*
            (changed, ahead)
        }

        /// Calls `f` with the JSON, as an export file writes it, of every record `pick`
        /// selects (live sync's document bodies).
        pub fn each_json_where(
            data: &AppData,
            pick: &mut dyn FnMut(Collection, &Meta) -> bool,
            f: &mut dyn FnMut(Collection, &Meta, serde_json::Value),
        ) {
            $(
                for r in &data.$field {
                    if pick(Collection::$variant, r.meta()) {
                        f(Collection::$variant, r.meta(), serde_json::to_value(r).expect("records serialize"));
                    }
                }
            )*
        }

        /// Record `id` of `kind` as officers name it, with its kind ([`conflicts::Describe::title`]).
        pub fn record_title(data: &AppData, kind: Collection, id: &str, names: &Names) -> Option<String> {
            match kind {
                $( Collection::$variant => data.$field.iter().find(|r| r.id() == id).map(|r| r.title(names)), )*
            }
        }

        /// The records of `data` named by `selection` (tombstones included when selected).
        /// Only records: what else `AppData` holds (this installation's office) stays home.
        pub fn select(data: &AppData, selection: &Selection) -> AppData {
            let mut out = AppData::default();
            $(
                out.$field = data.$field
                    .iter()
                    .filter(|r| selection.contains(Collection::$variant, r.id()))
                    .cloned()
                    .collect();
            )*
            out
        }

        /// The merge of one incoming file into local data, one [`MergePlan`] per collection.
        #[derive(Clone, Debug, PartialEq)]
        pub struct DataPlan {
            $( pub $field: MergePlan<$ty>, )*
        }

        impl DataPlan {
            /// Compares every incoming record with the local one of the same id.
            pub fn new(local: &AppData, incoming: &AppData) -> DataPlan {
                DataPlan {
                    $( $field: MergePlan::new(&local.$field, &incoming.$field), )*
                }
            }

            /// Counts per collection, in [`Collection::ALL`] order.
            pub fn summaries(&self) -> Vec<Summary> {
                vec![$( self.$field.summary(Collection::$variant), )*]
            }

            /// Whether applying the plan would change nothing at all.
            pub fn is_noop(&self) -> bool {
                true $( && self.$field.is_noop() )*
            }

            /// The ids of every conflict, for the side-by-side review.
            pub fn conflict_ids(&self) -> Vec<(Collection, Id)> {
                let mut ids = Vec::new();
                $( ids.extend(self.$field.conflicts.iter().map(|c| (Collection::$variant, c.id.clone()))); )*
                ids
            }

            /// Every conflict in the officer's words, for showing both versions side by side
            /// (see [`crate::domain::conflicts`]).
            pub fn conflict_views(&self, names: &Names) -> Vec<ConflictView> {
                let mut out = Vec::new();
                $(
                    out.extend(
                        self.$field.conflicts.iter().map(|c| conflicts::describe(Collection::$variant, c, names)),
                    );
                )*
                out
            }

            /// The names of the first `limit` records of each kind that the file adds and
            /// updates, for the preview; `incoming` is the data the plan was made from.
            pub fn changes(&self, incoming: &AppData, names: &Names, limit: usize) -> Vec<Changes> {
                vec![$(
                    conflicts::changes(Collection::$variant, &self.$field, &incoming.$field, names, limit),
                )*]
            }

            /// The merged data: `local` with the plan applied and `overrides` deciding conflicts.
            /// `local` and `incoming` must be the data the plan was made from (re-plan if local
            /// data changed since, e.g. after a save in another tab).
            /// `stamp` is the local office, counted as an edit on every overridden conflict.
            pub fn apply(&self, local: &AppData, incoming: &AppData, overrides: &Overrides, stamp: &Stamp) -> AppData {
                // Written out field by field, so a new field of `AppData` must be placed here.
                AppData {
                    schema_version: local.schema_version,
                    office: local.office.clone(),
                    sync: local.sync.clone(),
                    $(
                        $field: self.$field.apply(
                            &local.$field,
                            &incoming.$field,
                            |id| overrides.get(&(Collection::$variant, id.to_string())).copied(),
                            stamp,
                        ),
                    )*
                }
            }
        }
    };
}

collections! {
    Units, units: Unit => hooks::units::HOOKS;
    Clusters, clusters: Cluster => hooks::clusters::HOOKS;
    Templates, templates: ScoringTemplate => hooks::templates::HOOKS;
    Indicators, indicators: UnitIndicators => hooks::indicators::HOOKS;
    Scorecards, scorecards: Scorecard => hooks::scorecards::HOOKS;
    Dialogues, dialogues: Dialogue => hooks::dialogues::HOOKS;
    Proposals, proposals: Proposal => hooks::proposals::HOOKS;
    Programmes, programmes: Programme => hooks::programmes::HOOKS;
    Reviews, reviews: AnnualReview => hooks::reviews::HOOKS;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fields of `AppData` that are not exchanged collections.
    const NOT_COLLECTIONS: &[&str] = &["schema_version", "office"];

    #[test]
    fn every_appdata_collection_is_listed() {
        let value = serde_json::to_value(AppData::default()).unwrap();
        for key in value.as_object().unwrap().keys() {
            if !NOT_COLLECTIONS.contains(&key.as_str()) {
                assert!(
                    Collection::from_key(key).is_some(),
                    "AppData.{key} is not in the collections! list of domain/collections.rs"
                );
            }
        }
        for c in Collection::ALL {
            assert_eq!(Collection::from_key(c.key()), Some(*c));
        }
    }
}
