//! The dialogue list: filters by year, unit, kind and level, diacritic-free search, newest first.

use super::text;
use crate::domain::collections::Collection;
use crate::domain::dialogues::{DialogueFilter, DialogueKind, DialogueLevel};
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::domain::reports::lists::{dialogues_table, proposal_counts};
use crate::domain::sorting;
use crate::domain::units::Unit;
use crate::ui::use_store;
use crate::ui::widgets::paging::{page_limit, show_more, shown_of};
use crate::ui::widgets::remembered::{remembered, remembered_where};
use crate::ui::widgets::ExcelButton;
use crate::ui::widgets::{PickField, SelectField, TextField};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
struct DialogueRow {
    id: Id,
    date: NaiveDate,
    kind: DialogueKind,
    level: DialogueLevel,
    unit: String,
    place: String,
    attendances: u32,
    proposals: usize,
    open: usize,
    signed: bool,
    edits: BTreeMap<String, u64>,
}

#[component]
pub fn DialogueList(unit: Option<Id>) -> impl IntoView {
    let store = use_store();
    let year = remembered("dialogues.year", None);
    let unit_id = remembered_where("dialogues.unit", unit, |id| super::unit_exists(store, id));
    let kind = remembered("dialogues.kind", None);
    let level = remembered("dialogues.level", None);
    let search = RwSignal::new(String::new());
    let settled_search =
        crate::ui::widgets::debounce::settled(search, crate::ui::widgets::debounce::TYPING_PAUSE);

    let index = super::search_index::use_search_indexes().dialogues;
    // Proposals (all, open) per dialogue, counted once per data change.
    let counts =
        Memo::new(move |_| store.tracked(&[Collection::Proposals], |d| proposal_counts(&d.proposals)));
    let filter = Memo::new(move |_| DialogueFilter {
        year: year.with(|y| y.parse().ok()),
        unit_id: unit_id.with(|u| (!u.is_empty()).then(|| u.clone())),
        kind: super::chosen(&DialogueKind::ALL, text::kind_slug, kind),
        level: super::chosen(&DialogueLevel::ALL, text::level_slug, level),
        text: settled_search.get(),
    });
    let limit = page_limit(filter);
    let found = Memo::new(move |_| {
        let limit = limit.get();
        filter.with(|f| {
            index.with(|index| {
                counts.with(|counts| {
                    store.tracked(&[Collection::Units, Collection::Dialogues], |d| {
                        let hits = newest_first(index.search(&d.dialogues, f));
                        let rows: Vec<DialogueRow> = hits
                            .iter()
                            .take(limit)
                            .map(|x| {
                                let (proposals, open) = counts.get(&x.meta.id).copied().unwrap_or_default();
                                DialogueRow {
                                    id: x.meta.id.clone(),
                                    date: x.date,
                                    kind: x.kind,
                                    level: x.level,
                                    unit: record::find(&d.units, &x.unit_id)
                                        .map(Unit::label)
                                        .unwrap_or("")
                                        .to_string(),
                                    place: x.place.clone(),
                                    attendances: x.attendances,
                                    proposals,
                                    open,
                                    signed: x.minutes_signed,
                                    edits: x.meta.edits.clone(),
                                }
                            })
                            .collect();
                        (hits.len(), rows)
                    })
                })
            })
        })
    });
    // The spreadsheet holds every dialogue the filters chose, newest first as listed.
    let excel = Callback::new(move |()| {
        filter.with_untracked(|f| {
            index.with_untracked(|index| {
                counts.with_untracked(|counts| {
                    store.tracked(&[Collection::Units, Collection::Dialogues], |d| {
                        dialogues_table(&newest_first(index.search(&d.dialogues, f)), &d.units, counts)
                    })
                })
            })
        })
    });
    let excel_title = Signal::derive(move || match filter.with(|f| f.year) {
        Some(y) => format!("Danh sách đối thoại năm {y}"),
        None => "Danh sách đối thoại".to_string(),
    });
    let total = move || found.with(|(t, _)| *t);
    let all = move || store.tracked(&[Collection::Dialogues], |d| record::live(&d.dialogues).count());
    let shown = move || found.with(|(_, r)| r.len());

    let years = super::year_options(Some(text::ALL_YEARS));
    let units = super::unit_options(None, Some(text::ALL_UNITS));
    let kinds = super::kind_options(Some(text::ALL_KINDS));
    let levels = Signal::derive(|| {
        text::options(
            &DialogueLevel::ALL,
            text::level_slug,
            text::level_name,
            Some("Tất cả các cấp"),
        )
    });

    view! {
        <section aria-labelledby="doi-thoai-ds-tieu-de" class="card">
            <h2 id="doi-thoai-ds-tieu-de">"Các cuộc đối thoại"</h2>
            <div class="list-tools" role="search" aria-label="Lọc đối thoại">
                <TextField label="Tìm đối thoại" value=search placeholder="đơn vị, địa điểm, doanh nghiệp…" />
                <SelectField label="Năm đối thoại" value=year options=years />
                <PickField label="Đơn vị tổ chức" value=unit_id options=units />
                <SelectField label="Hình thức đối thoại" value=kind options=kinds />
                <SelectField label="Cấp đối thoại" value=level options=levels />
            </div>
            <p class="count" role="status" aria-live="polite">{move || shown_of(shown(), total(), all(), "cuộc đối thoại")}</p>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! { <p class="empty">"Chưa có cuộc đối thoại nào khớp với bộ lọc."</p> }
            >
                <ExcelButton content=excel_title table=excel />
                <div class="table-wrap" tabindex="0" role="region" aria-label="Danh sách đối thoại">
                    <table class="stack compact" aria-label="Danh sách đối thoại">
                        <thead>
                            <tr>
                                <th scope="col">"Ngày"</th>
                                <th scope="col">"Đơn vị tổ chức"</th>
                                <th scope="col">"Hình thức"</th>
                                <th scope="col">"Cấp"</th>
                                <th scope="col">"Địa điểm"</th>
                                <th scope="col" class="num">"Lượt tham dự"</th>
                                <th scope="col" class="num">"Kiến nghị (còn mở)"</th>
                                <th scope="col">"Biên bản"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || found.with(|(_, r)| r.clone())
                                key=|r| (r.id.clone(), r.edits.clone(), r.proposals, r.open, r.unit.clone())
                                let:row
                            >
                                <tr>
                                    <th scope="row">
                                        <a href=super::dialogue_href(&row.id)>{format::date(row.date)}</a>
                                    </th>
                                    <td data-label="Đơn vị tổ chức">{row.unit.clone()}</td>
                                    <td data-label="Hình thức">{text::kind_name(row.kind)}</td>
                                    <td data-label="Cấp">{text::level_name(row.level)}</td>
                                    <td class="wide" data-label="Địa điểm">{row.place.clone()}</td>
                                    <td class="num" data-label="Lượt tham dự">{format::integer(i64::from(row.attendances))}</td>
                                    <td class="num" data-label="Kiến nghị (còn mở)">
                                        {format!("{} ({})", format::integer(row.proposals as i64), format::integer(row.open as i64))}
                                    </td>
                                    <td data-label="Biên bản">{if row.signed { "Đã ký" } else { "Chưa ký" }}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=move || { shown() < total() }>
                <button type="button" class="secondary" on:click=move |_| show_more(limit)>
                    "Hiện thêm đối thoại"
                </button>
            </Show>
        </section>
    }
}

/// The list's order: the newest dialogue first.
fn newest_first(
    mut hits: Vec<&crate::domain::dialogues::Dialogue>,
) -> Vec<&crate::domain::dialogues::Dialogue> {
    sorting::sort_by_key(&mut hits, |x| std::cmp::Reverse(x.date));
    hits
}
