//! Conflicts side by side: both versions of each record edited independently here and in the
//! sending office, as a readable summary, with the deterministic default preselected and a
//! choice per record. Every value from the file is shown as text.

use super::import::{ImportState, Pending};
use super::text;
use crate::domain::sorting;
use crate::domain::sync::{Choice, ConflictJson};
use crate::ui::use_store;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::Value;

/// Conflicts shown one by one; any beyond take their default (stated on screen).
const SHOWN_MAX: usize = 200;
/// Longest value text shown for one field.
const VALUE_MAX: usize = 160;

/// Fields that name a record, in order of preference.
const TITLE_FIELDS: &[&str] = &["name", "number", "title", "content", "place"];

fn title(v: &Value) -> Option<String> {
    TITLE_FIELDS
        .iter()
        .find_map(|f| v.get(*f).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .map(str::to_string)
}

fn short(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Null => "(trống)".into(),
        other => other.to_string(),
    };
    if s.chars().count() > VALUE_MAX {
        let cut: String = s.chars().take(VALUE_MAX).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// Top-level fields (besides meta) whose values differ between the two versions.
fn differing(c: &ConflictJson) -> Vec<String> {
    let empty = serde_json::Map::new();
    let a = c.local.as_object().unwrap_or(&empty);
    let b = c.incoming.as_object().unwrap_or(&empty);
    let mut keys: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| *k != "meta")
        .cloned()
        .collect();
    sorting::sort(&mut keys);
    keys.dedup();
    keys.retain(|k| a.get(k) != b.get(k));
    keys
}

#[component]
fn Side(
    heading: &'static str,
    version: Value,
    fields: Vec<String>,
    /// Office names by id, to say who changed each version.
    offices: Vec<(String, String)>,
) -> impl IntoView {
    let meta = version.get("meta").cloned().unwrap_or(Value::Null);
    let by = meta
        .get("changed_by")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let by_name = offices
        .iter()
        .find(|(id, _)| *id == by)
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| format!("cơ quan mã \"{by}\""));
    let at = meta
        .get("changed_at")
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<DateTime<Utc>>().ok())
        .map(text::date_time)
        .unwrap_or_default();
    let deleted = meta.get("deleted").and_then(Value::as_bool).unwrap_or(false);
    let lines = fields
        .into_iter()
        .map(|f| {
            let value = short(version.get(&f).unwrap_or(&Value::Null));
            view! {
                <li>
                    {text::field_label(&f).to_string()}
                    ": "
                    {value}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="side">
            <h4>{heading}</h4>
            <p>{format!("Sửa lần cuối bởi {by_name} lúc {at}")}</p>
            {deleted.then(|| view! { <p class="deleted">"Bản này đã bị xóa."</p> })}
            <ul>{lines}</ul>
        </div>
    }
}

#[component]
pub fn Conflicts(pending: Pending) -> impl IntoView {
    let state = expect_context::<ImportState>();
    let store = use_store();
    let conflicts = pending.conflicts.clone();
    if conflicts.is_empty() {
        return None;
    }
    let mut offices = Vec::new();
    if let Some(h) = store.with_untracked(|d| d.office.clone()) {
        let name = if h.name.is_empty() {
            "chưa đặt tên".to_string()
        } else {
            h.name
        };
        offices.push((h.id, format!("máy này ({name})")));
    }
    let there = pending.incoming.file.office.clone();
    if !there.name.is_empty() {
        offices.push((there.id, there.name));
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
                move |choice: Choice| {
                    state
                        .overrides
                        .with(|o| o.get(&key).copied())
                        .unwrap_or(default)
                        == choice
                }
            };
            let set = {
                let key = key.clone();
                move |choice: Choice| state.overrides.update(|o| {
                    o.insert(key.clone(), choice);
                })
            };
            let name = format!("xung-dot-{i}");
            let label = format!(
                "{} {}",
                text::collection_name(c.collection),
                title(&c.incoming).or_else(|| title(&c.local)).map(|t| format!("«{t}»")).unwrap_or_else(|| format!("mã \"{}\"", c.id))
            );
            let fields = differing(c);
            let default_text = match default {
                Choice::KeepLocal => text::KEEP_LOCAL,
                Choice::TakeIncoming => text::TAKE_INCOMING,
            };
            let (chosen_l, chosen_i) = (chosen.clone(), chosen);
            let (set_l, set_i) = (set.clone(), set);
            let name_i = name.clone();
            view! {
                <fieldset class="conflict">
                    <legend>{label}</legend>
                    <div class="sides">
                        <Side heading="Bản của máy này" version=c.local.clone() fields=fields.clone() offices=offices.clone() />
                        <Side heading="Bản trong tệp" version=c.incoming.clone() fields=fields offices=offices.clone() />
                    </div>
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
                "Các bản ghi dưới đây đã được sửa ở cả máy này và nơi gửi tệp. Hãy chọn giữ bản nào cho từng bản ghi."
            </p>
            {items}
            {(more > 0).then(|| view! {
                <p>{format!("Còn {} xung đột khác sẽ theo lựa chọn mặc định.", text::count(more))}</p>
            })}
        </section>
    })
}
