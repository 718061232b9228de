//! Biên bản họp bình xét thi đua cụm (domain guide §1, "The year-end dossier"): time and place,
//! chair and secretary, the member units present with their representatives, the scores, tiers
//! and ranks, the vote on each award (votes for of votes cast, with the share), the units
//! proposed, the head and deputy elected for next year; signed by the secretary and the chair.
//! It prints the closed year (see [`super::year_end`]), dated the day of the meeting.

use super::document::{Block, Cell, Column, Document, Signature, Table};
use super::settings::ReportSettings;
use super::year_end::{self, signer_name, YearEnd};
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::dialogues::meeting::time_words;
use crate::domain::format;
use crate::domain::scoring::wording;

pub fn review_minutes(
    data: &AppData,
    cluster_id: &str,
    settings: &ReportSettings,
    today: chrono::NaiveDate,
) -> Result<Document, ReportError> {
    let y = year_end::read(data, cluster_id)?;
    let (c, m) = (y.cluster, y.meeting);
    let mut doc = Document::issued(
        settings,
        m.date.unwrap_or(today),
        "Biên bản",
        format!("Họp bình xét thi đua năm {} của {}", c.year, c.name),
    );
    doc.number = format!("Số:        {}", settings.sign_for("BB"));
    // Minutes are kept by the members; they are not sent "as addressed".
    doc.recipients = Vec::new();
    let hour = m
        .start_time
        .map(|t| format!("vào hồi {}, ", time_words(t)))
        .unwrap_or_default();
    let day = m.date.map(format::date_long).unwrap_or_default();
    doc.body.push(Block::Paragraph(format!(
        "Hôm nay, {hour}{day}, tại {}, {} tổ chức hội nghị bình xét, suy tôn thi đua năm {}.",
        m.place, c.name, c.year
    )));

    doc.body.push(Block::Heading("I. THÀNH PHẦN THAM DỰ".into()));
    doc.body
        .push(Block::Paragraph(format!("- Chủ trì: {}.", m.chair)));
    doc.body
        .push(Block::Paragraph(format!("- Thư ký: {}.", m.secretary)));
    doc.body.push(Block::Paragraph(format!(
        "- Đơn vị dự họp: {}/{} đơn vị thành viên.",
        m.present.len(),
        c.member_ids.len()
    )));
    doc.body.push(Block::Table(Table {
        caption: "Đơn vị dự họp".into(),
        columns: vec![
            Column::number("STT"),
            Column::text("Đơn vị"),
            Column::text("Đại diện"),
        ],
        rows: m
            .present
            .iter()
            .enumerate()
            .map(|(i, a)| {
                vec![
                    Cell::number((i + 1) as f64),
                    Cell::text(data.unit_name(&a.unit_id)),
                    Cell::text(a.representatives.clone()),
                ]
            })
            .collect(),
    }));
    let absent: Vec<String> = c
        .member_ids
        .iter()
        .filter(|u| !m.present.iter().any(|a| a.unit_id == **u))
        .map(|u| data.unit_name(u))
        .collect();
    if !absent.is_empty() {
        doc.body
            .push(Block::Paragraph(format!("- Vắng: {}.", absent.join(", "))));
    }

    doc.body
        .push(Block::Heading("II. KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI".into()));
    doc.body.push(Block::Paragraph(format!(
        "Hội nghị thống nhất kết quả chấm điểm theo {}:",
        y.template.name
    )));
    doc.body.push(Block::Table(Table {
        caption: format!("Kết quả chấm điểm, xếp loại {} năm {}", c.name, c.year),
        columns: vec![
            Column::number("Hạng"),
            Column::text("Đơn vị"),
            Column::number("Tổng điểm"),
            Column::text("Xếp loại"),
        ],
        rows: y
            .lines
            .iter()
            .map(|l| {
                vec![
                    Cell::number(l.row.rank as f64),
                    Cell::text(data.unit_name(&l.row.unit_id)),
                    Cell::number(l.row.total.as_f64()),
                    Cell::text(
                        wording::tier(l.row.tier).to_string() + " (" + l.row.tier.abbreviation() + ")",
                    ),
                ]
            })
            .collect(),
    }));

    votes(&mut doc, &y, data);
    proposed(&mut doc, &y, data);

    doc.body.push(Block::Heading(format!(
        "V. BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM {}",
        c.year + 1
    )));
    let elected = |id: &Option<String>| id.as_ref().map(|u| data.unit_name(u));
    doc.body.push(Block::Paragraph(
        match (elected(&c.next_head_id), elected(&m.next_deputy_id)) {
            (Some(h), Some(d)) => format!(
                "Hội nghị thống nhất bầu {h} làm Cụm trưởng, {d} làm Cụm phó năm {}.",
                c.year + 1
            ),
            (Some(h), None) => format!("Hội nghị thống nhất bầu {h} làm Cụm trưởng năm {}.", c.year + 1),
            (None, Some(d)) => format!("Hội nghị thống nhất bầu {d} làm Cụm phó năm {}.", c.year + 1),
            (None, None) => format!("Hội nghị chưa bầu Cụm trưởng, Cụm phó năm {}.", c.year + 1),
        },
    ));
    doc.body.push(Block::Paragraph(
        "Biên bản đã được đọc lại và thông qua tại hội nghị./.".into(),
    ));
    doc.signatures = vec![
        Signature {
            authority: "THƯ KÝ".into(),
            title: String::new(),
            name: signer_name(&m.secretary),
        },
        Signature {
            authority: "CHỦ TRÌ".into(),
            title: "CỤM TRƯỞNG".into(),
            name: signer_name(&m.chair),
        },
    ];
    Ok(doc)
}

/// III: each unit put forward, with its votes and the verdict the share gives.
fn votes(doc: &mut Document, y: &YearEnd<'_>, data: &AppData) {
    doc.body
        .push(Block::Heading("III. KẾT QUẢ BỎ PHIẾU SUY TÔN".into()));
    let share = y.template.settings.vote_share;
    doc.body.push(Block::Paragraph(format!(
        "Hội nghị bỏ phiếu kín; đơn vị được đề nghị khen thưởng khi đạt {}.",
        share.words()
    )));
    if y.put_forward.is_empty() {
        doc.body.push(Block::Paragraph(
            "Không có đơn vị đủ điều kiện để bỏ phiếu suy tôn.".into(),
        ));
        return;
    }
    doc.body.push(Block::Table(Table {
        caption: "Kết quả bỏ phiếu suy tôn".into(),
        // The unit first: the column that names each row is the one kept on one line.
        columns: vec![
            Column::text("Đơn vị"),
            Column::text("Hình thức khen thưởng"),
            Column::text("Số phiếu"),
            Column::text("Kết quả"),
        ],
        rows: y
            .put_forward
            .iter()
            .map(|p| {
                vec![
                    Cell::text(data.unit_name(&p.unit_id)),
                    Cell::text(p.form.name.clone()),
                    Cell::unbroken(p.vote.as_ref().map_or("Chưa bỏ phiếu".into(), |v| v.words())),
                    Cell::text(match (p.proposed, &p.vote) {
                        (true, Some(_)) => "Đạt, đề nghị",
                        (true, None) => "Đề nghị theo kết quả chấm điểm",
                        (false, Some(_)) => "Không đạt tỷ lệ, không đề nghị",
                        (false, None) => "Chưa bỏ phiếu, không đề nghị",
                    }),
                ]
            })
            .collect(),
    }));
}

/// IV: the units proposed per award form, and those put forward but not proposed.
fn proposed(doc: &mut Document, y: &YearEnd<'_>, data: &AppData) {
    doc.body.push(Block::Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG".into()));
    let by_form = y.proposed_by_form();
    if by_form.is_empty() {
        doc.body.push(Block::Paragraph(
            "Không có đơn vị được đề nghị khen thưởng.".into(),
        ));
    }
    for (i, (form, units)) in by_form.iter().enumerate() {
        let names: Vec<String> = units
            .iter()
            .map(|p| match &p.vote {
                Some(v) => format!("{} – {}", data.unit_name(&p.unit_id), v.words()),
                None => data.unit_name(&p.unit_id),
            })
            .collect();
        doc.body.push(Block::Paragraph(format!(
            "{}. {form}: {}.",
            i + 1,
            names.join("; ")
        )));
    }
    let share = y.template.settings.vote_share;
    for p in y.put_forward.iter().filter(|p| !p.proposed) {
        doc.body.push(Block::Paragraph(format!(
            "Không đề nghị {} cho {}: {}.",
            p.form.name,
            data.unit_name(&p.unit_id),
            crate::domain::scoring::vote_tally::shortfall(p.vote.as_ref(), share)
        )));
    }
}
