//! A choice among thousands (units of a city federation): a text box that finds by any part of
//! the name, with or without diacritics, and a short list to choose from. The ARIA combobox
//! pattern (list autocomplete): ↓/↑ move through the list, Enter takes the marked one, Esc
//! closes it and puts back the chosen name; a click takes one too.
//! Takes the same (value, text) options as [`super::SelectField`], so a form swaps one for the other.

use super::field::{next_id, Typed};
use crate::domain::fold::{self, Query};
use leptos::prelude::*;

/// How many matches are listed; typing more narrows them.
const SHOWN: usize = 50;

#[component]
pub fn PickField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// (value, text) pairs; a ("", "— Chọn … —") pair is the "none" choice.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = next_id("chon");
    let list_id = format!("{id}-ds");
    let hint_id = format!("{id}-goi-y");
    let err_id = format!("{id}-loi");
    let typed = Typed::follow(value);
    // What the officer is typing; `None` shows the chosen option's text.
    let query = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let folded =
        Memo::new(move |_| options.with(|o| o.iter().map(|(_, t)| fold::fold(t)).collect::<Vec<_>>()));
    let found = Memo::new(move |_| {
        let q = Query::new(&query.get().unwrap_or_default());
        let (shown, total) = folded.with(|f| fold::first_matches(&q, f, SHOWN));
        let shown: Vec<(String, String)> =
            options.with(|o| shown.into_iter().map(|i| o[i].clone()).collect());
        (shown, total)
    });
    let chosen_text = move || {
        let v = value.get();
        options.with(|o| {
            o.iter()
                .find(|(x, _)| *x == v)
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        })
    };
    let choose = move |v: String| {
        typed.input(value, v);
        query.set(None);
        open.set(false);
    };
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = found.with(|(s, _)| s.len());
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                if open.get_untracked() {
                    active.update(|a| *a = (*a + 1).min(count.saturating_sub(1)));
                } else {
                    open.set(true);
                    active.set(0);
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.update(|a| *a = a.saturating_sub(1));
            }
            "Enter" if open.get_untracked() => {
                // Takes the marked unit instead of submitting the form.
                ev.prevent_default();
                if let Some((v, _)) = found.with_untracked(|(s, _)| s.get(active.get_untracked()).cloned()) {
                    choose(v);
                }
            }
            "Escape" if open.get_untracked() || query.with_untracked(Option::is_some) => {
                ev.prevent_default();
                query.set(None);
                open.set(false);
            }
            _ => {}
        }
    };
    let hint = move || {
        let (shown, total) = found.with(|(s, t)| (s.len(), *t));
        if !open.get() {
            "Gõ để tìm (không dấu cũng được).".to_string()
        } else if total == 0 {
            "Không có đơn vị nào khớp.".to_string()
        } else if total > shown {
            format!(
                "{} đơn vị khớp, hiện {} đầu tiên: gõ thêm để thu hẹp.",
                crate::domain::format::integer(total as i64),
                shown
            )
        } else {
            format!("{} đơn vị khớp.", crate::domain::format::integer(total as i64))
        }
    };
    let active_descendant = {
        let option_id = option_id.clone();
        move || (open.get() && found.with(|(s, _)| !s.is_empty())).then(|| option_id(active.get()))
    };
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {err_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let select_all = |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    view! {
        <div class="field picker-field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label.clone()}</label>
            // On focus the chosen name is selected, so typing replaces it with a search.
            <input
                id=id
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=active_descendant
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                data-typed=move || typed.marker(value)
                prop:value=move || query.get().unwrap_or_else(chosen_text)
                on:input=move |ev| {
                    query.set(Some(event_target_value(&ev)));
                    open.set(true);
                    active.set(0);
                }
                on:keydown=keydown
                on:focus=select_all
                on:blur=move |_| {
                    query.set(None);
                    open.set(false);
                }
            />
            <ul id=list_id role="listbox" aria-label=format!("Kết quả tìm – {label}") class="picker-list" hidden=move || !open.get()>
                {move || {
                    let option_id = option_id.clone();
                    found
                        .get()
                        .0
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, text))| {
                            let selected = move || active.get() == i;
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    aria-selected=move || if selected() { "true" } else { "false" }
                                    class:active=selected
                                    // Before the box loses focus, so the click is not lost.
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(v.clone());
                                    }
                                >
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="hint" id=hint_id>{hint}</p>
            <super::field::FieldError id=err_id error />
        </div>
    }
}

/// (id, name) of the live units to choose from, plus `keep` even if archived (so an old record
/// stays editable), after an optional `any` entry with an empty id ("Mọi đơn vị"…).
pub fn unit_options(
    keep: Option<crate::domain::record::Id>,
    any: Option<&'static str>,
) -> Signal<Vec<(String, String)>> {
    let store = crate::ui::use_store();
    Signal::derive(move || {
        let mut out: Vec<(String, String)> =
            any.map(|a| (String::new(), a.to_string())).into_iter().collect();
        store.tracked(&[crate::domain::collections::Collection::Units], |d| {
            out.extend(
                crate::domain::units::offered(&d.units, keep.as_deref())
                    .map(|u| (u.meta.id.clone(), u.name.clone())),
            )
        });
        out
    })
}
