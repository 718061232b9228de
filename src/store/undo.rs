//! The copy kept before an import (bản lưu để hoàn tác): the exact stored text of the data as
//! it was, under its own localStorage key, written BEFORE the import is saved. Undoing puts
//! that text back and deletes the copy.

use super::local::{self, StorageError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const UNDO_KEY: &str = "thidua:undo";

/// What was kept: when, which file was imported then, and the data text before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UndoCopy {
    pub imported_at: DateTime<Utc>,
    pub file_name: String,
    pub previous: String,
}

/// Keeps `copy`; fails (e.g. quota) without touching anything else.
pub fn keep(copy: &UndoCopy) -> Result<(), StorageError> {
    let text = serde_json::to_string(copy).map_err(|e| StorageError::Other(e.to_string()))?;
    local::write(UNDO_KEY, &text)
}

/// The kept copy, if any (an unreadable one counts as none).
pub fn read() -> Option<UndoCopy> {
    local::read(UNDO_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
}

pub fn clear() -> Result<(), StorageError> {
    local::remove(UNDO_KEY)
}
