//! The file as a whole: its top level read in one pass or part by part, syntax faults said with
//! their line, the envelope's small fields (format, version, office, export time, scope), and
//! the stored-data migrations an older file goes through.

use super::errors::{At, Expected, ImportError};
use crate::domain::collections::{next_collection, Collection};
use crate::domain::data::AppData;
use crate::domain::exchange::file::{Office, Scope};
use crate::domain::exchange::text_problem;
use crate::domain::schema::{self, CURRENT_VERSION, MIGRATIONS};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The file's top level, each entry kept as its text: the records are decoded from their own
/// text, as storage decodes them, never through a tree of the whole file (faster, and the wasm
/// carries one decoder per record type).
pub(super) fn top_level(bytes: &[u8]) -> Result<BTreeMap<String, &RawValue>, ImportError> {
    match serde_json::from_slice(bytes) {
        Ok(root) => Ok(root),
        // Not JSON, or JSON but not an object: said as a strict reading of the whole file says
        // it (this first reading only finds where values end).
        Err(_) => Err(text_fault(bytes).unwrap_or(ImportError::NotOurFormat)),
    }
}

pub(super) fn syntax_error(bytes: &[u8], e: serde_json::Error) -> ImportError {
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
pub(super) fn text_fault(bytes: &[u8]) -> Option<ImportError> {
    // A tree, not `IgnoredAny`: only building values checks characters and numbers.
    serde_json::from_slice::<Value>(bytes)
        .err()
        .map(|e| syntax_error(bytes, e))
}

/// A well-formed file in one pass: the envelope's fields as texts, and `data` as `D` (the
/// records themselves, or their texts). Anything not in this shape fails, and the file is read
/// again another way for the message.
pub(super) struct Skeleton<'a, D> {
    pub(super) envelope: BTreeMap<String, &'a RawValue>,
    pub(super) data: Option<D>,
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
pub(super) struct Decoded(pub(super) AppData);

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
pub(super) struct Lists<'a>(pub(super) BTreeMap<String, Vec<&'a RawValue>>);

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

/// The envelope fields besides `format`, `schema_version` and `data`.
#[derive(Deserialize)]
pub(super) struct Header {
    pub(super) office: Office,
    pub(super) exported_at: DateTime<Utc>,
    pub(super) scope: Scope,
}

pub(super) fn version(obj: &Map<String, Value>) -> Result<u32, ImportError> {
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
pub(super) fn migrate(data: Value, found: u32) -> Result<Map<String, Value>, ImportError> {
    migrate_with(data, found, CURRENT_VERSION, MIGRATIONS)
}

/// [`migrate`] with the target version and steps as parameters, for tests.
pub(super) fn migrate_with(
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
