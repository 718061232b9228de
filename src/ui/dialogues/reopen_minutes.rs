//! "Mở lại biên bản": signed minutes are locked; the only way to change them is a reopening
//! recorded on the dialogue (who, which office, when, why), by the domain's
//! [`signing::reopen`].

use super::{text, PageNotice};
use crate::domain::dialogues::dialogue::DialogueField;
use crate::domain::dialogues::signing;
use crate::domain::record::Id;
use crate::ui::use_store;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, SaveButton, Saving, TextField};
use leptos::prelude::*;

#[component]
pub fn ReopenMinutes(id: Id) -> impl IntoView {
    let store = use_store();
    let page_notice = expect_context::<PageNotice>().0;
    let by = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors = FieldErrors::<DialogueField>::new();
    let notice = RwSignal::new(None::<Notice>);
    let saving = Saving::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let (b, r, id) = (by.get_untracked(), reason.get_untracked(), id.clone());
        saving.run(async move {
            let result = store
                .commit(|data, stamp| signing::reopen(&mut data.dialogues, &id, &b, &r, stamp))
                .await;
            match result {
                Ok(()) => page_notice.set(Some(Notice::Done(
                    "Đã mở lại biên bản; lần mở lại đã được ghi nhận. Có thể sửa đối thoại.".into(),
                ))),
                Err(error) => errors.commit_failed(
                    error,
                    |refused| refused.into_iter().map(|e| (e.field(), text::dialogue_error(&e))),
                    notice,
                ),
            }
        });
    };
    view! {
        <form class="inline-form reopen" on:submit=submit aria-label="Mở lại biên bản" novalidate>
            <h3>"Mở lại biên bản"</h3>
            <p>{text::MINUTES_LOCKED_HERE}</p>
            <div class="grid">
                <TextField label="Người mở lại biên bản" value=by error=errors.of(DialogueField::ReopenBy) />
                <TextField label="Lý do mở lại biên bản" value=reason error=errors.of(DialogueField::ReopenReason) />
            </div>
            <div class="actions">
                <SaveButton saving label="Mở lại biên bản" />
            </div>
            <NoticeLine notice />
        </form>
    }
}
