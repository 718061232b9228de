//! "Chưa chia sẻ": when data was last exported and how many records changed since; a gentle
//! reminder in the header when unexported changes are older than a week.

use super::text;
use crate::domain::sync::unshared::REMIND_AFTER_DAYS;
use crate::domain::sync::{unshared, Unshared};
use crate::store::browser;
use crate::ui::route::Page;
use crate::ui::use_store;
use leptos::prelude::*;

fn current() -> Memo<Unshared> {
    let store = use_store();
    Memo::new(move |_| store.with(|d| unshared(d, d.sync.last_export, browser::now())))
}

#[component]
pub fn UnsharedPanel() -> impl IntoView {
    let store = use_store();
    let state = current();
    let last = move || {
        store.with(|d| match d.sync.last_export {
            Some(t) => format!("Lần xuất dữ liệu gần nhất: {}.", text::date_time(t)),
            None => "Máy này chưa xuất dữ liệu lần nào.".to_string(),
        })
    };
    let changed = move || {
        let u = state.get();
        if u.count == 0 {
            "Mọi thay đổi đã có trong tệp xuất gần nhất.".to_string()
        } else {
            format!(
                "{} bản ghi đã thay đổi từ đó mà chưa được xuất.",
                text::count(u.count)
            )
        }
    };
    view! {
        <section class="card" aria-labelledby="chua-chia-se">
            <h2 id="chua-chia-se">"Chưa chia sẻ"</h2>
            <p>{last}</p>
            <p>{changed}</p>
        </section>
    }
}

/// Shown in the header while unexported changes are older than a week.
#[component]
pub fn UnsharedReminder() -> impl IntoView {
    let state = current();
    move || {
        let u = state.get();
        u.reminder_due.then(|| {
            view! {
                <div class="banner info" role="status">
                    <p>
                        {format!(
                            "Có {} bản ghi thay đổi hơn {REMIND_AFTER_DAYS} ngày mà chưa được xuất ra tệp. Hãy xuất dữ liệu để gửi đi hoặc sao lưu.",
                            text::count(u.count)
                        )}
                    </p>
                    <a href=Page::Data.href()>"Xuất dữ liệu"</a>
                </div>
            }
        })
    }
}
