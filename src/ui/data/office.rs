//! This office's name (tên cơ quan): asked for on first start, shown in the header, and sent in
//! every export. The installation id itself is made by the store on the first save.

use super::text;
use crate::domain::data::OfficeNameError;
use crate::store::CommitError;
use crate::ui::route::Page;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Notice, SaveButton, Saving, TextField};
use crate::ui::{office_name, use_store};
use leptos::prelude::*;

/// The name in the header, once there is one.
#[component]
pub fn OfficeName() -> impl IntoView {
    let name = office_name();
    move || {
        let name = name.get();
        (!name.is_empty()).then(|| view! { <span class="office-name">{name}</span> })
    }
}

/// A gentle banner in the shell until the office is named.
#[component]
pub fn OfficeBanner() -> impl IntoView {
    let name = office_name();
    move || {
        name.with(String::is_empty).then(|| {
            view! {
                <div class="banner info" role="status">
                    <p>{text::OFFICE_BANNER}</p>
                    <a href=Page::Data.href()>"Đặt tên cơ quan"</a>
                </div>
            }
        })
    }
}

/// The form naming (or renaming) this office.
#[component]
pub fn OfficeForm() -> impl IntoView {
    let store = use_store();
    let current = office_name();
    let name = RwSignal::new(current.get_untracked());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Notice>);
    let saving = Saving::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let typed = name.get_untracked().trim().to_string();
        saving.run(async move {
            let result = store
                .commit(|data, _| data.name_office(&typed, crate::store::browser::new_id))
                .await;
            match result {
                Ok(()) => {
                    name.set(typed.clone());
                    notice.set(Some(Notice::Done(format!("Đã lưu tên cơ quan \"{typed}\"."))));
                }
                Err(CommitError::Invalid(e)) => {
                    error.set(Some(
                        match e {
                            OfficeNameError::Empty => text::OFFICE_EMPTY,
                            OfficeNameError::TooLong => text::OFFICE_TOO_LONG,
                        }
                        .to_string(),
                    ));
                    crate::ui::widgets::focus::first_invalid();
                }
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };
    view! {
        <form class="card" on:submit=submit aria-label=text::OFFICE_TITLE novalidate>
            <h2>{text::OFFICE_TITLE}</h2>
            <Show when=move || current.with(String::is_empty)>
                <p class="prompt">{text::OFFICE_PROMPT}</p>
            </Show>
            <TextField label=text::OFFICE_LABEL value=name error=error required=true placeholder="LĐLĐ huyện Ba Vì" />
            <div class="actions">
                <SaveButton saving label={text::OFFICE_SAVE} />
            </div>
            <NoticeLine notice />
        </form>
    }
}
