//! Keeps `docs/export.schema.json` in step with the Rust types: a fully populated export is
//! walked together with the schema. Every property written by the Rust code must be in the
//! schema, every property of the schema must be written somewhere in the sample, values must
//! have the schema's type, and a property is `required` in the schema exactly when removing it
//! from the file makes [`validate`] refuse the file.
//!
//! Adding a collection: add it to `data.properties` and `$defs` in the schema and a fully
//! populated record of it to [`sample`] below (the test fails until both are done).

use super::collections::Collection;
use super::file::{export, Office, Scope, Selection};
use super::validate::validate;
use crate::domain::data::AppData;
use crate::domain::record::{Meta, Stamp};
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, NaiveDate};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA: &str = include_str!("../../../docs/export.schema.json");

/// Every optional field set, a tombstone and an edit by a second office included.
fn sample() -> AppData {
    let stamp = Stamp::new("ba-vi", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
    let city = Unit {
        meta: Meta::new("city".into(), &stamp),
        name: "Liên đoàn Lao động Thành phố Hà Nội".into(),
        short_name: "LĐLĐ TP".into(),
        kind: UnitKind::City,
        parent_id: None,
        active_from: NaiveDate::from_ymd_opt(1990, 1, 1),
        active_to: None,
        archived: false,
    };
    let mut ba_vi = Unit {
        meta: Meta::new("ba-vi".into(), &stamp),
        name: "LĐLĐ huyện Ba Vì".into(),
        short_name: "Ba Vì".into(),
        kind: UnitKind::District,
        parent_id: Some("city".into()),
        active_from: NaiveDate::from_ymd_opt(2000, 1, 1),
        active_to: NaiveDate::from_ymd_opt(2025, 6, 30),
        archived: true,
    };
    ba_vi.meta.touch(&Stamp::new("city", stamp.at));
    ba_vi.meta.deleted = true;
    AppData {
        units: vec![city, ba_vi],
        ..AppData::default()
    }
}

fn sample_file(data: &AppData) -> Value {
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
        DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
    )
    .to_value()
}

struct Walk<'a> {
    root: &'a Value,
    /// Property names seen in the sample, per schema location.
    seen: BTreeMap<String, BTreeSet<String>>,
    /// Schema locations with `properties`, and the JSON paths where they were used.
    objects: BTreeMap<String, Vec<Vec<String>>>,
    errors: Vec<String>,
}

impl<'a> Walk<'a> {
    fn resolve(&self, schema: &'a Value, loc: String) -> (&'a Value, String) {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let pointer = r.trim_start_matches('#');
                (self.root.pointer(pointer).expect("$ref resolves"), r.to_string())
            }
            None => (schema, loc),
        }
    }

    fn walk(&mut self, value: &Value, schema: &'a Value, loc: String, path: &mut Vec<String>) {
        let (schema, loc) = self.resolve(schema, loc);
        let at = path.join(".");
        if let Some(types) = schema.get("type") {
            let types: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            let actual = match value {
                Value::Null => "null",
                Value::Bool(_) => "boolean",
                Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
                Value::Number(_) => "number",
                Value::String(_) => "string",
                Value::Array(_) => "array",
                Value::Object(_) => "object",
            };
            let integer_as_number = actual == "integer" && types.contains(&"number");
            if !(types.contains(&actual) || integer_as_number) {
                self.errors
                    .push(format!("{at}: {actual} where the schema says {types:?}"));
            }
        }
        if let Some(options) = schema.get("enum").and_then(Value::as_array) {
            if !options.contains(value) {
                self.errors
                    .push(format!("{at}: {value} is not in the schema's enum"));
            }
        }
        if let Some(c) = schema.get("const") {
            if c != value {
                self.errors
                    .push(format!("{at}: {value} differs from the schema's const {c}"));
            }
        }
        match value {
            Value::Object(obj) => {
                if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                    self.objects.entry(loc.clone()).or_default().push(path.clone());
                    for (key, child) in obj {
                        self.seen.entry(loc.clone()).or_default().insert(key.clone());
                        match props.get(key) {
                            Some(s) => {
                                path.push(key.clone());
                                self.walk(child, s, format!("{loc}/properties/{key}"), path);
                                path.pop();
                            }
                            None => self
                                .errors
                                .push(format!("{at}: `{key}` is written but not in the schema")),
                        }
                    }
                } else if let Some(extra) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                    for (key, child) in obj {
                        path.push(key.clone());
                        self.walk(child, extra, format!("{loc}/additionalProperties"), path);
                        path.pop();
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        path.push(i.to_string());
                        self.walk(item, item_schema, format!("{loc}/items"), path);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether the file is refused once `key` is removed from the object at `path`.
fn required_by_rust(file: &Value, path: &[String], key: &str, local: &AppData) -> bool {
    let mut copy = file.clone();
    let pointer: String = path.iter().map(|p| format!("/{p}")).collect();
    copy.pointer_mut(&pointer)
        .and_then(Value::as_object_mut)
        .expect("object path")
        .remove(key);
    validate(copy.to_string().as_bytes(), local).is_err()
}

#[test]
fn the_json_schema_matches_what_the_code_writes_and_reads() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("docs/export.schema.json is JSON");
    let data = sample();
    for c in Collection::ALL {
        let count = serde_json::to_value(&data).unwrap()[c.key()]
            .as_array()
            .map_or(0, Vec::len);
        assert!(
            count > 0,
            "add a fully populated `{}` record to sample()",
            c.key()
        );
    }
    let file = sample_file(&data);
    let mut walk = Walk {
        root: &schema,
        seen: BTreeMap::new(),
        objects: BTreeMap::new(),
        errors: Vec::new(),
    };
    walk.walk(&file, &schema, "#".into(), &mut Vec::new());
    for (loc, paths) in &walk.objects {
        let node = schema.pointer(loc.trim_start_matches('#')).unwrap();
        let props: BTreeSet<String> = node["properties"].as_object().unwrap().keys().cloned().collect();
        let seen = walk.seen.get(loc).cloned().unwrap_or_default();
        for missing in props.difference(&seen) {
            walk.errors
                .push(format!("{loc}: `{missing}` is in the schema but never written"));
        }
        let required: BTreeSet<String> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let path = &paths[0];
        let object = file
            .pointer(&path.iter().map(|p| format!("/{p}")).collect::<String>())
            .unwrap();
        for key in object.as_object().unwrap().keys() {
            let rust = required_by_rust(&file, path, key, &AppData::default());
            if rust != required.contains(key) {
                walk.errors.push(format!(
                    "{loc}: `{key}` is {} by the code but {} in the schema",
                    if rust { "required" } else { "optional" },
                    if required.contains(key) {
                        "required"
                    } else {
                        "optional"
                    },
                ));
            }
        }
    }
    let collections: BTreeSet<&str> = schema["properties"]["data"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let listed: BTreeSet<&str> = Collection::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(
        collections, listed,
        "data.properties in the schema vs the collections! list"
    );
    assert!(
        walk.errors.is_empty(),
        "docs/export.schema.json is out of step:\n{}",
        walk.errors.join("\n")
    );
}
