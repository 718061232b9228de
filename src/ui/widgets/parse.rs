//! The forms read typed text through the domain's parsers ([`crate::domain::parse`]), which the
//! spreadsheet import shares, so a form and a sheet refuse the same text with the same words.
pub use crate::domain::parse::*;
