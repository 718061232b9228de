//! Records as CouchDB documents: `_id` = `<collection key>:<record id>`, body = the record's
//! JSON exactly as an export file writes it, so any CouchDB tool reads a federation's data with
//! `docs/file-format.md` in hand. Underscore fields are CouchDB's; none of ours start with one.

use super::bookkeeping::Known;
use crate::domain::collections::{each_json_where, Collection};
use crate::domain::data::AppData;
use crate::domain::record::Id;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// `units:7f3a…`: the collection's key in an export file, a colon, the record's id.
pub fn doc_id(collection: Collection, id: &str) -> String {
    format!("{}:{id}", collection.key())
}

/// The collection and record id a document id names; `None` for `_design/…`, other tools'
/// documents and unknown collections.
pub fn parse_doc_id(doc_id: &str) -> Option<(Collection, &str)> {
    let (key, id) = doc_id.split_once(':')?;
    let collection = Collection::from_key(key)?;
    (!id.is_empty()).then_some((collection, id))
}

/// The record's JSON with the document fields CouchDB needs.
fn with_doc_fields(body: Value, doc_id: String, rev: Option<&str>) -> Value {
    let mut doc = Map::new();
    doc.insert("_id".into(), Value::String(doc_id));
    if let Some(rev) = rev {
        doc.insert("_rev".into(), Value::String(rev.to_string()));
    }
    if let Value::Object(fields) = body {
        doc.extend(fields);
    }
    Value::Object(doc)
}

/// The upload form of one local record (JSON value with `_id` and, when known, `_rev`);
/// `None` when `data` does not hold it.
pub fn to_doc(data: &AppData, collection: Collection, id: &str, rev: Option<&str>) -> Option<Value> {
    record_json(data, collection, id).map(|body| with_doc_fields(body, doc_id(collection, id), rev))
}

/// A local record's JSON as an export file writes it; `None` when `data` does not hold it.
pub fn record_json(data: &AppData, collection: Collection, id: &str) -> Option<Value> {
    let mut found = None;
    each_json_where(
        data,
        &mut |c, meta| c == collection && meta.id == id,
        &mut |_, _, body| {
            found.get_or_insert(body);
        },
    );
    found
}

/// The upload form of several records at once, with the revisions `known` holds, in data
/// order: one pass over the data for a whole batch, where [`to_doc`] looks each record up
/// (a first upload sends a city's 70.853 records).
pub fn to_docs(data: &AppData, records: &[(Collection, Id)], known: &Known) -> Vec<Value> {
    let wanted: HashSet<(Collection, &str)> = records.iter().map(|(c, id)| (*c, id.as_str())).collect();
    let mut docs = Vec::with_capacity(records.len());
    each_json_where(
        data,
        &mut |c, meta| wanted.contains(&(c, meta.id.as_str())),
        &mut |c, meta, body| {
            let id = doc_id(c, &meta.id);
            let rev = known
                .get(&id)
                .map(|k| k.rev.as_str())
                .filter(|rev| !rev.is_empty());
            docs.push(with_doc_fields(body, id, rev));
        },
    );
    docs
}

/// A document as the server sent it (underscore fields split off; body as the record's JSON).
#[derive(Clone, Debug, PartialEq)]
pub struct ServerDoc {
    pub doc_id: String,
    pub rev: String,
    /// CouchDB's deletion (`_deleted`): never ours, whose deletions are tombstone records.
    pub deleted: bool,
    /// Revisions CouchDB keeps in conflict with this one (`_conflicts`).
    pub conflicts: Vec<String>,
    pub body: Value,
}

/// Reads a document; `None` when it is not an object or lacks `_id` or `_rev`. Underscore
/// fields besides those (`_revisions`, `_attachments`, …) are CouchDB's and left out of the body.
pub fn read_doc(value: Value) -> Option<ServerDoc> {
    let Value::Object(fields) = value else {
        return None;
    };
    let mut doc_id = None;
    let mut rev = None;
    let mut deleted = false;
    let mut conflicts = Vec::new();
    let mut body = Map::new();
    for (key, value) in fields {
        match key.as_str() {
            "_id" => doc_id = value.as_str().map(str::to_string),
            "_rev" => rev = value.as_str().map(str::to_string),
            "_deleted" => deleted = value.as_bool() == Some(true),
            "_conflicts" => {
                conflicts = value
                    .as_array()
                    .map(|revs| {
                        revs.iter()
                            .filter_map(|r| r.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            }
            _ if key.starts_with('_') => {}
            _ => {
                body.insert(key, value);
            }
        }
    }
    Some(ServerDoc {
        doc_id: doc_id?,
        rev: rev?,
        deleted,
        conflicts,
        body: Value::Object(body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_doc_id_is_the_collection_key_and_the_record_id() {
        assert_eq!(doc_id(Collection::Units, "7f3a"), "units:7f3a");
        assert_eq!(
            parse_doc_id("scorecards:id-00012"),
            Some((Collection::Scorecards, "id-00012"))
        );
        // Record ids are the app's own; a colon inside one stays in the id.
        assert_eq!(parse_doc_id("units:a:b"), Some((Collection::Units, "a:b")));
        for other in ["_design/thidua", "cats:1", "units:", "units", ""] {
            assert_eq!(parse_doc_id(other), None, "{other}");
        }
        for c in Collection::ALL {
            assert_eq!(parse_doc_id(&doc_id(*c, "x")), Some((*c, "x")));
        }
    }

    #[test]
    fn a_server_doc_keeps_couchdbs_fields_out_of_the_body() {
        let doc = read_doc(json!({
            "_id": "units:u1", "_rev": "3-abc", "_conflicts": ["2-def", "2-fed"],
            "_revisions": {"start": 3, "ids": ["abc"]}, "_attachments": {}, "_local_seq": 4,
            "meta": {"id": "u1"}, "name": "LĐLĐ huyện Ba Vì"
        }))
        .unwrap();
        assert_eq!(doc.doc_id, "units:u1");
        assert_eq!(doc.rev, "3-abc");
        assert!(!doc.deleted);
        assert_eq!(doc.conflicts, vec!["2-def", "2-fed"]);
        assert_eq!(
            doc.body,
            json!({"meta": {"id": "u1"}, "name": "LĐLĐ huyện Ba Vì"})
        );

        let gone = read_doc(json!({"_id": "units:u1", "_rev": "4-x", "_deleted": true})).unwrap();
        assert!(gone.deleted);
        assert_eq!(gone.body, json!({}));
    }

    #[test]
    fn a_doc_without_id_or_revision_is_not_read() {
        assert_eq!(read_doc(json!({"_id": "units:u1"})), None);
        assert_eq!(read_doc(json!({"_rev": "1-a"})), None);
        assert_eq!(read_doc(json!(["units:u1"])), None);
    }
}
