//! "Chưa chia sẻ": when data was last exported and what that file held, how many records are
//! in no exported file yet (in words that fit: never exported, partly, everything); a gentle
//! reminder in the header when unexported changes are older than a week.

use super::text;
use crate::domain::exchange::unshared::REMIND_AFTER_DAYS;
use crate::domain::exchange::{Sharing, Unshared};
use crate::store::browser;
use crate::ui::route::Page;
use crate::ui::use_store;
use leptos::prelude::*;

fn current() -> Memo<Option<Unshared>> {
    let store = use_store();
    Memo::new(move |_| store.unshared(browser::now()))
}

/// The panel's two sentences: the last export, and what is not in a file.
fn sentences(data: &crate::domain::data::AppData, u: &Unshared) -> (String, String) {
    let last = match (data.sync.last_export, &data.sync.last_content) {
        (None, _) => "Máy này chưa xuất dữ liệu lần nào.".to_string(),
        (Some(t), Some(c)) if c.everything => format!(
            "Lần xuất dữ liệu gần nhất: {}, toàn bộ dữ liệu ({} bản ghi).",
            text::date_time(t),
            text::count(c.records)
        ),
        (Some(t), Some(c)) => format!(
            "Lần xuất dữ liệu gần nhất: {}, chỉ một phần: {} ({} bản ghi).",
            text::date_time(t),
            c.description,
            text::count(c.records)
        ),
        (Some(t), None) => format!("Lần xuất dữ liệu gần nhất: {}.", text::date_time(t)),
    };
    let state = match u.sharing {
        Sharing::NeverExported if u.total == 0 => "Chưa có bản ghi nào để xuất.".to_string(),
        Sharing::NeverExported => format!(
            "Cả {} bản ghi chưa có trong tệp xuất nào.",
            text::count(u.count)
        ),
        Sharing::Everything => format!(
            "Mọi bản ghi ({}) đã có trong tệp xuất, không còn thay đổi nào chưa xuất.",
            text::count(u.total)
        ),
        Sharing::Partly => format!(
            "{} trên {} bản ghi chưa có trong tệp xuất nào (chưa từng được xuất, hoặc đã sửa sau lần xuất gần nhất có chúng). Hãy xuất toàn bộ dữ liệu để gửi đi hoặc sao lưu.",
            text::count(u.count),
            text::count(u.total)
        ),
    };
    (last, state)
}

#[component]
pub fn UnsharedPanel() -> impl IntoView {
    let store = use_store();
    let state = current();
    let words = Memo::new(move |_| match state.get() {
        Some(u) => store.head(|d| sentences(d, &u)),
        None => (String::new(), "Đang đếm các bản ghi…".to_string()),
    });
    view! {
        <section class="card" aria-labelledby="chua-chia-se">
            <h2 id="chua-chia-se">"Chưa chia sẻ"</h2>
            <p>{move || words.get().0}</p>
            <p>{move || words.get().1}</p>
        </section>
    }
}

/// Shown in the header while unexported changes are older than a week.
#[component]
pub fn UnsharedReminder() -> impl IntoView {
    let state = current();
    move || {
        let u = state.get().filter(|u| u.reminder_due)?;
        Some(view! {
                <div class="banner info" role="status">
                    <p>
                        {format!(
                            "Có {} bản ghi thay đổi hơn {REMIND_AFTER_DAYS} ngày mà chưa được xuất ra tệp. Hãy xuất dữ liệu để gửi đi hoặc sao lưu.",
                            text::count(u.count)
                        )}
                    </p>
                    <a href=Page::Data.href()>"Xuất dữ liệu"</a>
                </div>
        })
    }
}
