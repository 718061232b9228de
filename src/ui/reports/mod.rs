//! Official reports: the report settings form (on *Dữ liệu*) and the print view (`#/in/…`, no
//! app chrome, A4). What a report says is built in `domain::reports`; the "In …" links and the
//! Word and Excel buttons the pages offer are shared widgets (`widgets::downloads`).

mod document_view;
pub mod print_view;
pub mod settings_form;
