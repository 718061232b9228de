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

use super::collections::{
    check_collections, decode_collections, each_meta, next_collection, Collection, DataPlan,
};
use super::file::{ExportFile, Office, Scope, FORMAT};
use super::hooks::{Hooks, Lookup};
use super::json_text;
use super::text_problem::{self, TextProblem};
use crate::domain::data::AppData;
use crate::domain::record::{Id, Record};
use crate::domain::schema::{self, CURRENT_VERSION, MIGRATIONS};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

/// Largest file accepted: 128 MiB of JSON, checked before reading (and after unpacking a
/// `.json.gz`). A city federation's whole export (6.349 CĐCS, five years) is about 70 MB.
pub const MAX_IMPORT_BYTES: usize = 128 * 1024 * 1024;

/// Where a problem is: the collection (None: the envelope), the record's position and id in it
/// (when known), and the field path inside the record (`meta.changed_at`, `rows[3].score`;
/// empty for the record or collection itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    pub kind: Option<Collection>,
    pub index: Option<usize>,
    pub id: Option<Id>,
    pub field: String,
}

impl At {
    fn envelope(field: &str) -> Self {
        At {
            kind: None,
            index: None,
            id: None,
            field: field.to_string(),
        }
    }
}

/// What a field should have held, for a message such as "cần một số nguyên".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    WholeNumber,
    Number,
    Boolean,
    List,
    Object,
    /// A date `yyyy-mm-dd`.
    Date,
    /// A date and time in RFC 3339, e.g. `2026-11-23T08:00:00Z`.
    DateTime,
    /// One of these values (an enum such as a unit kind).
    OneOf(Vec<String>),
    /// Anything else, in serde's words.
    Other(String),
}

/// Why a file cannot be imported. The UI turns each into a Vietnamese message.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]; nothing was read.
    TooLarge {
        size: usize,
        limit: usize,
    },
    /// Not JSON (edited by hand, another kind of file).
    NotJson {
        line: usize,
        column: usize,
    },
    /// The JSON stops early: the file was cut off (incomplete download or copy).
    Truncated,
    /// JSON, but not a thidua export (no `"format": "thidua-export"`).
    NotOurFormat,
    /// Made by a newer version of the app: update this one first.
    NewerVersion {
        found: u32,
        supported: u32,
    },
    /// An older version that no migration step could bring up to date.
    MigrationFailed {
        from: u32,
        detail: String,
    },
    WrongType {
        at: At,
        expected: Expected,
    },
    MissingField {
        at: At,
    },
    /// Two records of one collection in the file share an id.
    DuplicateId {
        kind: Collection,
        id: Id,
    },
    /// A record points to one that exists neither in the file nor locally.
    UnknownReference {
        kind: Collection,
        id: Id,
        field: String,
        target: Collection,
        target_id: Id,
    },
    /// A number outside its allowed range (a negative count, a score above its maximum).
    OutOfRange {
        at: At,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A date that does not exist (2024-02-30) or cannot be read.
    BadDate {
        at: At,
        value: String,
    },
    /// Nothing in the file (or only blanks).
    EmptyFile,
    /// The text cannot be read as JSON for a reason that can be named.
    Unreadable(TextProblem),
    /// `schema_version` names a version that never existed (0).
    UnknownVersion {
        found: u64,
    },
    /// The record breaks a rule its form enforces; `rule` is the form's own message.
    BreaksRule {
        at: At,
        rule: String,
    },
    /// A record that does not decode, named without the field inside it: the app's own build
    /// cannot trace fields (see `trace`), so the page asks the office module, which can, to
    /// check the file again. Never made where fields are traced (native builds, the office
    /// module).
    Untraced(Box<ImportError>),
}

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

/// The file's top level, each entry kept as its text: the records are decoded from their own
/// text, as storage decodes them, never through a tree of the whole file (faster, and the wasm
/// carries one decoder per record type).
fn top_level(bytes: &[u8]) -> Result<BTreeMap<String, &RawValue>, ImportError> {
    match serde_json::from_slice(bytes) {
        Ok(root) => Ok(root),
        // Not JSON, or JSON but not an object: said as a strict reading of the whole file says
        // it (this first reading only finds where values end).
        Err(_) => Err(text_fault(bytes).unwrap_or(ImportError::NotOurFormat)),
    }
}

fn syntax_error(bytes: &[u8], e: serde_json::Error) -> ImportError {
    match e.classify() {
        Category::Eof => ImportError::Truncated,
        _ => match text_problem::at_error(bytes, e.line(), e.column()) {
            Some(problem) => ImportError::Unreadable(problem),
            None => ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            },
        },
    }
}

/// A part of the file that its first reading let through but that is not JSON after all: the
/// first reading only finds where each value ends, so a half character (`\uD800`) or a number
/// like 1e400 shows when the part is read. The whole file is then read strictly, so the problem
/// is said with its line, as for any other. `None`: the file reads strictly after all.
fn text_fault(bytes: &[u8]) -> Option<ImportError> {
    // A tree, not `IgnoredAny`: only building values checks characters and numbers.
    serde_json::from_slice::<Value>(bytes)
        .err()
        .map(|e| syntax_error(bytes, e))
}

/// A well-formed file in one pass: the envelope's fields as texts, and `data` as `D` (the
/// records themselves, or their texts). Anything not in this shape fails, and the file is read
/// again another way for the message.
struct Skeleton<'a, D> {
    envelope: BTreeMap<String, &'a RawValue>,
    data: Option<D>,
}

impl<'de: 'a, 'a, D: Deserialize<'de>> Deserialize<'de> for Skeleton<'a, D> {
    fn deserialize<De: serde::Deserializer<'de>>(deserializer: De) -> Result<Self, De::Error> {
        struct Top<D>(std::marker::PhantomData<D>);
        impl<'de, D: Deserialize<'de>> serde::de::Visitor<'de> for Top<D> {
            type Value = Skeleton<'de, D>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an export file")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut skeleton = Skeleton {
                    envelope: BTreeMap::new(),
                    data: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    if key == "data" {
                        skeleton.data = Some(map.next_value()?);
                    } else {
                        skeleton.envelope.insert(key, map.next_value()?);
                    }
                }
                Ok(skeleton)
            }
        }
        deserializer.deserialize_map(Top(std::marker::PhantomData))
    }
}

/// `data` in one pass, decoded: each collection's records; other keys passed over.
struct Decoded(AppData);

impl<'de> Deserialize<'de> for Decoded {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Data;
        impl<'de> serde::de::Visitor<'de> for Data {
            type Value = Decoded;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the collections")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut data = AppData::default();
                each_collection(&mut map, |kind, map| next_collection(&mut data, kind, map))?;
                Ok(Decoded(data))
            }
        }
        deserializer.deserialize_map(Data)
    }
}

/// `data` in one pass: each collection's records as texts; other keys passed over.
struct Lists<'a>(BTreeMap<String, Vec<&'a RawValue>>);

impl<'de: 'a, 'a> Deserialize<'de> for Lists<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Data;
        impl<'de> serde::de::Visitor<'de> for Data {
            type Value = Lists<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the collections")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut lists = BTreeMap::new();
                each_collection(&mut map, |kind, map| {
                    lists.insert(kind.key().to_string(), map.next_value()?);
                    Ok(())
                })?;
                Ok(Lists(lists))
            }
        }
        deserializer.deserialize_map(Data)
    }
}

/// Hands each collection of `data` to `take`, in file order; other keys are passed over (a
/// newer build's collections, or a tool's own).
fn each_collection<'de, M: serde::de::MapAccess<'de>>(
    map: &mut M,
    mut take: impl FnMut(Collection, &mut M) -> Result<(), M::Error>,
) -> Result<(), M::Error> {
    while let Some(key) = map.next_key::<String>()? {
        match Collection::from_key(&key) {
            Some(kind) => take(kind, map)?,
            None => {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
    }
    Ok(())
}

/// The texts of each collection's records: borrowed from a file of this version (whose bytes
/// are kept for [`text_fault`]), or printed from the tree the migrations rewrote.
pub(crate) enum RecordTexts<'a> {
    /// Read in one pass ([`Skeleton`]).
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

/// The envelope fields besides `format`, `schema_version` and `data`.
#[derive(Deserialize)]
struct Header {
    office: Office,
    exported_at: DateTime<Utc>,
    scope: Scope,
}

fn version(obj: &Map<String, Value>) -> Result<u32, ImportError> {
    let v = obj
        .get("schema_version")
        .ok_or_else(|| ImportError::MissingField {
            at: At::envelope("schema_version"),
        })?;
    if v.as_u64() == Some(0) {
        return Err(ImportError::UnknownVersion { found: 0 });
    }
    v.as_u64()
        .filter(|n| *n >= 1 && *n <= u32::MAX as u64)
        .map(|n| n as u32)
        .ok_or_else(|| ImportError::WrongType {
            at: At::envelope("schema_version"),
            expected: Expected::WholeNumber,
        })
}

/// Runs the stored-data migrations on the file's `data` (they rewrite the same JSON tree).
fn migrate(data: Value, found: u32) -> Result<Map<String, Value>, ImportError> {
    migrate_with(data, found, CURRENT_VERSION, MIGRATIONS)
}

/// [`migrate`] with the target version and steps as parameters, for tests.
fn migrate_with(
    data: Value,
    found: u32,
    current: u32,
    migrations: &[schema::Migration],
) -> Result<Map<String, Value>, ImportError> {
    let Value::Object(mut obj) = data else {
        return Err(ImportError::WrongType {
            at: At::envelope("data"),
            expected: Expected::Object,
        });
    };
    if found == current {
        return Ok(obj);
    }
    obj.insert("schema_version".into(), Value::from(found));
    let mut value = Value::Object(obj);
    schema::migrate(&mut value, found, current, migrations).map_err(|e| match e {
        schema::LoadError::MigrationFailed { from, detail } => ImportError::MigrationFailed { from, detail },
        other => ImportError::MigrationFailed {
            from: found,
            detail: format!("{other:?}"),
        },
    })?;
    match value {
        Value::Object(mut obj) => {
            obj.remove("schema_version");
            Ok(obj)
        }
        _ => Err(ImportError::MigrationFailed {
            from: found,
            detail: "migration did not produce an object".into(),
        }),
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
    super::field_path::traced::<T>(tree, at.clone()).unwrap_or_else(|| untraced(at, error))
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

/// Whether a record's text may hold a date [`loose_date`] refuses. Most records have none, and
/// are not read as a tree at all.
fn may_hold_loose_date(text: &str) -> bool {
    json_text::survey(text.as_bytes(), may_be_loose_date).marked
}

/// Whether a string, as written in JSON, may be a date [`loose_date`] refuses, once its escapes
/// are read. A file with no such string is read straight into its records.
fn may_be_loose_date(content: &[u8]) -> bool {
    // Asked of each of a city's 2,7 million strings: most start with a letter, which no date
    // does, escaped or not.
    if !content
        .first()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'\\'))
    {
        return false;
    }
    if !content.contains(&b'\\') {
        return is_loose_date(content);
    }
    // Escapes are read as JSON reads them; a string that is not JSON may hold anything.
    std::str::from_utf8(content)
        .ok()
        .and_then(|content| serde_json::from_str::<String>(&format!("\"{content}\"")).ok())
        .is_none_or(|content| is_loose_date(content.as_bytes()))
}

/// A date a form would never write: "2023-2-3", "+10000-01-01" (it reads as a date, but is not
/// `yyyy-mm-dd` with a four-digit year).
fn is_loose_date(b: &[u8]) -> bool {
    let canonical = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let date_like = b.len() <= 16
        && b.first()
            .is_some_and(|c| c.is_ascii_digit() || *c == b'+' || *c == b'-');
    !canonical && date_like && std::str::from_utf8(b).is_ok_and(|s| s.parse::<chrono::NaiveDate>().is_ok())
}

/// The first date written other than as exports write dates (`yyyy-mm-dd`, four-digit year):
/// "2023-2-3" or "+10000-01-01" decode, but no form makes them, so a file holding them was
/// edited by hand. Only text that reads as a date is looked at.
fn loose_date(value: &Value) -> Option<(String, String)> {
    // Runs on every record of a city's file: the path is built only for the date it finds.
    match value {
        Value::String(s) => is_loose_date(s.as_bytes()).then(|| (String::new(), s.clone())),
        Value::Object(m) => m.iter().find_map(|(k, v)| {
            let join = |rest: String| match rest.chars().next() {
                None => k.clone(),
                Some('[') => format!("{k}{rest}"),
                Some(_) => format!("{k}.{rest}"),
            };
            loose_date(v).map(|(rest, s)| (join(rest), s))
        }),
        Value::Array(a) => a.iter().enumerate().find_map(|(i, v)| {
            loose_date(v).map(|(rest, s)| {
                (
                    if rest.is_empty() || rest.starts_with('[') {
                        format!("[{i}]{rest}")
                    } else {
                        format!("[{i}].{rest}")
                    },
                    s,
                )
            })
        }),
        _ => None,
    }
}

/// Every record id of the file and of local data, tombstones included: a reference to a
/// deleted record is not dangling (its deletion is known), and refusing it would block the
/// exchange after a concurrent deletion.
pub(crate) struct IdIndex<'a> {
    ids: HashSet<(Collection, &'a str)>,
    /// Per collection, the first record of the file whose id an earlier record of the same
    /// collection has: found while the index is built, so no second set of a city's ids is made.
    repeated: Vec<(Collection, &'a str)>,
}

impl<'a> IdIndex<'a> {
    pub(crate) fn new(incoming: &'a AppData, local: &'a AppData) -> Self {
        let mut ids = HashSet::new();
        let mut repeated: Vec<(Collection, &str)> = Vec::new();
        each_meta(incoming, &mut |c, m| {
            if !ids.insert((c, m.id.as_str())) && !repeated.iter().any(|(k, _)| *k == c) {
                repeated.push((c, m.id.as_str()));
            }
        });
        each_meta(local, &mut |c, m| {
            ids.insert((c, m.id.as_str()));
        });
        IdIndex { ids, repeated }
    }

    fn contains(&self, kind: Collection, id: &str) -> bool {
        self.ids.contains(&(kind, id))
    }

    fn repeated(&self, kind: Collection) -> Option<&'a str> {
        self.repeated.iter().find(|(k, _)| *k == kind).map(|(_, id)| *id)
    }
}

/// Duplicate ids, then the collection's [`Hooks`] on every live record.
pub(crate) fn check_collection<T: Record>(
    kind: Collection,
    records: &[T],
    hooks: &Hooks<T>,
    index: &IdIndex<'_>,
    lookup: &Lookup<'_>,
) -> Result<(), ImportError> {
    if let Some(id) = index.repeated(kind) {
        return Err(ImportError::DuplicateId {
            kind,
            id: id.to_string(),
        });
    }
    for (i, r) in records.iter().enumerate().filter(|(_, r)| r.is_live()) {
        if let Some(link) = (hooks.references)(r)
            .into_iter()
            .find(|l| !index.contains(l.target, l.target_id))
        {
            return Err(ImportError::UnknownReference {
                kind,
                id: r.id().to_string(),
                field: link.field.into_owned(),
                target: link.target,
                target_id: link.target_id.to_string(),
            });
        }
        if let Some(issue) = (hooks.rules)(r, lookup).into_iter().next() {
            return Err(ImportError::BreaksRule {
                at: At {
                    kind: Some(kind),
                    index: Some(i),
                    id: Some(r.id().to_string()),
                    field: issue.field,
                },
                rule: issue.message,
            });
        }
        if let Some(issue) = (hooks.ranges)(r, lookup).into_iter().next() {
            return Err(ImportError::OutOfRange {
                at: At {
                    kind: Some(kind),
                    index: Some(i),
                    id: Some(r.id().to_string()),
                    field: issue.field,
                },
                value: issue.value,
                min: issue.min,
                max: issue.max,
            });
        }
    }
    Ok(())
}

/// Deserializes the envelope's fields (office, export time, scope); on failure, names the field
/// where this build can. From their text, like records: the app then needs no decoder of trees.
fn decode_at<T: DeserializeOwned>(value: &Value, at: At) -> Result<T, ImportError> {
    serde_json::from_str(&value.to_string()).map_err(|error| record_failure::<T>(value, at, &error))
}

/// A bound of the storage type (4.294.967.295 tenths of a point) means nothing to an officer:
/// only bounds a person could mean are shown.
pub(super) fn bounds_a_person_means(error: ImportError) -> ImportError {
    match error {
        ImportError::OutOfRange { at, value, min, max } => ImportError::OutOfRange {
            at,
            value,
            min,
            max: max.filter(|m| *m < u32::MAX as f64),
        },
        other => other,
    }
}

/// The words between backticks, in order: `a`, `b` → [a, b].
pub(super) fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// What chrono says when a date or time string cannot be read.
const CHRONO_MESSAGES: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

pub(super) fn classify(message: &str, at: At, leaf: Option<Value>) -> ImportError {
    if CHRONO_MESSAGES.contains(&message) {
        let value = match leaf {
            Some(Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => String::new(),
        };
        return ImportError::BadDate { at, value };
    }
    if message.starts_with("missing field ") {
        return ImportError::MissingField { at };
    }
    // A key written twice in one object: no export does that, so the file was edited by hand.
    if let Some(key) = message
        .strip_prefix("duplicate field ")
        .and_then(|rest| backticked(rest).into_iter().next())
    {
        let field = match at.field.as_str() {
            "" => key.clone(),
            base => format!("{base}.{key}"),
        };
        return ImportError::BreaksRule {
            at: At { field, ..at },
            rule: format!("trường \"{key}\" được ghi hai lần; hãy giữ lại một."),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let expected = rest.split_once("expected ").map(|(_, e)| e).unwrap_or("");
        return ImportError::WrongType {
            at,
            expected: Expected::OneOf(backticked(expected)),
        };
    }
    let expected_text = message.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
    if message.starts_with("invalid value: integer ") {
        if let Some((min, max)) = integer_bounds(expected_text) {
            let value = leaf.as_ref().and_then(Value::as_f64).unwrap_or(f64::NAN);
            return ImportError::OutOfRange {
                at,
                value,
                min: Some(min),
                max: Some(max),
            };
        }
    }
    let expected = if expected_text.is_empty() {
        Expected::Other(message.to_string())
    } else {
        expected_from(expected_text)
    };
    ImportError::WrongType { at, expected }
}

fn integer_bounds(type_name: &str) -> Option<(f64, f64)> {
    Some(match type_name {
        "u8" => (0.0, u8::MAX as f64),
        "u16" => (0.0, u16::MAX as f64),
        "u32" => (0.0, u32::MAX as f64),
        "u64" | "usize" => (0.0, u64::MAX as f64),
        "i8" => (i8::MIN as f64, i8::MAX as f64),
        "i16" => (i16::MIN as f64, i16::MAX as f64),
        "i32" => (i32::MIN as f64, i32::MAX as f64),
        "i64" | "isize" => (i64::MIN as f64, i64::MAX as f64),
        _ => return None,
    })
}

fn expected_from(text: &str) -> Expected {
    match text {
        "a string" | "string or map" => Expected::Text,
        "a boolean" => Expected::Boolean,
        "a sequence" => Expected::List,
        "f32" | "f64" => Expected::Number,
        t if integer_bounds(t).is_some() => Expected::WholeNumber,
        t if t.starts_with("struct ") || t == "a map" => Expected::Object,
        t if t.contains("date and time") => Expected::DateTime,
        t if t.contains("date") => Expected::Date,
        t if t.contains('`') => Expected::OneOf(backticked(t)),
        t => Expected::Other(t.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sync::file::{export, Selection};
    use crate::domain::units::{Unit, UnitKind};
    use crate::domain::{record::Meta, record::Stamp};
    use serde_json::json;

    fn stamp() -> Stamp {
        Stamp::new("ba-vi", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            meta: Meta::new(id.into(), &stamp()),
            name: format!("Đơn vị {id}"),
            short_name: String::new(),
            kind: UnitKind::Grassroots,
            parent_id: parent.map(str::to_string),
            active_from: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
            active_to: None,
            archived: false,
        }
    }

    fn sample() -> AppData {
        AppData {
            units: vec![unit("city", None), unit("ba-vi", Some("city"))],
            ..AppData::default()
        }
    }

    fn file_value(data: &AppData) -> Value {
        export(
            data,
            &Selection::everything(data),
            Office {
                id: "ba-vi".into(),
                name: "LĐLĐ huyện Ba Vì".into(),
            },
            Scope {
                description: "Toàn bộ".into(),
            },
            stamp().at,
        )
        .to_value()
    }

    fn check(v: &Value) -> Result<Incoming, ImportError> {
        validate(v.to_string().as_bytes(), &AppData::default())
    }

    fn unit_at(index: usize, id: &str, field: &str) -> At {
        At {
            kind: Some(Collection::Units),
            index: Some(index),
            id: Some(id.into()),
            field: field.into(),
        }
    }

    fn rule_broken(v: &Value) -> (At, String) {
        match check(v) {
            Err(ImportError::BreaksRule { at, rule }) => (at, rule),
            other => panic!("expected a broken rule, got {other:?}"),
        }
    }

    #[test]
    fn a_key_written_twice_in_a_record_is_refused_by_name() {
        let text = file_value(&sample()).to_string();
        let once = r#""name":"Đơn vị ba-vi""#;
        assert!(text.contains(once));
        let twice = text.replace(once, &format!(r#"{once},"name":"Đơn vị khác""#));
        let Err(ImportError::BreaksRule { at, rule }) = validate(twice.as_bytes(), &AppData::default())
        else {
            panic!("refused");
        };
        assert_eq!(at, unit_at(1, "ba-vi", "name"));
        assert_eq!(rule, "trường \"name\" được ghi hai lần; hãy giữ lại một.");
    }

    #[test]
    fn files_obey_the_unit_forms_rules() {
        for name in ["", "   ", "\u{200b}", "\u{feff}", "\u{200b} \u{2060}"] {
            let mut v = file_value(&sample());
            v["data"]["units"][1]["name"] = json!(name);
            assert_eq!(
                rule_broken(&v),
                (unit_at(1, "ba-vi", "name"), "Tên đơn vị là bắt buộc.".to_string()),
                "{name:?}"
            );
        }
        let mut v = file_value(&sample());
        v["data"]["units"][0]["parent_id"] = json!("city");
        assert_eq!(rule_broken(&v).0, unit_at(0, "city", "parent_id"));
        // Two units each other's parent.
        let mut v = file_value(&sample());
        v["data"]["units"][0]["parent_id"] = json!("ba-vi");
        let (at, rule) = rule_broken(&v);
        assert_eq!(at, unit_at(0, "city", "parent_id"));
        assert!(
            rule.starts_with("Đơn vị cấp trên không được là chính đơn vị này"),
            "{rule}"
        );
        let mut v = file_value(&sample());
        v["data"]["units"][1]["active_to"] = json!("2019-12-31");
        assert_eq!(
            rule_broken(&v),
            (
                unit_at(1, "ba-vi", "active_to"),
                "Ngày kết thúc hoạt động phải sau ngày bắt đầu.".to_string()
            )
        );
        // The same message reaches the officer, naming record and field.
        let message = crate::domain::sync::wording::import_error(&check(&v).unwrap_err());
        assert!(
            message.contains("Ngày kết thúc hoạt động phải sau ngày bắt đầu."),
            "{message}"
        );
    }

    #[test]
    fn dates_are_written_as_exports_write_them() {
        for (loose, ok) in [("2023-2-3", false), ("+10000-01-01", false), ("2023-02-03", true)] {
            let mut v = file_value(&sample());
            v["data"]["units"][1]["active_to"] = json!(loose);
            match check(&v) {
                Err(ImportError::BadDate { at, value }) => {
                    assert!(!ok, "{loose}");
                    assert_eq!((at, value.as_str()), (unit_at(1, "ba-vi", "active_to"), loose));
                }
                Ok(_) => assert!(ok, "{loose}"),
                other => panic!("{loose}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_date_behind_an_escape_is_still_found_and_other_escapes_read_as_written() {
        let mut v = file_value(&sample());
        v["data"]["units"][1]["active_to"] = json!("2023-2-3");
        v["data"]["units"][0]["name"] = json!("LĐLĐ \"Thanh Oai\"\n");
        let text = serde_json::to_string(&v).unwrap();
        let hidden = text.replace("\"2023-2-3\"", "\"2023\\u002d2-3\"");
        assert_ne!(hidden, text);
        match validate(hidden.as_bytes(), &AppData::default()) {
            Err(ImportError::BadDate { at, value }) => {
                assert_eq!(
                    (at, value.as_str()),
                    (unit_at(1, "ba-vi", "active_to"), "2023-2-3")
                );
            }
            other => panic!("{other:?}"),
        }
        v["data"]["units"][1]["active_to"] = json!("2023-02-03");
        let read = check(&v).unwrap();
        assert_eq!(read.file.data.units[0].name, "LĐLĐ \"Thanh Oai\"\n");
    }

    #[test]
    fn a_yes_no_mark_on_a_points_criterion_is_refused_as_the_form_refuses_it() {
        let (_, files) = crate::domain::sync::fuzz::seeds();
        let mut v: Value = serde_json::from_slice(&files[2]).unwrap();
        let entries = v["data"]["scorecards"][0]["entries"].as_object_mut().unwrap();
        let (criterion, entry) = entries
            .iter_mut()
            .find(|(_, e)| e["self_mark"].get("points").is_some())
            .unwrap();
        let criterion = criterion.clone();
        entry["self_mark"] = json!({"flag": true});
        match check(&v) {
            Err(ImportError::BreaksRule { at, rule }) => {
                assert_eq!(at.kind, Some(Collection::Scorecards));
                assert_eq!(at.field, format!("entries.{criterion}.self_mark"));
                assert!(rule.ends_with("kiểu điểm không đúng."), "{rule}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_error_inside_a_criterion_names_its_real_field() {
        let (_, files) = crate::domain::sync::fuzz::seeds();
        let base: Value = serde_json::from_slice(&files[2]).unwrap();
        let criteria = base["data"]["templates"][0]["criteria"].as_array().unwrap();
        let n = criteria.iter().position(|c| c["kind"] == "count").unwrap();
        for (field, value) in [
            ("per", json!("x")),
            ("points_each", json!(-5)),
            ("kind", json!("khong")),
            ("indicator", json!(12)),
        ] {
            let mut v = base.clone();
            v["data"]["templates"][0]["criteria"][n][field] = value;
            let e = check(&v).unwrap_err();
            let at = match &e {
                ImportError::WrongType { at, .. } | ImportError::OutOfRange { at, .. } => at.clone(),
                other => panic!("{field}: {other:?}"),
            };
            assert_eq!(at.field, format!("criteria[{n}].{field}"), "{e:?}");
            let message = crate::domain::sync::wording::import_error(&e);
            assert!(
                !message.contains("—") && !message.contains("4.294.967.295"),
                "{message}"
            );
        }
    }

    #[test]
    fn a_scoring_table_obeys_the_table_editors_rules() {
        let (_, files) = crate::domain::sync::fuzz::seeds();
        let base: Value = serde_json::from_slice(&files[2]).unwrap();
        let mut v = base.clone();
        v["data"]["templates"][0]["criteria"][2]["block"] = json!("IX");
        let (at, rule) = rule_broken(&v);
        assert_eq!(
            (at.kind, at.field.as_str()),
            (Some(Collection::Templates), "criteria[2].block")
        );
        assert!(rule.contains("IX"), "{rule}");
        let mut v = base;
        v["data"]["templates"][0]["name"] = json!("\u{feff}");
        assert_eq!(rule_broken(&v).0.field, "name");
    }

    #[test]
    fn yearly_figures_obey_the_indicator_forms_rules() {
        let (_, files) = crate::domain::sync::fuzz::seeds();
        let mut v: Value = serde_json::from_slice(&files[2]).unwrap();
        let report = &mut v["data"]["indicators"][0]["figures"];
        report["members"] = json!(100);
        report["new_members"] = json!(250);
        let (at, rule) = rule_broken(&v);
        assert_eq!(
            (at.kind, at.field.as_str()),
            (Some(Collection::Indicators), "figures.new_members")
        );
        assert_eq!(rule, "Số kết nạp mới lớn hơn tổng số đoàn viên.");
    }

    #[test]
    fn a_programme_obeys_the_programme_forms_rules() {
        let (_, files) = crate::domain::sync::fuzz::seeds();
        let base: Value = serde_json::from_slice(&files[2]).unwrap();
        assert!(
            base["data"]["programmes"][0].is_object(),
            "the seed carries a programme"
        );
        let mut v = base.clone();
        v["data"]["programmes"][0]["authority"] = json!("\u{200b} ");
        let (at, rule) = rule_broken(&v);
        assert_eq!(
            (at.kind, at.field.as_str()),
            (Some(Collection::Programmes), "authority")
        );
        assert_eq!(rule, "Hãy ghi tên UBND ký chương trình.");
        let mut v = base.clone();
        let first = v["data"]["programmes"][0]["areas"][0]["number"].clone();
        v["data"]["programmes"][0]["areas"][1]["number"] = first;
        assert_eq!(rule_broken(&v).0.field, "areas[1].number");
        let mut v = base;
        v["data"]["programmes"][0]["areas"] = json!([]);
        assert_eq!(
            rule_broken(&v).1,
            "Chương trình cần ít nhất một nội dung phối hợp."
        );
    }

    #[test]
    fn files_obey_the_cluster_forms_rules() {
        let mut data = sample();
        let c = crate::domain::scoring::cluster::Cluster {
            meta: Meta::new("c1".into(), &stamp()),
            name: "Cụm thi đua số 4".into(),
            year: 2024,
            member_ids: vec!["city".into(), "ba-vi".into(), "city".into()],
            head_id: None,
            deputy_id: None,
            next_head_id: None,
            vote_order: Vec::new(),
            results_closed: None,
            tally: Vec::new(),
            meeting: None,
        };
        data.clusters.push(c);
        let (at, rule) = rule_broken(&file_value(&data));
        assert_eq!(at.field, "member_ids");
        assert_eq!(rule, "Đơn vị city được chọn hai lần.");
    }

    #[test]
    fn a_written_file_reads_back_identically() {
        let data = sample();
        let text = export(
            &data,
            &Selection::everything(&data),
            Office {
                id: "ba-vi".into(),
                name: "LĐLĐ huyện Ba Vì".into(),
            },
            Scope {
                description: "Toàn bộ".into(),
            },
            stamp().at,
        )
        .to_json();
        let incoming = validate(text.as_bytes(), &AppData::default()).unwrap();
        assert_eq!(incoming.file.data, data);
        assert_eq!(incoming.file.office.name, "LĐLĐ huyện Ba Vì");
        assert_eq!(incoming.migrated_from, None);
        let with_bom = format!("\u{feff}{text}");
        assert!(validate(with_bom.as_bytes(), &AppData::default()).is_ok());
    }

    #[test]
    fn too_large_is_refused_before_parsing() {
        let junk = vec![b'x'; 100];
        assert_eq!(
            validate_with_limit(&junk, 99, &AppData::default()),
            Err(ImportError::TooLarge { size: 100, limit: 99 })
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        assert_eq!(
            validate(b"{\n  \"format\" 1}", &AppData::default()),
            Err(ImportError::NotJson { line: 2, column: 12 })
        );
    }

    #[test]
    fn a_cut_off_file_is_truncated_not_garbage() {
        let text = file_value(&sample()).to_string();
        let cut = &text[..text.len() / 2];
        assert_eq!(
            validate(cut.as_bytes(), &AppData::default()),
            Err(ImportError::Truncated)
        );
        // Nothing at all is not a cut-off file: it is empty.
        assert_eq!(validate(b"", &AppData::default()), Err(ImportError::EmptyFile));
        assert_eq!(validate(b" \n", &AppData::default()), Err(ImportError::EmptyFile));
    }

    #[test]
    fn other_json_is_not_our_format() {
        for v in [json!([1]), json!({"units": []}), json!({"format": "excalidraw"})] {
            assert_eq!(check(&v), Err(ImportError::NotOurFormat));
        }
        // Our own stored data is not an export either.
        let stored = crate::domain::schema::encode(&sample());
        assert_eq!(
            validate(stored.as_bytes(), &AppData::default()),
            Err(ImportError::NotOurFormat)
        );
    }

    #[test]
    fn newer_versions_are_refused() {
        let mut v = file_value(&sample());
        v["schema_version"] = json!(CURRENT_VERSION + 1);
        assert_eq!(
            check(&v),
            Err(ImportError::NewerVersion {
                found: CURRENT_VERSION + 1,
                supported: CURRENT_VERSION
            })
        );
        v["schema_version"] = json!("1");
        assert!(matches!(check(&v), Err(ImportError::WrongType { .. })));
    }

    #[test]
    fn wrong_types_name_the_record_and_field() {
        let mut v = file_value(&sample());
        v["data"]["units"][1]["name"] = json!(5);
        assert_eq!(
            check(&v),
            Err(ImportError::WrongType {
                at: unit_at(1, "ba-vi", "name"),
                expected: Expected::Text
            })
        );
        let mut v = file_value(&sample());
        v["data"]["units"][0]["kind"] = json!("province");
        let Err(ImportError::WrongType { at, expected }) = check(&v) else {
            panic!()
        };
        assert_eq!(at, unit_at(0, "city", "kind"));
        assert!(matches!(expected, Expected::OneOf(v) if v.contains(&"grassroots".to_string())));
        let mut v = file_value(&sample());
        v["data"]["units"] = json!({});
        assert!(matches!(
            check(&v),
            Err(ImportError::WrongType {
                expected: Expected::List,
                ..
            })
        ));
        let mut v = file_value(&sample());
        v["office"]["name"] = json!(false);
        assert_eq!(
            check(&v),
            Err(ImportError::WrongType {
                at: At::envelope("office.name"),
                expected: Expected::Text
            })
        );
    }

    #[test]
    fn missing_fields_are_found_in_nested_objects() {
        let mut v = file_value(&sample());
        v["data"]["units"][1].as_object_mut().unwrap().remove("name");
        assert_eq!(
            check(&v),
            Err(ImportError::MissingField {
                at: unit_at(1, "ba-vi", "name")
            })
        );
        let mut v = file_value(&sample());
        v["data"]["units"][0]["meta"]
            .as_object_mut()
            .unwrap()
            .remove("id");
        assert_eq!(
            check(&v),
            Err(ImportError::MissingField {
                at: At {
                    kind: Some(Collection::Units),
                    index: Some(0),
                    id: None,
                    field: "meta.id".into()
                }
            })
        );
        let mut v = file_value(&sample());
        v.as_object_mut().unwrap().remove("office");
        assert_eq!(
            check(&v),
            Err(ImportError::MissingField {
                at: At::envelope("office")
            })
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut data = sample();
        data.units.push(unit("city", None));
        assert_eq!(
            check(&file_value(&data)),
            Err(ImportError::DuplicateId {
                kind: Collection::Units,
                id: "city".into()
            })
        );
    }

    #[test]
    fn references_may_point_into_the_file_or_local_data() {
        let data = AppData {
            units: vec![unit("ba-vi", Some("city"))],
            ..AppData::default()
        };
        let text = file_value(&data).to_string();
        assert_eq!(
            validate(text.as_bytes(), &AppData::default()),
            Err(ImportError::UnknownReference {
                kind: Collection::Units,
                id: "ba-vi".into(),
                field: "parent_id".into(),
                target: Collection::Units,
                target_id: "city".into()
            })
        );
        let local = AppData {
            units: vec![unit("city", None)],
            ..AppData::default()
        };
        assert!(validate(text.as_bytes(), &local).is_ok());
    }

    #[test]
    fn impossible_dates_are_bad_dates_with_their_field() {
        let mut v = file_value(&sample());
        v["data"]["units"][1]["active_from"] = json!("2024-02-30");
        assert_eq!(
            check(&v),
            Err(ImportError::BadDate {
                at: unit_at(1, "ba-vi", "active_from"),
                value: "2024-02-30".into()
            })
        );
        let mut v = file_value(&sample());
        v["data"]["units"][0]["meta"]["changed_at"] = json!("hôm qua");
        assert_eq!(
            check(&v),
            Err(ImportError::BadDate {
                at: unit_at(0, "city", "meta.changed_at"),
                value: "hôm qua".into()
            })
        );
        let mut v = file_value(&sample());
        v["exported_at"] = json!("2026-13-01T00:00:00Z");
        assert!(
            matches!(check(&v), Err(ImportError::BadDate { at, .. }) if at == At::envelope("exported_at"))
        );
    }

    #[test]
    fn negative_counts_are_out_of_range() {
        let mut v = file_value(&sample());
        v["data"]["units"][0]["meta"]["edits"]["ba-vi"] = json!(-1);
        assert_eq!(
            check(&v),
            Err(ImportError::OutOfRange {
                at: unit_at(0, "city", "meta.edits.ba-vi"),
                value: -1.0,
                min: Some(0.0),
                // The type's own ceiling is no bound an officer could mean.
                max: None
            })
        );
    }

    #[test]
    fn range_hooks_report_the_record_and_field() {
        let hooks: Hooks<Unit> = Hooks {
            ranges: |u, _| {
                vec![crate::domain::sync::RangeIssue {
                    field: "score".into(),
                    value: u.name.len() as f64,
                    min: Some(0.0),
                    max: Some(3.0),
                }]
            },
            ..Hooks::NONE
        };
        let data = sample();
        let local = AppData::default();
        let index = IdIndex::new(&data, &local);
        let lookup = Lookup::new(&data, &local);
        let err = check_collection(Collection::Units, &data.units, &hooks, &index, &lookup).unwrap_err();
        assert!(
            matches!(err, ImportError::OutOfRange { at, max: Some(3.0), .. } if at == unit_at(0, "city", "score"))
        );
    }

    #[test]
    fn tombstones_need_no_valid_references() {
        let mut data = AppData {
            units: vec![unit("ba-vi", Some("gone"))],
            ..AppData::default()
        };
        data.units[0].meta.deleted = true;
        assert!(check(&file_value(&data)).is_ok());
    }

    #[test]
    fn older_files_go_through_the_stored_data_migrations() {
        fn rename(v: &mut Value) -> Result<(), String> {
            let units = v.as_object_mut().unwrap().remove("don_vi").unwrap_or(json!([]));
            v["units"] = units;
            Ok(())
        }
        let steps = [crate::domain::schema::Migration {
            from: 1,
            describe: "don_vi → units",
            apply: rename,
        }];
        let units = serde_json::to_value(sample().units).unwrap();
        let obj = json!({ "don_vi": units }).as_object().unwrap().clone();
        let migrated = migrate_with(Value::Object(obj), 1, 2, &steps).unwrap();
        assert_eq!(migrated.get("units"), Some(&units));
        assert!(!migrated.contains_key("schema_version"));
        let err = migrate_with(json!({}), 1, 3, &steps).unwrap_err();
        assert!(matches!(err, ImportError::MigrationFailed { from: 2, .. }));
    }
}
