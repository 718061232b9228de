//! The whole data model of one installation, as stored in the browser and exchanged in files.

use super::units::Unit;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppData {
    pub schema_version: u32,
    #[serde(default)]
    pub units: Vec<Unit>,
}

impl Default for AppData {
    fn default() -> Self {
        Self {
            schema_version: super::schema::CURRENT_VERSION,
            units: Vec::new(),
        }
    }
}
