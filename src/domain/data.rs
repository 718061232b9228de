//! The whole data model of one installation, as stored in the browser and exchanged in files.

use super::dialogues::{Dialogue, Proposal};
use super::programmes::{AnnualReview, Programme};
use super::scoring::cluster::Cluster;
use super::scoring::indicators::UnitIndicators;
use super::scoring::scorecard::Scorecard;
use super::scoring::template::ScoringTemplate;
use super::units::Unit;
use crate::domain::sorting;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// This installation: a random stable id made on first save, and the office's name. An export
/// file names the office that made it with the same record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// This installation's sharing state (trao đổi dữ liệu). Kept at home: never part of an export.
/// Which records are in a file is read by [`crate::domain::exchange::unshared`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// When data was last exported to a file (lần xuất gần nhất), whole or a part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<DateTime<Utc>>,
    /// What that last export held. Missing in data of versions before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_content: Option<ExportContent>,
    /// When everything was last exported ("Toàn bộ dữ liệu"): every record as it was then is
    /// in a file. Versions before this field did not tell a part from the whole, so their
    /// exports cover nothing here (an officer is asked to export once more, never told that
    /// something is in a file when it may not be).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub everything_at: Option<DateTime<Utc>>,
    /// The records parts carried since then, by storage key (`units/<id>`): the `changed_at`
    /// of the version the file holds, in milliseconds since 1970 (compared for equality only;
    /// the same map type as `Meta::edits`, so the wasm carries no second copy of its code).
    /// Emptied by the next export of everything, so it stays as small as the parts exported
    /// in between.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub carried: BTreeMap<String, u64>,
}

/// What one export held, for "Chưa chia sẻ" to say it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportContent {
    /// The file's scope ("Toàn bộ dữ liệu", "Cụm thi đua số 4 - 2023").
    pub description: String,
    /// How many records it carried.
    pub records: usize,
    /// Whether it was everything.
    pub everything: bool,
}

impl SyncState {
    pub fn is_empty(&self) -> bool {
        *self == SyncState::default()
    }
}

/// The schema version this build writes; [`super::schema`] reads older ones and migrates them.
pub const CURRENT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppData {
    pub schema_version: u32,
    #[serde(default)]
    pub office: Option<Office>,
    /// Left out of the JSON while empty, so data that never exported reads as before.
    #[serde(default, skip_serializing_if = "SyncState::is_empty")]
    pub sync: SyncState,
    #[serde(default)]
    pub units: Vec<Unit>,
    /// Cụm thi đua, one record per cluster-year.
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    /// Chỉ tiêu năm của từng đơn vị.
    #[serde(default)]
    pub indicators: Vec<UnitIndicators>,
    /// Bảng điểm, one per cluster-year.
    #[serde(default)]
    pub templates: Vec<ScoringTemplate>,
    /// Phiếu chấm điểm, one per unit and cluster-year.
    #[serde(default)]
    pub scorecards: Vec<Scorecard>,
    /// Đối thoại. Absent in files written before dialogues existed: read as none.
    #[serde(default)]
    pub dialogues: Vec<Dialogue>,
    /// Kiến nghị, each pointing to its dialogue.
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    /// Chương trình phối hợp công tác. Absent in files written before programmes existed.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Hội nghị đánh giá hằng năm, each pointing to its programme.
    #[serde(default)]
    pub reviews: Vec<AnnualReview>,
}

impl Default for AppData {
    fn default() -> Self {
        Self {
            schema_version: CURRENT_VERSION,
            office: None,
            sync: SyncState::default(),
            units: Vec::new(),
            clusters: Vec::new(),
            indicators: Vec::new(),
            templates: Vec::new(),
            scorecards: Vec::new(),
            dialogues: Vec::new(),
            proposals: Vec::new(),
            programmes: Vec::new(),
            reviews: Vec::new(),
        }
    }
}

/// Why an office name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeNameError {
    Empty,
    /// Longer than [`OFFICE_NAME_MAX`] characters.
    TooLong,
}

/// Longest office name: it heads every export and the header.
pub const OFFICE_NAME_MAX: usize = 120;

impl AppData {
    /// Đặt tên cơ quan: names (or renames) this installation's office, trimmed.
    pub fn name_office(
        &mut self,
        name: &str,
        new_id: impl FnOnce() -> String,
    ) -> Result<(), OfficeNameError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(OfficeNameError::Empty);
        }
        if name.chars().count() > OFFICE_NAME_MAX {
            return Err(OfficeNameError::TooLong);
        }
        self.ensure_office(new_id);
        if let Some(office) = self.office.as_mut() {
            office.name = name.to_string();
        }
        Ok(())
    }

    /// The unit's display name (short name where given), or a marker for a unit that no longer
    /// exists here, so tables never show a bare id.
    pub fn unit_label(&self, id: &str) -> String {
        self.units
            .iter()
            .find(|u| u.meta.id == id)
            .map(|u| u.label().to_string())
            .unwrap_or_else(|| "(đơn vị không rõ)".to_string())
    }

    /// The unit's full name (or the same marker as [`AppData::unit_label`]).
    pub fn unit_name(&self, id: &str) -> String {
        self.units
            .iter()
            .find(|u| u.meta.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| "(đơn vị không rõ)".to_string())
    }

    /// The years of dated records: dialogues, cluster-years, indicators, annual reviews.
    fn data_years(&self) -> impl Iterator<Item = i32> + '_ {
        use super::record::live;
        use chrono::Datelike;
        live(&self.dialogues)
            .map(|d| d.date.year())
            .chain(live(&self.clusters).map(|c| c.year))
            .chain(live(&self.indicators).map(|i| i.year))
            .chain(live(&self.reviews).map(|r| r.year))
    }

    /// The year pages open on: the latest year that has data (a dialogue, a cluster-year, a
    /// unit's indicators, a programme's annual review), not later than `this_year`; `this_year`
    /// itself when there is no dated data yet. A newcomer with last year's data, or the sample,
    /// then sees figures at once instead of an empty current year.
    pub fn latest_year_with_data(&self, this_year: i32) -> i32 {
        self.data_years()
            .filter(|y| *y <= this_year)
            .max()
            .unwrap_or(this_year)
    }

    /// Every year with data, newest first, with `this_year` always among them: the choices of a
    /// year switch.
    pub fn years_with_data(&self, this_year: i32) -> Vec<i32> {
        let mut years: Vec<i32> = self.data_years().chain(std::iter::once(this_year)).collect();
        sorting::sort_by_key(&mut years, |y| std::cmp::Reverse(*y));
        years.dedup();
        years
    }

    /// The office of this installation, created with a fresh id the first time it is needed.
    pub fn ensure_office(&mut self, new_id: impl FnOnce() -> String) -> &Office {
        self.office.get_or_insert_with(|| Office {
            id: new_id(),
            name: String::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::sample::synthetic_proposals;

    #[test]
    fn the_sync_state_is_stored_only_once_there_is_one() {
        let mut data = AppData::default();
        assert!(serde_json::to_value(&data).unwrap().get("sync").is_none());
        data.sync.last_export = chrono::DateTime::from_timestamp(1_700_000_000, 0);
        let text = serde_json::to_string(&data).unwrap();
        assert!(text.contains("\"last_export\""));
        assert_eq!(serde_json::from_str::<AppData>(&text).unwrap(), data);
    }

    #[test]
    fn pages_open_on_the_latest_year_with_data_not_on_an_empty_calendar_year() {
        let mut data = AppData::default();
        assert_eq!(data.latest_year_with_data(2026), 2026);
        let stamp =
            crate::domain::record::Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        data = crate::domain::scoring::sample::cluster_4_2023_data(&stamp);
        assert_eq!(data.latest_year_with_data(2026), 2023);
        assert_eq!(data.years_with_data(2026), vec![2026, 2023]);
        // Data recorded ahead (a planned year) does not move pages past the current year.
        data.clusters[0].year = 2030;
        assert_eq!(data.latest_year_with_data(2026), 2023);
    }

    #[test]
    fn an_office_name_is_required_and_not_too_long() {
        let mut data = AppData::default();
        assert_eq!(data.name_office("  ", || "o".into()), Err(OfficeNameError::Empty));
        assert_eq!(
            data.name_office(&"x".repeat(121), || "o".into()),
            Err(OfficeNameError::TooLong)
        );
        assert!(data.office.is_none());
        data.name_office(" LĐLĐ huyện Ba Vì ", || "o".into()).unwrap();
        let office = data.office.clone().unwrap();
        assert_eq!(
            (office.id.as_str(), office.name.as_str()),
            ("o", "LĐLĐ huyện Ba Vì")
        );
    }

    #[test]
    fn files_without_dialogues_still_load() {
        let data: AppData = serde_json::from_str(r#"{"schema_version":1,"units":[]}"#).unwrap();
        assert!(data.dialogues.is_empty() && data.proposals.is_empty());
        assert!(data.programmes.is_empty() && data.reviews.is_empty());
    }

    #[test]
    fn dialogues_and_proposals_survive_a_round_trip() {
        let sample = synthetic_proposals(100, 3);
        let data = AppData {
            units: sample.units,
            dialogues: sample.dialogues,
            proposals: sample.proposals,
            ..AppData::default()
        };
        let text = serde_json::to_string(&data).unwrap();
        assert_eq!(serde_json::from_str::<AppData>(&text).unwrap(), data);
    }
}
