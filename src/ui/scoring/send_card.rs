//! "Gửi phiếu cho Cụm trưởng": the card shown, exported alone (with what the cluster head needs
//! to place it, see [`crate::domain::exchange::scopes`]) as a small file to attach to an e-mail.

use crate::domain::exchange::scopes::Part;
use crate::domain::scoring::scorecard::Scorecard;
use crate::ui::use_store;
use crate::ui::widgets::{Notice, SaveButton, Saving};
use leptos::prelude::*;

#[component]
/// `notice` is where the card's page says what happened.
pub fn SendCard(card: Memo<Option<Scorecard>>, notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let store = use_store();
    // One file per press, as the export's button.
    let saving = Saving::new();
    let send = move |()| {
        let Some(id) = card.with_untracked(|c| c.as_ref().map(|c| c.meta.id.clone())) else {
            return;
        };
        saving.run(async move {
            let done = crate::ui::data::export::send_part(store, Part::Card { scorecard_id: id }).await;
            let done = match done {
                Notice::Done(text) => Notice::Done(format!(
                    "{text} Hãy gửi tệp này cho Cụm trưởng (đính kèm thư điện tử hoặc chép USB); Cụm trưởng nhập tệp ở trang Dữ liệu."
                )),
                failed => failed,
            };
            notice.set(Some(done));
        });
    };
    view! { <SaveButton saving class="secondary" label="Gửi phiếu cho Cụm trưởng" on_press=Callback::new(send) /> }
}
