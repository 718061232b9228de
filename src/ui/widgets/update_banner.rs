//! The notice "Đã có phiên bản mới" with its "Cập nhật" button (served edition only).
//!
//! Updating reloads the page, which would drop anything typed into a form and not yet saved
//! (saved data is in IndexedDB and is safe). So "Cập nhật" first looks for such input; if
//! there is any, it says so and offers "Vẫn cập nhật" or "Để sau" instead of reloading.

use super::unsaved::unsaved_input;
use crate::store::offline::{self, Update};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Offer,
    ConfirmLoss,
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let update = use_context::<RwSignal<Update>>().unwrap_or_else(|| RwSignal::new(Update::None));
    let step = RwSignal::new(Step::Offer);
    let start_update = move |_| {
        if unsaved_input() {
            step.set(Step::ConfirmLoss);
        } else {
            offline::apply_update();
        }
    };
    // One live region that exists from the start, so screen readers announce the notice.
    view! {
        <div class="update-notice" role="status">
            {move || {
                (update.get() != Update::None)
                    .then(|| match step.get() {
                        Step::Offer => {
                            view! {
                                <div class="banner info">
                                    <p>
                                        "Đã có phiên bản mới của ứng dụng. Dữ liệu đã lưu không bị ảnh hưởng."
                                    </p>
                                    <button type="button" on:click=start_update>
                                        "Cập nhật"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                        Step::ConfirmLoss => {
                            view! {
                                <div class="banner warn">
                                    <p>
                                        "Bạn có dữ liệu đang nhập dở trong biểu mẫu, chưa được lưu. Cập nhật sẽ tải lại trang và phần đang nhập sẽ mất. "
                                        "Hãy lưu hoặc hủy phần đó trước, hoặc chọn “Vẫn cập nhật”."
                                    </p>
                                    <button type="button" on:click=move |_| offline::apply_update()>
                                        "Vẫn cập nhật"
                                    </button>
                                    <button type="button" class="secondary" on:click=move |_| step.set(Step::Offer)>
                                        "Để sau"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}
