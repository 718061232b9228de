//! Shared widgets: labelled form fields with their errors, the save button, status lines, the
//! "In …" links with their Word and Excel downloads, the update notice.

pub mod confirm;
pub mod debounce;
pub mod downloads;
pub mod field;
pub mod focus;
pub mod form;
pub mod input;
pub mod paging;
pub mod parse;
pub mod picker;
pub mod remembered;
pub mod reopen_choice;
pub mod save;
pub mod status;
pub mod svg;
pub mod unsaved;
pub mod update_banner;
pub mod year_switch;

pub use confirm::{ConfirmAction, ConfirmDelete};
pub use downloads::{print_href, ExcelButton, PrintLink};
pub use field::{CheckField, Choice, SelectField, TextArea, TextField};
pub use picker::PickField;
pub use save::{SaveButton, Saving};
pub use status::Notice;
pub use update_banner::UpdateBanner;
