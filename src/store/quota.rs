//! How much storage the app uses and whether the browser keeps it: `navigator.storage.estimate()`
//! and `navigator.storage.persist()`.
//! Everything degrades to "unknown" (`None`) where the browser lacks the API (old browsers,
//! some `file://` pages); nothing here ever throws into the app.

use crate::domain::quota::Usage;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser promised not to evict this origin's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Kept until the officer clears it.
    Persistent,
    /// The browser may clear it under disk pressure (or after weeks unused, in Safari).
    BestEffort,
    /// This browser or page cannot tell (no `navigator.storage`).
    Unknown,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!has.is_undefined() && !has.is_null()).then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

fn persistence(answer: Option<JsValue>) -> Persistence {
    match answer.and_then(|v| v.as_bool()) {
        Some(true) => Persistence::Persistent,
        Some(false) => Persistence::BestEffort,
        None => Persistence::Unknown,
    }
}

/// The current state, without asking the officer anything.
pub async fn persisted() -> Persistence {
    let Some(manager) = storage_manager() else {
        return Persistence::Unknown;
    };
    persistence(ask(manager.persisted()).await)
}

/// Asks the browser to keep the data. Chromium decides silently (more likely for an installed
/// or often used app); Firefox asks the officer once and remembers the answer.
pub async fn request_persistence() -> Persistence {
    let Some(manager) = storage_manager() else {
        return Persistence::Unknown;
    };
    match persistence(ask(manager.persisted()).await) {
        Persistence::BestEffort => persistence(ask(manager.persist()).await),
        known => known,
    }
}

/// The origin's disk use and quota in bytes (IndexedDB, the offline copy of the app kept by the
/// service worker, …), where the browser tells.
pub async fn estimate() -> Option<Usage> {
    let answer = ask(storage_manager()?.estimate()).await?;
    let number = |name: &str| {
        js_sys::Reflect::get(&answer, &JsValue::from_str(name))
            .ok()?
            .as_f64()
    };
    Some(Usage {
        usage: number("usage")?,
        quota: number("quota")?,
    })
}

/// Asks the browser to keep the data (see [`request_persistence`]) once, as soon as there is
/// data to keep: asking on an empty first visit would show Firefox's prompt for nothing.
pub fn ask_to_keep_once_data_exists(store: super::Store) {
    use leptos::prelude::*;
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let has_data = store.has_data();
        if has_data {
            wasm_bindgen_futures::spawn_local(async {
                request_persistence().await;
            });
        }
        has_data
    });
}

/// The origin's usage and quota, measured again after every save (`None` until the browser
/// answers, or where it cannot tell). One per app, shared by context.
#[derive(Clone, Copy)]
pub struct UsageWatch(pub leptos::prelude::RwSignal<Option<Usage>>);

pub fn watch_usage(store: super::Store) -> UsageWatch {
    use leptos::prelude::*;
    let usage = RwSignal::new(None);
    Effect::new(move |_| {
        store.track_every_change();
        wasm_bindgen_futures::spawn_local(async move { usage.set(estimate().await) });
    });
    UsageWatch(usage)
}
