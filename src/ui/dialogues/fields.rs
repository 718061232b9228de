//! Form controls the shared widgets do not have yet: a multi-line text field and a checkbox,
//! labelled and wired to errors the same way as [`crate::ui::widgets::TextField`].

use crate::ui::widgets::field::next_id;
use leptos::prelude::*;

/// A labelled `<textarea>`; the error is shown under it with `role="alert"`.
#[component]
pub fn TextArea(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let id = next_id("t");
    let err_id = format!("{id}-loi");
    let described = err_id.clone();
    let shown_err_id = err_id.clone();
    view! {
        <div class="field wide" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label} {required.then_some(" *")}</label>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
            ></textarea>
            {(!hint.is_empty()).then(|| view! { <small class="hint">{hint}</small> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" role="alert" id=shown_err_id.clone()>
                                {e}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            {label}
        </label>
    }
}
