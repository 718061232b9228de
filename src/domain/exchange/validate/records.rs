//! Records decoded one by one from their own text, as storage decodes them; a record that fails
//! is read as a tree to name it and, where this build can, the field inside it (see the module
//! doc of [`validate`](super)).

use super::envelope::{syntax_error, text_fault};
use super::errors::{At, Expected, ImportError};
use super::loose_dates::{loose_date, may_hold_loose_date};
use super::messages::{bounds_a_person_means, classify};
use crate::domain::collections::Collection;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The texts of each collection's records: borrowed from a file of this version (whose bytes
/// are kept for [`text_fault`]), or printed from the tree the migrations rewrote.
pub(crate) enum RecordTexts<'a> {
    /// Read in one pass ([`Skeleton`](super::envelope::Skeleton)).
    Split {
        lists: BTreeMap<String, Vec<&'a RawValue>>,
        bytes: &'a [u8],
    },
    /// Read part by part: each collection is read when it is decoded.
    File {
        lists: BTreeMap<String, &'a RawValue>,
        bytes: &'a [u8],
    },
    Migrated(Map<String, Value>),
}

impl RecordTexts<'_> {
    /// Why a record's `text` is not JSON after all: said for the whole file ([`text_fault`]),
    /// else (a record printed from a migrated tree) for the record's own text.
    fn fault(&self, text: &str, error: serde_json::Error) -> ImportError {
        let file = match self {
            RecordTexts::Split { bytes, .. } | RecordTexts::File { bytes, .. } => text_fault(bytes),
            RecordTexts::Migrated(_) => None,
        };
        file.unwrap_or_else(|| syntax_error(text.as_bytes(), error))
    }

    /// The records of `kind`, in file order (none when the file has no such collection).
    fn list(&self, kind: Collection) -> Result<Vec<Cow<'_, str>>, ImportError> {
        let not_a_list = || ImportError::WrongType {
            at: At {
                kind: Some(kind),
                index: None,
                id: None,
                field: String::new(),
            },
            expected: Expected::List,
        };
        match self {
            RecordTexts::Split { lists, .. } => Ok(lists
                .get(kind.key())
                .map(|items| items.iter().map(|r| Cow::Borrowed(r.get())).collect())
                .unwrap_or_default()),
            RecordTexts::File { lists, .. } => match lists.get(kind.key()) {
                None => Ok(Vec::new()),
                Some(raw) => serde_json::from_str::<Vec<&RawValue>>(raw.get())
                    .map(|items| items.into_iter().map(|r| Cow::Borrowed(r.get())).collect())
                    .map_err(|_| not_a_list()),
            },
            RecordTexts::Migrated(tree) => match tree.get(kind.key()) {
                None => Ok(Vec::new()),
                Some(Value::Array(items)) => Ok(items.iter().map(|v| Cow::Owned(v.to_string())).collect()),
                Some(_) => Err(not_a_list()),
            },
        }
    }
}

/// Decodes one collection of the file's `data` record by record (see the module doc).
pub(crate) fn decode_collection<T: DeserializeOwned>(
    kind: Collection,
    data: &RecordTexts<'_>,
) -> Result<Vec<T>, ImportError> {
    data.list(kind)?
        .iter()
        .enumerate()
        .map(|(i, text)| decode_record(kind, i, text, data))
        .collect()
}

/// One record from its text; on failure (or a date written by hand) its tree is read to name
/// the record and, where this build can, the field.
fn decode_record<T: DeserializeOwned>(
    kind: Collection,
    index: usize,
    text: &str,
    data: &RecordTexts<'_>,
) -> Result<T, ImportError> {
    // The record's text is read strictly only here, where the first reading did not look.
    let tree = || serde_json::from_str::<Value>(text).map_err(|e| data.fault(text, e));
    let place = |tree: &Value| At {
        kind: Some(kind),
        index: Some(index),
        id: tree
            .pointer("/meta/id")
            .and_then(Value::as_str)
            .map(str::to_string),
        field: String::new(),
    };
    match serde_json::from_str::<T>(text) {
        Ok(record) => {
            if may_hold_loose_date(text) {
                let tree = tree()?;
                if let Some((field, value)) = loose_date(&tree) {
                    return Err(ImportError::BadDate {
                        at: At {
                            field,
                            ..place(&tree)
                        },
                        value,
                    });
                }
            }
            Ok(record)
        }
        Err(error) => {
            let tree = tree()?;
            Err(record_failure::<T>(&tree, place(&tree), &error))
        }
    }
}

/// Why a record's text does not decode, with the field traced where this build can.
#[cfg(not(all(target_arch = "wasm32", feature = "app")))]
fn record_failure<T: DeserializeOwned>(tree: &Value, at: At, error: &serde_json::Error) -> ImportError {
    crate::domain::exchange::field_path::traced::<T>(tree, at.clone()).unwrap_or_else(|| untraced(at, error))
}

/// The app's start bundle does without the path finder: it decodes every record type a second
/// time through a wrapper, 81 KB of wasm. The record is named without its field, and the page
/// has the office module, loaded on first use, check the file again.
#[cfg(all(target_arch = "wasm32", feature = "app"))]
#[allow(clippy::extra_unused_type_parameters)] // the traced build's signature
fn record_failure<T: DeserializeOwned>(_tree: &Value, at: At, error: &serde_json::Error) -> ImportError {
    ImportError::Untraced(Box::new(untraced(at, error)))
}

/// The error of a text decoder, classified without the field: serde's message loses the
/// position it adds ("… at line 1 column 40"), which is the record's text, not the file's.
fn untraced(at: At, error: &serde_json::Error) -> ImportError {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(end) => &message[..end],
        None => &message,
    };
    bounds_a_person_means(classify(message, at, None))
}

/// Deserializes the envelope's fields (office, export time, scope); on failure, names the field
/// where this build can. From their text, like records: the app then needs no decoder of trees.
pub(super) fn decode_at<T: DeserializeOwned>(value: &Value, at: At) -> Result<T, ImportError> {
    serde_json::from_str(&value.to_string()).map_err(|error| record_failure::<T>(value, at, &error))
}
