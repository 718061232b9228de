//! Bảng chấm điểm thi đua of one unit in a cluster-year: every criterion by block with its
//! maximum, the unit's own and the cluster's points and the notes, totals and tier, signed by
//! the unit and by the cluster head.

use super::document::{Block, Cell, Column, Document, Signature, Table};
use super::settings::ReportSettings;
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::letter_case;
use crate::domain::scoring::ranking::tier_for;
use crate::domain::scoring::scorecard::{self, CardStatus};
use crate::domain::scoring::wording;
use chrono::NaiveDate;

pub fn scorecard_report(
    data: &AppData,
    cluster_id: &str,
    unit_id: &str,
    settings: &ReportSettings,
    date: NaiveDate,
) -> Result<Document, ReportError> {
    let (cluster, t, results) = super::scored_cluster(data, cluster_id)?;
    let card = scorecard::find_for(&data.scorecards, &cluster.meta.id, cluster.year, unit_id)
        .ok_or(ReportError::NoScorecard)?;
    // A final card prints the table it was finalised on.
    let t = card.table_or(t);
    let result = results
        .cards
        .iter()
        .find(|c| c.card_id == card.meta.id)
        .ok_or(ReportError::NoScorecard)?;
    let unit = data.unit_name(unit_id);
    let mut doc = Document::issued(
        settings,
        date,
        "Bảng chấm điểm thi đua",
        format!("Năm {} – {} – {}", cluster.year, unit, cluster.name),
    );
    if card.status != CardStatus::Final {
        doc.draft = Some(format!(
            "DỰ THẢO – phiếu chấm đang ở bước \"{}\", chưa chốt.",
            wording::status(card.status)
        ));
    }
    doc.body.push(Block::Paragraph(format!(
        "Bảng điểm: {}. Điểm tối đa phần cơ bản: {} điểm.",
        t.name,
        t.base_total()
    )));

    let mut rows = Vec::new();
    for block in &t.blocks {
        rows.push(vec![
            Cell::text(block.code.clone()),
            Cell::text(letter_case::upper(&block.title)),
            Cell::number(t.block_max(&block.code).as_f64()),
            result
                .self_tally
                .blocks
                .get(&block.code)
                .map_or(Cell::Empty, |p| Cell::number(p.as_f64())),
            result
                .reviewed
                .blocks
                .get(&block.code)
                .map_or(Cell::Empty, |p| Cell::number(p.as_f64())),
            Cell::Empty,
        ]);
        for c in t.criteria.iter().filter(|c| c.block == block.code) {
            let points = result.criteria.iter().find(|p| p.criterion_id == c.id);
            let entry = card.entry(&c.id);
            let mut note = entry.map(|e| e.comment.trim().to_string()).unwrap_or_default();
            if let Some(evidence) = entry.map(|e| e.evidence.trim()).filter(|e| !e.is_empty()) {
                if !note.is_empty() {
                    note.push_str(". ");
                }
                note.push_str(&format!("Minh chứng: {evidence}"));
            }
            rows.push(vec![
                Cell::text(c.code.clone()),
                Cell::text(format!(
                    "{} ({})",
                    c.name,
                    letter_case::lower(wording::kind(&c.kind))
                )),
                Cell::number(c.max.as_f64()),
                points.map_or(Cell::Empty, |p| Cell::number(p.self_points.as_f64())),
                points.map_or(Cell::Empty, |p| Cell::number(p.reviewed_points.as_f64())),
                Cell::text(note),
            ]);
        }
    }
    doc.body.push(Block::Table(Table {
        caption: format!("Bảng chấm điểm {unit} năm {}", cluster.year),
        columns: vec![
            Column::text("Mã"),
            Column::text("Tiêu chí"),
            Column::number("Điểm tối đa"),
            Column::number("Tự chấm"),
            Column::number("Cụm chấm"),
            Column::text("Ghi chú"),
        ],
        rows,
    }));
    let th = &t.settings.thresholds;
    for (side, tally) in [("Tự chấm", &result.self_tally), ("Cụm chấm", &result.reviewed)] {
        let tier = tier_for(tally.total, th, !tally.vetoes.is_empty());
        doc.body.push(Block::Paragraph(format!(
            "{side}: phần cơ bản {} điểm, điểm thưởng {}, điểm trừ {}; tổng {} điểm – {} ({}).",
            tally.base,
            tally.bonus,
            tally.penalty,
            tally.total,
            wording::tier(tier),
            tier.abbreviation()
        )));
    }
    let head = cluster
        .head_id
        .as_deref()
        .map(|h| data.unit_name(h))
        .unwrap_or_default();
    doc.recipients = Vec::new();
    doc.signatures = vec![
        Signature {
            authority: "THỦ TRƯỞNG ĐƠN VỊ ĐƯỢC CHẤM".to_string(),
            title: letter_case::upper(&unit),
            name: String::new(),
        },
        Signature {
            authority: format!("TM. {}", letter_case::upper(&cluster.name)),
            title: if head.is_empty() {
                "CỤM TRƯỞNG".into()
            } else {
                format!("CỤM TRƯỞNG – {}", letter_case::upper(&head))
            },
            name: String::new(),
        },
    ];
    Ok(doc)
}
