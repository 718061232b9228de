//! The annual review of one programme year: the conference date, the result of each content
//! area with the year's figures read from the indicators and dialogues (`review_figures`),
//! limitations and next year's tasks.

use super::text;
use super::{go, list_href, programme_href, use_flash};
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::programmes::review::{self as rev, find_for};
use crate::domain::programmes::{review_figures, AreaResult, Outcome, ReviewDraft, ReviewField};
use crate::domain::record::{self, Id, Record};
use crate::store::browser::new_id;
use crate::ui::use_store;
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::field::Typed;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::ConfirmDelete;
use crate::ui::widgets::TextArea;
use crate::ui::widgets::{Notice, SaveButton, Saving};
use leptos::prelude::*;
use std::collections::HashMap;

/// An area's result as offered: not judged yet, then the outcomes.
const OUTCOMES: [Option<Outcome>; 4] = [
    None,
    Some(Outcome::Done),
    Some(Outcome::Partly),
    Some(Outcome::NotDone),
];

/// One area's inputs.
#[derive(Clone)]
struct AreaInput {
    area_id: String,
    legend: String,
    /// The position of the result in [`OUTCOMES`] (a position, like every choice: one signal
    /// type for all of them).
    outcome: RwSignal<usize>,
    note: RwSignal<String>,
}

/// A figure shown next to an area: label, value text ("4.561", "—", "4.561*"), coverage.
#[derive(Clone, PartialEq)]
struct FigureLine {
    label: String,
    value: String,
    coverage: String,
}

#[component]
pub fn ReviewForm(programme_id: Id, year: i32) -> impl IntoView {
    let store = use_store();
    let flash = use_flash();
    let Some(programme) = store.with_untracked(|d| record::find(&d.programmes, &programme_id).cloned())
    else {
        return view! {
            <p class="empty">
                "Chương trình này không còn tồn tại (có thể đã bị xóa ở thẻ khác). "
                <a href=list_href()>"Về danh sách chương trình"</a>
            </p>
        }
        .into_any();
    };
    let existing = store.with_untracked(|d| find_for(&d.reviews, &programme_id, year).cloned());
    let editing: Option<Id> = existing.as_ref().map(|r| r.id().to_string());
    let draft = existing
        .as_ref()
        .map(ReviewDraft::from_review)
        .unwrap_or_else(|| ReviewDraft::new(programme_id.clone(), year));
    let errors = FieldErrors::<ReviewField>::new();
    let held_on = Input::optional_date("Ngày tổ chức hội nghị", errors, ReviewField::HeldOn).required();
    held_on.fill(draft.held_on.map(format::date).unwrap_or_default());
    let limitations = RwSignal::new(draft.limitations.join("\n"));
    let next_tasks = RwSignal::new(draft.next_tasks.join("\n"));
    let notice = RwSignal::new(None::<Notice>);
    let inputs: Vec<AreaInput> = programme
        .areas
        .iter()
        .map(|a| {
            let result = draft.results.iter().find(|r| r.area_id == a.id);
            AreaInput {
                area_id: a.id.clone(),
                legend: format!("{}. {}", a.number, a.title),
                outcome: RwSignal::new(
                    OUTCOMES
                        .iter()
                        .position(|o| *o == result.map(|r| r.outcome))
                        .unwrap_or(0),
                ),
                note: RwSignal::new(result.map(|r| r.note.clone()).unwrap_or_default()),
            }
        })
        .collect();

    // The figures follow the data: a report entered in another tab shows up here at once.
    let figures = {
        let programme = programme.clone();
        Memo::new(move |_| {
            store.tracked(Collection::ALL, |d| {
                review_figures(&programme, year, d)
                    .into_iter()
                    .map(|f| {
                        let lines: Vec<FigureLine> = f
                            .values
                            .iter()
                            .map(|(m, v)| FigureLine {
                                label: text::measure_label(m),
                                value: text::figure(v),
                                coverage: text::reporting(v),
                            })
                            .collect();
                        (f.area.id.clone(), lines)
                    })
                    .collect::<HashMap<_, _>>()
            })
        })
    };

    let saving = Saving::new();
    let submit = {
        let inputs = inputs.clone();
        let programme_id = programme_id.clone();
        let editing = editing.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            errors.clear();
            notice.set(None);
            let Some(held) = held_on.read() else {
                errors.refuse_if_any(notice);
                return;
            };
            // Results keep the order of the inputs, so an error's index points back to them.
            let chosen: Vec<(usize, AreaResult)> = inputs
                .iter()
                .enumerate()
                .filter_map(|(k, i)| {
                    OUTCOMES
                        .get(i.outcome.get_untracked())
                        .copied()
                        .flatten()
                        .map(|outcome| {
                            (
                                k,
                                AreaResult {
                                    area_id: i.area_id.clone(),
                                    outcome,
                                    note: i.note.get_untracked(),
                                },
                            )
                        })
                })
                .collect();
            let draft = ReviewDraft {
                programme_id: Some(programme_id.clone()),
                year,
                held_on: held,
                results: chosen.iter().map(|(_, r)| r.clone()).collect(),
                limitations: super::text::lines(&limitations.get_untracked()),
                next_tasks: super::text::lines(&next_tasks.get_untracked()),
            };
            let editing = editing.clone();
            let programme_id = programme_id.clone();
            saving.run(async move {
                let result = store
                    .commit(|data, stamp| match &editing {
                        Some(id) => rev::update(&mut data.reviews, &data.programmes, id, draft, stamp),
                        None => rev::add(&mut data.reviews, &data.programmes, new_id(), draft, stamp),
                    })
                    .await;
                match result {
                    Ok(()) => {
                        let target = programme_href(&programme_id);
                        flash.show_at(&target, Notice::Done(format!("Đã lưu đánh giá năm {year}.")));
                        go(&target);
                    }
                    Err(error) => {
                        let field_of = |e: &_| match e {
                            Some(ReviewField::HeldOn) => Some(ReviewField::HeldOn),
                            // The domain counts the results given; the form shows every area.
                            Some(ReviewField::Result(k)) => {
                                chosen.get(*k).map(|(input, _)| ReviewField::Result(*input))
                            }
                            _ => None,
                        };
                        let messages = |errs: Vec<rev::ReviewError>| {
                            errs.iter()
                                .map(|e| (field_of(&e.field()), text::review_error(e)))
                                .collect::<Vec<_>>()
                        };
                        errors.commit_failed(error, messages, notice);
                    }
                }
            });
        }
    };

    let delete = {
        let editing = editing.clone();
        let programme_id = programme_id.clone();
        move |_| {
            let Some(id) = editing.clone() else { return };
            let programme_id = programme_id.clone();
            saving.run(async move {
                let result = store
                    .commit(|data, stamp| {
                        crate::domain::record::found(rev::delete(&mut data.reviews, &id, stamp))
                    })
                    .await;
                match result {
                    Ok(()) => {
                        let target = programme_href(&programme_id);
                        flash.show_at(&target, Notice::Done(format!("Đã xóa đánh giá năm {year}.")));
                        go(&target);
                    }
                    Err(error) => notice.set(Some(Notice::failed(error, |_| {
                        "Đánh giá này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into()
                    }))),
                }
            });
        }
    };

    let heading = format!("Đánh giá năm {year}");
    let is_edit = editing.is_some();
    view! {
        <p><a href=programme_href(&programme_id)>{format!("← Chương trình số {}", programme.number)}</a></p>
        <form class="card" on:submit=submit aria-label=heading.clone() novalidate>
            <h2>{heading.clone()}</h2>
            <p class="hint">
                "Số liệu bên cạnh mỗi nội dung được lấy từ chỉ tiêu và sổ đối thoại năm "
                {year.to_string()} " của đơn vị và các đơn vị trực thuộc; không cần nhập lại."
            </p>
            <div class="grid">
                {held_on.view()}
            </div>
            {inputs
                .into_iter()
                .enumerate()
                .map(|(k, input)| {
                    let area_id = input.area_id.clone();
                    let name = next_id("kq");
                    let note_label = format!("Ghi chú nội dung {}", input.legend.split('.').next().unwrap_or(""));
                    let outcome = input.outcome;
                    let outcome_typed = Typed::follow(outcome);
                    let radios = OUTCOMES
                        .into_iter()
                        .enumerate()
                        .map(|(position, o)| {
                            let rid = next_id("r");
                            let label = o.map(text::outcome_name).unwrap_or("Chưa đánh giá");
                            view! {
                                <span class="check">
                                    <input
                                        type="radio"
                                        id=rid.clone()
                                        name=name.clone()
                                        prop:checked=move || outcome.get() == position
                                        on:change=move |_| outcome_typed.input(outcome, position)
                                        data-typed=move || outcome_typed.marker(outcome)
                                    />
                                    <label for=rid>{label}</label>
                                </span>
                            }
                        })
                        .collect_view();
                    let error = errors.of(ReviewField::Result(k));
                    view! {
                        <fieldset class="card area">
                            <legend>{input.legend.clone()}</legend>
                            <div class="outcomes" role="radiogroup" aria-label="Kết quả">
                                {radios}
                            </div>
                            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                            <TextArea label=note_label value=input.note rows=2 />
                            {move || {
                                let lines = figures.with(|f| f.get(&area_id).cloned().unwrap_or_default());
                                if lines.is_empty() {
                                    view! { <p class="hint">"Nội dung này đánh giá theo kết quả và ghi chú."</p> }.into_any()
                                } else {
                                    view! {
                                        <table class="figures">
                                            <caption>{format!("Số liệu năm {year}")}</caption>
                                            <tbody>
                                                {lines
                                                    .into_iter()
                                                    .map(|l| {
                                                        view! {
                                                            <tr>
                                                                <th scope="row">{l.label}</th>
                                                                <td class="num">{l.value}</td>
                                                                <td class="hint">{l.coverage}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    }
                                        .into_any()
                                }
                            }}
                        </fieldset>
                    }
                })
                .collect_view()}
            <TextArea label="Hạn chế" value=limitations hint="Mỗi dòng một hạn chế." rows=4 />
            <TextArea label="Nhiệm vụ năm tới" value=next_tasks hint="Mỗi dòng một nhiệm vụ." rows=4 />
            <div class="actions">
                <SaveButton saving label="Lưu đánh giá" />
                <a href=programme_href(&programme_id)>"Hủy"</a>
                {is_edit.then(|| view! {
                    <ConfirmDelete
                        button="Xóa đánh giá"
                        label="Xác nhận xóa đánh giá"
                        question=format!("Xóa đánh giá năm {year} của chương trình này?")
                        on_confirm=Callback::new(delete.clone())
                    />
                })}
            </div>
            <NoticeLine notice />
        </form>
    }
    .into_any()
}
