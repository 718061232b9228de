//! Conflicts side by side: each record edited both here and in the sending office, named as
//! officers know it, with only the fields that differ in the forms' words (worded by
//! [`crate::domain::conflicts`]), the deterministic default preselected and a choice per record.

use super::import::{ImportState, Pending};
use super::text;
use crate::domain::conflicts::{ConflictView, Version};
use crate::domain::sync::Choice;
use leptos::prelude::*;

/// Conflicts shown one by one; any beyond take their default (stated on screen).
const SHOWN_MAX: usize = 200;

/// "Sửa lần cuối bởi … lúc …", and whether that version is a deletion.
fn last_change(side: &'static str, v: &Version) -> impl IntoView {
    let deleted = v
        .deleted
        .then(|| view! { <strong class="deleted">" Bản này đã bị xóa."</strong> });
    view! {
        <p>
            <strong>{side}</strong>
            {format!(": sửa lần cuối bởi {} lúc {}.", v.changed_by, text::date_time(v.changed_at))}
            {deleted}
        </p>
    }
}

/// The fields that differ, one row each: the label, then this office's value and the file's.
fn differences(c: &ConflictView) -> impl IntoView {
    if c.differences.is_empty() {
        return view! { <p class="hint">{text::SAME_CONTENT}</p> }.into_any();
    }
    let rows = c
        .differences
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row">{d.label.text()}</th>
                    <td data-label=text::LOCAL_SIDE>{d.local.clone()}</td>
                    <td data-label=text::INCOMING_SIDE>{d.incoming.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="stack diff">
            <thead>
                <tr>
                    <th scope="col">"Nội dung khác nhau"</th>
                    <th scope="col">{text::LOCAL_SIDE}</th>
                    <th scope="col">{text::INCOMING_SIDE}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn Conflicts(pending: Pending) -> impl IntoView {
    let state = expect_context::<ImportState>();
    let conflicts = pending.conflicts.clone();
    if conflicts.is_empty() {
        return None;
    }
    let more = conflicts.len().saturating_sub(SHOWN_MAX);
    let items = conflicts
        .iter()
        .take(SHOWN_MAX)
        .enumerate()
        .map(|(i, c)| {
            let key = (c.collection, c.id.clone());
            let default = c.default;
            let chosen = {
                let key = key.clone();
                move |choice: Choice| state.overrides.with(|o| o.get(&key).copied()).unwrap_or(default) == choice
            };
            let set = {
                let key = key.clone();
                move |choice: Choice| {
                    state.overrides.update(|o| {
                        o.insert(key.clone(), choice);
                    })
                }
            };
            let name = format!("xung-dot-{i}");
            let default_text = match default {
                Choice::KeepLocal => text::KEEP_LOCAL,
                Choice::TakeIncoming => text::TAKE_INCOMING,
            };
            let (chosen_l, chosen_i) = (chosen.clone(), chosen);
            let (set_l, set_i) = (set.clone(), set);
            let name_i = name.clone();
            view! {
                <fieldset class="conflict">
                    <legend>{c.title.clone()}</legend>
                    {last_change(text::LOCAL_SIDE, &c.local)}
                    {last_change(text::INCOMING_SIDE, &c.incoming)}
                    {differences(c)}
                    <p class="hint">{format!("Mặc định: {default_text} (bản sửa sau cùng; bản đã xóa được ưu tiên).")}</p>
                    <label>
                        <input
                            type="radio"
                            name=name
                            prop:checked=move || chosen_l(Choice::KeepLocal)
                            on:change=move |_| set_l(Choice::KeepLocal)
                        />
                        {text::KEEP_LOCAL}
                    </label>
                    <label>
                        <input
                            type="radio"
                            name=name_i
                            prop:checked=move || chosen_i(Choice::TakeIncoming)
                            on:change=move |_| set_i(Choice::TakeIncoming)
                        />
                        {text::TAKE_INCOMING}
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    Some(view! {
        <section class="conflicts" aria-labelledby="xung-dot">
            <h3 id="xung-dot">{format!("Xung đột ({})", text::count(conflicts.len()))}</h3>
            <p>
                "Các bản ghi dưới đây đã được sửa ở cả máy này và nơi gửi tệp. Mỗi bản ghi chỉ nêu những nội dung khác nhau giữa hai bản. Hãy chọn giữ bản nào cho từng bản ghi."
            </p>
            {items}
            {(more > 0).then(|| view! {
                <p>{format!("Còn {} xung đột khác sẽ theo lựa chọn mặc định.", text::count(more))}</p>
            })}
        </section>
    })
}
