//! The first start after the move to IndexedDB: data that earlier versions kept as one
//! localStorage text (`thidua:data`) moves into records, and the old text is removed only once
//! the stored records read back as exactly the same data. Until then it stays where it was.

use super::database::{store_whole, Boot};
use super::local::{self, DATA_KEY};
use crate::domain::schema;
use crate::domain::storage_format::{self, StoredRecord};

/// The earlier versions' copy of an import's previous data: meaningless once records are stored.
const OLD_UNDO_KEY: &str = "thidua:undo";

pub struct Moved {
    pub data: crate::domain::data::AppData,
    pub migrated_from: Option<u32>,
}

/// Moves the old text into records if the database holds nothing yet. An unreadable old text
/// is not moved and not touched: the recovery screen offers it for download.
pub async fn move_into_records(
    head: &Option<String>,
    records: &[StoredRecord],
) -> Result<Option<Moved>, Boot> {
    let Ok(Some(text)) = local::read(DATA_KEY) else {
        return Ok(None);
    };
    if head.is_some() {
        // Moved before, but the old text was not removed (the tab closed in between):
        // remove it only if it is the same data the records hold.
        let same = match (
            schema::decode(&text),
            storage_format::assemble(head.as_deref(), records),
        ) {
            (Ok(old), Ok(now)) => old.data == now.data,
            _ => false,
        };
        if same {
            forget_old_text();
        }
        return Ok(None);
    }
    let decoded = schema::decode(&text).map_err(|error| Boot::Unreadable {
        raw: text.clone(),
        error,
    })?;
    store_whole(&decoded.data)
        .await
        .map_err(|_| Boot::StorageBlocked)?;
    Ok(Some(Moved {
        data: decoded.data,
        migrated_from: decoded.migrated_from,
    }))
}

/// Called once the moved records were read back and found equal to the old text's data.
pub fn verified(text_data: &crate::domain::data::AppData, stored: &crate::domain::data::AppData) {
    if text_data == stored {
        forget_old_text();
    }
}

fn forget_old_text() {
    let _ = local::remove(DATA_KEY);
    let _ = local::remove(OLD_UNDO_KEY);
}
