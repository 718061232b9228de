//! Số liệu giai đoạn: for all units, one unit (with its direct children) or a cluster, and a
//! span of years, the totals a five-year report quotes — computed from the indicators and the
//! dialogue log, never typed twice. A table (measures × years + total) and a bar chart per year
//! of a chosen measure.

use super::chart::YearBars;
use super::report_href;
use super::text;
use crate::domain::collections::Collection;
use crate::domain::format;
use crate::domain::programmes::{
    period_report, report_span, PeriodReport, ReportScope, SpanError, MAX_REPORT_SPAN, REPORT_MEASURES,
};
use crate::domain::record;
use crate::domain::reports::ReportRequest;
use crate::domain::sorting;
use crate::store::browser::today;
use crate::ui::use_store;
use crate::ui::widgets::parse;
use crate::ui::widgets::PrintLink;
use crate::ui::widgets::{SelectField, TextField};
use chrono::Datelike;
use leptos::prelude::*;

#[component]
pub fn PeriodReportView(scope: Option<ReportScope>, years: Option<(i32, i32)>) -> impl IntoView {
    let store = use_store();
    // Five years ending with the latest year that has data, so a first look shows figures.
    let last = store.with_untracked(|d| d.latest_year_with_data(today().year()));
    let (from0, to0) = years.unwrap_or((last - 4, last));
    let scope_sel = RwSignal::new(ReportScope::value(&scope.unwrap_or(ReportScope::All)));
    let from = RwSignal::new(from0.to_string());
    let to = RwSignal::new(to0.to_string());
    let chart_measure = RwSignal::new(String::new());

    let scope_options = Signal::derive(move || {
        let mut options = vec![("*".to_string(), "Tất cả đơn vị".to_string())];
        store.tracked(&[Collection::Units, Collection::Clusters], |d| {
            let mut names: Vec<&str> = record::live(&d.clusters).map(|c| c.name.as_str()).collect();
            sorting::sort(&mut names);
            names.dedup();
            options.extend(names.into_iter().map(|n| (format!("c:{n}"), format!("Cụm: {n}"))));
            options.extend(record::live(&d.units).map(|u| {
                (
                    format!("u:{}", u.meta.id),
                    format!("{} (và đơn vị trực thuộc)", u.name),
                )
            }));
        });
        options
    });

    // The span as typed, or the message for the field to correct.
    let span = Memo::new(move |_| {
        let f = parse::year("Từ năm", &from.get());
        let t = parse::year("Đến năm", &to.get());
        match (f, t) {
            (Err(e), _) => Err((true, e)),
            (_, Err(e)) => Err((false, e)),
            (Ok(f), Ok(t)) => match report_span(f, t) {
                Ok(_) => Ok((f, t)),
                Err(SpanError::EndBeforeStart) => {
                    Err((false, "Đến năm phải bằng hoặc sau Từ năm.".to_string()))
                }
                Err(SpanError::TooLong) => {
                    Err((false, format!("Giai đoạn quá dài: tối đa {MAX_REPORT_SPAN} năm.")))
                }
            },
        }
    });
    let from_err = Signal::derive(move || span.get().err().filter(|(on_from, _)| *on_from).map(|(_, e)| e));
    let to_err = Signal::derive(move || span.get().err().filter(|(on_from, _)| !*on_from).map(|(_, e)| e));

    let report = Memo::new(move |_| {
        let (f, t) = span.get().ok()?;
        let scope = ReportScope::from_value(&scope_sel.get());
        Some(store.tracked(Collection::ALL, |d| period_report(&scope, f..=t, d)))
    });
    let scope_name = move || {
        let value = scope_sel.get();
        scope_options.with(|o| {
            o.iter()
                .find(|(v, _)| *v == value)
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        })
    };
    let measure_options = Signal::derive(|| {
        REPORT_MEASURES
            .iter()
            .map(|m| (text::measure_slug(m), text::measure_label(m)))
            .collect::<Vec<_>>()
    });
    // The chart starts on the first measure that has figures.
    Effect::new(move |_| {
        if chart_measure.with_untracked(String::is_empty) {
            if let Some(r) = report.get() {
                let first = r
                    .lines
                    .iter()
                    .find(|l| l.total().is_some())
                    .unwrap_or(&r.lines[0]);
                chart_measure.set(text::measure_slug(&first.measure));
            }
        }
    });

    view! {
        <p><a href=super::list_href()>"← Danh sách chương trình"</a></p>
        <h2>"Số liệu giai đoạn"</h2>
        <p class="hint">
            "Cộng từ chỉ tiêu năm và sổ đối thoại đã nhập; một đơn vị gồm cả các đơn vị trực thuộc trực tiếp."
        </p>
        <div class="card grid" role="group" aria-label="Phạm vi báo cáo">
            <SelectField label="Phạm vi" value=scope_sel options=scope_options />
            <TextField label="Từ năm" value=from error=from_err />
            <TextField label="Đến năm" value=to error=to_err />
        </div>
        {move || {
            report.get().map(|r| {
                let link = report_href(&r.scope, *r.years.start(), *r.years.end());
                view! {
                    <ReportTable report=r.clone() scope_name=scope_name() />
                    <p class="actions">
                        <a href=link>"Liên kết đến báo cáo này"</a>
                        <PrintLink
                            request=Some(ReportRequest::Period { scope: r.scope.value(), from: *r.years.start(), to: *r.years.end() })
                            label="In báo cáo số liệu giai đoạn"
                        />
                    </p>
                }
            })
        }}
        <section class="card" aria-labelledby="bieu-do">
            <h3 id="bieu-do">"Biểu đồ theo năm"</h3>
            <SelectField label="Chỉ tiêu trên biểu đồ" value=chart_measure options=measure_options />
            {move || {
                let measure = text::measure_from_slug(&chart_measure.get())?;
                let r = report.get()?;
                let line = r.line(&measure)?;
                let points: Vec<(i32, Option<u64>)> = line.per_year.iter().map(|(y, v)| (*y, v.value)).collect();
                Some(view! { <YearBars title=text::measure_label(&measure) points /> })
            }}
        </section>
    }
}

#[component]
fn ReportTable(report: PeriodReport, scope_name: String) -> impl IntoView {
    let years: Vec<i32> = report.years.clone().collect();
    let any_incomplete = report.lines.iter().any(|l| l.total().is_some() && !l.complete());
    let caption = format!(
        "Số liệu giai đoạn {} – {}",
        text::period(*report.years.start(), *report.years.end()),
        scope_name
    );
    let region_label = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class="report">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Chỉ tiêu"</th>
                        {years.iter().map(|y| view! { <th scope="col">{y.to_string()}</th> }).collect_view()}
                        <th scope="col">"Tổng"</th>
                    </tr>
                </thead>
                <tbody>
                    {report
                        .lines
                        .iter()
                        .map(|l| {
                            let total = match l.total() {
                                None => text::NO_DATA.to_string(),
                                Some(t) if l.complete() => format::integer(t as i64),
                                Some(t) => format!("{}{}", format::integer(t as i64), text::INCOMPLETE_MARK),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{text::measure_label(&l.measure)}</th>
                                    {l.per_year.iter().map(|(_, v)| view! { <td class="num">{text::figure(v)}</td> }).collect_view()}
                                    <td class="num total">{total}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Số đơn vị tính"</th>
                        {report
                            .units_per_year
                            .iter()
                            .map(|(_, n)| view! { <td class="num">{format::integer(*n as i64)}</td> })
                            .collect_view()}
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        {any_incomplete.then(|| view! { <p class="footnote">{text::INCOMPLETE_NOTE}</p> })}
    }
}
