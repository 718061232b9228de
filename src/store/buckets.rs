//! Records as IndexedDB holds them: in [`storage_format::BUCKETS`] groups (`storage_format::bucket_of` of the
//! key), each one text (`storage_format::group_text`) kept as UTF-8 bytes. Reading thousands of small
//! values one by one is what made starting on a city's data slow; a change still rewrites only
//! the groups of the records it changed.
//!
//! Databases of the first IndexedDB version hold one value per record in the `records` store;
//! [`move_from_single_records`] regroups them once, in one transaction.

use super::idb::{self, DbError, BUCKETS, RECORDS};
use crate::domain::sorting;
use crate::domain::storage_format::{self, StoredRecord};
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransaction};

/// The stored version of one record: its position in its list and its JSON text.
pub type Version = Option<(u32, String)>;

type Group = BTreeMap<String, (u32, String)>;

/// The groups holding some records, read inside one transaction and written back there.
pub struct Groups {
    loaded: BTreeMap<u32, Group>,
    changed: Vec<u32>,
}

impl Groups {
    /// Reads, inside `tx`, the groups that hold `keys`. A group that cannot be read is never
    /// written over: the change is refused instead.
    pub async fn load(tx: &IdbTransaction, keys: &[String]) -> Result<Groups, DbError> {
        let store = idb::store(tx, BUCKETS)?;
        let mut numbers: Vec<u32> = keys.iter().map(|k| storage_format::bucket_of(k)).collect();
        sorting::sort(&mut numbers);
        numbers.dedup();
        let pending: Vec<_> = numbers
            .iter()
            .map(|n| idb::req(store.get(&JsValue::from(*n))).map(|r| idb::done(&r)))
            .collect::<Result<_, _>>()?;
        let mut loaded = BTreeMap::new();
        for (number, request) in numbers.into_iter().zip(pending) {
            let value = request.await?;
            let text = match group_text(&value) {
                Some(text) => text,
                None if value.is_undefined() => String::new(),
                None => return Err(unreadable()),
            };
            let mut group = Group::new();
            for record in storage_format::parse_group(number, &text) {
                if storage_format::parse_key(&record.key).is_none() {
                    return Err(unreadable());
                }
                group.insert(record.key, (record.order, record.json));
            }
            loaded.insert(number, group);
        }
        Ok(Groups {
            loaded,
            changed: Vec::new(),
        })
    }

    /// The stored versions of `keys` (`None`: not stored).
    pub fn versions(&self, keys: &[String]) -> Vec<(String, Version)> {
        keys.iter()
            .map(|k| {
                let version = self
                    .loaded
                    .get(&storage_format::bucket_of(k))
                    .and_then(|g| g.get(k))
                    .cloned();
                (k.clone(), version)
            })
            .collect()
    }

    /// Sets (or with `None` removes) a record in its loaded group.
    pub fn set(&mut self, key: &str, version: Option<(u32, &str)>) {
        let number = storage_format::bucket_of(key);
        let group = self.loaded.entry(number).or_default();
        match version {
            Some((order, json)) => {
                group.insert(key.to_string(), (order, json.to_string()));
            }
            None => {
                group.remove(key);
            }
        }
        self.changed.push(number);
    }

    /// Writes every group changed by [`Groups::set`]; an emptied group is deleted. A change to
    /// many records touches most groups, i.e. rewrites most of the database: the texts are made
    /// and queued a few megabytes at a time, waiting between for the last one queued to land,
    /// so the page can draw meanwhile (the transaction stays open while a request is pending).
    pub async fn put(&mut self, tx: &IdbTransaction) -> Result<(), DbError> {
        let store = idb::store(tx, BUCKETS)?;
        sorting::sort(&mut self.changed);
        self.changed.dedup();
        let mut queued = 0;
        for number in &self.changed {
            let Some(group) = self.loaded.get(number) else {
                continue;
            };
            let key = JsValue::from(*number);
            if group.is_empty() {
                idb::req(store.delete(&key))?;
                continue;
            }
            let size = group
                .iter()
                .map(|(key, (_, json))| key.len() + json.len() + 12)
                .sum();
            let mut text = String::with_capacity(size);
            for (key, (order, json)) in group {
                storage_format::push_line(&mut text, key, *order, json);
            }
            let bytes = js_sys::Uint8Array::from(text.as_bytes());
            let request = idb::req(store.put_with_key(&bytes, &key))?;
            queued += size;
            if queued >= STEP_BYTES {
                queued = 0;
                idb::done(&request).await?;
            }
        }
        Ok(())
    }
}

/// How much group text is made and queued in one go (a few tens of milliseconds of work).
const STEP_BYTES: usize = 2_000_000;

/// A group's text, stored as UTF-8 bytes: they are copied into the wasm as they are, where a
/// JS string must be encoded again (about 150 ms of the start on a city's 70.000 records).
/// Groups that earlier versions stored as strings read as before, and become bytes when next
/// written. `None`: neither (or bytes that are not UTF-8).
fn group_text(value: &JsValue) -> Option<String> {
    match value.as_string() {
        Some(text) => Some(text),
        None => String::from_utf8(value.dyn_ref::<js_sys::Uint8Array>()?.to_vec()).ok(),
    }
}

fn unreadable() -> DbError {
    DbError::Other("một nhóm bản ghi đã lưu không đọc được".into())
}

/// Every stored record, read inside `tx`. What is not in the stored shape comes back under the
/// group's name (`buckets/<n>`), so loading refuses it by name and the download keeps it.
pub async fn read_all(tx: &IdbTransaction) -> Result<Vec<StoredRecord>, DbError> {
    let store = idb::store(tx, BUCKETS)?;
    let numbers = idb::done(&idb::req(store.get_all_keys())?);
    let groups = idb::done(&idb::req(store.get_all())?);
    let numbers: js_sys::Array = numbers.await?.unchecked_into();
    let groups: js_sys::Array = groups.await?.unchecked_into();
    let mut records = Vec::new();
    for (number, group) in numbers.iter().zip(groups.iter()) {
        let number = number.as_f64().unwrap_or(-1.0) as u32;
        // Whatever else is there is kept for the recovery download as near as text allows.
        let text = group_text(&group).unwrap_or_else(|| match group.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => String::from_utf8_lossy(&bytes.to_vec()).into_owned(),
            None => js_sys::JSON::stringify(&group)
                .map(String::from)
                .unwrap_or_default(),
        });
        records.extend(storage_format::parse_group(number, &text));
    }
    Ok(records)
}

/// Regroups the records of a database of the first IndexedDB version (one value per record),
/// in one transaction: either all are moved and the old store is emptied, or nothing changes.
pub async fn move_from_single_records(db: &IdbDatabase) -> Result<(), DbError> {
    if !db.object_store_names().contains(RECORDS) {
        return Ok(());
    }
    let tx = idb::transaction(db, &[RECORDS, BUCKETS], true)?;
    let outcome = idb::committed(&tx);
    let single = idb::store(&tx, RECORDS)?;
    let count = idb::done(&idb::req(single.count())?).await?;
    if count.as_f64().unwrap_or(0.0) == 0.0 {
        let _ = tx.abort();
        let _ = outcome.await;
        return Ok(());
    }
    let keys = idb::done(&idb::req(single.get_all_keys())?);
    let values = idb::done(&idb::req(single.get_all())?);
    let keys: js_sys::Array = keys.await?.unchecked_into();
    let values: js_sys::Array = values.await?.unchecked_into();
    let keys: Vec<String> = keys.iter().map(|k| k.as_string().unwrap_or_default()).collect();
    let mut groups = Groups::load(&tx, &keys).await?;
    for (key, value) in keys.iter().zip(values.iter()) {
        // A value not in version 1's shape keeps its whole text; loading then refuses it by name.
        let (order, json) = read_record(&value).unwrap_or_else(|| {
            let raw = js_sys::JSON::stringify(&value)
                .map(String::from)
                .unwrap_or_default();
            (u32::MAX, raw)
        });
        groups.set(key, Some((order, &json)));
    }
    groups.put(&tx).await?;
    idb::req(single.clear())?;
    outcome.await
}

/// A record as version 1 stored it: `{o: position, j: JSON text}`.
fn read_record(value: &JsValue) -> Option<(u32, String)> {
    let order = js_sys::Reflect::get(value, &JsValue::from_str("o"))
        .ok()?
        .as_f64()? as u32;
    let json = js_sys::Reflect::get(value, &JsValue::from_str("j"))
        .ok()?
        .as_string()?;
    Some((order, json))
}
