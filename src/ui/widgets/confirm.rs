//! Steps that cannot simply be taken back ask first: a button opens an inline confirmation
//! naming what will happen, with a confirm and a cancel button. Focus moves into the question
//! when it opens and back to the button when it is cancelled, so keyboard users keep their place.

use leptos::html;
use leptos::prelude::*;

/// A button with an inline confirmation (`role="alertdialog"`).
#[component]
pub fn ConfirmAction(
    /// The button that starts it, e.g. "Chốt phiếu".
    #[prop(into)]
    button: String,
    /// What the confirmation is about, for screen readers: "Xác nhận chốt phiếu".
    #[prop(into)]
    label: String,
    /// The question, naming what will happen.
    #[prop(into)]
    question: Signal<String>,
    /// The confirming button, e.g. "Chốt phiếu" or "Xóa hẳn".
    #[prop(into)]
    confirm: String,
    /// The cancelling button, e.g. "Không chốt".
    #[prop(into)]
    cancel: String,
    /// CSS class of both starting and confirming buttons ("danger" for deletions).
    #[prop(optional)]
    class: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let confirm_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = confirm_button.get() {
                let _ = b.focus();
            }
        }
    });
    let close = move || {
        asking.set(false);
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    view! {
        <button type="button" class=class node_ref=opener on:click=move |_| asking.set(true)>{button}</button>
        <Show when=move || asking.get()>
            <div class="card confirm" role="alertdialog" aria-label=label.clone()>
                <p>{move || question.get()}</p>
                <div class="actions">
                    <button type="button" class=class node_ref=confirm_button on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{confirm.clone()}</button>
                    <button type="button" class="secondary" on:click=move |_| close()>{cancel.clone()}</button>
                </div>
            </div>
        </Show>
    }
}

/// Deleting asks first, naming what goes. Deletions are kept as tombstones so they reach other
/// offices.
#[component]
pub fn ConfirmDelete(
    /// The button that starts it, e.g. "Xóa chương trình".
    #[prop(into)]
    button: String,
    /// What the confirmation is about, for screen readers: "Xác nhận xóa chương trình".
    #[prop(into)]
    label: String,
    /// The question, naming what will be deleted with it.
    #[prop(into)]
    question: Signal<String>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    view! {
        <ConfirmAction button label question confirm="Xóa hẳn" cancel="Không xóa" class="danger" on_confirm />
    }
}
