//! What this browser knows of the server (kept in the browser, never uploaded).

use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::record::Id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct KnownRev {
    pub rev: String,
    pub edits: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

/// doc_id -> what the server holds as far as we know (its revision and the record's version
/// vector there), or, with `refused`, a local version the server refused (edits = the refused
/// version's; not retried until the record changes again).
pub type Known = std::collections::HashMap<String, KnownRev>;

/// Records to upload: version vector differs from the known one (or unknown), and not a
/// refused version. In collection order.
pub fn pending(data: &AppData, known: &Known) -> Vec<(Collection, Id)> {
    let _ = (data, known);
    todo!()
}

pub fn pending_count(data: &AppData, known: &Known) -> usize {
    let _ = (data, known);
    todo!()
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Checkpoint {
    /// The database URL it belongs to.
    pub database: String,
    /// Opaque seq; "0" at first.
    pub since: serde_json::Value,
}

/// (doc_id, reason) of every refused version.
pub fn refused_records(known: &Known) -> Vec<(String, String)> {
    let _ = known;
    todo!()
}
