//! The whole data model of one installation, as stored in the browser and exchanged in files.

use super::dialogues::{Dialogue, Proposal};
use super::units::Unit;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppData {
    pub schema_version: u32,
    #[serde(default)]
    pub units: Vec<Unit>,
    /// Đối thoại. Absent in files written before dialogues existed: read as none.
    #[serde(default)]
    pub dialogues: Vec<Dialogue>,
    /// Kiến nghị, each pointing to its dialogue.
    #[serde(default)]
    pub proposals: Vec<Proposal>,
}

impl Default for AppData {
    fn default() -> Self {
        Self {
            schema_version: super::schema::CURRENT_VERSION,
            units: Vec::new(),
            dialogues: Vec::new(),
            proposals: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::sample::synthetic_proposals;

    #[test]
    fn files_without_dialogues_still_load() {
        let data: AppData = serde_json::from_str(r#"{"schema_version":1,"units":[]}"#).unwrap();
        assert!(data.dialogues.is_empty() && data.proposals.is_empty());
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
