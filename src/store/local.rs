//! Raw localStorage access that never panics: every failure comes back as a value. It now holds
//! only small things: the tab-change signal and, until moved, the data of earlier versions.
//! (gloo-storage's `LocalStorage::raw()` panics when storage is blocked, so it is not used.)

use wasm_bindgen::JsCast;

/// Where versions before IndexedDB kept the whole data model as one text; read once on the
/// first start after the move (`store::legacy`). Prefixed because every `file://` page in
/// Chromium shares one localStorage.
pub const DATA_KEY: &str = "thidua:data";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser blocks storage for this page (private mode, policy, sandboxed file).
    Unavailable,
    /// The quota is full: Chromium's QuotaExceededError, Firefox's NS_ERROR_DOM_QUOTA_REACHED.
    QuotaExceeded,
    Other(String),
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(StorageError::Unavailable),
    }
}

fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    if let Some(dom) = err.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || matches!(dom.code(), 22 | 1014)
        {
            return StorageError::QuotaExceeded;
        }
        if name == "SecurityError" {
            return StorageError::Unavailable;
        }
        return StorageError::Other(format!("{name}: {}", dom.message()));
    }
    StorageError::Other(format!("{err:?}"))
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// `setItem` is atomic per key: on failure the previous value survives untouched.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(classify)
}
