//! The reports of a coordination programme with the People's Committee: the annual review
//! (Báo cáo sơ kết năm: each content area's result with its figures, limitations, next year's
//! tasks) and the period report (Báo cáo số liệu giai đoạn: every quoted figure, year by year,
//! with the period total).

use super::document::{Block, Cell, Column, Document, Table};
use super::settings::ReportSettings;
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::format;
use crate::domain::programmes::figures::review_figures;
use crate::domain::programmes::review::find_for;
use crate::domain::programmes::totals::{period_report, MeasureValue, ReportScope};
use crate::domain::programmes::wording::{lead_name, measure_label, outcome_name};
use crate::domain::record;
use chrono::NaiveDate;
use std::ops::RangeInclusive;

pub fn annual_review(
    data: &AppData,
    programme_id: &str,
    year: i32,
    settings: &ReportSettings,
    today: NaiveDate,
) -> Result<Document, ReportError> {
    let p = record::find(&data.programmes, programme_id).ok_or(ReportError::ProgrammeNotFound)?;
    let review = find_for(&data.reviews, programme_id, year);
    let date = review.map_or(today, |r| r.held_on);
    let mut doc = Document::issued(
        settings,
        date,
        "Báo cáo",
        format!(
            "Sơ kết năm {year} thực hiện Chương trình phối hợp số {} giữa {} và {}",
            p.number,
            p.authority,
            data.unit_name(&p.unit_id)
        ),
    );
    if review.is_none() {
        doc.draft = Some(format!(
            "DỰ THẢO – chưa có đánh giá sơ kết năm {year}: kết quả từng nội dung chưa được ghi."
        ));
    }
    doc.body.push(Block::Paragraph(format!(
        "Chương trình phối hợp số {} ký ngày {}{}, giai đoạn {}–{}, gồm {} nội dung.",
        p.number,
        format::date(p.signed_on),
        if p.title.trim().is_empty() {
            String::new()
        } else {
            format!(" ({})", p.title.trim())
        },
        p.from_year,
        p.to_year,
        p.areas.len()
    )));
    doc.body
        .push(Block::Heading(format!("I. KẾT QUẢ THỰC HIỆN NĂM {year}")));
    let figures = review_figures(p, year, data);
    let rows = figures
        .iter()
        .map(|f| {
            let result = review.and_then(|r| r.result_for(&f.area.id));
            let shown: Vec<String> = f
                .values
                .iter()
                .map(|(m, v)| format!("{}: {}", measure_label(m), figure(v)))
                .collect();
            vec![
                Cell::number(f.area.number as f64),
                Cell::text(f.area.title.clone()),
                Cell::text(lead_name(f.area.lead)),
                Cell::text(shown.join("; ")),
                Cell::text(result.map(|r| outcome_name(r.outcome)).unwrap_or("Chưa đánh giá")),
                Cell::text(result.map(|r| r.note.clone()).unwrap_or_default()),
            ]
        })
        .collect();
    doc.body.push(Block::Table(Table {
        caption: format!("Kết quả các nội dung phối hợp năm {year}"),
        columns: vec![
            Column::number("STT"),
            Column::text("Nội dung"),
            Column::text("Chủ trì"),
            Column::text("Số liệu năm"),
            Column::text("Kết quả"),
            Column::text("Ghi chú"),
        ],
        rows,
    }));
    if let Some(r) = review {
        doc.body.push(Block::Heading("II. HẠN CHẾ".into()));
        push_lines(&mut doc, &r.limitations);
        doc.body
            .push(Block::Heading(format!("III. NHIỆM VỤ NĂM {}", year + 1)));
        push_lines(&mut doc, &r.next_tasks);
    }
    Ok(doc)
}

fn push_lines(doc: &mut Document, lines: &[String]) {
    if lines.iter().all(|l| l.trim().is_empty()) {
        doc.body.push(Block::Paragraph("Không có.".into()));
    }
    for l in lines.iter().filter(|l| !l.trim().is_empty()) {
        doc.body.push(Block::Paragraph(format!("- {}", l.trim())));
    }
}

/// "4.561", "—" when missing, "4.561*" when some units lack the figure.
fn figure(v: &MeasureValue) -> String {
    match v.value {
        None => "—".into(),
        Some(n) if v.complete() => format::integer(n as i64),
        Some(n) => format!("{}*", format::integer(n as i64)),
    }
}

pub fn period(
    data: &AppData,
    scope: &ReportScope,
    years: RangeInclusive<i32>,
    settings: &ReportSettings,
    today: NaiveDate,
) -> Result<Document, ReportError> {
    let name = match scope {
        ReportScope::All => "các đơn vị".to_string(),
        ReportScope::Cluster(n) => n.clone(),
        ReportScope::Unit(id) => record::find(&data.units, id)
            .map(|u| format!("{} và các đơn vị trực thuộc", u.name))
            .ok_or(ReportError::UnitNotFound)?,
    };
    let (from, to) = (*years.start(), *years.end());
    let report = period_report(scope, years, data);
    let mut doc = Document::issued(
        settings,
        today,
        "Báo cáo",
        format!("Số liệu giai đoạn {from}–{to} của {name}"),
    );
    doc.body.push(Block::Paragraph(
        "Số liệu cộng từ chỉ tiêu năm và sổ đối thoại của các đơn vị; dấu * là chưa đủ số liệu của mọi đơn vị, dấu — là chưa có số liệu.".into(),
    ));
    let mut columns = vec![Column::text("Chỉ tiêu")];
    columns.extend((from..=to).map(|y| Column::number(&y.to_string())));
    columns.push(Column::number("Cả giai đoạn"));
    let rows = report
        .lines
        .iter()
        .map(|l| {
            let mut row = vec![Cell::text(measure_label(&l.measure))];
            row.extend(l.per_year.iter().map(|(_, v)| match v.value {
                Some(n) if v.complete() => Cell::number(n as f64),
                _ => Cell::text(figure(v)),
            }));
            row.push(match l.total() {
                Some(n) if l.complete() => Cell::number(n as f64),
                Some(n) => Cell::text(format!("{}*", format::integer(n as i64))),
                None => Cell::text("—"),
            });
            row
        })
        .collect();
    doc.body.push(Block::Table(Table {
        caption: format!("Số liệu giai đoạn {from}–{to}"),
        columns,
        rows,
    }));
    Ok(doc)
}
