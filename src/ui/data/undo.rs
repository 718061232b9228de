//! "Hoàn tác lần nhập gần nhất": puts back the data exactly as it was before the last import.

use super::import::ImportState;
use super::text;
use crate::store::undo;
use crate::ui::use_store;
use crate::ui::widgets::Notice;
use leptos::prelude::*;

#[component]
pub fn UndoPanel() -> impl IntoView {
    let state = expect_context::<ImportState>();
    let store = use_store();
    let run = move |_| {
        let Some(copy) = state.undo.get_untracked() else {
            return;
        };
        match store.restore_text(copy.previous.clone()) {
            Ok(()) => {
                let _ = undo::clear();
                state.undo.set(None);
                state.pending.set(None);
                state.notice.set(Some(Notice::Done(format!(
                    "Đã hoàn tác lần nhập tệp \"{}\": dữ liệu trở lại như trước lúc {}.",
                    copy.file_name,
                    text::date_time(copy.imported_at)
                ))));
            }
            Err(problem) => state.notice.set(Some(Notice::Failed(format!(
                "Không hoàn tác được ({problem:?}); dữ liệu hiện tại giữ nguyên."
            )))),
        }
    };
    move || {
        state.undo.get().map(|copy| {
            view! {
                <section class="card" aria-labelledby="hoan-tac">
                    <h2 id="hoan-tac">"Hoàn tác"</h2>
                    <p>
                        {format!(
                            "Lần nhập gần nhất: tệp \"{}\" lúc {}. Hoàn tác sẽ đưa dữ liệu về đúng như trước lần nhập đó; mọi thay đổi sau đó cũng mất.",
                            copy.file_name,
                            text::date_time(copy.imported_at),
                        )}
                    </p>
                    <button type="button" class="secondary" on:click=run>
                        {text::UNDO_BUTTON}
                    </button>
                </section>
            }
        })
    }
}
