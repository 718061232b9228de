//! The list of programmes: number, parties, period, signing date, and which years still lack
//! their annual review.

use super::text;
use super::{new_href, programme_href, report_href, review_href};
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::programmes::{years_without_review, ReportScope};
use crate::domain::record;
use crate::domain::sorting;
use crate::store::browser::today;
use crate::ui::use_store;
use chrono::Datelike;
use leptos::prelude::*;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: String,
    number: String,
    title: String,
    parties: String,
    period: String,
    signed_on: String,
    missing: Vec<i32>,
}

#[component]
pub fn ProgrammeList() -> impl IntoView {
    let store = use_store();
    let year = today().year();
    let last = store.with_untracked(|d| d.latest_year_with_data(year));
    let rows = Memo::new(move |_| {
        store.tracked(
            &[Collection::Units, Collection::Programmes, Collection::Reviews],
            |d| {
                let mut list: Vec<_> = record::live(&d.programmes).collect();
                sorting::sort_by(&mut list, |a, b| {
                    b.from_year
                        .cmp(&a.from_year)
                        .then_with(|| a.number.cmp(&b.number))
                });
                list.into_iter()
                    .map(|p| Row {
                        id: p.meta.id.clone(),
                        number: p.number.clone(),
                        title: p.title.clone(),
                        parties: format!("{} – {}", p.authority, d.unit_name(&p.unit_id)),
                        period: text::period(p.from_year, p.to_year),
                        signed_on: format::date(p.signed_on),
                        missing: years_without_review(p, &d.reviews, year),
                    })
                    .collect::<Vec<_>>()
            },
        )
    });
    view! {
        <div class="actions">
            <a class="button" href=new_href()>"Thêm chương trình"</a>
            <a class="button secondary" href=report_href(&ReportScope::All, last - 4, last)>"Số liệu giai đoạn"</a>
        </div>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| {
                view! {
                    <p class="empty">
                        "Chưa có chương trình phối hợp nào. Hãy thêm chương trình đã ký với UBND cùng cấp."
                    </p>
                }
            }
        >
            <div class="table-wrap" tabindex="0" role="region" aria-label="Danh sách chương trình phối hợp">
                <table>
                    <caption>"Danh sách chương trình phối hợp"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Số hiệu"</th>
                            <th scope="col">"Trích yếu"</th>
                            <th scope="col">"Các bên ký"</th>
                            <th scope="col">"Giai đoạn"</th>
                            <th scope="col">"Ngày ký"</th>
                            <th scope="col">"Năm chưa đánh giá"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|r| r.clone()
                            children=move |r| {
                                let id = r.id.clone();
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=programme_href(&r.id)>{r.number.clone()}</a>
                                        </th>
                                        <td>{r.title.clone()}</td>
                                        <td>{r.parties.clone()}</td>
                                        <td>{r.period.clone()}</td>
                                        <td>{r.signed_on.clone()}</td>
                                        <td>
                                            {if r.missing.is_empty() {
                                                view! { <span class="badge good">"Đủ"</span> }.into_any()
                                            } else {
                                                r.missing
                                                    .iter()
                                                    .map(|y| {
                                                        view! {
                                                            <a class="badge bad" href=review_href(&id, *y)>{y.to_string()}</a>
                                                            " "
                                                        }
                                                    })
                                                    .collect_view()
                                                    .into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
