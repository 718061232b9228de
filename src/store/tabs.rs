//! Two tabs of the app on one browser. Every change is logged in IndexedDB; after saving, a
//! tab writes the change's number under [`CHANGED_KEY`], and the `storage` event (fired in every
//! *other* tab, also for `file://` pages) makes them take in what changed. Edits in progress live
//! in form signals, not in the data model, so taking changes in never loses typing.

use super::{local, Store};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANGED_KEY: &str = "thidua:changed";

pub fn tell_other_tabs(change_number: f64) {
    // The log's numbers are whole: written as an integer, so the wasm needs no float printing.
    let _ = local::write(CHANGED_KEY, &(change_number as u64).to_string());
}

pub fn follow_other_tabs(store: Store) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // `key` is None when another tab cleared all storage.
        if ev.key().is_none_or(|k| k == CHANGED_KEY) {
            leptos::task::spawn_local(async move { store.follow_other_tabs().await });
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}

/// A newer version of the app opened the database to change its layout: this tab lets go of it
/// (its next save then reports that it could not be stored) instead of blocking the upgrade.
pub fn close_when_upgraded(db: &web_sys::IdbDatabase) {
    let closing = db.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || closing.close());
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}
