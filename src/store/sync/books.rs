//! What this browser knows of the server, in its own IndexedDB database (`thidua-sync`), so
//! the data's database keeps its layout: the server's revision of every document seen
//! ([`Known`], one text per document) and the checkpoint in the changes feed. Only the tab
//! that syncs reads and writes it. Saved after the records they describe are stored: a tab
//! closed in between downloads the page again, which merges to the same result.

use crate::domain::sync::bookkeeping::{Checkpoint, Known, KnownRev};
use crate::store::idb::{self, DbError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbTransaction};

const DB_NAME: &str = "thidua-sync";
const KNOWN: &str = "known";
const CHECKPOINT: &str = "checkpoint";
const CHECKPOINT_KEY: &str = "c";

pub async fn open() -> Result<IdbDatabase, DbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(DbError::Unavailable)?;
    let request = factory.open_with_u32(DB_NAME, 1).map_err(|e| idb::classify(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrading.result() {
            let db: IdbDatabase = db.unchecked_into();
            let names = db.object_store_names();
            for name in [KNOWN, CHECKPOINT] {
                if !names.contains(name) {
                    let _ = db.create_object_store(name);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(idb::done(&request).await?.unchecked_into())
}

/// The known revisions and the checkpoint, if they belong to `database_url`; otherwise both
/// are forgotten (another database was connected since) and sync starts from the beginning.
pub async fn load(db: &IdbDatabase, database_url: &str) -> Result<(Known, Checkpoint), DbError> {
    let tx = idb::transaction(db, &[KNOWN, CHECKPOINT], false)?;
    let checkpoint = idb::get_text(&idb::store(&tx, CHECKPOINT)?, CHECKPOINT_KEY)
        .await?
        .and_then(|text| serde_json::from_str::<Checkpoint>(&text).ok());
    let fresh = Checkpoint {
        database: database_url.to_string(),
        since: serde_json::Value::from("0"),
    };
    let Some(checkpoint) = checkpoint.filter(|c| c.database == database_url) else {
        clear(db).await?;
        return Ok((Known::new(), fresh));
    };
    let known_store = idb::store(&tx, KNOWN)?;
    let keys = idb::done(&idb::req(known_store.get_all_keys())?);
    let values = idb::done(&idb::req(known_store.get_all())?);
    let keys: js_sys::Array = keys.await?.unchecked_into();
    let values: js_sys::Array = values.await?.unchecked_into();
    let mut known = Known::with_capacity(keys.length() as usize);
    for (key, value) in keys.iter().zip(values.iter()) {
        let rev = value
            .as_string()
            .and_then(|text| serde_json::from_str::<KnownRev>(&text).ok());
        if let (Some(key), Some(rev)) = (key.as_string(), rev) {
            known.insert(key, rev);
        }
    }
    Ok((known, checkpoint))
}

/// Entries put in one go: a page of thousands is queued a slice at a time, the page drawing in
/// between (the transaction stays open while a request is pending).
const PUT_SLICE: usize = 500;

/// Queues the puts of [`save`].
async fn queue(
    tx: &IdbTransaction,
    known: &[(String, KnownRev)],
    checkpoint: Option<&Checkpoint>,
) -> Result<(), DbError> {
    let store = idb::store(tx, KNOWN)?;
    for slice in known.chunks(PUT_SLICE) {
        let mut last = None;
        for (doc_id, rev) in slice {
            let text = serde_json::to_string(rev).unwrap_or_default();
            last = Some(idb::req(
                store.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(doc_id)),
            )?);
        }
        if slice.len() == PUT_SLICE {
            if let Some(last) = last {
                idb::done(&last).await?;
            }
        }
    }
    if let Some(checkpoint) = checkpoint {
        let text = serde_json::to_string(checkpoint).unwrap_or_default();
        idb::req(
            idb::store(tx, CHECKPOINT)?
                .put_with_key(&JsValue::from_str(&text), &JsValue::from_str(CHECKPOINT_KEY)),
        )?;
    }
    Ok(())
}

/// Keeps `known` entries and, if given, the checkpoint, in one transaction.
pub async fn save(
    db: &IdbDatabase,
    known: &[(String, KnownRev)],
    checkpoint: Option<&Checkpoint>,
) -> Result<(), DbError> {
    let tx = idb::transaction(db, &[KNOWN, CHECKPOINT], true)?;
    let outcome = idb::committed(&tx);
    let queued = queue(&tx, known, checkpoint).await;
    if let Err(e) = queued {
        let _ = tx.abort();
        let _ = outcome.await;
        return Err(e);
    }
    outcome.await
}

/// Forgets everything known of the server (another database connected).
pub async fn clear(db: &IdbDatabase) -> Result<(), DbError> {
    let tx = idb::transaction(db, &[KNOWN, CHECKPOINT], true)?;
    let outcome = idb::committed(&tx);
    idb::req(idb::store(&tx, KNOWN)?.clear())?;
    idb::req(idb::store(&tx, CHECKPOINT)?.clear())?;
    outcome.await
}
