//! Vietnamese wording for units: kinds and validation messages.

use crate::domain::units::UnitKind;

/// Kinds are named by the domain, shared with the spreadsheets.
pub use crate::domain::units::kind_name;

pub fn kind_slug(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::City => "city",
        UnitKind::District => "district",
        UnitKind::Sector => "sector",
        UnitKind::Grassroots => "grassroots",
        UnitKind::Other => "other",
    }
}

pub fn kind_from_slug(slug: &str) -> UnitKind {
    UnitKind::ALL
        .into_iter()
        .find(|k| kind_slug(*k) == slug)
        .unwrap_or(UnitKind::Other)
}

/// Unit errors are worded in the domain: the import refuses files by the same words.
pub use crate::domain::units::error_message;

/// Cluster errors are worded in the domain: the import refuses files by the same words.
pub use crate::domain::scoring::wording::cluster_error;
