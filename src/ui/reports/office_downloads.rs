//! "Tải Word (.docx)" and "Tải Excel (.xlsx)" beside "In báo cáo": the same report as an
//! editable Word document, and its tables as a spreadsheet. The files are made by the office
//! worker (`store::office`), which loads on the first click.

use crate::domain::reports::{Document, Workbook};
use crate::domain::sync::file::named_file;
use crate::store::download::download_bytes;
use crate::store::office::{self, OfficeFile};
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

#[component]
pub fn OfficeDownloads(
    /// The report shown; nothing to download while it cannot be made.
    #[prop(into)]
    doc: Signal<Option<Document>>,
    #[prop(into)] office: Signal<String>,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<Outcome>);
    let today = crate::store::browser::today();
    let busy = move || matches!(outcome.get(), Some(Outcome::Working(_)));
    let download = move |file: OfficeFile| {
        let Some(doc) = doc.get_untracked() else {
            return;
        };
        let office = office.get_untracked();
        let name = named_file(&office, &doc.summary, today, file.extension());
        let json = match file {
            OfficeFile::Word => serde_json::to_string(&doc),
            OfficeFile::Excel => serde_json::to_string(&Workbook::of_document(&doc, &office, today)),
        }
        .unwrap_or_default();
        outcome.set(Some(Outcome::Working(file)));
        spawn_local(async move {
            let result = office::make(file, json)
                .await
                .and_then(|bytes| download_bytes(&name, &bytes, file.mime()).map_err(|e| e.to_string()));
            outcome.set(Some(match result {
                Ok(()) => Outcome::Saved(format!("Đã tạo tệp {} \"{name}\".", file_word(file))),
                Err(e) => Outcome::Failed(format!(
                    "Chưa tạo được tệp {}: {e}. Báo cáo vẫn in được bằng nút In báo cáo.",
                    file_word(file)
                )),
            }));
        });
    };
    let has_tables = move || doc.with(|d| d.as_ref().is_some_and(|d| d.tables().next().is_some()));
    view! {
        <button type="button" class="secondary" disabled=move || busy() || doc.with(Option::is_none)
            on:click=move |_| download(OfficeFile::Word)>
            "Tải Word (.docx)"
        </button>
        <Show when=has_tables>
            <button type="button" class="secondary" disabled=busy
                on:click=move |_| download(OfficeFile::Excel)>
                "Tải Excel (.xlsx)"
            </button>
        </Show>
        {move || outcome.get().map(|o| match o {
            Outcome::Working(file) => view! {
                <p class="hint" role="status">{format!("Đang tạo tệp {}…", file_word(file))}</p>
            }.into_any(),
            Outcome::Saved(text) => view! { <p class="hint" role="status">{text}</p> }.into_any(),
            Outcome::Failed(text) => view! { <p class="banner error" role="alert">{text}</p> }.into_any(),
        })}
    }
}
