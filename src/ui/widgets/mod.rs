//! Shared widgets: labelled form fields with their errors, status lines.

pub mod field;
pub mod status;

pub use field::{DateField, SelectField, TextField};
pub use status::Notice;
