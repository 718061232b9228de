//! The data model as the browser stores it: one small head (version, office, sharing state)
//! and one stored record per domain record, so a change writes only what it changed.
//!
//! Pure: the browser edge (`store::`) moves these texts in and out of IndexedDB; everything
//! about what to write, and how stored texts become `AppData` again, lives here.

mod assemble;
mod changes;

pub use assemble::{assemble, dump};
pub use changes::{apply_stored, changed_by, stamped, whole};

use super::data::{AppData, Office, SyncState};
use super::sync::collections::Collection;
use serde::{Deserialize, Serialize};

/// What is stored apart from the records: one small text, rewritten with every change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub schema_version: u32,
    #[serde(default)]
    pub office: Option<Office>,
    #[serde(default, skip_serializing_if = "SyncState::is_empty")]
    pub sync: SyncState,
}

impl Head {
    pub fn of(data: &AppData) -> Head {
        Head {
            schema_version: data.schema_version,
            office: data.office.clone(),
            sync: data.sync.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// One record as stored: its key (`units/<id>`), its position in its list (lists keep the
/// order officers entered them in) and its JSON text.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRecord {
    pub key: String,
    pub order: u32,
    pub json: String,
}

impl StoredRecord {
    pub fn of(collection: Collection, position: usize, id: &str, record: &impl Serialize) -> StoredRecord {
        StoredRecord {
            key: key(collection, id),
            order: position as u32,
            json: serde_json::to_string(record).unwrap_or_default(),
        }
    }
}

/// The storage key of a record: its collection and id, so one key names it everywhere.
pub fn key(collection: Collection, id: &str) -> String {
    format!("{}/{id}", collection.key())
}

/// The collection and id a storage key names; `None` for a key of no known collection.
pub fn parse_key(key: &str) -> Option<(Collection, &str)> {
    let (collection, id) = key.split_once('/')?;
    Some((Collection::from_key(collection)?, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_names_collection_and_id_and_reads_back() {
        let k = key(Collection::Proposals, "19a-ff00");
        assert_eq!(k, "proposals/19a-ff00");
        assert_eq!(parse_key(&k), Some((Collection::Proposals, "19a-ff00")));
        assert_eq!(parse_key("nothing/1"), None);
        assert_eq!(parse_key("units"), None);
    }
}
