//! Stored texts back into `AppData`, refusing what cannot be read (the caller keeps it
//! untouched and shows the recovery screen), and the download of exactly what is stored.

use super::{parse_key, Head, StoredRecord};
use crate::domain::collections::{self as coll, Collection};
use crate::domain::data::AppData;
use crate::domain::schema::{self, LoadError, Loaded, ShapeProblem, CURRENT_VERSION, MIGRATIONS};
use crate::domain::sorting;
use serde_json::{Map, Value};

/// The data of a stored head and records. Nothing stored is an empty data set; records in a
/// list come back in the order they were stored.
pub fn assemble(head: Option<&str>, records: &[StoredRecord]) -> Result<Loaded, LoadError> {
    let Some(head) = head else {
        if records.is_empty() {
            return Ok(Loaded {
                data: AppData::default(),
                migrated_from: None,
            });
        }
        return Err(LoadError::WrongShape(ShapeProblem::MissingVersion));
    };
    let value: Value = serde_json::from_str(head).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let found = schema::schema_version(&value)?;
    if found != CURRENT_VERSION {
        // Newer: refused by the decoder. Older: migrated as the whole tree, as a file would be.
        return schema::decode_value(whole_tree(value, records), CURRENT_VERSION, MIGRATIONS);
    }
    let head: Head = serde_json::from_str(head).map_err(|_| shape("head"))?;
    let mut data = AppData {
        schema_version: head.schema_version,
        office: head.office,
        sync: head.sync,
        ..AppData::default()
    };
    for record in in_list_order(records) {
        let (collection, _) = parse_key(&record.key).ok_or_else(|| shape(&record.key))?;
        coll::push_stored(&mut data, collection, &record.json).map_err(|_| shape(&record.key))?;
    }
    Ok(Loaded {
        data,
        migrated_from: None,
    })
}

/// Stored records kept as their text until their collection is first needed: decoding a
/// city's 70.853 records is most of a start, and a page needs few of the collections (the
/// units page: units and clusters, about a tenth of the records).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undecoded {
    /// Per collection (in [`Collection::ALL`] order), its records' keys and texts, in list order.
    lists: Vec<Vec<(String, String)>>,
}

impl Undecoded {
    /// Whether records of `collection` still wait.
    pub fn waits(&self, collection: Collection) -> bool {
        self.lists.get(rank(collection)).is_some_and(|l| !l.is_empty())
    }

    /// Whether every collection is decoded.
    pub fn is_empty(&self) -> bool {
        self.lists.iter().all(Vec::is_empty)
    }

    /// Decodes the waiting records of `collection` into `data` (after any it holds). A record
    /// that cannot be read is named; the records of the collection are then dropped from
    /// memory, and the caller reads the stored data again to stop on the recovery screen.
    pub fn decode(&mut self, collection: Collection, data: &mut AppData) -> Result<(), LoadError> {
        let Some(list) = self.lists.get_mut(rank(collection)) else {
            return Ok(());
        };
        for (key, json) in std::mem::take(list) {
            coll::push_stored(data, collection, &json).map_err(|_| shape(&key))?;
        }
        Ok(())
    }
}

/// Like [`assemble`], but only the head is read: every record stays as its text in the
/// [`Undecoded`] until [`Undecoded::decode`]. Data of an older version is migrated, and so
/// decoded, at once.
pub fn assemble_later(
    head: Option<&str>,
    records: Vec<StoredRecord>,
) -> Result<(Loaded, Undecoded), LoadError> {
    let current = head.is_some_and(|h| {
        serde_json::from_str::<Value>(h)
            .ok()
            .and_then(|v| schema::schema_version(&v).ok())
            == Some(CURRENT_VERSION)
    });
    if !current {
        return assemble(head, &records).map(|loaded| (loaded, Undecoded::default()));
    }
    let Loaded { data, .. } = assemble(head, &[])?;
    let order = list_order(&records);
    let mut slots: Vec<Option<StoredRecord>> = records.into_iter().map(Some).collect();
    let mut lists: Vec<Vec<(String, String)>> = Collection::ALL.iter().map(|_| Vec::new()).collect();
    for i in order {
        let Some(record) = slots[i].take() else { continue };
        let (collection, _) = parse_key(&record.key).ok_or_else(|| shape(&record.key))?;
        lists[rank(collection)].push((record.key, record.json));
    }
    Ok((
        Loaded {
            data,
            migrated_from: None,
        },
        Undecoded { lists },
    ))
}

fn rank(collection: Collection) -> usize {
    Collection::ALL
        .iter()
        .position(|c| *c == collection)
        .unwrap_or(usize::MAX)
}

fn shape(path: &str) -> LoadError {
    LoadError::WrongShape(ShapeProblem::Record {
        path: path.to_string(),
    })
}

fn in_list_order(records: &[StoredRecord]) -> Vec<&StoredRecord> {
    list_order(records).into_iter().map(|i| &records[i]).collect()
}

/// The positions of `records` in list order: by collection, then position, then key.
fn list_order(records: &[StoredRecord]) -> Vec<usize> {
    // Each key is parsed once, not once per comparison: this runs on every start.
    let mut ranked: Vec<(usize, u32, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (parse_key(&r.key).map_or(usize::MAX, |(c, _)| rank(c)), r.order, i))
        .collect();
    sorting::sort_by(&mut ranked, |a, b| {
        (a.0, a.1, &records[a.2].key).cmp(&(b.0, b.1, &records[b.2].key))
    });
    ranked.into_iter().map(|(_, _, i)| i).collect()
}

/// The head and records as one tree in the shape of the stored text of earlier versions:
/// a record that is not JSON stays there as its exact text.
fn whole_tree(head: Value, records: &[StoredRecord]) -> Value {
    let mut tree = match head {
        Value::Object(map) => map,
        other => {
            let mut map = Map::new();
            map.insert("head".into(), other);
            map
        }
    };
    let mut unknown = Map::new();
    for record in in_list_order(records) {
        let value = serde_json::from_str(&record.json).unwrap_or_else(|_| Value::String(record.json.clone()));
        match parse_key(&record.key) {
            Some((collection, _)) => {
                let list = tree
                    .entry(collection.key())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.push(value);
                }
            }
            None => {
                unknown.insert(record.key.clone(), value);
            }
        }
    }
    if !unknown.is_empty() {
        tree.insert("unknown_records".into(), Value::Object(unknown));
    }
    Value::Object(tree)
}

/// Exactly what is stored, as one JSON text in the shape of an export's data, for the
/// recovery screen's download. A head or record that is not JSON is kept as its text.
pub fn dump(head: Option<&str>, records: &[StoredRecord]) -> String {
    let head = head.map_or(Value::Null, |h| {
        serde_json::from_str(h).unwrap_or_else(|_| Value::String(h.to_string()))
    });
    serde_json::to_string_pretty(&whole_tree(head, records)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Stamp;
    use crate::domain::storage_format::whole;
    use chrono::{TimeZone, Utc};

    fn sample() -> AppData {
        let stamp = Stamp::new("office", Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, 0).unwrap());
        crate::domain::sample::with_numbered_ids(&stamp).0
    }

    #[test]
    fn stored_records_assemble_to_the_same_data_in_the_same_order() {
        let data = sample();
        let mut records = whole(&data);
        records.reverse();
        let head = Head::of(&data).to_json();
        let loaded = assemble(Some(&head), &records).unwrap();
        assert_eq!(loaded.data, data);
        assert_eq!(schema::encode(&loaded.data), schema::encode(&data));
    }

    #[test]
    fn nothing_stored_is_an_empty_data_set() {
        assert_eq!(assemble(None, &[]).unwrap().data, AppData::default());
    }

    #[test]
    fn a_corrupt_record_is_named_and_a_newer_version_refused() {
        let data = sample();
        let head = Head::of(&data).to_json();
        let mut records = whole(&data);
        records[3].json = "{\"id\": ".into();
        let key = records[3].key.clone();
        assert_eq!(
            assemble(Some(&head), &records).unwrap_err(),
            LoadError::WrongShape(ShapeProblem::Record { path: key.clone() })
        );
        let newer = head.replace("\"schema_version\":1", "\"schema_version\":7");
        assert_eq!(
            assemble(Some(&newer), &whole(&data)).unwrap_err(),
            LoadError::NewerVersion {
                found: 7,
                supported: CURRENT_VERSION
            }
        );
        // The download keeps the broken record as its exact text.
        let dumped: Value = serde_json::from_str(&dump(Some(&head), &records)).unwrap();
        let collection = key.split('/').next().unwrap();
        assert!(dumped[collection]
            .as_array()
            .unwrap()
            .contains(&Value::String("{\"id\": ".into())));
    }

    #[test]
    fn records_without_a_head_are_not_taken_for_an_empty_data_set() {
        let records = whole(&sample());
        assert_eq!(
            assemble(None, &records).unwrap_err(),
            LoadError::WrongShape(ShapeProblem::MissingVersion)
        );
    }

    #[test]
    fn records_decoded_later_make_the_same_data_in_whatever_order_collections_are_needed() {
        let data = sample();
        let mut records = whole(&data);
        records.reverse();
        let head = Head::of(&data).to_json();
        let (loaded, mut later) = assemble_later(Some(&head), records).unwrap();
        let mut decoded = loaded.data;
        assert_eq!(decoded.office, data.office);
        assert!(decoded.units.is_empty() && later.waits(Collection::Units));
        for c in Collection::ALL.iter().rev() {
            later.decode(*c, &mut decoded).unwrap();
            assert!(!later.waits(*c));
            // A second call finds nothing waiting and adds nothing.
            later.decode(*c, &mut decoded).unwrap();
        }
        assert!(later.is_empty());
        assert_eq!(decoded, data);
    }

    #[test]
    fn a_corrupt_record_decoded_later_is_named_and_an_older_version_is_read_at_once() {
        let data = sample();
        let head = Head::of(&data).to_json();
        let mut records = whole(&data);
        let (collection, _) = parse_key(&records[3].key).unwrap();
        records[3].json = "{\"id\": ".into();
        let key = records[3].key.clone();
        let (loaded, mut later) = assemble_later(Some(&head), records).unwrap();
        let mut decoded = loaded.data;
        assert_eq!(
            later.decode(collection, &mut decoded).unwrap_err(),
            LoadError::WrongShape(ShapeProblem::Record { path: key })
        );
        // A key of no collection is refused at once, as by `assemble`.
        let mut records = whole(&data);
        records[0].key = "khong-ro/1".into();
        assert!(assemble_later(Some(&head), records).is_err());
        // Nothing stored: nothing waits.
        let (loaded, later) = assemble_later(None, Vec::new()).unwrap();
        assert_eq!((loaded.data, later.is_empty()), (AppData::default(), true));
    }
}
