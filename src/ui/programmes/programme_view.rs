//! One programme: its parties and period, the content areas, the annual review of each year
//! (with links to record or edit it), the link to its period totals, and deletion with a
//! confirmation step.

use super::text;
use super::{edit_href, go, list_href, report_href, review_href, use_flash};
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::programmes::dashboard::{report_years, year_reviews, YearReview};
use crate::domain::programmes::programme::delete_with_reviews;
use crate::domain::programmes::{Outcome, ReportScope};
use crate::domain::record::{self, Id};
use crate::domain::reports::ReportRequest;
use crate::store::browser::today;
use crate::ui::use_store;
use crate::ui::widgets::print_href;
use crate::ui::widgets::status::NoticeLine;
use crate::ui::widgets::ConfirmDelete;
use crate::ui::widgets::Notice;
use chrono::Datelike;
use leptos::prelude::*;

/// How a year's review shows: held (the conference date and the count of each outcome), or
/// the words for a year without one.
enum Reviewed {
    Held(String, [usize; 3]),
    Missing(&'static str),
}

#[component]
pub fn ProgrammeView(id: Id) -> impl IntoView {
    let store = use_store();
    let flash = use_flash();
    let found = {
        let id = id.clone();
        Memo::new(move |_| {
            store.tracked_record(Collection::Programmes, &id, |d| {
                record::find(&d.programmes, &id).cloned()
            })
        })
    };
    let notice = RwSignal::new(None::<Notice>);
    let this_year = today().year();

    let saving = crate::ui::widgets::Saving::new();
    let delete = {
        let id = id.clone();
        move |_| {
            let number = found.get_untracked().map(|p| p.number).unwrap_or_default();
            let id = id.clone();
            saving.run(async move {
                let result = store
                    .commit(|data, stamp| {
                        crate::domain::record::found(delete_with_reviews(
                            &mut data.programmes,
                            &mut data.reviews,
                            &id,
                            stamp,
                        ))
                    })
                    .await;
                match result {
                    Ok(()) => {
                        let target = list_href();
                        flash.show_at(
                            &target,
                            Notice::Done(format!(
                                "Đã xóa chương trình số {number} và các đánh giá hằng năm của nó."
                            )),
                        );
                        go(&target);
                    }
                    Err(error) => notice.set(Some(Notice::failed(error, |_| {
                        "Chương trình này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into()
                    }))),
                }
            });
        }
    };

    move || {
        let Some(p) = found.get() else {
            return view! {
                <p class="empty">
                    "Chương trình này không còn tồn tại (có thể đã bị xóa ở thẻ khác). "
                    <a href=list_href()>"Về danh sách chương trình"</a>
                </p>
            }
            .into_any();
        };
        let unit_name = store.with_untracked(|d| d.unit_name(&p.unit_id));
        let reviews: Vec<(i32, Reviewed)> = store.tracked(&[Collection::Reviews], |d| {
            year_reviews(&p, &d.reviews, this_year)
                .into_iter()
                .map(|(y, r)| {
                    let shown = match r {
                        YearReview::Held(r) => Reviewed::Held(format::date(r.held_on), r.outcome_counts()),
                        YearReview::Due => Reviewed::Missing("Chưa đánh giá"),
                        YearReview::NotYet => Reviewed::Missing("Chưa đến năm"),
                    };
                    (y, shown)
                })
                .collect()
        });
        let review_count = reviews
            .iter()
            .filter(|(_, r)| matches!(r, Reviewed::Held(..)))
            .count();
        let report = report_years(&p, this_year);
        let pid = p.meta.id.clone();
        let delete = delete.clone();
        view! {
            <p><a href=list_href()>"← Danh sách chương trình"</a></p>
            <h2>{format!("Chương trình số {}", p.number)}</h2>
            <dl class="facts">
                {(!p.title.is_empty()).then(|| view! { <dt>"Trích yếu"</dt><dd>{p.title.clone()}</dd> })}
                <dt>"Các bên ký"</dt>
                <dd>{format!("{} và {}", p.authority, unit_name)}</dd>
                <dt>"Ngày ký"</dt>
                <dd>{format::date(p.signed_on)}</dd>
                <dt>"Giai đoạn"</dt>
                <dd>{text::period(p.from_year, p.to_year)}</dd>
            </dl>
            <div class="actions">
                <a class="button" href=edit_href(&pid)>"Sửa chương trình"</a>
                <a class="button secondary" href=report_href(&ReportScope::Unit(p.unit_id.clone()), *report.start(), *report.end())>
                    "Số liệu giai đoạn của đơn vị"
                </a>
                <ConfirmDelete
                    button="Xóa chương trình"
                    label="Xác nhận xóa chương trình"
                    question=format!(
                        "Xóa chương trình số {} cùng {} đánh giá hằng năm? Việc xóa được ghi lại để đồng bộ với các đơn vị khác.",
                        p.number,
                        review_count,
                    )
                    on_confirm=Callback::new(delete.clone())
                />
            </div>
            <NoticeLine notice />
            <div class="table-wrap" tabindex="0" role="region" aria-label="Nội dung phối hợp">
                <table>
                    <caption>"Nội dung phối hợp"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Số"</th>
                            <th scope="col">"Nội dung"</th>
                            <th scope="col">"Chủ trì"</th>
                            <th scope="col">"Chỉ tiêu đánh giá"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {p.areas
                            .iter()
                            .map(|a| {
                                let measures = if a.measures.is_empty() {
                                    "Đánh giá theo kết quả và ghi chú".to_string()
                                } else {
                                    a.measures.iter().map(text::measure_label).collect::<Vec<_>>().join("; ")
                                };
                                view! {
                                    <tr>
                                        <td>{a.number.to_string()}</td>
                                        <th scope="row">{a.title.clone()}</th>
                                        <td>{text::lead_name(a.lead)}</td>
                                        <td>{measures}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Đánh giá hằng năm">
                <table>
                    <caption>"Đánh giá hằng năm"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Năm"</th>
                            <th scope="col">"Ngày hội nghị"</th>
                            <th scope="col">"Kết quả các nội dung"</th>
                            <th scope="col">"Thao tác"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {reviews
                            .into_iter()
                            .map(|(year, r)| {
                                let link = review_href(&pid, year);
                                match r {
                                    Reviewed::Held(held, counts) => {
                                        let summary = Outcome::ALL
                                            .into_iter()
                                            .map(|o| format!("{}: {}", text::outcome_name(o), counts[o.index()]))
                                            .collect::<Vec<_>>()
                                            .join("; ");
                                        view! {
                                            <tr>
                                                <th scope="row">{year.to_string()}</th>
                                                <td>{held}</td>
                                                <td>{summary}</td>
                                                <td>
                                                    <a href=link>{format!("Xem, sửa đánh giá năm {year}")}</a>
                                                    " · "
                                                    <a href=print_href(&ReportRequest::AnnualReview { programme_id: pid.clone(), year })>
                                                        {format!("In báo cáo sơ kết năm {year}")}
                                                    </a>
                                                </td>
                                            </tr>
                                        }
                                            .into_any()
                                    }
                                    Reviewed::Missing(words) => {
                                        view! {
                                            <tr>
                                                <th scope="row">{year.to_string()}</th>
                                                <td>"—"</td>
                                                <td>{words}</td>
                                                <td><a href=link>{format!("Đánh giá năm {year}")}</a></td>
                                            </tr>
                                        }
                                            .into_any()
                                    }
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
