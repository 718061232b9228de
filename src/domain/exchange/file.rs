//! The export file (tệp xuất dữ liệu): an envelope around a chosen part of [`AppData`].
//!
//! ```json
//! { "format": "thidua-export", "schema_version": 1,
//!   "office": { "id": "…", "name": "LĐLĐ huyện Ba Vì" },
//!   "exported_at": "2026-11-23T08:00:00Z",
//!   "scope": { "description": "Cụm thi đua số 4 - 2023" },
//!   "data": { "units": [ … ] } }
//! ```
//! `data` has the same collections as the stored data and nothing else: not its
//! `schema_version` nor its `office` (the envelope carries both). Tombstones travel too, so
//! that deletions reach other offices.

use crate::domain::collections::{each_meta, select, Collection};
use crate::domain::data::AppData;
use crate::domain::fold::slug;
use crate::domain::record::Id;
use crate::domain::schema::CURRENT_VERSION;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The marker telling our files from any other JSON.
pub const FORMAT: &str = "thidua-export";

/// The office that made the file (đơn vị xuất): the same record as the installation's own.
pub use crate::domain::data::Office;

/// What the file contains, in the sender's words (phạm vi), e.g. "Cụm thi đua số 4 - 2023".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    pub description: String,
}

/// Which records go into an export: a set of record ids per collection. Callers build specific
/// scopes (one cluster-year, one unit's dialogues of a year, one programme) by inserting ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    ids: BTreeMap<Collection, BTreeSet<Id>>,
}

impl Selection {
    /// Nothing selected.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Every record of `data`, tombstones included (a full backup / full exchange).
    pub fn everything(data: &AppData) -> Self {
        let mut s = Self::default();
        each_meta(data, &mut |c, m| s.insert(c, m.id.clone()));
        s
    }

    pub fn insert(&mut self, collection: Collection, id: impl Into<Id>) {
        self.ids.entry(collection).or_default().insert(id.into());
    }

    pub fn contains(&self, collection: Collection, id: &str) -> bool {
        self.ids.get(&collection).is_some_and(|s| s.contains(id))
    }

    /// Number of selected ids, all collections together.
    pub fn len(&self) -> usize {
        self.ids.values().map(BTreeSet::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A whole export file, as written or as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    pub schema_version: u32,
    pub office: Office,
    pub exported_at: DateTime<Utc>,
    pub scope: Scope,
    pub data: AppData,
}

/// Builds an export of the records of `data` named by `selection`.
///
/// `export(&data, &Selection::everything(&data), office, scope, now)` exports everything.
pub fn export(
    data: &AppData,
    selection: &Selection,
    office: Office,
    scope: Scope,
    exported_at: DateTime<Utc>,
) -> ExportFile {
    ExportFile {
        schema_version: CURRENT_VERSION,
        office,
        exported_at,
        scope,
        data: select(data, selection),
    }
}

impl ExportFile {
    /// The file's JSON tree: envelope fields in a fixed order, then `data`.
    /// `data` holds the collections only: the version is the envelope's, and the sending
    /// office is the envelope's `office`.
    pub fn to_value(&self) -> Value {
        let mut data = serde_json::to_value(&self.data).expect("AppData always serializes");
        if let Some(obj) = data.as_object_mut() {
            obj.retain(|key, _| Collection::from_key(key).is_some());
        }
        serde_json::json!({
            "format": FORMAT,
            "schema_version": self.schema_version,
            "office": self.office,
            "exported_at": self.exported_at,
            "scope": self.scope,
            "data": data,
        })
    }

    /// Pretty-printed JSON, readable in any text editor.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).expect("JSON values always print")
    }
}

/// The file name for an export: `thidua_<office>_<content>_<yyyy-mm-dd>.json`, each part an
/// ASCII slug (diacritics folded, đ → d), e.g.
/// `thidua_ldld-huyen-ba-vi_cum-thi-dua-so-4-2023_2026-11-23.json`. Empty parts are left out.
pub fn file_name(office_name: &str, description: &str, date: NaiveDate) -> String {
    named_file(office_name, description, date, "json")
}

/// A file of another kind named as the exports are (`thidua_…_2026-11-30.docx`).
pub fn named_file(office_name: &str, description: &str, date: NaiveDate, extension: &str) -> String {
    let mut parts = vec!["thidua".to_string()];
    parts.extend(
        [slug(office_name), slug(description)]
            .into_iter()
            .filter(|s| !s.is_empty()),
    );
    parts.push(crate::domain::format::iso_date(date));
    format!("{}.{extension}", parts.join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_folds_vietnamese_into_an_ascii_slug() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            file_name("LĐLĐ huyện Ba Vì", "Cụm thi đua số 4 - 2023", date),
            "thidua_ldld-huyen-ba-vi_cum-thi-dua-so-4-2023_2026-11-23.json"
        );
        assert_eq!(file_name("  ", "Toàn bộ", date), "thidua_toan-bo_2026-11-23.json");
    }

    #[test]
    fn the_installations_own_office_stays_out_of_the_data() {
        let data = AppData {
            office: Some(crate::domain::data::Office {
                id: "ba-vi".into(),
                name: "LĐLĐ huyện Ba Vì".into(),
            }),
            ..AppData::default()
        };
        let file = export(
            &data,
            &Selection::everything(&data),
            Office {
                id: "ba-vi".into(),
                name: "LĐLĐ huyện Ba Vì".into(),
            },
            Scope {
                description: "Toàn bộ".into(),
            },
            chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        );
        assert_eq!(file.data.office, None);
        let value = file.to_value();
        let keys: Vec<&String> = value["data"].as_object().unwrap().keys().collect();
        assert!(keys.iter().all(|k| Collection::from_key(k).is_some()), "{keys:?}");
    }
}
