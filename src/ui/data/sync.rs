//! "Đồng bộ qua máy chủ": the CouchDB database this office syncs with, the login, where sync
//! stands (a status line, a progress bar on long work), what failed and which records the
//! server refused. The work itself is `store::sync`'s; the words are `domain::sync::wording`'s.

use super::text;
use crate::domain::sync::document::parse_doc_id;
use crate::domain::sync::wording;
use crate::store::sync::{saved_address, ConnectError, Status, Sync};
use crate::ui::use_store;
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::{Notice, Saving};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;

#[component]
pub fn SyncSection() -> impl IntoView {
    let sync = expect_context::<Sync>();
    let store = use_store();
    let (saved_url, saved_name) = saved_address();
    let url = RwSignal::new(saved_url);
    let name = RwSignal::new(saved_name);
    let password = RwSignal::new(String::new());
    let url_error = RwSignal::new(None::<String>);
    let name_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Notice>);
    let saving = Saving::new();
    let origin = window().location().origin().unwrap_or_default();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        url_error.set(None);
        name_error.set(
            name.with_untracked(|n| n.trim().is_empty())
                .then(|| text::SYNC_NAME_EMPTY.to_string()),
        );
        password_error.set(
            password
                .with_untracked(String::is_empty)
                .then(|| text::SYNC_PASSWORD_EMPTY.to_string()),
        );
        if name_error.with_untracked(Option::is_some) || password_error.with_untracked(Option::is_some) {
            crate::ui::widgets::focus::first_invalid();
            return;
        }
        saving.run(async move {
            let (typed, user, secret) = (
                url.get_untracked(),
                name.get_untracked(),
                password.get_untracked(),
            );
            match sync.connect(&typed, &user, &secret).await {
                Ok(()) => password.set(String::new()),
                Err(ConnectError::Address(message)) => {
                    url_error.set(Some(message.to_string()));
                    crate::ui::widgets::focus::first_invalid();
                }
                // Said by the alert of `Sync::problem`.
                Err(ConnectError::Server(_)) => {}
            }
        });
    };
    let disconnect = move |_| {
        saving.run(async move {
            sync.disconnect().await;
            notice.set(Some(Notice::Done(text::SYNC_DISCONNECTED.into())));
        });
    };
    // Everything that changes, drawn by one closure of plain lines: a section shown on one
    // page does not need finer updates, and each separate reactive piece costs wasm.
    let lines = move || {
        let mut out = Vec::new();
        let status = sync.status.get();
        if let Some((done, total)) = progress_of(&status) {
            out.push(
                view! { <progress class="sync-progress" max=total value=done aria-label=text::SYNC_PROGRESS></progress> }
                    .into_any(),
            );
        }
        out.push(line("notice", Some("status"), status_text(&status)));
        if let Some(p) = sync.problem.get() {
            let said = url.with(|u| wording::problem(&p, u.trim(), &origin));
            out.push(line("notice error", Some("alert"), said));
        }
        if let Some(id) = store.head(|d| d.office.as_ref().map(|o| o.id.clone())) {
            out.push(view! { <p class="hint">{text::SYNC_OFFICE_ID} <code>{id}</code></p> }.into_any());
        }
        for (title, records, refused) in [
            (text::SYNC_REFUSED_TITLE, sync.refused, true),
            (text::SYNC_SKIPPED_TITLE, sync.skipped, false),
        ] {
            records.with(|records| {
                if !records.is_empty() {
                    out.push(line("subtitle", None, title.to_string()));
                }
                for (doc_id, reason) in records {
                    out.push(line(
                        "sync-record",
                        None,
                        record_line(store, doc_id, reason, refused),
                    ));
                }
            });
        }
        out
    };

    view! {
        <section class="card" aria-labelledby="dong-bo">
            <h2 id="dong-bo">{text::SYNC_TITLE}</h2>
            <p>{text::SYNC_HINT}</p>
            <form on:submit=submit novalidate>
                <Field label=text::SYNC_URL value=url error=url_error input_type="url" autocomplete="url" />
                <Field label=text::SYNC_NAME value=name error=name_error input_type="text" autocomplete="username" />
                <Field label=text::SYNC_PASSWORD value=password error=password_error input_type="password" autocomplete="current-password" />
                <div class="actions">
                    <button type="submit" disabled=move || saving.pending()>{text::SYNC_CONNECT}</button>
                    <button type="button" class="secondary" hidden=move || !sync.on.get() on:click=move |_| sync.sync_now()>
                        {text::SYNC_NOW}
                    </button>
                    <button type="button" class="secondary" hidden=move || !sync.on.get() disabled=move || saving.pending() on:click=disconnect>
                        {text::SYNC_DISCONNECT}
                    </button>
                </div>
            </form>
            {lines}
            <crate::ui::widgets::status::NoticeLine notice />
        </section>
    }
}

/// One line of the section.
fn line(class: &'static str, role: Option<&'static str>, said: String) -> AnyView {
    view! { <p class=class role=role>{said}</p> }.into_any()
}

/// Where sync stands, in words.
fn status_text(status: &Status) -> String {
    match status {
        Status::Off => text::SYNC_OFF.to_string(),
        Status::Connecting => text::SYNC_CONNECTING.to_string(),
        Status::OtherTab => wording::other_tab().to_string(),
        Status::Uploading { done, total } => wording::uploading(*done, *total),
        Status::Downloading { done, total } => wording::downloading(*done, *total),
        Status::Synced { at } => wording::synced_at(&text::hour_minute(*at)),
        Status::Offline { waiting } => wording::offline(*waiting),
        Status::Paused => text::SYNC_PAUSED.to_string(),
        Status::NoStorage => text::SYNC_NO_STORAGE.to_string(),
    }
}

/// The progress of long work, for the bar.
fn progress_of(status: &Status) -> Option<(usize, usize)> {
    match status {
        Status::Uploading { done, total } | Status::Downloading { done, total } => Some((*done, *total)),
        _ => None,
    }
}

/// A record the server refused (kept here, not sent again until edited) or a server document
/// not taken in, by the name officers know, with the reason.
fn record_line(store: crate::store::Store, doc_id: &str, reason: &str, refused: bool) -> String {
    let name = parse_doc_id(doc_id)
        .map(|(c, id)| store.untracked(&[c], |data| wording::record_name(data, c, id)))
        .unwrap_or_else(|| doc_id.to_string());
    if refused {
        wording::refused(&name, reason)
    } else {
        format!("{name}: {reason}")
    }
}

/// One labelled input; its error under it as an alert, tied by `aria-describedby`.
#[component]
fn Field(
    label: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    input_type: &'static str,
    autocomplete: &'static str,
) -> impl IntoView {
    let id = next_id("dong-bo");
    let error_id = format!("{id}-loi");
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=input_type
                autocomplete=autocomplete
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            />
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
