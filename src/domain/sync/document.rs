//! Records as CouchDB documents: `_id` = `<collection key>:<record id>`, body = the record's
//! JSON exactly as an export file writes it.

use crate::domain::collections::Collection;
use crate::domain::data::AppData;

pub fn doc_id(collection: Collection, id: &str) -> String {
    let _ = (collection, id);
    todo!()
}

/// `None` for `_design/…` or unknown collections.
pub fn parse_doc_id(doc_id: &str) -> Option<(Collection, &str)> {
    let _ = doc_id;
    todo!()
}

/// The upload form of local records (JSON value with _id and, when known, _rev).
pub fn to_doc(
    data: &AppData,
    collection: Collection,
    id: &str,
    rev: Option<&str>,
) -> Option<serde_json::Value> {
    let _ = (data, collection, id, rev);
    todo!()
}

/// A document as the server sent it (underscore fields split off; body as the record's JSON).
#[derive(Clone, Debug, PartialEq)]
pub struct ServerDoc {
    pub doc_id: String,
    pub rev: String,
    pub deleted: bool,
    pub conflicts: Vec<String>,
    pub body: serde_json::Value,
}

/// `None`: not an object / no _id/_rev.
pub fn read_doc(value: serde_json::Value) -> Option<ServerDoc> {
    let _ = value;
    todo!()
}
