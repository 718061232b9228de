//! Leptos UI: the app shell with hash routing, one folder per page, shared widgets.

pub mod app;
pub mod data;
pub mod dialogues;
pub mod overview;
pub mod programmes;
pub mod recovery;
pub mod reports;
pub mod route;
pub mod scoring;
pub mod units;
pub mod widgets;

use crate::store::Store;
use leptos::prelude::*;

/// Mounts the app, or the recovery screen when the stored data cannot be read. The offline
/// copy (service worker) is set up either way: the recovery screen must open offline too.
pub fn start() {
    console_error_panic_hook::set_once();
    let update = crate::store::offline::start();
    // IndexedDB answers asynchronously: the app mounts once the data is loaded.
    // Leptos' own executor starts with the mount, so this first task uses wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let opened = Store::open().await;
        // "Đang mở dữ liệu…" (index.html) stays until the data is read: a city's takes seconds.
        if let Some(opening) = document().get_element_by_id("dang-mo") {
            opening.remove();
        }
        leptos::mount::mount_to_body(move || match opened.clone() {
            Ok(store) => {
                provide_context(update);
                view! { <app::App store /> }.into_any()
            }
            Err(problem) => view! { <recovery::Recovery problem /> }.into_any(),
        });
    });
}

/// The store provided by [`app::App`].
pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// The office's name, or "" while it has none.
pub fn office_name() -> Signal<String> {
    let store = use_store();
    Signal::derive(move || store.head(|d| d.office.as_ref().map(|o| o.name.clone()).unwrap_or_default()))
}
