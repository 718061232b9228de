//! Biên bản đối thoại (Labour Code 2019 art. 63–64, NĐ 145/2020): time and place, the two
//! sides, the contents raised, the points agreed with their measures and those not agreed,
//! signed by both sides and by the person who took the minutes.

use super::document::{Block, Cell, Column, Document, Signature, Table};
use super::settings::ReportSettings;
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::dialogues::wording::{kind_phrase, level_name, status_name, topic_name};
use crate::domain::format;
use crate::domain::letter_case;
use crate::domain::record;

pub fn dialogue_minutes(
    data: &AppData,
    dialogue_id: &str,
    settings: &ReportSettings,
) -> Result<Document, ReportError> {
    let d = record::find(&data.dialogues, dialogue_id).ok_or(ReportError::DialogueNotFound)?;
    let unit = data.unit_name(&d.unit_id);
    // Minutes are dated the day the dialogue was held, where it was held.
    let mut doc = Document::issued(
        settings,
        d.date,
        "Biên bản",
        format!("Đối thoại {} tại {unit}", kind_phrase(d.kind)),
    );
    // Minutes carry the sign of minutes (BB) where the office's reports carry BC.
    doc.number = format!("Số:        {}", settings.sign.replacen("/BC", "/BB", 1));
    doc.body.push(Block::Paragraph(format!(
        "Hôm nay, {}, tại {}, {} tổ chức đối thoại {} (cấp {}).",
        format::date_long(d.date),
        if d.place.trim().is_empty() {
            "(chưa ghi địa điểm)"
        } else {
            d.place.trim()
        },
        unit,
        kind_phrase(d.kind),
        letter_case::lower(level_name(d.level))
    )));

    doc.body.push(Block::Heading("I. THÀNH PHẦN THAM DỰ".into()));
    doc.body.push(Block::Paragraph(format!(
        "1. Đại diện người sử dụng lao động / chính quyền: {}.",
        chair(&d.employer_chair.name, &d.employer_chair.role)
    )));
    doc.body.push(Block::Paragraph(format!(
        "2. Đại diện tổ chức đại diện người lao động: {}.",
        chair(&d.worker_chair.name, &d.worker_chair.role)
    )));
    if !d.enterprises.is_empty() {
        doc.body.push(Block::Paragraph(format!(
            "3. Doanh nghiệp tham gia: {}.",
            d.enterprises.join("; ")
        )));
    }
    doc.body.push(Block::Paragraph(format!(
        "Tổng số lượt người tham dự: {}.",
        format::integer(i64::from(d.attendances))
    )));

    doc.body.push(Block::Heading("II. NỘI DUNG ĐỐI THOẠI".into()));
    let raised: Vec<Vec<Cell>> = record::live(&data.proposals)
        .filter(|p| p.dialogue_id == d.meta.id)
        .enumerate()
        .map(|(i, p)| {
            vec![
                Cell::number((i + 1) as f64),
                Cell::text(p.content.clone()),
                Cell::text(topic_name(p.topic)),
                Cell::text(p.raised_by.clone()),
                Cell::text(p.agency.clone()),
                Cell::date(p.deadline),
                Cell::text(status_name(p.status)),
            ]
        })
        .collect();
    if raised.is_empty() {
        doc.body
            .push(Block::Paragraph("Không có kiến nghị nào được ghi nhận.".into()));
    } else {
        doc.body.push(Block::Table(Table {
            caption: "Các kiến nghị nêu tại đối thoại".into(),
            columns: vec![
                Column::number("STT"),
                Column::text("Nội dung kiến nghị"),
                Column::text("Lĩnh vực"),
                Column::text("Người nêu"),
                Column::text("Cơ quan giải quyết"),
                Column::text("Hạn giải quyết"),
                Column::text("Trạng thái"),
            ],
            rows: raised,
        }));
    }

    doc.body.push(Block::Heading(
        "III. NỘI DUNG ĐÃ THỐNG NHẤT VÀ BIỆN PHÁP THỰC HIỆN".into(),
    ));
    if d.agreed.is_empty() {
        doc.body.push(Block::Paragraph("Không có.".into()));
    }
    for (i, p) in d.agreed.iter().enumerate() {
        let measure = if p.measure.trim().is_empty() {
            String::new()
        } else {
            format!(" Biện pháp: {}.", p.measure.trim().trim_end_matches('.'))
        };
        doc.body.push(Block::Paragraph(format!(
            "{}. {}.{measure}",
            i + 1,
            p.content.trim().trim_end_matches('.')
        )));
    }
    doc.body
        .push(Block::Heading("IV. NỘI DUNG CHƯA THỐNG NHẤT".into()));
    if d.disagreed.is_empty() {
        doc.body.push(Block::Paragraph("Không có.".into()));
    }
    for (i, p) in d.disagreed.iter().enumerate() {
        doc.body
            .push(Block::Paragraph(format!("{}. {}", i + 1, p.trim())));
    }
    if let Some(next) = d.next_dialogue_on {
        doc.body.push(Block::Paragraph(format!(
            "Hai bên thống nhất đối thoại tiếp vào {}.",
            format::date_long(next)
        )));
    }
    if !d.minutes_notes.trim().is_empty() {
        doc.body
            .push(Block::Paragraph(d.minutes_notes.trim().to_string()));
    }
    doc.body.push(Block::Paragraph(
        "Biên bản được lập thành các bản có giá trị như nhau, mỗi bên giữ một bản; đã đọc lại cho các thành viên tham dự cùng nghe và nhất trí ký tên."
            .into(),
    ));
    doc.recipients = Vec::new();
    doc.signatures = vec![
        Signature {
            authority: "ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG".into(),
            title: letter_case::upper(d.employer_chair.role.trim()),
            name: d.employer_chair.name.trim().to_string(),
        },
        Signature {
            authority: "ĐẠI DIỆN TỔ CHỨC ĐẠI DIỆN NGƯỜI LAO ĐỘNG".into(),
            title: letter_case::upper(d.worker_chair.role.trim()),
            name: d.worker_chair.name.trim().to_string(),
        },
        Signature {
            authority: "NGƯỜI GHI BIÊN BẢN".into(),
            title: String::new(),
            name: String::new(),
        },
    ];
    Ok(doc)
}

fn chair(name: &str, role: &str) -> String {
    match (name.trim(), role.trim()) {
        ("", "") => "(chưa ghi)".into(),
        (n, "") => n.to_string(),
        ("", r) => r.to_string(),
        (n, r) => format!("{n} – {r}"),
    }
}
