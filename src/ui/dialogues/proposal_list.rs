//! The proposal list with its filters and diacritic-free search, and the proposal table shared
//! with the dialogue view.
//!
//! Fast with 10.000 proposals: the folded search index is a `Memo` rebuilt only when the data
//! changes; a keystroke only filters that index, and only the first rows (200, more on request)
//! are turned into owned rows and drawn.

use super::text;
use crate::domain::collections::Collection;
use crate::domain::dialogues::overdue::days_overdue;
use crate::domain::dialogues::Dialogue;
use crate::domain::dialogues::{
    DialogueKind, Proposal, ProposalFilter, ProposalIndex, ProposalStatus, Topic,
};
use crate::domain::format;
use crate::domain::record::{self, Id};
use crate::domain::reports::lists::proposals_table;
use crate::domain::units::Unit;
use crate::ui::use_store;
use crate::ui::widgets::remembered::{remembered, remembered_where};
use crate::ui::widgets::ExcelButton;
use crate::ui::widgets::{PickField, SelectField, TextField};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// How many rows are drawn at first, and added by each "Hiện thêm".
use crate::ui::widgets::paging::{page_limit, show_more, shown_of};

/// One drawn row: owned copies of what the table shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposalRow {
    pub id: Id,
    pub dialogue_id: Id,
    pub content: String,
    pub topic: Topic,
    /// "Ba Vì · 14/05/2024"
    pub dialogue: String,
    pub agency: String,
    pub deadline: Option<NaiveDate>,
    pub status: ProposalStatus,
    pub overdue_days: Option<i64>,
    pub edits: BTreeMap<String, u64>,
}

impl ProposalRow {
    pub fn new(p: &Proposal, dialogues: &[Dialogue], units: &[Unit], today: NaiveDate) -> Self {
        let dialogue = record::find(dialogues, &p.dialogue_id)
            .map(|d| {
                let unit = record::find(units, &d.unit_id).map(Unit::label).unwrap_or("");
                format!("{unit} · {}", format::date(d.date))
            })
            .unwrap_or_default();
        Self {
            id: p.meta.id.clone(),
            dialogue_id: p.dialogue_id.clone(),
            content: p.content.clone(),
            topic: p.topic,
            dialogue,
            agency: p.agency.clone(),
            deadline: p.deadline,
            status: p.status,
            overdue_days: days_overdue(p, today),
            edits: p.meta.edits.clone(),
        }
    }
}

/// The overdue marker: a symbol and the words, never colour alone.
#[component]
pub fn OverdueBadge(days: i64) -> impl IntoView {
    view! {
        <span class="badge bad overdue-mark">
            <span aria-hidden="true">"⚠ "</span>
            {text::overdue_days(days)}
        </span>
    }
}

/// A table of proposals. `show_dialogue` adds the column naming each one's dialogue.
#[component]
pub fn ProposalTable(
    #[prop(into)] rows: Signal<Vec<ProposalRow>>,
    label: &'static str,
    #[prop(optional)] show_dialogue: bool,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table aria-label=label class="stack compact">
                <thead>
                    <tr>
                        <th scope="col">"Nội dung kiến nghị"</th>
                        <th scope="col">"Lĩnh vực"</th>
                        {show_dialogue.then(|| view! { <th scope="col">"Đối thoại"</th> })}
                        <th scope="col">"Cơ quan giải quyết"</th>
                        <th scope="col">"Hạn"</th>
                        <th scope="col">"Trạng thái"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|r| (r.id.clone(), r.edits.clone(), r.overdue_days, r.dialogue.clone())
                        let:row
                    >
                        <tr class:overdue=row.overdue_days.is_some()>
                            <th scope="row">
                                <a href=super::proposal_href(&row.dialogue_id, &row.id)>{row.content.clone()}</a>
                            </th>
                            <td data-label="Lĩnh vực">{text::topic_name(row.topic)}</td>
                            {show_dialogue.then(|| view! { <td data-label="Đối thoại">{row.dialogue.clone()}</td> })}
                            <td data-label="Cơ quan giải quyết">{row.agency.clone()}</td>
                            <td data-label="Hạn">{row.deadline.map(format::date).unwrap_or_default()}</td>
                            <td data-label="Trạng thái">
                                {text::status_name(row.status)}
                                {row.overdue_days.map(|days| view! { " " <OverdueBadge days /> })}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ProposalList(unit: Option<Id>, overdue: bool) -> impl IntoView {
    let store = use_store();
    let today = crate::store::browser::today();
    let year = remembered("proposals.year", None);
    let unit_id = remembered_where("proposals.unit", unit, |id| super::unit_exists(store, id));
    let kind = remembered("proposals.kind", None);
    let topic = remembered("proposals.topic", None);
    let status = remembered("proposals.status", None);
    let overdue_only = RwSignal::new(overdue);
    let search = RwSignal::new(String::new());
    let settled_search =
        crate::ui::widgets::debounce::settled(search, crate::ui::widgets::debounce::TYPING_PAUSE);
    // Rebuilt only when the data changes, not on every keystroke nor every visit.
    let index = super::search_index::use_search_indexes().proposals;
    let filter = Memo::new(move |_| ProposalFilter {
        year: year.with(|y| y.parse().ok()),
        unit_id: unit_id.with(|u| (!u.is_empty()).then(|| u.clone())),
        kind: super::chosen(&DialogueKind::ALL, text::kind_slug, kind),
        topic: super::chosen(&Topic::ALL, text::topic_slug, topic),
        status: super::chosen(&ProposalStatus::ALL, text::status_slug, status),
        open_only: false,
        overdue_only: overdue_only.get(),
        text: settled_search.get(),
    });
    let limit = page_limit(filter);
    let found = Memo::new(move |_| {
        let limit = limit.get();
        filter.with(|f| {
            index.with(|index| {
                store.tracked(
                    &[Collection::Units, Collection::Dialogues, Collection::Proposals],
                    |d| {
                        let hits = index.search(&d.dialogues, &d.proposals, f, today);
                        let rows: Vec<ProposalRow> = hits
                            .iter()
                            .take(limit)
                            .map(|p| ProposalRow::new(p, &d.dialogues, &d.units, today))
                            .collect();
                        (hits.len(), rows)
                    },
                )
            })
        })
    });
    let rows = Signal::derive(move || found.with(|(_, rows)| rows.clone()));
    // The spreadsheet holds every row the filters chose, not only the page shown.
    let excel = Callback::new(move |()| {
        filter.with_untracked(|f| {
            index.with_untracked(|index| {
                store.tracked(
                    &[Collection::Units, Collection::Dialogues, Collection::Proposals],
                    |d| {
                        let hits = index.search(&d.dialogues, &d.proposals, f, today);
                        proposals_table(&hits, &d.dialogues, &d.units, today)
                    },
                )
            })
        })
    });
    let excel_title = Signal::derive(move || match filter.with(|f| f.year) {
        Some(y) => format!("Danh sách kiến nghị năm {y}"),
        None => "Danh sách kiến nghị".to_string(),
    });
    let total = move || found.with(|(total, _)| *total);
    let shown = move || found.with(|(_, rows)| rows.len());

    let years = super::year_options(Some(text::ALL_YEARS));
    let units = super::unit_options(None, Some(text::ALL_UNITS));
    let kinds = super::kind_options(Some(text::ALL_KINDS));
    let topics = Signal::derive(|| {
        text::options(
            &Topic::ALL,
            text::topic_slug,
            text::topic_name,
            Some(text::ALL_TOPICS),
        )
    });
    let statuses = Signal::derive(|| {
        text::options(
            &ProposalStatus::ALL,
            text::status_slug,
            text::status_name,
            Some(text::ALL_STATUSES),
        )
    });

    view! {
        <section aria-labelledby="kien-nghi-tieu-de" class="card">
            <h2 id="kien-nghi-tieu-de">"Kiến nghị"</h2>
            <div class="list-tools" role="search" aria-label="Lọc kiến nghị">
                <TextField label="Tìm kiến nghị" value=search placeholder="gõ không dấu cũng được, ví dụ: bhxh, nha o" />
                <SelectField label="Năm" value=year options=years />
                <PickField label="Đơn vị" value=unit_id options=units />
                <SelectField label="Hình thức" value=kind options=kinds />
                <SelectField label="Lĩnh vực" value=topic options=topics />
                <SelectField label="Trạng thái" value=status options=statuses />
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || overdue_only.get()
                        on:change=move |ev| overdue_only.set(event_target_checked(&ev))
                    />
                    "Chỉ kiến nghị quá hạn"
                </label>
            </div>
            <p class="count" role="status" aria-live="polite">{move || shown_of(shown(), total(), index.with(ProposalIndex::len), "kiến nghị")}</p>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! { <p class="empty">"Không có kiến nghị nào khớp với bộ lọc."</p> }
            >
                <ExcelButton content=excel_title table=excel />
                <ProposalTable rows label="Danh sách kiến nghị" show_dialogue=true />
            </Show>
            <Show when=move || { shown() < total() }>
                <button type="button" class="secondary" on:click=move |_| show_more(limit)>
                    "Hiện thêm kiến nghị"
                </button>
            </Show>
        </section>
    }
}
