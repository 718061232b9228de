//! Two tabs of the app on one browser: the `storage` event fires in every *other* tab when one
//! saves, and this tab adopts the new data. Edits in progress live in form signals, not in the
//! data model, so adopting never loses typing; and `Store::commit` re-reads storage before
//! writing, so a stale copy is never written back.

use super::local::DATA_KEY;
use super::Store;
use leptos::prelude::*;

pub fn follow_other_tabs(store: Store) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // `key` is None when another tab cleared all storage.
        let ours = ev.key().is_none_or(|k| k == DATA_KEY);
        if ours {
            store.adopt(ev.new_value());
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(handle);
}
