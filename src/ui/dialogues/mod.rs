//! Page "Đối thoại": dialogue records and the proposals raised at them.
//!
//! Views follow the hash, so every one of them survives a reload and can be linked to:
//! - `#/doi-thoai`: summary, compliance check, the dialogue and proposal lists;
//! - `#/doi-thoai/don-vi/<unit>` and `#/doi-thoai/qua-han`: the lists pre-filtered;
//! - `#/doi-thoai/moi` (or `moi/<unit>`): a new dialogue;
//! - `#/doi-thoai/<dialogue>`: one dialogue with its proposals; `<dialogue>/sua` edits it;
//! - `#/doi-thoai/<dialogue>/<proposal>`: the same, with that proposal opened.

mod detail;
mod dialogue_form;
mod dialogue_list;
mod proposal_form;
mod proposal_list;
mod proposal_view;
mod reopen_minutes;
mod search_index;
mod summary;
pub mod text;

pub use search_index::provide_search_indexes;

use crate::domain::collections::Collection;
use crate::domain::dialogues::DialogueKind;
use crate::domain::record::{self, Id};
use crate::domain::sorting;
use crate::ui::route::{href, Page, Route};
use crate::ui::use_store;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::Notice;
use chrono::Datelike;
use leptos::prelude::*;

/// Which view of the page the hash asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Lists { unit: Option<Id>, overdue: bool },
    New { unit: Option<Id> },
    Dialogue { id: Id, proposal: Option<Id> },
    Edit { id: Id },
}

impl View {
    pub fn parse(rest: &[String]) -> View {
        let seg = |i: usize| rest.get(i).map(String::as_str);
        match (seg(0), seg(1)) {
            (None, _) => View::Lists {
                unit: None,
                overdue: false,
            },
            (Some("qua-han"), _) => View::Lists {
                unit: None,
                overdue: true,
            },
            (Some("don-vi"), unit) => View::Lists {
                unit: unit.map(String::from),
                overdue: false,
            },
            (Some("moi"), unit) => View::New {
                unit: unit.map(String::from),
            },
            (Some(id), Some("sua")) => View::Edit { id: id.into() },
            (Some(id), proposal) => View::Dialogue {
                id: id.into(),
                proposal: proposal.map(String::from),
            },
        }
    }
}

/// `#/doi-thoai/<dialogue>`.
pub fn dialogue_href(id: &str) -> String {
    href(Page::Dialogues, &[id])
}

/// `#/doi-thoai/<dialogue>/<proposal>`: opens the dialogue with the proposal shown.
pub fn proposal_href(dialogue_id: &str, proposal_id: &str) -> String {
    href(Page::Dialogues, &[dialogue_id, proposal_id])
}

/// Goes to another view after a save or deletion, as if a link had been followed.
pub fn go(hash: &str) {
    let hash = format!("#{}", hash.trim_start_matches('#'));
    crate::ui::widgets::unsaved::go_after_save(&hash);
}

/// A confirmation or failure that must outlive the view it came from (e.g. after a deletion
/// the page moves back to the lists and says what was deleted there).
#[derive(Clone, Copy)]
pub struct PageNotice(pub RwSignal<Option<Notice>>);

/// The unit pickers' list is the picker widget's (shared with the spreadsheet import).
pub use crate::ui::widgets::picker::unit_options;

/// Reads an optional slug-valued select into its enum.
pub fn chosen<T: Copy>(all: &[T], slug_of: fn(T) -> &'static str, value: RwSignal<String>) -> Option<T> {
    value.with(|v| text::from_slug(all, slug_of, v))
}

/// The dialogue kinds as select options, with `any` first when given (lists' filters, the form).
pub fn kind_options(any: Option<&'static str>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || text::options(&DialogueKind::ALL, text::kind_slug, text::kind_name, any))
}

/// Whether a unit is still there (a kept filter may name one deleted since).
fn unit_exists(store: crate::store::Store, id: &str) -> bool {
    store.with_untracked(|d| record::find(&d.units, id).is_some())
}

pub fn year_options(any: Option<&'static str>) -> Signal<Vec<(String, String)>> {
    let store = use_store();
    Signal::derive(move || {
        let mut years: Vec<i32> = store.tracked(&[Collection::Dialogues], |d| {
            record::live(&d.dialogues).map(|x| x.date.year()).collect()
        });
        years.push(crate::store::browser::today().year());
        sorting::sort_by_key(&mut years, |y| std::cmp::Reverse(*y));
        years.dedup();
        any.map(|a| (String::new(), a.to_string()))
            .into_iter()
            .chain(years.into_iter().map(|y| (y.to_string(), y.to_string())))
            .collect()
    })
}

#[component]
pub fn DialoguesPage() -> impl IntoView {
    let route = expect_context::<ReadSignal<Route>>();
    let view = Memo::new(move |_| route.with(|r| View::parse(&r.rest)));
    let notice = RwSignal::new(None::<Notice>);
    provide_context(PageNotice(notice));
    view! {
        <h1>{text::PAGE_TITLE}</h1>
        <NoticeLine notice />
        {move || match view.get() {
            View::Lists { unit, overdue } => {
                view! {
                    <p class="actions">
                        <a class="button" href=href(Page::Dialogues, &["moi"])>"Ghi cuộc đối thoại mới"</a>
                    </p>
                    <summary::Summary unit=unit.clone() />
                    <dialogue_list::DialogueList unit=unit.clone() />
                    <proposal_list::ProposalList unit overdue />
                }
                    .into_any()
            }
            View::New { unit } => view! { <dialogue_form::DialogueForm editing=None unit /> }.into_any(),
            View::Edit { id } => view! { <dialogue_form::DialogueForm editing=Some(id) unit=None /> }.into_any(),
            View::Dialogue { id, proposal } => view! { <detail::DialogueDetail id proposal /> }.into_any(),
        }}
    }
}
