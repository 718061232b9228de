//! Live sync through a CouchDB server: the pure part. One record is one document; what the
//! server sends is validated as a file import validates a record and merged with the file
//! import's merge, so a record reaches the same state whichever way it travelled.
//! The browser part (requests, storage, the section on *Dữ liệu*) lives in `store::sync`.
//!
//! - [`document`]: records ↔ documents (`_id` = `<collection>:<id>`, body = the export JSON);
//! - [`answers`]: the server's answers read (`_bulk_docs`, `_changes`, `open_revs`);
//! - [`problems`]: what went wrong, and when to try again;
//! - [`bookkeeping`]: what this browser knows of the server, and what waits to go up;
//! - [`absorb`]: a page of server documents checked and merged into local data;
//! - [`fields`]: a record edited on both sides merged field by field from the last common version;
//! - [`wording`]: the Vietnamese words.

pub mod absorb;
pub mod answers;
pub mod bookkeeping;
pub mod document;
pub mod fields;
pub mod problems;
pub mod wording;

#[cfg(test)]
mod absorb_tests;
