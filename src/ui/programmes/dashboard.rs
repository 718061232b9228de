//! The programmes part of *Tổng quan*: the programmes running this year, the years still
//! without an annual review, and the totals so far of each current period, each linking to its
//! page under `#/phoi-hop/...`.

use super::text;
use super::{programme_href, report_href, review_href};
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::programmes::{
    active_programmes, current_period_totals, report_years, years_without_review, ReportScope,
};
use crate::ui::use_store;
use leptos::prelude::*;

/// How many measures with figures the overview lists per programme (the report has them all).
const SHOWN_TOTALS: usize = 5;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Card {
    id: String,
    number: String,
    unit: String,
    period: String,
    missing: Vec<i32>,
    totals: Vec<(String, String)>,
    report_link: String,
    totals_years: String,
}

#[component]
pub fn ProgrammesDashboard(#[prop(into)] year: Signal<i32>) -> impl IntoView {
    let store = use_store();
    let cards = Memo::new(move |_| {
        let year = year.get();
        store.tracked(Collection::ALL, |d| {
            active_programmes(&d.programmes, year)
                .into_iter()
                .map(|p| {
                    let report = current_period_totals(p, d, year);
                    let span = report_years(p, year);
                    let (totals, totals_years) = match &report {
                        Some(r) => (
                            r.lines
                                .iter()
                                .filter_map(|l| {
                                    let t = l.total()?;
                                    let mark = if l.complete() { "" } else { text::INCOMPLETE_MARK };
                                    Some((
                                        text::measure_label(&l.measure),
                                        format!("{}{mark}", format::integer(t as i64)),
                                    ))
                                })
                                .take(SHOWN_TOTALS)
                                .collect(),
                            text::period(*r.years.start(), *r.years.end()),
                        ),
                        None => (Vec::new(), String::new()),
                    };
                    Card {
                        id: p.meta.id.clone(),
                        number: p.number.clone(),
                        unit: d.unit_label(&p.unit_id),
                        period: text::period(p.from_year, p.to_year),
                        missing: years_without_review(p, &d.reviews, year),
                        totals,
                        report_link: report_href(
                            &ReportScope::Unit(p.unit_id.clone()),
                            *span.start(),
                            *span.end(),
                        ),
                        totals_years,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="tong-quan-phoi-hop">
            <h2 id="tong-quan-phoi-hop">"Chương trình phối hợp đang thực hiện"</h2>
            <Show
                when=move || cards.with(|c| !c.is_empty())
                fallback=move || view! {
                    <p class="empty">
                        {move || format!("Không có chương trình phối hợp nào trong năm {}. ", year.get())}
                        <a href=super::list_href()>"Đến trang Phối hợp"</a>
                    </p>
                }
            >
                <ul class="programme-cards">
                    <For
                        each=move || cards.get()
                        key=|c| c.clone()
                        children=move |c| {
                            let missing = if c.missing.is_empty() {
                                view! { <p>"Đã có đánh giá của mọi năm đến nay."</p> }.into_any()
                            } else {
                                let id = c.id.clone();
                                view! {
                                    <p>
                                        "Năm chưa đánh giá: "
                                        {c.missing.iter().map(|y| view! {
                                            <a class="badge bad" href=review_href(&id, *y)>{y.to_string()}</a>
                                            " "
                                        }).collect_view()}
                                    </p>
                                }.into_any()
                            };
                            view! {
                                <li class="card">
                                    <h3>
                                        <a href=programme_href(&c.id)>{format!("Chương trình số {}", c.number)}</a>
                                    </h3>
                                    <p>{format!("{} · giai đoạn {}", c.unit, c.period)}</p>
                                    {missing}
                                    {(!c.totals.is_empty()).then(|| view! {
                                        <dl class="facts">
                                            {c.totals.iter().map(|(l, v)| view! { <dt>{l.clone()}</dt><dd>{v.clone()}</dd> }).collect_view()}
                                        </dl>
                                    })}
                                    <a href=c.report_link.clone()>{format!("Số liệu giai đoạn {}", c.totals_years)}</a>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}
