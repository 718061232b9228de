//! How much of the browser's localStorage the data uses, and a raw backup download.

use crate::domain::format;
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use leptos::prelude::*;

/// localStorage holds about 5 MiB per origin, counted in UTF-16 code units.
pub const LOCAL_STORAGE_QUOTA: usize = 5 * 1024 * 1024;

#[component]
pub fn StorageInfo() -> impl IntoView {
    let store = use_store();
    let notice = RwSignal::new(None::<Notice>);
    let used = Memo::new(move |_| {
        store.with(|_| ());
        store.stored_size()
    });
    let share = move || used.get() as f64 / LOCAL_STORAGE_QUOTA as f64 * 100.0;
    view! {
        <section class="card" aria-labelledby="luu-tru">
            <h2 id="luu-tru">"Bộ nhớ trình duyệt"</h2>
            <p>
                "Dữ liệu được lưu ngay trên trình duyệt này (localStorage), không gửi đi đâu. Dung lượng đang dùng: "
                <strong>{move || format!("{} KB", format::decimal(used.get() as f64 * 2.0 / 1024.0, 1))}</strong>
                " (" {move || format::percent(share())} " của khoảng 10 MB mà trình duyệt dành cho trang)."
            </p>
            <p>
                "Xóa dữ liệu duyệt web sẽ xóa luôn dữ liệu này: hãy thường xuyên tải bản sao lưu về máy."
            </p>
            <button
                type="button"
                on:click=move |_| {
                    let text = store.with_untracked(|d| serde_json::to_string_pretty(d).unwrap_or_default());
                    let name = format!("thidua-sao-luu-{}.json", crate::store::browser::today().format("%Y-%m-%d"));
                    notice.set(Some(match crate::store::download::download_text(&name, &text, "application/json") {
                        Ok(()) => Notice::Done(format!("Đã tải xuống bản sao lưu \"{name}\".")),
                        Err(e) => Notice::Failed(format!("Không tải xuống được: {e}")),
                    }));
                }
            >
                "Tải bản sao lưu"
            </button>
            <NoticeLine notice />
        </section>
    }
}
