//! The year a page shows: opens on the latest year with data (not an empty calendar year), and
//! the officer can switch to any year that has data, or the current one.

use crate::domain::collections::Collection;
use crate::ui::use_store;
use chrono::Datelike;
use leptos::prelude::*;

/// The collections whose records carry the years with data (`AppData::years_with_data`).
const DATED: &[Collection] = &[
    Collection::Dialogues,
    Collection::Clusters,
    Collection::Indicators,
    Collection::Reviews,
];

/// The chosen year and the years offered. The choice follows the data until the officer picks
/// a year: loading the sample or importing last year's file moves an untouched page with it.
pub fn use_year_switch() -> (Memo<i32>, YearChoice) {
    let store = use_store();
    let this_year = crate::store::browser::today().year();
    let picked = RwSignal::new(None::<i32>);
    let chosen = Memo::new(move |_| {
        picked
            .get()
            .unwrap_or_else(|| store.tracked(DATED, |d| d.latest_year_with_data(this_year)))
    });
    let offered = Memo::new(move |_| store.tracked(DATED, |d| d.years_with_data(this_year)));
    (
        chosen,
        YearChoice {
            chosen,
            picked,
            offered,
        },
    )
}

#[derive(Clone, Copy)]
pub struct YearChoice {
    chosen: Memo<i32>,
    picked: RwSignal<Option<i32>>,
    offered: Memo<Vec<i32>>,
}

/// A labelled select of the years with data.
#[component]
pub fn YearSwitch(#[prop(into)] label: String, years: YearChoice) -> impl IntoView {
    let id = super::field::next_id("nam");
    view! {
        <div class="field year-switch">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=move || years.chosen.get().to_string()
                on:change=move |ev| years.picked.set(event_target_value(&ev).parse().ok())
            >
                {move || years.offered.get().into_iter().map(|y| {
                    let selected = y == years.chosen.get_untracked();
                    view! { <option value=y.to_string() selected=selected>{y.to_string()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
