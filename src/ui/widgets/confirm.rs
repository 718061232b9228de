//! Deleting asks first: a button that opens an inline confirmation naming what goes, with
//! "Xóa hẳn" and "Không xóa". Deletions are kept as tombstones so they reach other offices.

use leptos::prelude::*;

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
    let asking = RwSignal::new(false);
    view! {
        <button type="button" class="danger" on:click=move |_| asking.set(true)>{button}</button>
        <Show when=move || asking.get()>
            <div class="card confirm" role="alertdialog" aria-label=label.clone()>
                <p>{move || question.get()}</p>
                <div class="actions">
                    <button type="button" class="danger" on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>"Xóa hẳn"</button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(false)>"Không xóa"</button>
                </div>
            </div>
        </Show>
    }
}
