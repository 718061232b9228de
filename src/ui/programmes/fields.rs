//! Small labelled controls this page needs beyond the shared widgets.

use crate::ui::widgets::field::next_id;
use leptos::prelude::*;

/// A labelled multi-line text box; `hint` says how it is read (e.g. one item per line).
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] hint: &'static str,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let id = next_id("t");
    let hint_id = format!("{id}-goi-y");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=described
            ></textarea>
            {(!hint.is_empty()).then(|| view! { <small class="hint" id=hint_id>{hint}</small> })}
        </div>
    }
}

/// Lines of a textarea, one item each (empty lines dropped by the domain).
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}
