//! IndexedDB, as little of it as the store needs: open the database (creating its stores on
//! the first start), requests as futures, and a transaction's outcome as a value. Nothing here
//! panics or throws into the app; every failure is a [`DbError`].
//!
//! A transaction stays open while requests are pending and the code between them runs in the
//! same microtask checkpoint: awaiting these futures (resolved from the request's own success
//! event) keeps it open, awaiting anything else (a timer, a fetch) would let it commit early.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DB_NAME: &str = "thidua";
/// Bump with a new step in [`upgrade`]; the database's own version, not the data's.
const DB_VERSION: u32 = 2;

/// The head of the data (version, office, sharing state): key [`HEAD_KEY`], a JSON text.
pub const HEAD: &str = "head";
pub const HEAD_KEY: &str = "head";
/// The records in groups (`store::buckets`), keyed by group number.
pub const BUCKETS: &str = "buckets";
/// Version 1's one value per record, keyed `units/<id>`: `{o: position, j: JSON text}`. Only
/// read once, to regroup it into [`BUCKETS`].
pub const RECORDS: &str = "records";
/// Which keys each committed change wrote, numbered, so other tabs fetch only those.
pub const LOG: &str = "log";
/// What the last import replaced, for undoing it: key [`UNDO_KEY`], a JSON text.
pub const UNDO: &str = "undo";
pub const UNDO_KEY: &str = "last";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbError {
    /// No IndexedDB here, or the browser refuses it to this page (private mode, policy).
    Unavailable,
    /// The origin's quota is full: the transaction was aborted and wrote nothing.
    QuotaExceeded,
    /// A newer version of the app holds the database open or has upgraded it.
    Blocked,
    /// Anything else the browser reported, by its name.
    Other(String),
}

pub fn classify(err: &JsValue) -> DbError {
    if let Some(dom) = err.dyn_ref::<web_sys::DomException>() {
        return match dom.name().as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => DbError::QuotaExceeded,
            "SecurityError" | "InvalidAccessError" => DbError::Unavailable,
            "VersionError" => DbError::Blocked,
            name => DbError::Other(name.to_string()),
        };
    }
    DbError::Other(err.as_string().unwrap_or_default())
}

/// A request's result, once its success event fires. Listens from the call on, so a request
/// may be awaited after others were queued.
pub fn done(request: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, DbError>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = request.clone();
        let succeed = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &on_success.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = request.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let error = on_error
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(succeed.unchecked_ref()));
        request.set_onerror(Some(fail.unchecked_ref()));
    });
    // Listening starts now, so an outcome nobody awaits is not an unhandled rejection.
    let outcome = JsFuture::from(promise);
    async move { outcome.await.map_err(|e| classify(&e)) }
}

/// A transaction's outcome: committed, or aborted with its error (quota, a failed request).
/// Listens from the call on, so call it before queueing requests.
pub fn committed(tx: &IdbTransaction) -> impl std::future::Future<Output = Result<(), DbError>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_abort = tx.clone();
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let error = on_abort.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(complete.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    });
    let outcome = JsFuture::from(promise);
    async move { outcome.await.map(|_| ()).map_err(|e| classify(&e)) }
}

/// Opens the app's database, creating or upgrading its stores first if needed.
pub async fn open() -> Result<IdbDatabase, DbError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(DbError::Unavailable)?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| classify(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(result) = upgrading.result() {
            upgrade(&result.unchecked_into());
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let opened = done(&request).await;
    Ok(opened?.unchecked_into())
}

/// The database's own layout, whatever version it starts from. Version 1 had one value per
/// record (`records`); version 2 groups them (`buckets`), moved over after opening.
fn upgrade(db: &IdbDatabase) {
    let names = db.object_store_names();
    for name in [HEAD, BUCKETS, UNDO] {
        if !names.contains(name) {
            let _ = db.create_object_store(name);
        }
    }
    if !names.contains(LOG) {
        let params = web_sys::IdbObjectStoreParameters::new();
        params.set_auto_increment(true);
        let _ = db.create_object_store_with_optional_parameters(LOG, &params);
    }
}

pub fn transaction(db: &IdbDatabase, stores: &[&str], write: bool) -> Result<IdbTransaction, DbError> {
    let names = js_sys::Array::new();
    for store in stores {
        names.push(&JsValue::from_str(store));
    }
    let mode = if write {
        IdbTransactionMode::Readwrite
    } else {
        IdbTransactionMode::Readonly
    };
    db.transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|e| classify(&e))
}

pub fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, DbError> {
    tx.object_store(name).map_err(|e| classify(&e))
}

/// Turns a synchronous IndexedDB call's result into a request to await.
pub fn req(result: Result<IdbRequest, JsValue>) -> Result<IdbRequest, DbError> {
    result.map_err(|e| classify(&e))
}

/// A text stored under `key`, if any.
pub async fn get_text(store: &IdbObjectStore, key: &str) -> Result<Option<String>, DbError> {
    let value = done(&req(store.get(&JsValue::from_str(key)))?).await?;
    Ok(value.as_string())
}
