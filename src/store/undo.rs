//! What the last import replaced (bản lưu để hoàn tác): the stored versions of exactly the
//! records it wrote, and the head, kept in IndexedDB in the import's own transaction.
//! Undoing puts them back (see `Store::undo_import`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UndoCopy {
    pub imported_at: DateTime<Utc>,
    pub file_name: String,
    /// The stored head text before the import ("" when nothing was stored).
    pub head: String,
    /// Each written key with its stored (position, JSON) before the import; `None`: the import
    /// created it.
    pub records: Vec<(String, Option<(u32, String)>)>,
}
