//! Pure domain: the records, their rules and the vi-VN conventions.
//! Nothing here knows about the browser, so every rule is tested natively with `cargo test`.

pub mod collections;
pub mod conflicts;
pub mod data;
pub mod dialogues;
pub mod exchange;
pub mod fold;
pub mod format;
pub mod letter_case;
pub mod numbering;
pub mod parse;
pub mod programmes;
pub mod quota;
pub mod record;
pub mod reports;
pub mod sample;
pub mod schema;
pub mod scoring;
pub mod sheets;
pub mod sorting;
pub mod storage_format;
pub mod sync;
pub mod units;
