//! Vietnamese wording for units: kinds and validation messages.

/// Kinds are named by the domain, shared with the spreadsheets.
pub use crate::domain::units::kind_name;

/// Unit errors are worded in the domain: the import refuses files by the same words.
pub use crate::domain::units::error_message;

/// Cluster errors are worded in the domain: the import refuses files by the same words.
pub use crate::domain::scoring::wording::cluster_error;
