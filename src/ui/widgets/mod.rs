//! Shared widgets: labelled form fields with their errors, status lines.

pub mod field;
pub mod status;

pub use field::{CheckField, DateField, SelectField, TextArea, TextField};
pub use status::Notice;
