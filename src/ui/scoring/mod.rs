//! Page "Chấm điểm": one cluster-year at a time — indicators, the scoring table, scorecards and
//! results. The cluster, tab and unit live in the hash (`#/cham-diem/<cụm>/<tab>/<đơn vị>`), so
//! reload and deep links land on the same place.

mod chart;
mod indicators;
mod results;
mod scorecard;
mod send_card;
mod template;
mod year_end;
/// The wording of tiers, statuses, errors and tie reasons lives with the domain: reports use it too.
pub use crate::domain::scoring::wording as text;

use crate::domain::collections::Collection;
use crate::domain::record::{self, Id};
use crate::domain::scoring::cluster::Cluster;
use crate::domain::sorting;
use crate::store::settings;
use crate::ui::route::{href, Page, Route};
use crate::ui::use_store;
use crate::ui::widgets::unsaved;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Indicators,
    Template,
    Scorecards,
    Results,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Indicators, Tab::Template, Tab::Scorecards, Tab::Results];

    fn slug(self) -> &'static str {
        match self {
            Tab::Indicators => "chi-tieu",
            Tab::Template => "bang-diem",
            Tab::Scorecards => "phieu-cham",
            Tab::Results => "ket-qua",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Tab::Indicators => "Chỉ tiêu",
            Tab::Template => "Bảng điểm",
            Tab::Scorecards => "Phiếu chấm",
            Tab::Results => "Kết quả",
        }
    }
}

/// Link to a place in the scoring page.
pub fn link(cluster_id: &str, tab: Tab, unit_id: Option<&str>) -> String {
    match unit_id {
        Some(u) => href(Page::Scoring, &[cluster_id, tab.slug(), u]),
        None => href(Page::Scoring, &[cluster_id, tab.slug()]),
    }
}

/// The cluster-year being worked on, shared by the tabs.
#[derive(Clone, Copy)]
pub struct Selected {
    pub cluster: Memo<Option<Cluster>>,
    pub unit: Memo<Option<Id>>,
}

/// The setting that keeps the cluster scored last.
const LAST_CLUSTER: &str = "scoring.cluster";

#[component]
pub fn ScoringPage() -> impl IntoView {
    let store = use_store();
    let route = expect_context::<ReadSignal<Route>>();
    let clusters = Memo::new(move |_| {
        store.tracked(&[Collection::Clusters], |d| {
            let mut list: Vec<Cluster> = record::live(&d.clusters).cloned().collect();
            sorting::sort_by(&mut list, |a, b| {
                b.year.cmp(&a.year).then_with(|| a.name.cmp(&b.name))
            });
            list
        })
    });
    // The cluster in the link, else the one scored last time (if it still exists), else the newest.
    let cluster_id = Memo::new(move |_| {
        route.with(|r| r.rest.first().cloned()).or_else(|| {
            clusters.with(|c| {
                let last = settings::get(LAST_CLUSTER);
                c.iter()
                    .find(|c| Some(&c.meta.id) == last.as_ref())
                    .or(c.first())
                    .map(|c| c.meta.id.clone())
            })
        })
    });
    Effect::new(move |_| {
        if let Some(id) = cluster_id.get() {
            let _ = settings::set(LAST_CLUSTER, &id);
        }
    });
    let cluster = Memo::new(move |_| {
        let id = cluster_id.get()?;
        clusters.with(|list| list.iter().find(|c| c.meta.id == id).cloned())
    });
    let tab = Memo::new(move |_| {
        route.with(|r| {
            r.rest
                .get(1)
                .and_then(|s| Tab::ALL.into_iter().find(|t| t.slug() == s))
                .unwrap_or(Tab::Results)
        })
    });
    let unit = Memo::new(move |_| {
        let chosen = route.with(|r| r.rest.get(2).cloned());
        cluster.with(|c| {
            let c = c.as_ref()?;
            chosen
                .filter(|u| c.member_ids.contains(u))
                .or_else(|| c.member_ids.first().cloned())
        })
    });
    provide_context(Selected { cluster, unit });
    let has_cluster = Memo::new(move |_| cluster.with(Option::is_some));

    let picker_value = Signal::derive(move || cluster_id.get().unwrap_or_default());
    view! {
        <h1>"Chấm điểm"</h1>
        <Show
            when=move || !clusters.with(Vec::is_empty)
            fallback=|| view! {
                <p class="empty">
                    "Chưa có cụm thi đua nào. Hãy tạo cụm ở trang "
                    <a href=Page::Units.href()>"Đơn vị & Cụm"</a>
                    ", hoặc tải dữ liệu mẫu ở trang " <a href=Page::Data.href()>"Dữ liệu"</a> "."
                </p>
            }
        >
            <div class="field picker">
                <label for="chon-cum">"Cụm thi đua"</label>
                <select
                    id="chon-cum"
                    prop:value=picker_value
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if !unsaved::go(&link(&id, tab.get_untracked(), None)) {
                            stay(&ev, cluster_id.get_untracked());
                        }
                    }
                >
                    {move || clusters.get().into_iter().map(|c| {
                        let selected = Some(&c.meta.id) == cluster_id.get_untracked().as_ref();
                        view! { <option value=c.meta.id.clone() selected=selected>{format!("{} – năm {}", c.name, c.year)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <nav class="tabs" aria-label="Phần chấm điểm">
                {Tab::ALL.into_iter().map(|t| {
                    view! {
                        <a
                            href=move || link(&cluster_id.get().unwrap_or_default(), t, unit.get().as_deref())
                            aria-current=move || (tab.get() == t).then_some("page")
                        >{t.title()}</a>
                    }
                }).collect_view()}
            </nav>
            <p class="guide">
                "Thứ tự làm: 1. Chỉ tiêu (số liệu năm của từng đơn vị) → 2. Bảng điểm (tiêu chí và thang điểm của cụm) → "
                "3. Phiếu chấm (đơn vị tự chấm, cụm chấm, chốt phiếu) → 4. Kết quả (xếp hạng khi mọi phiếu đã chốt)."
            </p>
            // Keyed on "is there a cluster" rather than the cluster itself, so that saving the
            // cluster (a vote, the next head) does not rebuild the tab and drop its messages.
            {move || match (has_cluster.get(), tab.get()) {
                (false, _) => view! { <p role="alert">"Không tìm thấy cụm thi đua này (có thể đã bị xóa)."</p> }.into_any(),
                (true, Tab::Indicators) => view! { <indicators::IndicatorsTab /> }.into_any(),
                (true, Tab::Template) => view! { <template::TemplateTab /> }.into_any(),
                (true, Tab::Scorecards) => view! { <scorecard::ScorecardTab /> }.into_any(),
                (true, Tab::Results) => view! { <results::ResultsTab /> }.into_any(),
            }}
        </Show>
    }
}

/// Puts a picker back on the current choice when the officer chose to stay with unsaved input.
fn stay(ev: &leptos::ev::Event, current: Option<Id>) {
    use wasm_bindgen::JsCast;
    if let Some(select) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        select.set_value(&current.unwrap_or_default());
    }
}

/// A picker of the cluster's member units that moves the hash, used by the per-unit tabs.
#[component]
pub fn UnitPicker(tab: Tab) -> impl IntoView {
    let store = use_store();
    let Selected { cluster, unit } = expect_context::<Selected>();
    let options = Memo::new(move |_| {
        let members = cluster.with(|c| c.as_ref().map(|c| c.member_ids.clone()).unwrap_or_default());
        store.tracked(&[Collection::Units], |d| {
            members
                .iter()
                .map(|id| (id.clone(), d.unit_name(id)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="field picker">
            <label for="chon-don-vi">"Đơn vị"</label>
            <select
                id="chon-don-vi"
                prop:value=move || unit.get().unwrap_or_default()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if let Some(c) = cluster.get_untracked() {
                        if !unsaved::go(&link(&c.meta.id, tab, Some(&id))) {
                            stay(&ev, unit.get_untracked());
                        }
                    }
                }
            >
                {move || options.get().into_iter().map(|(id, name)| {
                    let selected = Some(&id) == unit.get_untracked().as_ref();
                    view! { <option value=id selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The cluster-year's template and computed cards, recomputed whenever data changes (cheap, and
/// a template edit then shows at once on every card).
pub fn use_results(
    cluster: Memo<Option<Cluster>>,
) -> Memo<
    Option<(
        crate::domain::scoring::template::ScoringTemplate,
        crate::domain::scoring::compute::ClusterResults,
    )>,
> {
    use crate::domain::scoring::{compute, template};
    let store = use_store();
    Memo::new(move |_| {
        let c = cluster.get()?;
        store.tracked(
            &[
                Collection::Templates,
                Collection::Indicators,
                Collection::Scorecards,
            ],
            |d| {
                let t = template::find_for(&d.templates, &c.meta.id, c.year)?.clone();
                let results = compute::compute_cluster(&c, &t, &d.indicators, &d.scorecards);
                Some((t, results))
            },
        )
    })
}
