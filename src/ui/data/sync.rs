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
    let office_id = move || store.head(|d| d.office.as_ref().map(|o| o.id.clone()));
    let problem = move || {
        sync.problem.get().map(|p| {
            let said = url.with(|u| wording::problem(&p, u.trim(), &origin));
            view! { <p class="notice error" role="alert">{said}</p> }
        })
    };

    view! {
        <section class="card" aria-labelledby="dong-bo">
            <h2 id="dong-bo">{text::SYNC_TITLE}</h2>
            <p>{text::SYNC_HINT}</p>
            <form on:submit=submit novalidate>
                <Field label=text::SYNC_URL value=url error=url_error input_type="url" autocomplete="url" placeholder="https://dongbo.ldld.hanoi.vn/thidua" />
                <Field label=text::SYNC_NAME value=name error=name_error input_type="text" autocomplete="username" placeholder="" />
                <Field label=text::SYNC_PASSWORD value=password error=password_error input_type="password" autocomplete="current-password" placeholder="" />
                <div class="actions">
                    <button type="submit" disabled=move || saving.pending()>{text::SYNC_CONNECT}</button>
                    <Show when=move || sync.on.get()>
                        <button type="button" class="secondary" on:click=move |_| sync.sync_now()>
                            {text::SYNC_NOW}
                        </button>
                        <button type="button" class="secondary" disabled=move || saving.pending() on:click=disconnect>
                            {text::SYNC_DISCONNECT}
                        </button>
                    </Show>
                </div>
            </form>
            <StatusLine status=sync.status />
            {problem}
            <crate::ui::widgets::status::NoticeLine notice />
            {move || office_id().map(|id| view! { <p class="hint">{text::SYNC_OFFICE_ID} <code>{id}</code></p> })}
            <RecordList title=text::SYNC_REFUSED_TITLE records=sync.refused refused=true />
            <RecordList title=text::SYNC_SKIPPED_TITLE records=sync.skipped refused=false />
        </section>
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
    placeholder: &'static str,
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
                placeholder=placeholder
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

/// Where sync stands, in words, with a bar while downloading.
#[component]
fn StatusLine(status: RwSignal<Status>) -> impl IntoView {
    move || {
        let (said, progress) = match status.get() {
            Status::Off => (text::SYNC_OFF.to_string(), None),
            Status::Connecting => (text::SYNC_CONNECTING.to_string(), None),
            Status::OtherTab => (wording::other_tab().to_string(), None),
            Status::Uploading { done, total } => (wording::uploading(done, total), Some((done, total))),
            Status::Downloading { done, total } => (wording::downloading(done, total), Some((done, total))),
            Status::Synced { at } => (wording::synced_at(&text::hour_minute(at)), None),
            Status::Offline { waiting } => (wording::offline(waiting), None),
            Status::NoStorage => (text::SYNC_NO_STORAGE.to_string(), None),
        };
        view! {
            <div class="import-progress">
                {progress.map(|(done, total)| view! {
                    <progress max=total value=done aria-label=text::SYNC_PROGRESS></progress>
                })}
                <p role="status">{said}</p>
            </div>
        }
    }
}

/// Records the server refused (kept here, not sent again until edited), or server documents
/// not taken in, each with its reason.
#[component]
fn RecordList(title: &'static str, records: RwSignal<Vec<(String, String)>>, refused: bool) -> impl IntoView {
    let store = use_store();
    move || {
        let items = records.get();
        (!items.is_empty()).then(|| {
            let lines: Vec<String> = items
                .iter()
                .map(|(doc_id, reason)| {
                    let name = parse_doc_id(doc_id)
                        .map(|(c, id)| store.untracked(&[c], |data| wording::record_name(data, c, id)))
                        .unwrap_or_else(|| doc_id.clone());
                    if refused {
                        wording::refused(&name, reason)
                    } else {
                        format!("{name}: {reason}")
                    }
                })
                .collect();
            view! {
                <h3>{title}</h3>
                <ul class="sync-records">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            }
        })
    }
}
