//! The app's lists as tables for a spreadsheet: units, dialogues and proposals, exactly the rows
//! the page's filters chose, with real numbers and dates. (The reports' tables come with their
//! documents; these are the lists that have no document of their own.)

use super::document::{Cell, Column, Table};
use crate::domain::dialogues::wording::{kind_name, level_name, status_name, topic_name};
use crate::domain::dialogues::{days_overdue, Dialogue, Proposal};
use crate::domain::record::{self, Id};
use crate::domain::units::{self, Unit};
use chrono::NaiveDate;
use std::collections::HashMap;

fn unit_label<'a>(all: &'a [Unit], id: &str) -> &'a str {
    record::find(all, id).map(Unit::label).unwrap_or("")
}

fn count(n: usize) -> Cell {
    Cell::number(n as f64)
}

/// The units listed, with their parent from `all`.
pub fn units_table(listed: &[&Unit], all: &[Unit]) -> Table {
    Table {
        caption: "Danh sách đơn vị".into(),
        columns: vec![
            Column::number("STT"),
            Column::text("Tên đơn vị"),
            Column::text("Tên viết tắt"),
            Column::text("Loại"),
            Column::text("Cấp trên"),
            Column::text("Hoạt động từ"),
            Column::text("Đến"),
            Column::text("Lưu trữ"),
        ],
        rows: listed
            .iter()
            .enumerate()
            .map(|(i, u)| {
                vec![
                    count(i + 1),
                    Cell::text(u.name.clone()),
                    Cell::text(u.short_name.clone()),
                    Cell::text(units::kind_name(u.kind)),
                    Cell::text(u.parent_id.as_deref().map_or("", |p| unit_label(all, p))),
                    Cell::date(u.active_from),
                    Cell::date(u.active_to),
                    Cell::text(if u.archived { "Đã lưu trữ" } else { "" }),
                ]
            })
            .collect(),
    }
}

/// How many proposals each dialogue raised, and how many are still open, in one pass.
pub fn proposal_counts(proposals: &[Proposal]) -> HashMap<Id, (usize, usize)> {
    let mut counts: HashMap<Id, (usize, usize)> = HashMap::new();
    for p in record::live(proposals) {
        let e = counts.entry(p.dialogue_id.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(p.status.is_open());
    }
    counts
}

/// The dialogues listed, with how many proposals each raised and how many are still open
/// (`counts` as [`proposal_counts`] makes them).
pub fn dialogues_table(
    listed: &[&Dialogue],
    all_units: &[Unit],
    counts: &HashMap<Id, (usize, usize)>,
) -> Table {
    Table {
        caption: "Danh sách đối thoại".into(),
        columns: vec![
            Column::number("STT"),
            Column::text("Ngày"),
            Column::text("Đơn vị tổ chức"),
            Column::text("Hình thức"),
            Column::text("Cấp"),
            Column::text("Địa điểm"),
            Column::number("Lượt tham dự"),
            Column::number("Kiến nghị"),
            Column::number("Còn mở"),
            Column::text("Biên bản"),
        ],
        rows: listed
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let (raised, open) = counts.get(&d.meta.id).copied().unwrap_or_default();
                vec![
                    count(i + 1),
                    Cell::date(Some(d.date)),
                    Cell::text(unit_label(all_units, &d.unit_id)),
                    Cell::text(kind_name(d.kind)),
                    Cell::text(level_name(d.level)),
                    Cell::text(d.place.clone()),
                    Cell::number(f64::from(d.attendances)),
                    count(raised),
                    count(open),
                    Cell::text(if d.minutes_signed { "Đã ký" } else { "Chưa ký" }),
                ]
            })
            .collect(),
    }
}

/// The proposals listed, with their dialogue, deadline and days overdue on `today`.
pub fn proposals_table(
    listed: &[&Proposal],
    dialogues: &[Dialogue],
    all_units: &[Unit],
    today: NaiveDate,
) -> Table {
    Table {
        caption: "Danh sách kiến nghị".into(),
        columns: vec![
            Column::number("STT"),
            Column::text("Nội dung kiến nghị"),
            Column::text("Lĩnh vực"),
            Column::text("Đơn vị đối thoại"),
            Column::text("Ngày đối thoại"),
            Column::text("Người nêu"),
            Column::text("Cơ quan giải quyết"),
            Column::text("Hạn giải quyết"),
            Column::text("Trạng thái"),
            Column::number("Số ngày quá hạn"),
        ],
        rows: listed
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let dialogue = record::find(dialogues, &p.dialogue_id);
                vec![
                    count(i + 1),
                    Cell::text(p.content.clone()),
                    Cell::text(topic_name(p.topic)),
                    Cell::text(dialogue.map_or("", |d| unit_label(all_units, &d.unit_id))),
                    Cell::date(dialogue.map(|d| d.date)),
                    Cell::text(p.raised_by.clone()),
                    Cell::text(p.agency.clone()),
                    Cell::date(p.deadline),
                    Cell::text(status_name(p.status)),
                    days_overdue(p, today).map_or(Cell::Empty, |d| Cell::number(d as f64)),
                ]
            })
            .collect(),
    }
}

/// A cluster-year's yearly figures: every member, every built-in figure and the two rates
/// against target (in per cent, one decimal), blank where a unit reported nothing.
pub fn cluster_indicators_table(
    cluster: &crate::domain::scoring::cluster::Cluster,
    all_units: &[Unit],
    indicators: &[crate::domain::scoring::indicators::UnitIndicators],
) -> Table {
    use crate::domain::scoring::indicators::{find_for, IndicatorKey as K, TargetRate};
    use crate::domain::scoring::wording::indicator;
    let rate_title = |r: TargetRate| match r {
        TargetRate::NewMembers => "Tỷ lệ phát triển đoàn viên (%)",
        TargetRate::NewGrassroots => "Tỷ lệ thành lập CĐCS (%)",
    };
    let mut columns = vec![Column::number("STT"), Column::text("Đơn vị")];
    columns.extend(K::BUILT_IN.iter().map(|k| Column::number(&indicator(k))));
    columns.extend(TargetRate::ALL.iter().map(|&r| Column::number(rate_title(r))));
    let rows = cluster
        .member_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let report = find_for(indicators, id, cluster.year);
            let mut row = vec![count(i + 1), Cell::text(unit_label(all_units, id))];
            row.extend(K::BUILT_IN.iter().map(|k| {
                report
                    .and_then(|r| r.get(k))
                    .map_or(Cell::Empty, |v| Cell::number(v as f64))
            }));
            row.extend(TargetRate::ALL.iter().map(|rate| {
                report
                    .and_then(|r| rate.of(r))
                    .map_or(Cell::Empty, |r| Cell::number(r.percent_tenths() as f64 / 10.0))
            }));
            row
        })
        .collect();
    Table {
        caption: format!("Chỉ tiêu năm {} – {}", cluster.year, cluster.name),
        columns,
        rows,
    }
}
