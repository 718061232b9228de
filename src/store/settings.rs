//! Small settings of this installation (the last chosen cluster, list filters, and later the
//! report settings) in localStorage under one key, as one JSON object of texts. They are
//! conveniences: when the browser blocks localStorage they live for the session only, and the
//! data itself (IndexedDB) reports its own storage problems.

use super::local;
use std::collections::BTreeMap;

const SETTINGS_KEY: &str = "thidua:settings";

fn all() -> BTreeMap<String, String> {
    local::read(SETTINGS_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The setting `name`, if one was kept.
pub fn get(name: &str) -> Option<String> {
    all().remove(name)
}

/// Keeps `value` as the setting `name` (an empty value forgets it). Reads the stored settings
/// again first, so two tabs keeping different settings do not undo each other.
pub fn set(name: &str, value: &str) -> Result<(), local::StorageError> {
    let mut settings = all();
    let changed = if value.is_empty() {
        settings.remove(name).is_some()
    } else {
        settings.insert(name.to_string(), value.to_string()).as_deref() != Some(value)
    };
    if !changed {
        return Ok(());
    }
    local::write(
        SETTINGS_KEY,
        &serde_json::to_string(&settings).unwrap_or_default(),
    )
}
