//! Exchanging data between offices as JSON files (trao đổi dữ liệu giữa các đơn vị).
//!
//! Officers send each other export files by email or USB stick. This module is the pure part:
//! - [`file`](mod@file): the export envelope, choosing what goes in it, and the file name;
//! - [`validate`](mod@validate): reading a received file into an [`validate::Incoming`] or a precise
//!   [`validate::ImportError`];
//! - [`merge`]: comparing records by version vector and building a [`merge::MergePlan`] that the
//!   UI previews before [`collections::DataPlan::apply`];
//! - [`batch`]: several received files imported together, merged in export order;
//! - [`scopes`]: the parts an officer can export (one cluster-year, one programme…);
//! - [`unshared`](mod@unshared): how much has changed since the last export, and whether to remind;
//! - [`collections`]: the ONE list of exchanged collections. Adding a collection to
//!   [`AppData`](super::data::AppData) means adding one line there;
//! - [`hooks`]: each collection's references and range checks, one file per collection.
//!
//! The file format is described for tool writers in `docs/file-format.md` and
//! `docs/export.schema.json` (kept in step with these types by a test).

pub mod batch;
#[cfg(not(all(target_arch = "wasm32", feature = "app")))]
mod field_path;
pub mod file;
mod float_range;
pub mod fuzz;
pub mod hooks;
pub mod json_text;
pub mod merge;
#[cfg(test)]
mod props;
#[cfg(test)]
mod schema_doc;
pub mod scopes;
pub mod text_problem;
pub mod unshared;
pub mod validate;
pub mod wording;

pub use crate::domain::collections::{Collection, DataPlan, Overrides};
pub use file::{export, file_name, ExportFile, Office, Scope, Selection, FORMAT};
pub use hooks::{Hooks, Lookup, RangeIssue, Reference, RuleIssue};
pub use merge::{Choice, Conflict, MergePlan};
pub use unshared::{unshared, Exported, Sharing, Unshared};
pub use validate::{validate, At, Expected, ImportError, Incoming, MAX_IMPORT_BYTES};
