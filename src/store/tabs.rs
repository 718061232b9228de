//! Two tabs of the app on one browser: the `storage` event fires in every *other* tab when one
//! saves, and this tab takes the new data — or, if that save replaced its own (two saves in the
//! same instant), merges its records back first (see `Store::follow_other_tab`). Edits in
//! progress live in form signals, not in the data model, so adopting never loses typing; and
//! `Store::commit` re-reads storage before writing, so a stale copy is never written back.

use super::local::DATA_KEY;
use super::Store;
use leptos::prelude::*;

pub fn follow_other_tabs(store: Store) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // `key` is None when another tab cleared all storage.
        let ours = ev.key().is_none_or(|k| k == DATA_KEY);
        if ours {
            let _ = store.follow_other_tab();
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}
