//! Where the data lives, how much of the browser's storage quota it uses, whether the browser
//! keeps it, and a backup download.

use crate::domain::format;
use crate::domain::quota::{human_bytes, WARN_SHARE};
use crate::store::quota::{self, Persistence};
use crate::ui::use_store;
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "12,5%", or "dưới 0,1%" rather than a misleading "0%" for a small data set.
fn used_share(share: f64) -> String {
    let percent = share * 100.0;
    if percent > 0.0 && percent < 0.05 {
        "dưới 0,1%".to_string()
    } else {
        format::percent(percent)
    }
}

#[component]
pub fn StorageInfo() -> impl IntoView {
    let store = use_store();
    let notice = RwSignal::new(None::<Notice>);
    let usage = expect_context::<quota::UsageWatch>().0;
    let meter_id = next_id("bo-nho");

    view! {
        <section class="card" aria-labelledby="luu-tru">
            <h2 id="luu-tru">"Bộ nhớ trình duyệt"</h2>
            <p>
                "Dữ liệu được lưu ngay trên trình duyệt này, và chỉ gửi đi khi bạn xuất tệp hoặc kết nối máy chủ đồng bộ. "
                "Xóa dữ liệu duyệt web sẽ xóa luôn dữ liệu này: hãy thường xuyên tải bản sao lưu về máy."
            </p>
            {move || match usage.get() {
                None => {
                    view! { <p>"Trình duyệt này không cho biết dung lượng đã dùng."</p> }.into_any()
                }
                Some(u) => {
                    let share = u.share();
                    view! {
                        <div class="field">
                            <label for=meter_id.clone()>"Bộ nhớ đã dùng"</label>
                            // Whole percents: formatting an f64 with `to_string` would pull
                            // Rust's float printing (tens of KB) into the wasm.
                            <meter
                                id=meter_id.clone()
                                min="0"
                                max="100"
                                low="50"
                                high=format::integer((WARN_SHARE * 100.0) as i64)
                                optimum="0"
                                value=format::integer((share * 100.0).min(100.0).round() as i64)
                            >
                                {format::percent(share * 100.0)}
                            </meter>
                        </div>
                        <p>
                            "Đã dùng "
                            <strong>{used_share(share)}</strong>
                            {format!(
                                " hạn mức lưu trữ mà trình duyệt cho trang này: {} trên {} (gồm dữ liệu và bản lưu ngoại tuyến của ứng dụng).",
                                human_bytes(u.usage),
                                human_bytes(u.quota),
                            )}
                        </p>
                        {u.nearly_full().then(|| view! {
                            <p class="banner warn" role="alert">
                                {format!(
                                    "Bộ nhớ sắp đầy (đã dùng {}). Khi đầy, thay đổi mới sẽ không được lưu. Hãy làm ngay: \
                                     1) bấm “Tải bản sao lưu” (xuất dữ liệu ra tệp) và cất tệp đó; \
                                     2) lưu trữ bớt dữ liệu các năm cũ rồi xóa chúng khỏi trình duyệt để giải phóng chỗ.",
                                    format::percent(share * 100.0),
                                )}
                            </p>
                        })}
                    }
                        .into_any()
                }
            }}
            <PersistenceStatus />
            <p>
                "Bản một tệp (mở tệp thidua.html trên máy) và bản mở qua địa chỉ web giữ dữ liệu riêng. "
                "Muốn chuyển dữ liệu giữa hai bản: xuất dữ liệu ra tệp ở bản này rồi nhập tệp đó ở bản kia (trang Dữ liệu)."
            </p>
            <button
                type="button"
                on:click=move |_| {
                    let text = store.with_untracked(crate::domain::schema::backup_text);
                    let name = format!("thidua-sao-luu-{}.json", crate::domain::format::iso_date(crate::store::browser::today()));
                    spawn_local(async move {
                        notice.set(Some(match crate::store::download::download_json(name, &text).await {
                            Ok(name) => Notice::Done(format!("Đã tải xuống bản sao lưu \"{name}\".")),
                            Err(e) => Notice::Failed(format!("Không tải xuống được: {e}")),
                        }));
                    });
                }
            >
                "Tải bản sao lưu"
            </button>
            <NoticeLine notice />
        </section>
    }
}

/// Whether the browser promised to keep the data, with a button to ask when it did not.
#[component]
fn PersistenceStatus() -> impl IntoView {
    let state = RwSignal::new(None::<Persistence>);
    spawn_local(async move { state.set(Some(quota::persisted().await)) });
    let ask = move |_| spawn_local(async move { state.set(Some(quota::request_persistence().await)) });
    let text = move || match state.get() {
        None => ("", ""),
        Some(Persistence::Persistent) => (
            "Lưu trữ bền vững: đã bật.",
            " Trình duyệt sẽ không tự xóa dữ liệu này khi máy thiếu chỗ trống.",
        ),
        Some(Persistence::BestEffort) => (
            "Lưu trữ bền vững: chưa bật.",
            " Khi máy thiếu chỗ trống, trình duyệt có thể tự xóa dữ liệu này. \
             Trình duyệt thường đồng ý giữ khi ứng dụng được cài đặt hoặc dùng thường xuyên.",
        ),
        Some(Persistence::Unknown) => ("Lưu trữ bền vững: không rõ", " (trình duyệt này không cho biết)."),
    };
    view! {
        <p>
            <strong>{move || text().0}</strong>
            {move || text().1}
        </p>
        <Show when=move || state.get() == Some(Persistence::BestEffort)>
            <button type="button" class="secondary" on:click=ask>
                "Đề nghị trình duyệt giữ dữ liệu"
            </button>
        </Show>
    }
}
