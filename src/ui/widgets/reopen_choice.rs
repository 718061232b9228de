//! The officer's choice when a save would move final cards (the domain's
//! [`final_guard`](crate::domain::scoring::final_guard) refused it): the cards named with their
//! total as finalised and after the edit, and either "Mở lại các phiếu và lưu" with who and why,
//! or leaving the cards as they are. Used by every form whose records final cards read (the
//! scoring table, the yearly figures) and by the file import's preview.

use super::TextField;
use crate::domain::data::AppData;
use crate::domain::record;
use crate::domain::scoring::final_guard::{Guarded, MovedCard, Reopener};
use crate::domain::scoring::scorecard::ScorecardError;
use crate::domain::scoring::wording as text;
use crate::ui::use_store;
use leptos::prelude::*;

/// The state of one form's choice.
#[derive(Clone, Copy)]
pub struct ReopenChoice {
    /// The cards the last save would have moved (None: no choice to make).
    pub moved: RwSignal<Option<Vec<MovedCard>>>,
    by: RwSignal<String>,
    reason: RwSignal<String>,
    by_error: RwSignal<Option<String>>,
    reason_error: RwSignal<Option<String>>,
}

impl Default for ReopenChoice {
    fn default() -> Self {
        Self::new()
    }
}

impl ReopenChoice {
    pub fn new() -> Self {
        ReopenChoice {
            moved: RwSignal::new(None),
            by: RwSignal::new(String::new()),
            reason: RwSignal::new(String::new()),
            by_error: RwSignal::new(None),
            reason_error: RwSignal::new(None),
        }
    }

    /// Who reopens and why, as typed (checked by the domain when the save runs).
    pub fn reopener(&self) -> Reopener {
        Reopener::new(&self.by.get_untracked(), &self.reason.get_untracked())
    }

    /// A form's two ways to save, both through `save_with`: its submit (no reopening) and the
    /// panel's button (with who and why as typed).
    pub fn save_handlers<F>(
        self,
        save_with: F,
    ) -> (impl Fn(leptos::ev::SubmitEvent) + Clone + 'static, Callback<()>)
    where
        F: Fn(Option<Reopener>) + Clone + Send + Sync + 'static,
    {
        let submit = {
            let save_with = save_with.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                save_with(None);
            }
        };
        (submit, Callback::new(move |()| save_with(Some(self.reopener()))))
    }

    /// A save went through: nothing left to choose.
    pub fn clear(&self) {
        self.moved.set(None);
        self.by.set(String::new());
        self.reason.set(String::new());
        self.by_error.set(None);
        self.reason_error.set(None);
    }

    /// Takes a guard's refusal: the cards to show, or the reopen field at fault. Returns the
    /// edit's own refusal for the form to handle.
    pub fn refused<E>(&self, refusal: Guarded<E>) -> Option<E> {
        self.by_error.set(None);
        self.reason_error.set(None);
        match refusal {
            Guarded::Edit(e) => return Some(e),
            Guarded::FinalCardsMove(moved) => {
                self.moved.set(Some(moved));
                crate::ui::widgets::focus::element("#phieu-da-chot-se-doi");
            }
            Guarded::Reopen(e) => {
                let field = match e {
                    ScorecardError::ReopenerRequired => self.by_error,
                    _ => self.reason_error,
                };
                field.set(Some(text::scorecard_error(&e, str::to_string)));
                crate::ui::widgets::focus::first_invalid();
            }
        }
        None
    }
}

/// "LĐLĐ huyện Ba Vì (Cụm thi đua số 4 – 2023): 89,1 điểm khi chốt → 90,1 điểm", per card.
pub fn moved_lines(data: &AppData, moved: &[MovedCard]) -> Vec<String> {
    moved
        .iter()
        .map(|m| {
            let cluster = record::find(&data.clusters, &m.cluster_id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            text::moved_card(m, &data.unit_name(&m.unit_id), &cluster)
        })
        .collect()
}

/// The cards named and the two ways on. `on_reopen` saves again with [`ReopenChoice::reopener`];
/// the other way leaves the cards as they are (`on_keep`, after the panel closes).
#[component]
pub fn ReopenPanel(
    choice: ReopenChoice,
    on_reopen: Callback<()>,
    #[prop(into)] action: String,
    #[prop(default = "Giữ nguyên các phiếu đã chốt")] keep: &'static str,
    #[prop(optional)] on_keep: Option<Callback<()>>,
    /// Why the choice is asked, for a number of cards.
    #[prop(default = text::moved_cards_refusal)]
    message: fn(usize) -> String,
) -> impl IntoView {
    let store = use_store();
    move || {
        choice.moved.get().map(|moved| {
            let lines = store.with_untracked(|d| moved_lines(d, &moved));
            let action = action.clone();
            view! {
                <div class="reopen-choice" id="phieu-da-chot-se-doi" tabindex="-1">
                    <p role="alert">{message(moved.len())}</p>
                    <ul aria-label="Phiếu đã chốt sẽ thay đổi">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                    <div class="grid">
                        <TextField label="Người mở lại" value=choice.by error=choice.by_error required=true />
                        <TextField label="Lý do mở lại" value=choice.reason error=choice.reason_error required=true />
                    </div>
                    <div class="actions">
                        <button type="button" on:click=move |_| on_reopen.run(())>{action}</button>
                        <button type="button" class="secondary" on:click=move |_| {
                            choice.clear();
                            if let Some(f) = on_keep {
                                f.run(());
                            }
                        }>{keep}</button>
                    </div>
                </div>
            }
        })
    }
}
