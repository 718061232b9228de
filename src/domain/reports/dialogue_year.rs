//! The yearly dialogue report of one unit or of all units: dialogues held by kind, attendance,
//! proposals by status and by topic, how many were resolved in time, what is overdue, and the
//! units that held no periodic dialogue (Labour Code 2019 art. 63).

use super::document::{Block, Cell, Column, Document, Table};
use super::settings::ReportSettings;
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::dialogues::compliance::units_without_periodic_dialogue;
use crate::domain::dialogues::summary::summarize;
use crate::domain::dialogues::wording::{kind_phrase, status_name, topic_name};
use crate::domain::dialogues::{DialogueKind, ProposalStatus, Topic};
use crate::domain::format;
use crate::domain::record;
use chrono::{Datelike, NaiveDate};

pub fn dialogue_year(
    data: &AppData,
    year: i32,
    unit_id: Option<&str>,
    settings: &ReportSettings,
    today: NaiveDate,
) -> Result<Document, ReportError> {
    let scope = match unit_id {
        Some(u) => record::find(&data.units, u)
            .map(|x| x.name.clone())
            .ok_or(ReportError::UnitNotFound)?,
        None => "các đơn vị".to_string(),
    };
    let s = summarize(year, unit_id, &data.dialogues, &data.proposals, today);
    let mut doc = Document::issued(
        settings,
        today,
        "Báo cáo",
        format!("Kết quả tổ chức đối thoại tại nơi làm việc năm {year} của {scope}"),
    );
    if year >= today.year() {
        doc.draft = Some(format!(
            "Số liệu tính đến {}: năm {year} chưa kết thúc.",
            format::date(today)
        ));
    }
    doc.body
        .push(Block::Heading("I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI".into()));
    let by_kind: Vec<String> = DialogueKind::ALL
        .iter()
        .filter(|k| s.of_kind(**k) > 0)
        .map(|k| format!("{} {}", format::integer(s.of_kind(*k) as i64), kind_phrase(*k)))
        .collect();
    doc.body.push(Block::Paragraph(format!(
        "Năm {year}, {scope} tổ chức {} cuộc đối thoại{} với {} lượt người tham dự.",
        format::integer(s.dialogues as i64),
        if by_kind.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_kind.join(", "))
        },
        format::integer(s.attendances as i64)
    )));

    doc.body
        .push(Block::Heading("II. KIẾN NGHỊ VÀ KẾT QUẢ GIẢI QUYẾT".into()));
    let rate = |r: Option<f64>| r.map(format::percent).unwrap_or_else(|| "—".into());
    doc.body.push(Block::Paragraph(format!(
        "Tổng số {} kiến nghị; đã giải quyết hoặc trả lời {} ({}), trong đó đúng hạn {} ({}); còn {} đang giải quyết, {} quá hạn.",
        format::integer(s.proposals as i64),
        format::integer(s.closed as i64),
        rate(s.resolved_rate()),
        format::integer(s.closed_in_time as i64),
        rate(s.in_time_rate()),
        format::integer(s.open as i64),
        format::integer(s.overdue as i64),
    )));
    doc.body.push(Block::Table(Table {
        caption: format!("Kiến nghị năm {year} theo trạng thái"),
        columns: vec![Column::text("Trạng thái"), Column::number("Số kiến nghị")],
        rows: ProposalStatus::ALL
            .iter()
            .map(|st| {
                vec![
                    Cell::text(status_name(*st)),
                    Cell::number(s.with_status(*st) as f64),
                ]
            })
            .collect(),
    }));
    doc.body.push(Block::Table(Table {
        caption: format!("Kiến nghị năm {year} theo lĩnh vực"),
        columns: vec![Column::text("Lĩnh vực"), Column::number("Số kiến nghị")],
        rows: Topic::ALL
            .iter()
            .filter(|t| s.with_topic(**t) > 0)
            .map(|t| vec![Cell::text(topic_name(*t)), Cell::number(s.with_topic(*t) as f64)])
            .collect(),
    }));

    doc.body.push(Block::Heading(
        "III. ĐƠN VỊ CHƯA TỔ CHỨC ĐỐI THOẠI ĐỊNH KỲ".into(),
    ));
    let units: Vec<_> = match unit_id {
        Some(u) => data.units.iter().filter(|x| x.meta.id == u).cloned().collect(),
        None => data.units.clone(),
    };
    let missing = units_without_periodic_dialogue(year, &units, &data.dialogues);
    if missing.is_empty() {
        doc.body.push(Block::Paragraph(format!(
            "Tất cả đơn vị đang hoạt động đã tổ chức đối thoại định kỳ năm {year}."
        )));
    } else {
        doc.body.push(Block::Paragraph(format!(
            "{} đơn vị chưa tổ chức đối thoại định kỳ năm {year} (Bộ luật Lao động 2019, Điều 63):",
            format::integer(missing.len() as i64)
        )));
        doc.body.push(Block::Table(Table {
            caption: format!("Đơn vị chưa đối thoại định kỳ năm {year}"),
            columns: vec![Column::number("STT"), Column::text("Đơn vị")],
            rows: missing
                .iter()
                .enumerate()
                .map(|(i, u)| vec![Cell::number((i + 1) as f64), Cell::text(u.name.clone())])
                .collect(),
        }));
    }
    Ok(doc)
}
