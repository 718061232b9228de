//! Thi đua's office module: Word (.docx) and Excel (.xlsx) files made from the app's document
//! and spreadsheet models, and spreadsheets (.xlsx, .csv) read for the import. The writers and
//! readers are large, so this is a wasm module of its own that the app loads in a Web Worker
//! the first time an officer needs it (public/office-worker.js); the start bundle does not
//! carry it.

pub mod docx;
mod sheet;
mod xlsx;

pub use docx::docx;
pub use xlsx::xlsx;

use thidua::domain::reports::{Document, Workbook};

/// What the app asks for: `"docx"` with a [`Document`] or `"xlsx"` with a [`Workbook`], as JSON.
pub fn make(kind: &str, json: &str) -> Result<Vec<u8>, String> {
    let unreadable = |e: serde_json::Error| format!("dữ liệu gửi sang phần tạo tệp không đọc được ({e})");
    match kind {
        "docx" => docx(&serde_json::from_str::<Document>(json).map_err(unreadable)?),
        "xlsx" => xlsx(&serde_json::from_str::<Workbook>(json).map_err(unreadable)?),
        other => Err(format!("không biết loại tệp \"{other}\"")),
    }
}

/// A spreadsheet file read into the app's grid, as JSON; or a Vietnamese message.
pub fn read_sheet(name: &str, bytes: &[u8]) -> Result<String, String> {
    sheet::read(name, bytes).map(|grid| serde_json::to_string(&grid).unwrap_or_default())
}

/// Why an export file cannot be imported, in the import's own words, with the field inside
/// the failing record named: the app's start bundle leaves the path finder out and asks here
/// when a record does not decode. `None` when the file reads (nothing to add). Only the file is
/// needed: a record that does not decode fails the same way whatever the local data.
pub fn import_problem(bytes: &[u8]) -> Option<String> {
    use thidua::domain::{data::AppData, exchange};
    exchange::validate(bytes, &AppData::default())
        .err()
        .map(|e| exchange::wording::import_error(&e))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// The worker's one entry: the file's bytes, or a Vietnamese message.
    #[wasm_bindgen(js_name = make)]
    pub fn make_file(kind: &str, json: &str) -> Result<Vec<u8>, JsValue> {
        super::make(kind, json).map_err(|e| JsValue::from_str(&e))
    }

    /// The worker's reading entry: a spreadsheet's first sheet as a JSON grid.
    #[wasm_bindgen(js_name = read)]
    pub fn read_file(name: &str, bytes: &[u8]) -> Result<String, JsValue> {
        super::read_sheet(name, bytes).map_err(|e| JsValue::from_str(&e))
    }

    /// The checking entry: an export file's problem with its field named, or "" when it reads.
    #[wasm_bindgen(js_name = check)]
    pub fn check_file(bytes: &[u8]) -> String {
        super::import_problem(bytes).unwrap_or_default()
    }
}
