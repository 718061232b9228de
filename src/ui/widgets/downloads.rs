//! The "In …" link of a page (its print view), and "Tải Word (.docx)" and "Tải Excel (.xlsx)": a report as an editable Word document and its
//! tables as a spreadsheet (beside "In báo cáo"), and every list as a spreadsheet with the rows
//! its filters chose. The files are made by the office worker (`store::office`), which loads on
//! the first click.

use crate::domain::exchange::file::named_file;
use crate::domain::reports::ReportRequest;
use crate::domain::reports::{Document, Table, Workbook};
use crate::store::download::download_bytes;
use crate::store::office::{self, OfficeFile};
use crate::ui::office_name;
use crate::ui::route::{href, Page};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Working(OfficeFile),
    Saved(String),
    Failed(String),
}

fn file_word(file: OfficeFile) -> &'static str {
    match file {
        OfficeFile::Word => "Word",
        OfficeFile::Excel => "Excel",
    }
}

/// One download at a time per place, with its progress and result said beside the buttons.
#[derive(Clone, Copy)]
struct Downloads {
    outcome: RwSignal<Option<Outcome>>,
}

impl Downloads {
    fn new() -> Self {
        Self {
            outcome: RwSignal::new(None),
        }
    }

    fn busy(self) -> bool {
        matches!(self.outcome.get(), Some(Outcome::Working(_)))
    }

    fn busy_untracked(self) -> bool {
        matches!(self.outcome.get_untracked(), Some(Outcome::Working(_)))
    }

    /// Makes the file from `json` (a document or a workbook) and downloads it as `name`; a
    /// click while a file is being made does nothing (the buttons stay focusable, so the
    /// keyboard's place is not lost).
    fn start(self, file: OfficeFile, name: String, json: String) {
        if self.busy_untracked() {
            return;
        }
        let outcome = self.outcome;
        outcome.set(Some(Outcome::Working(file)));
        spawn_local(async move {
            let result = office::make(file, json)
                .await
                .and_then(|bytes| download_bytes(&name, &bytes, file.mime()).map_err(|e| e.to_string()));
            outcome.set(Some(match result {
                Ok(()) => Outcome::Saved(format!("Đã tạo tệp {} \"{name}\".", file_word(file))),
                Err(e) => Outcome::Failed(format!("Chưa tạo được tệp {}: {e}.", file_word(file))),
            }));
        });
    }

    fn view(self) -> impl IntoView {
        move || {
            self.outcome.get().map(|o| match o {
                Outcome::Working(file) => {
                    view! { <p class="hint" role="status">{format!("Đang tạo tệp {}…", file_word(file))}</p> }
                        .into_any()
                }
                Outcome::Saved(text) => view! { <p class="hint" role="status">{text}</p> }.into_any(),
                Outcome::Failed(text) => view! { <p class="banner error" role="alert">{text}</p> }.into_any(),
            })
        }
    }
}

impl Downloads {
    /// The report as a Word document, or its tables as a workbook.
    fn report(self, file: OfficeFile, doc: &Document, office: &str, today: chrono::NaiveDate) {
        let name = named_file(office, &doc.summary, today, file.extension());
        let json = match file {
            // The file's properties: made now, by this office.
            OfficeFile::Word => {
                serde_json::to_string(&doc.clone().made(office, crate::store::browser::now()))
            }
            OfficeFile::Excel => serde_json::to_string(&Workbook::of_document(doc, office, today)),
        }
        .unwrap_or_default();
        self.start(file, name, json);
    }
}

/// A page's Word and Excel buttons beside its "In …" link: the report is made from the data
/// when clicked, not on every change.
#[component]
pub fn ReportDownloads(
    #[prop(into)] request: Signal<Option<crate::domain::reports::ReportRequest>>,
) -> impl IntoView {
    let downloads = Downloads::new();
    let store = crate::ui::use_store();
    let office = office_name();
    let today = crate::store::browser::today();
    let download = move |file: OfficeFile| {
        let Some(request) = request.get_untracked() else {
            return;
        };
        let office = office.get_untracked();
        let settings = crate::store::settings::report_settings(&office);
        match store.with_untracked(|d| request.build(d, &settings, today)) {
            Ok(doc) => downloads.report(file, &doc, &office, today),
            Err(e) => downloads
                .outcome
                .set(Some(Outcome::Failed(e.message().to_string()))),
        }
    };
    view! {
        <button type="button" class="secondary" aria-disabled=move || downloads.busy().to_string()
            on:click=move |_| download(OfficeFile::Word)>
            "Tải Word (.docx)"
        </button>
        <button type="button" class="secondary" aria-disabled=move || downloads.busy().to_string()
            on:click=move |_| download(OfficeFile::Excel)>
            "Tải Excel (.xlsx)"
        </button>
        {downloads.view()}
    }
}

/// The print view's Word and Excel buttons for the report shown.
#[component]
pub fn OfficeDownloads(
    /// The report shown; nothing to download while it cannot be made.
    #[prop(into)]
    doc: Signal<Option<Document>>,
) -> impl IntoView {
    let downloads = Downloads::new();
    let office = office_name();
    let today = crate::store::browser::today();
    let download = move |file: OfficeFile| {
        if let Some(doc) = doc.get_untracked() {
            downloads.report(file, &doc, &office.get_untracked(), today);
        }
    };
    let has_tables = move || doc.with(|d| d.as_ref().is_some_and(|d| d.tables().next().is_some()));
    view! {
        <button type="button" class="secondary" aria-disabled=move || (downloads.busy() || doc.with(Option::is_none)).to_string()
            on:click=move |_| download(OfficeFile::Word)>
            "Tải Word (.docx)"
        </button>
        <Show when=has_tables>
            <button type="button" class="secondary" aria-disabled=move || downloads.busy().to_string()
                on:click=move |_| download(OfficeFile::Excel)>
                "Tải Excel (.xlsx)"
            </button>
        </Show>
        {downloads.view()}
    }
}

const EXCEL: &str = "Tải Excel (.xlsx)";

/// A list's "Tải Excel (.xlsx)": the rows its filters chose, all of them (not only the page
/// shown), under a title row naming the office, `content` and the date.
#[component]
pub fn ExcelButton(
    /// What the list is, for the title row and the file name ("Danh sách kiến nghị").
    #[prop(into)]
    content: Signal<String>,
    /// The table, made when clicked.
    table: Callback<(), Table>,
    /// The button's words, when not "Tải Excel (.xlsx)".
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let downloads = Downloads::new();
    let office = office_name();
    let today = crate::store::browser::today();
    let download = move |_| {
        let (office, content) = (office.get_untracked(), content.get_untracked());
        let book = Workbook {
            title: crate::domain::reports::workbook::title_line(&office, &content, today),
            sheets: vec![table.run(())],
        };
        let name = named_file(&office, &content, today, OfficeFile::Excel.extension());
        downloads.start(
            OfficeFile::Excel,
            name,
            serde_json::to_string(&book).unwrap_or_default(),
        );
    };
    view! {
        <div class="excel-download">
            <button type="button" class="secondary" aria-disabled=move || downloads.busy().to_string()
                aria-label=move || format!("{} – {}", label.unwrap_or(EXCEL), content.get())
                on:click=download>
                {label.unwrap_or(EXCEL)}
            </button>
            {downloads.view()}
        </div>
    }
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
