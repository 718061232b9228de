//! Reading stored data safely: decode, refuse what cannot be read, migrate older versions.
//!
//! Stored text that cannot be read is never replaced: the caller gets a [`LoadError`] and must
//! keep the text untouched (the app shows a recovery screen instead of starting empty).

use super::data::AppData;
use serde_json::Value;

/// The version this build writes (kept with the data model it describes, so `data` needs
/// nothing from here). Bump it together with a new entry in [`MIGRATIONS`].
pub use super::data::CURRENT_VERSION;

/// One step from `from` to `from + 1`, as a pure rewrite of the JSON tree.
pub struct Migration {
    pub from: u32,
    /// What changed, for the reader of this list.
    pub describe: &'static str,
    pub apply: fn(&mut Value) -> Result<(), String>,
}

/// Every step from version 1 upwards, in order. Version 1 is the first format.
pub const MIGRATIONS: &[Migration] = &[];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all (cut off, edited by hand, written by something else).
    NotJson { line: usize, column: usize },
    /// JSON, but not the shape of this app's data.
    WrongShape(ShapeProblem),
    /// Written by a newer version of the app; this build must not touch it.
    NewerVersion { found: u32, supported: u32 },
    /// An older version that no migration step could bring up to date.
    MigrationFailed { from: u32, detail: String },
}

/// What is wrong with the shape of stored data, in terms the recovery screen can explain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    /// The text is a list or a value, not the app's object.
    NotAnObject,
    MissingVersion,
    /// `schema_version` is not a whole number from 1.
    BadVersion,
    /// A value in a record is missing or of the wrong kind; `path` names where
    /// (`units[3].name`), as serde_path_to_error reports it.
    Record {
        path: String,
    },
}

/// Decoded data and, if it was older, the version it was migrated from.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub data: AppData,
    pub migrated_from: Option<u32>,
}

pub fn decode(text: &str) -> Result<Loaded, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    decode_value(value, CURRENT_VERSION, MIGRATIONS)
}

/// The decoding steps with the version and migrations as parameters, so the mechanism is tested
/// with migrations of its own before the app needs a real one.
pub fn decode_value(mut value: Value, current: u32, migrations: &[Migration]) -> Result<Loaded, LoadError> {
    let found = schema_version(&value)?;
    if found > current {
        return Err(LoadError::NewerVersion {
            found,
            supported: current,
        });
    }
    migrate(&mut value, found, current, migrations)?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(current));
    }
    // Decoded from the tree's text, as storage and the import decode records: the wasm carries
    // one decoder per record type. This runs only on data of earlier versions (rarely).
    let data = match serde_json::from_str::<AppData>(&value.to_string()) {
        Ok(data) => data,
        Err(_) => {
            return Err(LoadError::WrongShape(ShapeProblem::Record {
                path: locate_bad_record(&value, current),
            }))
        }
    };
    Ok(Loaded {
        data,
        migrated_from: (found < current).then_some(found),
    })
}

/// Finds the first record that does not decode, by decoding each top-level field alone and
/// then each record of the failing collection alone. Only run after a failure, and with the
/// same decoder as the whole (a second, path-tracking decoder would double its code in the wasm).
fn locate_bad_record(value: &Value, version: u32) -> String {
    let Some(obj) = value.as_object() else {
        return String::new();
    };
    let decodes = |key: &str, part: Value| {
        let mut one = serde_json::Map::new();
        one.insert("schema_version".into(), Value::from(version));
        one.insert(key.to_string(), part);
        serde_json::from_str::<AppData>(&Value::Object(one).to_string()).is_ok()
    };
    for (key, part) in obj {
        if key == "schema_version" || decodes(key, part.clone()) {
            continue;
        }
        if let Some(records) = part.as_array() {
            if let Some(i) = records
                .iter()
                .position(|r| !decodes(key, Value::Array(vec![r.clone()])))
            {
                return format!("{key}[{i}]");
            }
        }
        return key.clone();
    }
    String::new()
}

pub(crate) fn schema_version(value: &Value) -> Result<u32, LoadError> {
    let obj = value
        .as_object()
        .ok_or(LoadError::WrongShape(ShapeProblem::NotAnObject))?;
    let version = obj
        .get("schema_version")
        .ok_or(LoadError::WrongShape(ShapeProblem::MissingVersion))?;
    version
        .as_u64()
        .filter(|v| *v >= 1 && *v <= u32::MAX as u64)
        .map(|v| v as u32)
        .ok_or(LoadError::WrongShape(ShapeProblem::BadVersion))
}

/// Runs every step from `from` up to `to` on the JSON tree (also used for imported files).
pub fn migrate(value: &mut Value, from: u32, to: u32, migrations: &[Migration]) -> Result<(), LoadError> {
    for version in from..to {
        let step = migrations
            .iter()
            .find(|m| m.from == version)
            .ok_or(LoadError::MigrationFailed {
                from: version,
                detail: format!("không có bước chuyển đổi từ phiên bản {version}"),
            })?;
        (step.apply)(value).map_err(|detail| LoadError::MigrationFailed {
            from: version,
            detail,
        })?;
    }
    Ok(())
}

pub fn encode(data: &AppData) -> String {
    serde_json::to_string(data).expect("AppData always serializes")
}

/// The stored data as an officer's backup file: indented, to be readable in a text editor. Made
/// through a JSON tree, as export files are, so the wasm holds no second, indenting copy of every
/// record's writer (the tree sorts each object's keys; a reader does not mind).
pub fn backup_text(data: &AppData) -> String {
    serde_json::to_value(data)
        .and_then(|tree| serde_json::to_string_pretty(&tree))
        .expect("AppData always serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_current_data() {
        let data = AppData::default();
        let loaded = decode(&encode(&data)).unwrap();
        assert_eq!(loaded.data, data);
        assert_eq!(loaded.migrated_from, None);
    }

    #[test]
    fn corrupt_json_reports_where() {
        let err = decode("{\"schema_version\": 1, \"units\": [").unwrap_err();
        assert!(matches!(err, LoadError::NotJson { line: 1, .. }), "{err:?}");
    }

    #[test]
    fn wrong_shape_is_refused() {
        assert!(matches!(decode("[1,2,3]"), Err(LoadError::WrongShape { .. })));
        assert!(matches!(
            decode("{\"units\": []}"),
            Err(LoadError::WrongShape { .. })
        ));
        assert_eq!(
            decode("{\"schema_version\": 1, \"units\": [{\"meta\": 5}]}").err(),
            Some(LoadError::WrongShape(ShapeProblem::Record {
                path: "units[0]".into()
            }))
        );
        assert!(matches!(
            decode("{\"schema_version\": 1, \"units\": 5}"),
            Err(LoadError::WrongShape { .. })
        ));
        assert!(matches!(
            decode("{\"schema_version\": \"1\"}"),
            Err(LoadError::WrongShape { .. })
        ));
    }

    #[test]
    fn newer_version_is_refused_not_guessed() {
        let err = decode(&format!("{{\"schema_version\": {}}}", CURRENT_VERSION + 1)).unwrap_err();
        assert_eq!(
            err,
            LoadError::NewerVersion {
                found: CURRENT_VERSION + 1,
                supported: CURRENT_VERSION
            }
        );
    }

    fn rename_units(v: &mut Value) -> Result<(), String> {
        let obj = v.as_object_mut().ok_or("không phải đối tượng")?;
        let old = obj.remove("don_vi").unwrap_or(json!([]));
        obj.insert("units".into(), old);
        Ok(())
    }

    fn add_marker(v: &mut Value) -> Result<(), String> {
        v["migrated"] = json!(true);
        Ok(())
    }

    const STEPS: &[Migration] = &[
        Migration {
            from: 1,
            describe: "đổi tên don_vi thành units",
            apply: rename_units,
        },
        Migration {
            from: 2,
            describe: "đánh dấu",
            apply: add_marker,
        },
    ];

    #[test]
    fn older_versions_run_every_step_in_order() {
        let old = json!({"schema_version": 1, "don_vi": []});
        let loaded = decode_value(old, 3, STEPS).unwrap();
        assert_eq!(loaded.migrated_from, Some(1));
        assert_eq!(loaded.data.schema_version, 3);
    }

    #[test]
    fn a_missing_step_is_an_error_not_a_silent_default() {
        let old = json!({"schema_version": 1, "units": []});
        let err = decode_value(old, 4, STEPS).unwrap_err();
        assert!(matches!(err, LoadError::MigrationFailed { from: 3, .. }));
    }

    #[test]
    fn every_shipped_migration_is_contiguous() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from, i as u32 + 1, "{}", m.describe);
        }
        assert_eq!(MIGRATIONS.len() as u32, CURRENT_VERSION - 1);
    }

    #[test]
    fn a_backup_reads_back_as_the_stored_data() {
        let stamp = crate::domain::record::Stamp::new(
            "thanh-oai",
            chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        );
        let (data, _) = crate::domain::sample::with_numbered_ids(&stamp);
        assert_eq!(decode(&backup_text(&data)).unwrap().data, data);
    }
}
