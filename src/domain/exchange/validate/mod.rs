//! Reading a received export file: size, JSON syntax, our format marker, version (older files
//! go through the stored-data migrations of [`crate::domain::schema`]), every record's shape,
//! duplicate ids, references and ranges. The result is an [`Incoming`] ready for
//! [`DataPlan::new`], or the first [`ImportError`] found, saying where it is.
//!
//! ## How records are read, and an error traced to its record and field
//! One pass over the bytes ([`json_text::survey`]) finds the depth and whether any string may be
//! a date written by hand. A file with none is then read once, its records straight into their
//! types and the envelope's small fields as texts; that reading accepts only files the next one
//! would, so when it fails nothing is said yet. The next reading finds where each value ends
//! (`serde_json`'s `RawValue`): the envelope's small fields become a tree, and each record keeps
//! its own text, decoded straight into its type as storage decodes records (one decoder per type
//! in the wasm, no tree of a city's 70.000 records). Records of older files go through the
//! stored-data migrations as a tree, and are printed back to text. A part whose text is not JSON
//! after all (a half character, a number like 1e400) has the whole file read strictly, so the
//! problem is said with its line as for any broken file.
//!
//! A record that fails is read as a tree, which names it (`meta.id`), and decoded once more
//! through `serde_path_to_error` (`field_path.rs`), which gives the path of the failing field
//! inside it (`meta.changed_at`, `rows[3].score`; for a missing field, the object that lacks it,
//! the field's name being in the message). That path becomes [`At::field`]. The app's start
//! bundle leaves the path finder out and names the record alone ([`ImportError::Untraced`]); the
//! office module, which has it, names the field.
//!
//! The message itself is then classified: chrono's parse messages ("input is out of range" …)
//! become [`ImportError::BadDate`]; `invalid value: integer` for an unsigned field becomes
//! [`ImportError::OutOfRange`]; `invalid type` and `unknown variant` become
//! [`ImportError::WrongType`] with an [`Expected`] the UI can put into words.
//!
//! One file per part: `errors` (what a refusal says), `envelope` (the file as a whole, its
//! version and migrations), `records` (record decoding and field tracing), `loose_dates`,
//! `ids` (duplicates, references, each collection's rules) and `messages` (serde's and chrono's
//! messages classified, pinned by exact-message tests).

mod envelope;
mod errors;
mod ids;
mod loose_dates;
mod messages;
mod records;

pub use errors::{At, Expected, ImportError};
pub(crate) use ids::{check_collection, IdIndex};
/// For the field finder (`field_path.rs`), which the app's start bundle leaves out.
#[cfg(not(all(target_arch = "wasm32", feature = "app")))]
pub(super) use messages::{backticked, bounds_a_person_means, classify};
pub(crate) use records::{decode_collection, RecordTexts};

use super::file::{ExportFile, FORMAT};
use super::json_text;
use super::text_problem;
use crate::domain::collections::{check_collections, decode_collections, DataPlan};
use crate::domain::data::AppData;
use crate::domain::schema::CURRENT_VERSION;
use envelope::{migrate, syntax_error, text_fault, top_level, version, Decoded, Header, Lists, Skeleton};
use loose_dates::may_be_loose_date;
use records::decode_at;
use serde_json::{Map, Value};

/// Largest file accepted: 128 MiB of JSON, checked before reading (and after unpacking a
/// `.json.gz`). A city federation's whole export (6.349 CĐCS, five years) is about 70 MB.
pub const MAX_IMPORT_BYTES: usize = 128 * 1024 * 1024;

/// A received file that passed every check, brought to [`CURRENT_VERSION`].
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub file: ExportFile,
    /// The file's version when it was older than this build.
    pub migrated_from: Option<u32>,
}

impl Incoming {
    /// What importing this file into `local` would do.
    pub fn plan(&self, local: &AppData) -> DataPlan {
        DataPlan::new(local, &self.file.data)
    }
}

/// Validates a received file against [`MAX_IMPORT_BYTES`]; `local` is this office's data, where
/// references may also point.
pub fn validate(bytes: &[u8], local: &AppData) -> Result<Incoming, ImportError> {
    validate_with_limit(bytes, MAX_IMPORT_BYTES, local)
}

pub fn validate_with_limit(bytes: &[u8], limit: usize, local: &AppData) -> Result<Incoming, ImportError> {
    if bytes.len() > limit {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    // Windows Notepad saves UTF-8 with a byte-order mark; it is not part of the JSON.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::EmptyFile);
    }
    let survey = json_text::survey(bytes, may_be_loose_date);
    if let Some(problem) = text_problem::before_parsing(bytes, &survey) {
        return Err(ImportError::Unreadable(problem));
    }
    // A well-formed file is read in one pass, straight into its records when none of its
    // strings may be a loose date (each record would be read again as a tree to say where),
    // else into each record's text; anything else part by part, which says what is wrong in
    // the order of the checks below. Each reading accepts only what the next would.
    let text = std::str::from_utf8(bytes).ok();
    let decoded = text
        .filter(|_| !survey.marked)
        .and_then(|text| serde_json::from_str::<Skeleton<Decoded>>(text).ok());
    let (root, decoded, lists) = match decoded {
        Some(Skeleton { envelope, data }) => (envelope, data.map(|d| d.0), None),
        None => match text.and_then(|text| serde_json::from_str::<Skeleton<Lists>>(text).ok()) {
            Some(Skeleton { envelope, data }) => (envelope, None, data.map(|d| d.0)),
            None => (top_level(bytes)?, None, None),
        },
    };
    // The envelope's small fields as a tree; `data` stays text until its records are decoded.
    let header_json: Map<String, Value> = root
        .iter()
        .filter(|(key, _)| key.as_str() != "data")
        .map(|(key, raw)| {
            serde_json::from_str(raw.get())
                .map(|value| (key.clone(), value))
                .map_err(|e| text_fault(bytes).unwrap_or_else(|| syntax_error(raw.get().as_bytes(), e)))
        })
        .collect::<Result<_, _>>()?;
    if header_json.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotOurFormat);
    }
    let found = version(&header_json)?;
    if found > CURRENT_VERSION {
        return Err(ImportError::NewerVersion {
            found,
            supported: CURRENT_VERSION,
        });
    }
    if decoded.is_none() && lists.is_none() && !root.contains_key("data") {
        return Err(ImportError::MissingField {
            at: At::envelope("data"),
        });
    }
    let header: Header = decode_at(&Value::Object(header_json), At::envelope(""))?;
    let read_in_one_pass = decoded.is_some() || lists.is_some();
    let data = match (decoded, lists) {
        (Some(data), _) if found == CURRENT_VERSION => data,
        (_, Some(lists)) if found == CURRENT_VERSION => {
            decode_collections(&RecordTexts::Split { lists, bytes })?
        }
        _ => {
            // An older file read in one pass: its `data` is wanted as text, for the migrations.
            let root = if read_in_one_pass { top_level(bytes)? } else { root };
            let data_text = root.get("data").map_or("null", |raw| raw.get());
            let records = if found == CURRENT_VERSION {
                RecordTexts::File {
                    lists: serde_json::from_str(data_text).map_err(|_| ImportError::WrongType {
                        at: At::envelope("data"),
                        expected: Expected::Object,
                    })?,
                    bytes,
                }
            } else {
                let tree = serde_json::from_str(data_text).unwrap_or(Value::Null);
                RecordTexts::Migrated(migrate(tree, found)?)
            };
            decode_collections(&records)?
        }
    };
    check_collections(&data, local)?;
    Ok(Incoming {
        file: ExportFile {
            schema_version: CURRENT_VERSION,
            office: header.office,
            exported_at: header.exported_at,
            scope: header.scope,
            data,
        },
        migrated_from: (found < CURRENT_VERSION).then_some(found),
    })
}

#[cfg(test)]
mod tests;
