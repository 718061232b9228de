//! Small settings of this installation (the last chosen cluster, list filters, the report
//! settings) in localStorage under one key, as one JSON object of texts. They are
//! conveniences: when the browser blocks localStorage they live for the session only, and the
//! data itself (IndexedDB) reports its own storage problems.

use super::local;
use crate::domain::reports::ReportSettings;
use std::collections::BTreeMap;

/// The localStorage key of all settings (other tabs learn of a change by its `storage` event).
pub const SETTINGS_KEY: &str = "thidua:settings";

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

/// The setting holding the report settings, as JSON.
const REPORT_SETTINGS: &str = "reports";

/// This installation's report settings; until saved, the usual lines and the office's name.
pub fn report_settings(office_name: &str) -> ReportSettings {
    get(REPORT_SETTINGS)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_else(|| ReportSettings::for_office(office_name))
}

/// Keeps the report settings (the form on *Dữ liệu*).
pub fn save_report_settings(s: &ReportSettings) -> Result<(), super::local::StorageError> {
    set(REPORT_SETTINGS, &serde_json::to_string(s).unwrap_or_default())
}
