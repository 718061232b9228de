//! The print view (`#/in/<báo cáo>/…`): the report alone, without the app's header, navigation
//! or banners, so the browser prints it (or saves it as PDF) as the document itself. A bar on
//! screen (hidden in print) offers printing and the way back.

use super::document_view::DocumentView;
use crate::domain::collections::Collection;
use crate::domain::reports::ReportRequest;
use crate::store::settings::report_settings;
use crate::ui::office_name;
use crate::ui::route::{Page, Route};
use crate::ui::use_store;
use crate::ui::widgets::downloads::OfficeDownloads;
use leptos::prelude::*;

#[component]
pub fn PrintView() -> impl IntoView {
    let store = use_store();
    let route = expect_context::<ReadSignal<Route>>();
    let office = office_name();
    let today = crate::store::browser::today();
    let made = Memo::new(move |_| {
        let request = route.with(|r| ReportRequest::parse(&r.rest));
        let settings = report_settings(&office.get());
        // Every record collection; the office's name comes through `office` (the head).
        request.map(|r| store.tracked(Collection::ALL, |d| r.build(d, &settings, today)))
    });
    let shown = Signal::derive(move || made.get().and_then(Result::ok));
    // Header lines still missing: said on screen (the bar does not print).
    let incomplete = move || !report_settings(&office.get()).validate().is_empty();
    let print = move |_| {
        let _ = window().print();
    };
    let back = move |_| {
        if let Ok(history) = window().history() {
            if history.length().unwrap_or(0) > 1 {
                let _ = history.back();
                return;
            }
        }
        let _ = window().location().set_hash(&Page::Overview.href());
    };
    view! {
        <div class="print-bar" role="toolbar" aria-label="Báo cáo">
            <button type="button" on:click=print>"In báo cáo / Lưu PDF"</button>
            <OfficeDownloads doc=shown />
            <button type="button" class="secondary" on:click=back>"Quay lại"</button>
            <p class="hint">
                "Phần đầu văn bản, người ký và nơi nhận lấy từ "
                <a href=Page::Data.href()>"Cài đặt báo cáo ở trang Dữ liệu"</a>
                ". Khi in, chọn khổ A4 và tắt “Đầu trang và chân trang” của trình duyệt."
            </p>
            <Show when=incomplete>
                <p class="banner warn" role="note">
                    "Cài đặt báo cáo chưa đủ (cơ quan ban hành, địa danh…): phần đầu văn bản sẽ thiếu dòng. Hãy điền ở "
                    <a href=Page::Data.href()>"trang Dữ liệu"</a> "."
                </p>
            </Show>
        </div>
        <main id="noi-dung" tabindex="-1" class="print-page">
            {move || match made.get() {
                Some(Ok(doc)) => view! { <DocumentView doc /> }.into_any(),
                Some(Err(e)) => view! { <p class="empty" role="alert">{e.message()}</p> }.into_any(),
                None => view! { <p class="empty" role="alert">"Địa chỉ này không chỉ tới báo cáo nào."</p> }.into_any(),
            }}
        </main>
    }
}
