//! Long lists (thousands of units, dialogues, proposals) draw their first rows only, say how
//! many there are, and add more on request.

use crate::domain::format;
use leptos::prelude::*;

/// Rows drawn at a time in the long lists on a wide screen; "Hiện thêm" adds as many.
pub const PAGE_ROWS: usize = 200;
/// On a phone each row is a card of its own, several lines tall: a page of 200 would be a
/// scroll of metres, so a phone draws a few screens at a time.
pub const PHONE_ROWS: usize = 10;
/// The width up to which rows stack as cards (`style/main.css`, `table.stack`).
const PHONE_WIDTH: f64 = 640.0;

/// Whether the page is drawn for a phone: long lists page shorter and details start folded.
pub fn is_phone() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|width| width <= PHONE_WIDTH)
}

/// Rows drawn at a time on this screen.
pub fn page_rows() -> usize {
    if is_phone() {
        PHONE_ROWS
    } else {
        PAGE_ROWS
    }
}

/// How many rows a list shows: starts at [`page_rows`] and starts again there whenever the
/// filter changes.
pub fn page_limit<T: PartialEq + Send + Sync + 'static>(filter: Memo<T>) -> RwSignal<usize> {
    let first = page_rows();
    let limit = RwSignal::new(first);
    Effect::new(move |_| {
        filter.track();
        // Only when it grew: setting it anyway would run the search a second time.
        if limit.get_untracked() != first {
            limit.set(first);
        }
    });
    limit
}

/// "Hiện thêm": one more page of rows.
pub fn show_more(limit: RwSignal<usize>) {
    let step = page_rows();
    limit.update(|l| *l += step);
}

/// "Hiển thị 200/1.234 kiến nghị (tổng số 5.000)".
pub fn shown_of(shown: usize, matching: usize, all: usize, noun: &str) -> String {
    let mut out = format!(
        "Hiển thị {}/{} {noun}",
        format::integer(shown as i64),
        format::integer(matching as i64)
    );
    if matching != all {
        out.push_str(&format!(" (tổng số {})", format::integer(all as i64)));
    }
    out
}
