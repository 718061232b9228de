//! Biên bản đối thoại (Labour Code 2019 art. 63–64, NĐ 145/2020): time and place, the two
//! sides, the contents raised, the points agreed with their measures and those not agreed,
//! signed by both sides and by the person who took the minutes.
//!
//! The minutes are the record of the meeting (domain guide §3): they print only what the
//! dialogue's record holds (signed minutes: the contents raised as copied at signing, see
//! `dialogues::signing`), never a proposal's later status, deadline or response, which are its
//! follow-up. The letterhead is the host's: the federation's own (its settings, "Số: …/BB-…"),
//! the People's Committee's ("Số: …/BB-UBND") or the enterprise's (its name, no number).

use super::document::{Block, Cell, Column, Document, Signature, Table};
use super::settings::ReportSettings;
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::dialogues::meeting::{person, time_words};
use crate::domain::dialogues::wording::{kind_phrase, level_name, topic_name};
use crate::domain::dialogues::{Chair, Dialogue, HostKind, RaisedPoint};
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
    let host = &d.meeting.host;
    let holder = match host.kind {
        HostKind::Federation => unit,
        _ => host.name.trim().to_string(),
    };
    // Minutes are dated the day the dialogue was held, where it was held.
    let mut doc = Document::issued(
        settings,
        d.date,
        "Biên bản",
        format!("Đối thoại {} tại {holder}", kind_phrase(d.kind)),
    );
    letterhead(&mut doc, d, settings);
    let hour = d
        .meeting
        .start_time
        .map(|t| format!("vào hồi {}, ", time_words(t)))
        .unwrap_or_default();
    doc.body.push(Block::Paragraph(format!(
        "Hôm nay, {hour}{}, tại {}, {} tổ chức đối thoại {} (cấp {}).",
        format::date_long(d.date),
        if d.place.trim().is_empty() {
            "(chưa ghi địa điểm)"
        } else {
            d.place.trim()
        },
        holder,
        kind_phrase(d.kind),
        letter_case::lower(level_name(d.level))
    )));

    doc.body.push(Block::Heading("I. THÀNH PHẦN THAM DỰ".into()));
    side(
        &mut doc,
        "1. Phía người sử dụng lao động / chính quyền:",
        &d.employer_chair,
        &d.meeting.employer_side,
    );
    side(
        &mut doc,
        "2. Phía tổ chức đại diện người lao động và người lao động:",
        &d.worker_chair,
        &d.meeting.worker_side,
    );
    if !d.enterprises.is_empty() {
        doc.body.push(Block::Paragraph(format!(
            "3. Doanh nghiệp tham gia: {}.",
            d.enterprises.join("; ")
        )));
    }
    doc.body.push(Block::Paragraph(format!(
        "Người ghi biên bản: {}.",
        or_unwritten(person(&d.meeting.minute_taker))
    )));
    doc.body.push(Block::Paragraph(format!(
        "Tổng số lượt người tham dự: {}.",
        format::integer(i64::from(d.attendances))
    )));

    doc.body.push(Block::Heading("II. NỘI DUNG ĐỐI THOẠI".into()));
    let raised: Vec<Vec<Cell>> = contents_raised(data, d)
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                Cell::number((i + 1) as f64),
                Cell::text(p.content),
                Cell::text(topic_name(p.topic)),
                Cell::text(p.raised_by),
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
            title: letter_case::upper(d.meeting.minute_taker.role.trim()),
            name: d.meeting.minute_taker.name.trim().to_string(),
        },
    ];
    Ok(doc)
}

/// The host's header: the federation's from the settings, with the sign of minutes (BB) where
/// its reports carry BC; a People's Committee's name with "/BB-UBND"; an enterprise's name and
/// no number (its minutes are its own paper, not an office's registered document).
fn letterhead(doc: &mut Document, d: &Dialogue, settings: &ReportSettings) {
    let name = letter_case::upper(d.meeting.host.name.trim());
    match d.meeting.host.kind {
        HostKind::Federation => {
            doc.number = format!("Số:        {}", settings.sign.replacen("/BC", "/BB", 1));
        }
        HostKind::PeoplesCommittee => {
            doc.parent_body = String::new();
            doc.issuing_body = name;
            doc.number = "Số:        /BB-UBND".into();
        }
        HostKind::Enterprise => {
            doc.parent_body = String::new();
            doc.issuing_body = name;
            doc.number = String::new();
        }
    }
}

/// One side's participants: its chair (chủ trì), then everyone else named in the record.
fn side(doc: &mut Document, title: &str, chair: &Chair, others: &[Chair]) {
    doc.body.push(Block::Paragraph(title.to_string()));
    let chair = person(chair);
    if !chair.is_empty() {
        doc.body.push(Block::Paragraph(format!("- {chair}, chủ trì;")));
    }
    for p in others.iter().map(person).filter(|p| !p.is_empty()) {
        doc.body.push(Block::Paragraph(format!("- {p};")));
    }
    if chair.is_empty() && others.is_empty() {
        doc.body.push(Block::Paragraph("- (chưa ghi)".into()));
    }
}

fn or_unwritten(text: String) -> String {
    if text.is_empty() {
        "(chưa ghi)".into()
    } else {
        text
    }
}

/// The contents raised as the minutes record them: signed minutes print their copy; unsigned
/// ones (and minutes signed by versions that kept no copy) the words of the dialogue's live
/// proposals. Never their status or deadline.
pub fn contents_raised(data: &AppData, d: &Dialogue) -> Vec<RaisedPoint> {
    match &d.raised {
        Some(raised) if d.minutes_signed => raised.clone(),
        _ => crate::domain::dialogues::signing::raised_now(&d.meta.id, &data.proposals),
    }
}
