//! The data model as the browser stores it: one small head (version, office, sharing state)
//! and one stored record per domain record, so a change writes only what it changed.
//!
//! Pure: the browser edge (`store::`) moves these texts in and out of IndexedDB; everything
//! about what to write, and how stored texts become `AppData` again, lives here.

mod assemble;
mod changes;
#[cfg(test)]
mod stamp_props;

pub use assemble::{assemble, assemble_later, dump, Undecoded};
pub use changes::{apply_stored, changed_by, named, stamped, whole};

use super::collections::Collection;
use super::data::{AppData, Office, SyncState};
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

/// How many groups the records are stored in. Reading many small values costs IndexedDB far
/// more than reading few larger ones (70.853 records: 1,5 s one by one, 0,26 s in groups),
/// while a change rewrites only its record's group (about 140 records in the city's data).
pub const BUCKETS: u32 = 512;

/// The group a record is stored in: FNV-1a of its key, so it never changes between versions.
pub fn bucket_of(key: &str) -> u32 {
    let hash = key
        .bytes()
        .fold(0x811c_9dc5_u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193));
    hash % BUCKETS
}

/// One group of records as one text: a line per record, `key TAB position TAB JSON`. A text is
/// copied in and out of the browser's storage far faster than thousands of small objects.
/// Compact JSON never holds a raw line break or tab; a key might (ids come from files), so its
/// backslashes, tabs and line breaks are escaped.
pub fn group_text(records: &[StoredRecord]) -> String {
    let mut text = String::with_capacity(records.iter().map(|r| r.key.len() + r.json.len() + 12).sum());
    for r in records {
        push_line(&mut text, &r.key, r.order, &r.json);
    }
    text
}

/// One record's line of a group's text (see [`group_text`]).
pub fn push_line(text: &mut String, key: &str, order: u32, json: &str) {
    use std::fmt::Write;
    escape_key(key, text);
    let _ = write!(text, "\t{order}\t");
    text.push_str(json);
    text.push('\n');
}

/// The records of a group's text. A line not in that shape comes back whole as the text of a
/// record named after the group (`buckets/<n>`), so loading refuses it by name and the
/// recovery download keeps it exactly.
pub fn parse_group(number: u32, text: &str) -> Vec<StoredRecord> {
    text.lines()
        .map(|line| {
            let mut parts = line.splitn(3, '\t');
            match (
                parts.next(),
                parts.next().and_then(|o| o.parse().ok()),
                parts.next(),
            ) {
                (Some(key), Some(order), Some(json)) => StoredRecord {
                    key: unescape_key(key),
                    order,
                    json: json.to_string(),
                },
                _ => StoredRecord {
                    key: format!("buckets/{number}"),
                    order: u32::MAX,
                    json: line.to_string(),
                },
            }
        })
        .collect()
}

fn escape_key(key: &str, out: &mut String) {
    for c in key.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape_key(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut key = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            key.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => key.push('\t'),
            Some('n') => key.push('\n'),
            Some('r') => key.push('\r'),
            Some(other) => key.push(other),
            None => key.push('\\'),
        }
    }
    key
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

    #[test]
    fn a_group_text_reads_back_and_names_a_broken_line() {
        let records = vec![
            StoredRecord::of(
                Collection::Units,
                3,
                "u1",
                &serde_json::json!({"name": "Tab\there\nnewline"}),
            ),
            StoredRecord::of(Collection::Proposals, 0, "p1", &serde_json::json!([])),
            StoredRecord::of(Collection::Units, 1, "a\tb\nc\\d\re", &serde_json::json!({})),
        ];
        let text = group_text(&records);
        assert_eq!(text.lines().count(), 3);
        assert_eq!(parse_group(7, &text), records);
        let broken = parse_group(7, "units/u1\tbad\t{}\n");
        assert_eq!(broken[0].key, "buckets/7");
        assert_eq!(broken[0].json, "units/u1\tbad\t{}");
        assert!(parse_group(7, "").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_records_survive_their_group_text(
            rows in proptest::collection::vec((".*", proptest::num::u32::ANY, ".*"), 0..20)
        ) {
            let records: Vec<StoredRecord> = rows
                .iter()
                .map(|(id, order, name)| {
                    let mut r = StoredRecord::of(Collection::Units, 0, id, &serde_json::json!({ "name": name }));
                    r.order = *order;
                    r
                })
                .collect();
            proptest::prop_assert_eq!(parse_group(1, &group_text(&records)), records);
        }
    }

    #[test]
    fn buckets_are_stable_and_spread_the_records() {
        // Stored data depends on these numbers: they must never change.
        assert_eq!(bucket_of("units/a"), 0xf3fe_a778_u32 % BUCKETS);
        assert_eq!(bucket_of(""), 0x811c_9dc5_u32 % BUCKETS);
        let mut counts = vec![0u32; BUCKETS as usize];
        for i in 0..51_200 {
            counts[bucket_of(&key(Collection::Proposals, &format!("19a{i:x}-ff00"))) as usize] += 1;
        }
        let (least, most) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(*least > 50 && *most < 160, "{least}..{most}");
    }
}
