//! Báo cáo kết quả chấm điểm, xếp loại thi đua of one cluster-year: every member ranked (cards
//! not yet final ranked provisionally beside the final ones), tiers with their reasons,
//! proposed awards and the head elected for next year. While any card is not final the report
//! is a draft and says which cards.

use super::document::{Block, Cell, Column, Document, Table};
use super::settings::ReportSettings;
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::scoring::compute::ClusterResults;
use crate::domain::scoring::result_lines::{award_text, result_lines, ResultLine};
use crate::domain::scoring::scorecard::CardStatus;
use crate::domain::scoring::standing::standing;
use crate::domain::scoring::template::ScoringTemplate;
use crate::domain::scoring::wording;
use chrono::NaiveDate;

pub fn cluster_results(
    data: &AppData,
    cluster_id: &str,
    settings: &ReportSettings,
    date: NaiveDate,
) -> Result<Document, ReportError> {
    let (cluster, _, results) = super::scored_cluster(data, cluster_id)?;
    // Ranked with the table the final cards kept (the live one when they kept none).
    let t = &results.template;
    let ranked = standing(&results, t, &cluster.vote_order, true);
    let lines = result_lines(&ranked, &results, t, &cluster.tally, |u| data.unit_label(u));
    let mut doc = Document::issued(
        settings,
        date,
        "Báo cáo",
        format!(
            "Kết quả chấm điểm, xếp loại thi đua năm {} của {}",
            cluster.year, cluster.name
        ),
    );

    let unfinished: Vec<String> = lines
        .iter()
        .filter(|l| l.status != CardStatus::Final)
        .map(|l| {
            format!(
                "{} ({})",
                data.unit_name(&l.row.unit_id),
                wording::status(l.status)
            )
        })
        .collect();
    let missing: Vec<String> = ranked.without_card.iter().map(|u| data.unit_name(u)).collect();
    let is_draft = !unfinished.is_empty() || !missing.is_empty();
    if is_draft {
        let mut why = Vec::new();
        if !unfinished.is_empty() {
            why.push(format!("phiếu chấm chưa chốt: {}", unfinished.join(", ")));
        }
        if !missing.is_empty() {
            why.push(format!("chưa có phiếu chấm: {}", missing.join(", ")));
        }
        doc.draft = Some(format!(
            "DỰ THẢO – kết quả chưa chính thức vì {}. Thứ hạng và đề nghị khen thưởng chỉ là tạm tính.",
            why.join("; ")
        ));
    }

    let members: Vec<String> = cluster.member_ids.iter().map(|u| data.unit_name(u)).collect();
    let mut intro = format!(
        "{} năm {} gồm {} đơn vị: {}.",
        cluster.name,
        cluster.year,
        members.len(),
        members.join(", ")
    );
    if let Some(head) = &cluster.head_id {
        intro.push_str(&format!(" Cụm trưởng: {}.", data.unit_name(head)));
    }
    if let Some(deputy) = &cluster.deputy_id {
        intro.push_str(&format!(" Cụm phó: {}.", data.unit_name(deputy)));
    }
    let th = t.settings.thresholds;
    doc.body.push(Block::Paragraph(intro));
    doc.body.push(Block::Paragraph(format!(
        "Chấm theo {} (thang 100 điểm, cộng điểm thưởng, trừ điểm trừ). Xếp loại: HTXSNV từ {} điểm, HTTNV từ {} điểm, HTNV từ {} điểm; dưới {} điểm là KHTNV; vi phạm tiêu chí loại trừ xếp KHTNV.",
        t.name, th.excellent, th.good, th.done, th.done
    )));

    doc.body
        .push(Block::Heading("I. KẾT QUẢ CHẤM ĐIỂM VÀ XẾP LOẠI".into()));
    let mut columns = vec![
        Column::number("Hạng"),
        Column::text("Đơn vị"),
        Column::number("Tự chấm"),
        Column::number("Cụm chấm"),
        Column::text("Xếp loại"),
        Column::text("Giải thích"),
    ];
    if is_draft {
        columns.insert(2, Column::text("Phiếu"));
    }
    let rows = lines
        .iter()
        .map(|l| {
            let mut row = vec![
                Cell::number(l.row.rank as f64),
                Cell::text(data.unit_name(&l.row.unit_id)),
                l.self_total.map_or(Cell::Empty, |p| Cell::number(p.as_f64())),
                Cell::number(l.row.total.as_f64()),
                Cell::text(format!(
                    "{} ({})",
                    wording::tier(l.row.tier),
                    l.row.tier.abbreviation()
                )),
                Cell::text(l.why.join(" ")),
            ];
            if is_draft {
                row.insert(2, Cell::text(wording::status(l.status)));
            }
            row
        })
        .collect();
    let caption = format!("Kết quả xếp hạng {} năm {}", cluster.name, cluster.year);
    doc.sheets = vec![results_sheet(&caption, &lines, &results, t, is_draft, |u| {
        data.unit_name(u)
    })];
    doc.body.push(Block::Table(Table {
        caption,
        columns,
        rows,
    }));

    doc.body.push(Block::Heading("II. ĐỀ NGHỊ KHEN THƯỞNG".into()));
    let proposed: Vec<String> = lines
        .iter()
        .filter(|l| l.award.is_some())
        .map(|l| {
            format!(
                "{}: {}",
                award_text(l.award.as_ref(), is_draft),
                data.unit_name(&l.row.unit_id)
            )
        })
        .collect();
    if proposed.is_empty() {
        doc.body.push(Block::Paragraph(
            "Không có đơn vị đủ điều kiện đề nghị khen thưởng.".into(),
        ));
    } else {
        for p in proposed {
            doc.body.push(Block::Paragraph(format!("- {p}.")));
        }
    }

    doc.body.push(Block::Heading(format!(
        "III. CỤM TRƯỞNG NĂM {}",
        cluster.year + 1
    )));
    doc.body.push(Block::Paragraph(match &cluster.next_head_id {
        Some(next) => format!(
            "Hội nghị tổng kết công tác thi đua, khen thưởng của cụm đã bầu {} làm Cụm trưởng năm {}.",
            data.unit_name(next),
            cluster.year + 1
        ),
        None => format!("Cụm chưa bầu Cụm trưởng năm {}.", cluster.year + 1),
    }));
    Ok(doc)
}

/// The results as a spreadsheet holds them: beside each total, the points of every block, the
/// bonus and the penalty it is made of, the card's status and the award proposed, so the sheet
/// answers what the federation asks without the printed report beside it.
fn results_sheet(
    caption: &str,
    lines: &[ResultLine],
    results: &ClusterResults,
    t: &ScoringTemplate,
    is_draft: bool,
    unit_name: impl Fn(&str) -> String,
) -> Table {
    let mut columns = vec![
        Column::number("Hạng"),
        Column::text("Đơn vị"),
        Column::text("Phiếu"),
        Column::number("Tự chấm"),
    ];
    columns.extend(
        t.blocks
            .iter()
            .map(|b| Column::number(&format!("Khối {}", b.code))),
    );
    columns.extend([
        Column::number("Điểm thưởng"),
        Column::number("Điểm trừ"),
        Column::number("Cụm chấm"),
        Column::text("Xếp loại"),
        Column::text("Đề nghị khen thưởng"),
        Column::text("Giải thích"),
    ]);
    let rows = lines
        .iter()
        .map(|l| {
            let tally = results
                .cards
                .iter()
                .find(|c| c.card_id == l.row.card_id)
                .map(|c| &c.reviewed);
            let points = |p: Option<crate::domain::scoring::points::Points>| {
                p.map_or(Cell::Empty, |p| Cell::number(p.as_f64()))
            };
            let mut row = vec![
                Cell::number(l.row.rank as f64),
                Cell::text(unit_name(&l.row.unit_id)),
                Cell::text(wording::status(l.status)),
                points(l.self_total),
            ];
            row.extend(t.blocks.iter().map(|b| points(tally.map(|t| t.block(&b.code)))));
            row.extend([
                points(tally.map(|t| t.bonus)),
                points(tally.map(|t| t.penalty)),
                Cell::number(l.row.total.as_f64()),
                Cell::text(format!(
                    "{} ({})",
                    wording::tier(l.row.tier),
                    l.row.tier.abbreviation()
                )),
                Cell::text(award_text(l.award.as_ref(), is_draft)),
                Cell::text(l.why.join(" ")),
            ]);
            row
        })
        .collect();
    Table {
        caption: caption.to_string(),
        columns,
        rows,
    }
}
