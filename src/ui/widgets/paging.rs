//! Long lists (thousands of units, dialogues, proposals) draw their first rows only, say how
//! many there are, and add more on request.

use crate::domain::format;
use leptos::prelude::*;

/// Rows drawn at a time in the long lists; "Hiện thêm" adds as many.
pub const PAGE_ROWS: usize = 200;

/// How many rows a list shows: starts at [`PAGE_ROWS`] and starts again there whenever the
/// filter changes.
pub fn page_limit<T: PartialEq + Send + Sync + 'static>(filter: Memo<T>) -> RwSignal<usize> {
    let limit = RwSignal::new(PAGE_ROWS);
    Effect::new(move |_| {
        filter.track();
        // Only when it grew: setting it anyway would run the search a second time.
        if limit.get_untracked() != PAGE_ROWS {
            limit.set(PAGE_ROWS);
        }
    });
    limit
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
