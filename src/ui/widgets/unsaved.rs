//! Input typed into a form and not saved is never dropped without a word. The shared form
//! fields mark such input (`data-typed`, see [`super::field`]); before the view changes —
//! another page, tab, unit or record through the hash, or closing the tab — the officer is
//! asked, and on "Hủy" stays where the input is.

use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// Set when a navigation was already confirmed, so its `hashchange` does not ask again.
    static APPROVED: Cell<bool> = const { Cell::new(false) };
}

const QUESTION: &str = "Bạn có dữ liệu đang nhập dở, chưa được lưu. Nếu rời đi, phần đang nhập sẽ mất.\n\n\
                        Vẫn rời đi và bỏ phần đang nhập?";

/// Whether a form on the page holds typed input it has not saved.
pub fn unsaved_input() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        // Only inside forms: list filters, pickers and view options are not data.
        .and_then(|d| d.query_selector("main form [data-typed]").ok().flatten())
        .is_some()
}

/// Whether the view may change now: nothing unsaved, or the officer agrees to drop it.
pub fn may_leave() -> bool {
    if APPROVED.with(|a| a.replace(false)) {
        return true;
    }
    !unsaved_input() || window().confirm_with_message(QUESTION).unwrap_or(true)
}

/// Goes to `hash` (e.g. from a picker) after [`may_leave`]; false when the officer stayed.
pub fn go(hash: &str) -> bool {
    if !may_leave() {
        return false;
    }
    go_approved(hash);
    true
}

/// Goes to `hash` after a save (or a deletion) that took the form's input: nothing typed is
/// lost, even if the form still shows it.
pub fn go_after_save(hash: &str) {
    go_approved(hash);
}

fn go_approved(hash: &str) {
    let current = window().location().hash().unwrap_or_default();
    if current != hash {
        APPROVED.with(|a| a.set(true));
        let _ = window().location().set_hash(hash);
    }
}

/// Asks the browser to confirm closing or reloading the tab while input is unsaved.
pub fn guard_closing_the_tab() {
    let handle = window_event_listener(leptos::ev::beforeunload, |ev| {
        if unsaved_input() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());
}
