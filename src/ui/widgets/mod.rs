//! Shared widgets: labelled form fields with their errors, status lines, the update notice.

pub mod confirm;
pub mod debounce;
pub mod field;
pub mod status;
pub mod update_banner;

pub use confirm::ConfirmDelete;
pub use field::{CheckField, DateField, SelectField, TextArea, TextField};
pub use status::Notice;
pub use update_banner::UpdateBanner;
