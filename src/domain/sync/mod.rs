//! Live sync through a CouchDB server: the pure part. One record is one document; what the
//! server sends is validated as a file import validates a record and merged with the file
//! import's merge, so a record reaches the same state whichever way it travelled.
//! The browser part (requests, storage, the section on *Dữ liệu*) lives in `store::sync`.

pub mod absorb;
pub mod answers;
pub mod bookkeeping;
pub mod document;
pub mod fields;
pub mod problems;
pub mod wording;

#[cfg(test)]
mod absorb_tests;
