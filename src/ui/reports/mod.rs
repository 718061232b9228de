//! Official reports: the report settings form (on *Dữ liệu*), the print view (`#/in/…`, no app
//! chrome, A4) and the "In báo cáo" links the pages offer. What a report says is built in
//! `domain::reports`.

mod document_view;
mod office_downloads;

pub use office_downloads::{ExcelButton, ReportDownloads};
pub mod print_view;
pub mod settings_form;

use crate::domain::reports::{ReportRequest, ReportSettings};
use crate::store::settings;
use crate::ui::route::{href, Page};
use leptos::prelude::*;

/// The setting holding the report settings, as JSON.
const REPORT_SETTINGS: &str = "reports";

/// This installation's report settings; until saved, the usual lines and the office's name.
pub fn report_settings(office_name: &str) -> ReportSettings {
    settings::get(REPORT_SETTINGS)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_else(|| ReportSettings::for_office(office_name))
}

fn save_report_settings(s: &ReportSettings) -> Result<(), crate::store::local::StorageError> {
    settings::set(REPORT_SETTINGS, &serde_json::to_string(s).unwrap_or_default())
}

/// The print view's address for `request`.
pub fn print_href(request: &ReportRequest) -> String {
    let segments = request.segments();
    let rest: Vec<&str> = segments.iter().map(String::as_str).collect();
    href(Page::Print, &rest)
}

/// A page's "In …" link, which opens the report's print view, with the same report's Word and
/// Excel downloads beside it.
#[component]
pub fn PrintLink(
    /// What the link opens; `None` hides it (nothing to report yet).
    #[prop(into)]
    request: Signal<Option<ReportRequest>>,
    /// What it prints, as the link says it ("In biên bản đối thoại").
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    move || {
        request.get().map(|r| {
            view! {
                <div class="report-ways" role="group" aria-label=format!("Báo cáo: {}", label.get())>
                    <a class="button print-link" href=print_href(&r)>
                        {label.get()}
                    </a>
                    <ReportDownloads request=request />
                </div>
            }
        })
    }
}
