//! Adding and editing a programme with its numbered content areas: form → domain validation →
//! store, errors next to the field (and the content area) they belong to.

use super::text;
use super::{go, list_href, programme_href, use_flash};
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::programmes::programme::{self as prog};
use crate::domain::programmes::{
    AreaMeasure, ContentArea, Lead, ProgrammeDraft, ProgrammeError, ProgrammeField,
};
use crate::domain::record::{self, Id};
use crate::store::browser::{new_id, today};
use crate::store::CommitError;
use crate::ui::use_store;
use crate::ui::widgets::field::next_id;
use crate::ui::widgets::form::FieldErrors;
use crate::ui::widgets::input::Input;
use crate::ui::widgets::parse;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::{Choice, Notice, PickField, SaveButton, Saving, TextField};
use chrono::Datelike;
use leptos::prelude::*;
use std::collections::HashMap;

/// One content area being edited. The id is the area's stable id (reviews point to it), so
/// moving and renumbering rows keeps the results of earlier reviews.
#[derive(Clone)]
struct AreaRow {
    id: String,
    number: RwSignal<String>,
    title: RwSignal<String>,
    lead: Choice<Lead>,
    measures: RwSignal<Vec<AreaMeasure>>,
}

impl AreaRow {
    fn from_area(a: &ContentArea) -> Self {
        Self {
            id: a.id.clone(),
            number: RwSignal::new(a.number.to_string()),
            title: RwSignal::new(a.title.clone()),
            lead: Choice::new(&Lead::ALL, text::lead_name, a.lead),
            measures: RwSignal::new(a.measures.clone()),
        }
    }

    /// The area as typed; `None` with the message on its number when that is not a number.
    fn to_area(&self, position: usize, errors: Errors) -> Option<ContentArea> {
        let number = errors.check(
            ProgrammeField::AreaNumber(position),
            parse::required_count("Số thứ tự", &self.number.get_untracked()),
        )?;
        Some(ContentArea {
            id: self.id.clone(),
            number,
            title: self.title.get_untracked(),
            lead: self.lead.value(),
            measures: self.measures.get_untracked(),
        })
    }
}

type Errors = FieldErrors<ProgrammeField>;

#[component]
pub fn ProgrammeForm(editing: Option<Id>) -> impl IntoView {
    let store = use_store();
    let flash = use_flash();
    let existing = editing
        .as_ref()
        .and_then(|id| store.with_untracked(|d| record::find(&d.programmes, id).cloned()));
    if editing.is_some() && existing.is_none() {
        return view! {
            <p class="empty">
                "Chương trình này không còn tồn tại (có thể đã bị xóa ở thẻ khác). "
                <a href=list_href()>"Về danh sách chương trình"</a>
            </p>
        }
        .into_any();
    }
    let this_year = today().year();
    let draft = match &existing {
        Some(p) => ProgrammeDraft::from_programme(p),
        None => ProgrammeDraft::starting_in(this_year),
    };
    let number = RwSignal::new(draft.number.clone());
    let title = RwSignal::new(draft.title.clone());
    let authority = RwSignal::new(draft.authority.clone());
    let unit = RwSignal::new(draft.unit_id.clone().unwrap_or_default());

    let rows = RwSignal::new(draft.areas.iter().map(AreaRow::from_area).collect::<Vec<_>>());
    let errors: Errors = FieldErrors::new();
    let signed_on = Input::optional_date("Ngày ký", errors, ProgrammeField::SignedOn).required();
    signed_on.fill(draft.signed_on.map(format::date).unwrap_or_default());
    let from_year = Input::year("Từ năm", errors, ProgrammeField::FromYear);
    from_year.fill(draft.from_year.to_string());
    let to_year = Input::year("Đến năm", errors, ProgrammeField::ToYear);
    to_year.fill(draft.to_year.to_string());
    let notice = RwSignal::new(None::<Notice>);

    let unit_options = Signal::derive(move || {
        let mut options = vec![(String::new(), "— Chọn đơn vị —".to_string())];
        store.tracked(&[Collection::Units], |d| {
            let kept = unit.get_untracked();
            options.extend(
                crate::domain::units::offered(&d.units, Some(kept.as_str()))
                    .map(|u| (u.meta.id.clone(), u.name.clone())),
            )
        });
        options
    });

    // Errors of content areas are tied to positions: moving rows would misplace them.
    let clear_area_errors = move || {
        errors.retain(|f| {
            !matches!(
                f,
                ProgrammeField::AreaNumber(_)
                    | ProgrammeField::AreaTitle(_)
                    | ProgrammeField::AreaMeasures(_)
            )
        })
    };
    let add_area = move |_| {
        clear_area_errors();
        rows.update(|r| {
            let next = crate::domain::numbering::next_number(
                r.iter()
                    .filter_map(|a| a.number.get_untracked().trim().parse::<u32>().ok()),
            );
            r.push(AreaRow::from_area(&ContentArea {
                id: new_id(),
                number: next,
                title: String::new(),
                lead: Lead::Joint,
                measures: Vec::new(),
            }));
        });
    };
    let renumber = move |_| {
        clear_area_errors();
        rows.with_untracked(|r| {
            for (i, a) in r.iter().enumerate() {
                a.number.set((i + 1).to_string());
            }
        });
    };

    let saving = Saving::new();
    let editing_id = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        notice.set(None);
        let (Some(signed_on), Some(from_year), Some(to_year)) =
            (signed_on.read(), from_year.read(), to_year.read())
        else {
            notice.set(Some(Notice::refused()));
            return;
        };
        let areas: Vec<Option<ContentArea>> = rows.with_untracked(|r| {
            r.iter()
                .enumerate()
                .map(|(i, row)| row.to_area(i, errors))
                .collect()
        });
        let Some(areas) = areas.into_iter().collect::<Option<Vec<_>>>() else {
            notice.set(Some(Notice::Failed(format!(
                "{} Xem cả các nội dung phối hợp bên dưới.",
                Notice::FIX_MARKED
            ))));
            crate::ui::widgets::focus::first_invalid();
            return;
        };
        let titles: HashMap<String, String> = store.with_untracked(|d| {
            editing_id
                .as_ref()
                .and_then(|id| record::find(&d.programmes, id))
                .map(|p| p.areas.iter().map(|a| (a.id.clone(), a.title.clone())).collect())
                .unwrap_or_default()
        });
        let draft = ProgrammeDraft {
            number: number.get_untracked(),
            title: title.get_untracked(),
            authority: authority.get_untracked(),
            unit_id: Some(unit.get_untracked()).filter(|u| !u.is_empty()),
            signed_on,
            from_year,
            to_year,
            areas,
        };
        let shown = draft.number.trim().to_string();
        let id = editing_id.clone().unwrap_or_else(new_id);
        let is_edit = editing_id.is_some();
        saving.run(async move {
            let result = store
                .commit(|data, stamp| {
                    if is_edit {
                        prog::update(
                            &mut data.programmes,
                            &data.units,
                            &data.reviews,
                            &id,
                            draft,
                            stamp,
                        )
                    } else {
                        prog::add(
                            &mut data.programmes,
                            &data.units,
                            &data.reviews,
                            id.clone(),
                            draft,
                            stamp,
                        )
                    }
                })
                .await;
            match result {
                Ok(()) => {
                    let verb = if is_edit {
                        "Đã lưu thay đổi của"
                    } else {
                        "Đã thêm"
                    };
                    let target = programme_href(&id);
                    flash.show_at(&target, Notice::Done(format!("{verb} chương trình số {shown}.")));
                    go(&target);
                }
                Err(CommitError::Invalid(errs)) => {
                    let title_of = |area_id: &str| {
                        titles
                            .get(area_id)
                            .cloned()
                            .unwrap_or_else(|| area_id.to_string())
                    };
                    let mut general = Vec::new();
                    for e in &errs {
                        let message = text::programme_error(e, title_of);
                        match e.field() {
                            // Both years as a whole: shown on "Đến năm", the one to correct.
                            Some(ProgrammeField::Period) => errors.add(ProgrammeField::ToYear, message),
                            Some(f) => errors.add(f, message),
                            None => general.push(message),
                        }
                    }
                    let summary = if general.is_empty() {
                        Notice::FIX_MARKED.to_string()
                    } else {
                        general.join(" ")
                    };
                    crate::ui::widgets::focus::first_invalid();
                    if errs.iter().any(|e: &ProgrammeError| {
                        matches!(
                            e.field(),
                            Some(
                                ProgrammeField::AreaNumber(_)
                                    | ProgrammeField::AreaTitle(_)
                                    | ProgrammeField::AreaMeasures(_)
                            )
                        )
                    }) {
                        notice.set(Some(Notice::Failed(format!(
                            "{summary} Xem cả các nội dung phối hợp bên dưới."
                        ))));
                    } else {
                        notice.set(Some(Notice::Failed(summary)));
                    }
                }
                Err(other) => notice.set(Notice::from_commit(&other)),
            }
        });
    };

    let heading = if editing.is_some() {
        "Sửa chương trình"
    } else {
        "Thêm chương trình"
    };
    let back = match &editing {
        Some(id) => programme_href(id),
        None => list_href(),
    };
    view! {
        <form class="card" on:submit=submit aria-label=heading novalidate>
            <h2>{heading}</h2>
            <div class="grid">
                <TextField label="Số hiệu" value=number error=errors.of(ProgrammeField::Number) required=true placeholder="163/CTr-UBND-LĐLĐ" />
                <TextField label="Trích yếu" value=title placeholder="Phối hợp công tác giai đoạn 2020–2025" />
                <TextField label="UBND ký chương trình" value=authority error=errors.of(ProgrammeField::Authority) required=true placeholder="UBND huyện Thanh Oai" />
                <PickField label="LĐLĐ ký chương trình" value=unit options=unit_options error=errors.of(ProgrammeField::Unit) />
                {signed_on.view()}
                {from_year.view()}
                {to_year.view()}
            </div>
            <section aria-labelledby="noi-dung-phoi-hop">
                <h3 id="noi-dung-phoi-hop">"Nội dung phối hợp"</h3>
                {move || {
                    errors
                        .of(ProgrammeField::Areas)
                        .get()
                        .map(|e| view! { <p class="field-error" role="alert">{e}</p> })
                }}
                <For
                    each=move || rows.get()
                    key=|r| r.id.clone()
                    children=move |row| view! { <AreaEditor row rows errors clear_area_errors /> }
                />
                <div class="actions">
                    <button type="button" class="secondary" on:click=add_area>"Thêm nội dung"</button>
                    <button type="button" class="secondary" on:click=renumber>"Đánh số lại theo thứ tự"</button>
                </div>
            </section>
            <div class="actions">
                <SaveButton saving label={if editing.is_some() { "Lưu thay đổi" } else { "Thêm chương trình" }} />
                <a href=back>"Hủy"</a>
            </div>
            <NoticeLine notice />
        </form>
    }
    .into_any()
}

/// One content area: number, title, lead, the measures it is judged by, and its row actions.
#[component]
fn AreaEditor(
    row: AreaRow,
    rows: RwSignal<Vec<AreaRow>>,
    errors: Errors,
    clear_area_errors: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = row.id.clone();
    let position = {
        let id = id.clone();
        Memo::new(move |_| rows.with(|r| r.iter().position(|a| a.id == id).unwrap_or(0)))
    };
    let err = move |make: fn(usize) -> ProgrammeField| {
        Signal::derive(move || errors.of(make(position.get())).get())
    };
    let number = row.number;
    let label = move || format!("nội dung số {}", number.get().trim());
    let measures = row.measures;
    // Ticking a measure is the officer's input: marked for the unsaved-input guard.
    // (A flag rather than a compared value: one signal type fewer in the start wasm.)
    let measures_ticked = RwSignal::new(false);
    let mut choices = text::all_measures();
    for m in measures.get_untracked() {
        if !choices.contains(&m) {
            choices.push(m);
        }
    }
    let move_by = move |delta: isize| {
        let id = id.clone();
        move |_| {
            clear_area_errors();
            rows.update(|r| {
                let Some(i) = r.iter().position(|a| a.id == id) else {
                    return;
                };
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < r.len() {
                    r.swap(i, j as usize);
                }
            })
        }
    };
    let up = move_by(-1);
    let down = move_by(1);
    let remove_id = row.id.clone();
    let measures_err = err(ProgrammeField::AreaMeasures);
    view! {
        <fieldset class="card area">
            <legend>{move || format!("Nội dung số {}", number.get().trim())}</legend>
            <div class="grid">
                <TextField label="Số thứ tự" value=row.number error=err(ProgrammeField::AreaNumber) required=true />
                <TextField label="Tên nội dung" value=row.title error=err(ProgrammeField::AreaTitle) required=true />
                {row.lead.view("Bên chủ trì", Signal::default())}
            </div>
            <details>
                <summary>
                    {move || format!("Chỉ tiêu đánh giá ({} đã chọn)", measures.with(Vec::len))}
                </summary>
                <ul class="measure-choices" data-typed=move || measures_ticked.get().then_some("true")>
                    {choices
                        .into_iter()
                        .map(|m| {
                            let cid = next_id("m");
                            let name = text::measure_label(&m);
                            let checked = {
                                let m = m.clone();
                                move || measures.with(|ms| ms.contains(&m))
                            };
                            let toggle = move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                measures_ticked.set(true);
                                measures.update(|ms| {
                                    ms.retain(|x| x != &m);
                                    if on {
                                        ms.push(m.clone());
                                    }
                                });
                            };
                            view! {
                                <li class="check">
                                    <input type="checkbox" id=cid.clone() prop:checked=checked on:change=toggle />
                                    <label for=cid>{name}</label>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            {move || measures_err.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="row-actions">
                <button type="button" class="secondary" on:click=up aria-label=move || format!("Chuyển lên {}", label())>
                    "Lên"
                </button>
                <button type="button" class="secondary" on:click=down aria-label=move || format!("Chuyển xuống {}", label())>
                    "Xuống"
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-label=move || format!("Bỏ {}", label())
                    on:click=move |_| {
                        clear_area_errors();
                        rows.update(|r| r.retain(|a| a.id != remove_id));
                    }
                >
                    "Bỏ nội dung"
                </button>
            </div>
        </fieldset>
    }
}
