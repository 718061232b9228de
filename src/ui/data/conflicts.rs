//! Conflicts side by side: each record edited both here and in the sending office, named as
//! officers know it, with only the fields that differ in the forms' words (worded by
//! [`crate::domain::conflicts`]), the deterministic default preselected and a choice per record.
//! The same choice shows a conflict between two files imported together.

use super::import::{ImportState, Pending};
use super::text;
use crate::domain::conflicts::{self, ConflictView, Version};
use crate::domain::exchange::{Choice, Overrides};
use leptos::prelude::*;

/// Conflicts shown one by one; any beyond take their default (stated on screen).
const SHOWN_MAX: usize = 200;

/// "Sửa lần cuối bởi … lúc …", and whether that version is a deletion.
fn last_change(side: String, v: &Version) -> impl IntoView {
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
fn differences(c: &ConflictView, sides: &Sides) -> impl IntoView {
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
                    <td data-label=sides.local.clone()>{d.local.clone()}</td>
                    <td data-label=sides.incoming.clone()>{d.incoming.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="stack diff">
            <thead>
                <tr>
                    <th scope="col">"Nội dung khác nhau"</th>
                    <th scope="col">{sides.local.clone()}</th>
                    <th scope="col">{sides.incoming.clone()}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// What the two sides of a conflict are called, and the choice of each.
pub struct Sides {
    pub local: String,
    pub incoming: String,
    pub keep_local: String,
    pub take_incoming: String,
}

impl Sides {
    /// This installation against the file.
    fn here_and_file() -> Sides {
        Sides {
            local: text::LOCAL_SIDE.into(),
            incoming: text::INCOMING_SIDE.into(),
            keep_local: text::KEEP_LOCAL.into(),
            take_incoming: text::TAKE_INCOMING.into(),
        }
    }
}

/// One conflict with its two versions and a choice between them, the default preselected;
/// `choices` holds the officer's choice, `on_choose` records one; `name` groups the radios.
pub fn conflict_choice(
    c: &ConflictView,
    sides: Sides,
    name: String,
    choices: RwSignal<Overrides>,
    on_choose: impl Fn((crate::domain::collections::Collection, String), Choice) + Clone + 'static,
) -> impl IntoView {
    let key = c.key();
    let default = c.default;
    let chosen = {
        let key = key.clone();
        move |choice: Choice| choices.with(|o| conflicts::chosen(o, &key, default)) == choice
    };
    let set = move |choice: Choice| on_choose(key.clone(), choice);
    let default_text = match default {
        Choice::KeepLocal => sides.keep_local.clone(),
        Choice::TakeIncoming => sides.take_incoming.clone(),
    };
    let (chosen_l, chosen_i) = (chosen.clone(), chosen);
    let (set_l, set_i) = (set.clone(), set);
    let name_i = name.clone();
    view! {
        <fieldset class="conflict">
            <legend>{c.title.clone()}</legend>
            {last_change(sides.local.clone(), &c.local)}
            {last_change(sides.incoming.clone(), &c.incoming)}
            {differences(c, &sides)}
            <p class="hint">{format!("Mặc định: {default_text} (bản sửa sau cùng; bản đã xóa được ưu tiên).")}</p>
            <label>
                <input
                    type="radio"
                    name=name
                    prop:checked=move || chosen_l(Choice::KeepLocal)
                    on:change=move |_| set_l(Choice::KeepLocal)
                />
                {sides.keep_local.clone()}
            </label>
            <label>
                <input
                    type="radio"
                    name=name_i
                    prop:checked=move || chosen_i(Choice::TakeIncoming)
                    on:change=move |_| set_i(Choice::TakeIncoming)
                />
                {sides.take_incoming.clone()}
            </label>
        </fieldset>
    }
}

/// The conflicts between files imported together: which file's version to take.
#[component]
pub fn BetweenFiles(pending: Pending) -> impl IntoView {
    let state = expect_context::<ImportState>();
    let batch = pending.batch.clone()?;
    if batch.between.is_empty() {
        return None;
    }
    let items = batch
        .between
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let sides = Sides {
                local: format!("Bản trong tệp \"{}\"", b.earlier),
                incoming: format!("Bản trong tệp \"{}\"", b.later),
                keep_local: format!("Lấy bản trong tệp \"{}\"", b.earlier),
                take_incoming: format!("Lấy bản trong tệp \"{}\"", b.later),
            };
            conflict_choice(
                &b.view,
                sides,
                format!("giua-tep-{i}"),
                state.between,
                move |key, choice| state.choose_between(key, choice),
            )
        })
        .collect_view();
    Some(view! {
        <section class="conflicts" aria-labelledby="xung-dot-giua-tep">
            <h3 id="xung-dot-giua-tep">{format!("Xung đột giữa các tệp ({})", text::count(batch.between.len()))}</h3>
            <p>
                "Các bản ghi dưới đây có trong hai tệp, mỗi tệp một bản sửa khác nhau. Hãy chọn lấy bản của tệp nào; phần so sánh với máy này bên dưới theo lựa chọn đó."
            </p>
            {items}
        </section>
    })
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
            conflict_choice(
                c,
                Sides::here_and_file(),
                format!("xung-dot-{i}"),
                state.overrides,
                move |key, choice| {
                    state.overrides.update(|o| {
                        o.insert(key, choice);
                    })
                },
            )
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
