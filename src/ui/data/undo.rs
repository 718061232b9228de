//! "Hoàn tác lần nhập gần nhất": puts back every record the last import wrote, as it was before.

use super::import::ImportState;
use super::text;
use crate::ui::use_store;
use crate::ui::widgets::{Notice, SaveButton};
use leptos::prelude::*;

/// The files of an import as the undo copy names them: one per line (several files imported
/// together; older copies name one).
fn files(names: &str) -> String {
    text::files_label(&names.split('\n').collect::<Vec<_>>())
}

#[component]
pub fn UndoPanel() -> impl IntoView {
    let state = expect_context::<ImportState>();
    let store = use_store();
    // The import's own save state: no undo while its save runs, and one undo per press.
    let saving = state.saving;
    let run = move |()| {
        let Some(copy) = state.undo.get_untracked() else {
            return;
        };
        saving.run(async move {
            match store.undo_import().await {
                Ok(()) => {
                    state.undo.set(None);
                    state.pending.set(None);
                    state.notice.set(Some(Notice::Done(format!(
                        "Đã hoàn tác lần nhập {}: các bản ghi lần nhập đó đã ghi trở lại như trước lúc {}.",
                        files(&copy.file_name),
                        text::date_time(copy.imported_at)
                    ))));
                }
                Err(problem) => state.notice.set(Some(Notice::Failed(format!(
                    "Không hoàn tác được ({}); dữ liệu hiện tại giữ nguyên.",
                    crate::ui::widgets::status::save_problem_text(&problem)
                )))),
            }
        });
    };
    move || {
        state.undo.get().map(|copy| {
            view! {
                <section class="card" aria-labelledby="hoan-tac">
                    <h2 id="hoan-tac">"Hoàn tác"</h2>
                    <p>
                        {format!(
                            "Lần nhập gần nhất: {} lúc {}. Hoàn tác sẽ đưa mọi bản ghi mà lần nhập đó đã ghi về đúng như trước; thay đổi sau đó trên chính các bản ghi này cũng mất, các bản ghi khác giữ nguyên.",
                            files(&copy.file_name),
                            text::date_time(copy.imported_at),
                        )}
                    </p>
                    <SaveButton saving class="secondary" label=text::UNDO_BUTTON on_press=Callback::new(run) />
                </section>
            }
        })
    }
}
