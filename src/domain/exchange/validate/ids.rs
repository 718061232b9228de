//! Id checks: duplicate ids in one collection, references to records that exist neither in the
//! file nor locally, and each collection's rules and ranges ([`Hooks`]) on every live record.

use super::errors::{At, ImportError};
use crate::domain::collections::{each_meta, Collection};
use crate::domain::data::AppData;
use crate::domain::exchange::hooks::{Hooks, Lookup};
use crate::domain::record::Record;
use std::collections::HashSet;

/// Every record id of the file and of local data, tombstones included: a reference to a
/// deleted record is not dangling (its deletion is known), and refusing it would block the
/// exchange after a concurrent deletion.
pub(crate) struct IdIndex<'a> {
    ids: HashSet<(Collection, &'a str)>,
    /// Per collection, the first record of the file whose id an earlier record of the same
    /// collection has: found while the index is built, so no second set of a city's ids is made.
    repeated: Vec<(Collection, &'a str)>,
    /// Live sync: a reference may point to a record that has not arrived yet (the server's
    /// feed sends records in the order of their last change, so a unit may come before the
    /// parent edited after it), so every target counts as present.
    references_may_wait: bool,
}

impl<'a> IdIndex<'a> {
    pub(crate) fn new(incoming: &'a AppData, local: &'a AppData) -> Self {
        let mut index = IdIndex::received(incoming);
        each_meta(local, &mut |c, m| {
            index.ids.insert((c, m.id.as_str()));
        });
        index.references_may_wait = false;
        index
    }

    /// The ids of a page of live sync, for duplicates; references are not checked (see
    /// `references_may_wait`), so this office's ids are not indexed.
    pub(crate) fn received(page: &'a AppData) -> Self {
        let mut ids = HashSet::new();
        let mut repeated: Vec<(Collection, &str)> = Vec::new();
        each_meta(page, &mut |c, m| {
            if !ids.insert((c, m.id.as_str())) && !repeated.iter().any(|(k, _)| *k == c) {
                repeated.push((c, m.id.as_str()));
            }
        });
        IdIndex {
            ids,
            repeated,
            references_may_wait: true,
        }
    }

    fn contains(&self, kind: Collection, id: &str) -> bool {
        self.references_may_wait || self.ids.contains(&(kind, id))
    }

    fn repeated(&self, kind: Collection) -> Option<&'a str> {
        self.repeated.iter().find(|(k, _)| *k == kind).map(|(_, id)| *id)
    }
}

/// Duplicate ids, then the collection's [`Hooks`] on every live record.
pub(crate) fn check_collection<T: Record>(
    kind: Collection,
    records: &[T],
    hooks: &Hooks<T>,
    index: &IdIndex<'_>,
    lookup: &Lookup<'_>,
) -> Result<(), ImportError> {
    if let Some(id) = index.repeated(kind) {
        return Err(ImportError::DuplicateId {
            kind,
            id: id.to_string(),
        });
    }
    for (i, r) in records.iter().enumerate().filter(|(_, r)| r.is_live()) {
        if let Some(link) = (hooks.references)(r)
            .into_iter()
            .find(|l| !index.contains(l.target, l.target_id))
        {
            return Err(ImportError::UnknownReference {
                kind,
                id: r.id().to_string(),
                field: link.field.into_owned(),
                target: link.target,
                target_id: link.target_id.to_string(),
            });
        }
        if let Some(issue) = (hooks.rules)(r, lookup).into_iter().next() {
            return Err(ImportError::BreaksRule {
                at: At {
                    kind: Some(kind),
                    index: Some(i),
                    id: Some(r.id().to_string()),
                    field: issue.field,
                },
                rule: issue.message,
            });
        }
        if let Some(issue) = (hooks.ranges)(r, lookup).into_iter().next() {
            return Err(ImportError::OutOfRange {
                at: At {
                    kind: Some(kind),
                    index: Some(i),
                    id: Some(r.id().to_string()),
                    field: issue.field,
                },
                value: issue.value,
                min: issue.min,
                max: issue.max,
            });
        }
    }
    Ok(())
}
