//! The browser edge of the data: IndexedDB records and their move from the old localStorage
//! text, quota and corruption handling, tab sync, ids and clock, file download (gzip for large
//! files) and upload, the copy kept for undoing an import, the offline copy (service worker)
//! and how much storage is used and kept.

pub mod browser;
mod buckets;
pub mod database;
pub mod download;
pub mod gzip;
pub mod idb;
pub mod import;
mod legacy;
pub mod local;
pub mod office;
pub mod offline;
pub mod quota;
pub mod settings;
pub mod sync;
pub mod tabs;
pub mod undo;
pub mod upload;

pub use database::{Boot, CommitError, SaveProblem, Store};
