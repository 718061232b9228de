//! Tờ trình đề nghị khen thưởng (domain guide §1, "The year-end dossier"): the cluster head's
//! office asks the federation's standing committee (the parent body of the report settings) to
//! award the units the cluster proposed, on the grounds of the year's guidance and the review
//! meeting's minutes; one table per award form, each unit with its total, tier, vote share and a
//! line of achievements drawn from the figures its final card kept.

use super::document::{Block, Cell, Column, Document, Table};
use super::settings::ReportSettings;
use super::year_end::{self, YearEnd};
use super::ReportError;
use crate::domain::data::AppData;
use crate::domain::format;
use crate::domain::scoring::indicators::{self, Figures};
use crate::domain::scoring::scorecard;
use chrono::NaiveDate;

pub fn award_proposal(
    data: &AppData,
    cluster_id: &str,
    settings: &ReportSettings,
    today: NaiveDate,
) -> Result<Document, ReportError> {
    let y = year_end::read(data, cluster_id)?;
    let c = y.cluster;
    let mut doc = Document::issued(
        settings,
        today,
        "Tờ trình",
        format!(
            "Đề nghị khen thưởng thành tích công tác thi đua năm {} của {}",
            c.year, c.name
        ),
    );
    doc.number = format!("Số:        {}", settings.sign_for("TTr"));
    doc.recipients = settings.recipients_for(true);
    let federation = settings.parent_body.trim();
    doc.body
        .push(Block::Paragraph(format!("Kính gửi: Ban Thường vụ {federation}")));
    doc.body.push(Block::Paragraph(format!(
        "Căn cứ hướng dẫn công tác thi đua, khen thưởng năm {} của {federation};",
        c.year
    )));
    let meeting_day = y
        .meeting
        .date
        .map(|d| format!(" ngày {}", format::date(d)))
        .unwrap_or_default();
    doc.body.push(Block::Paragraph(format!(
        "Căn cứ Biên bản họp bình xét thi đua năm {} của {}{meeting_day},",
        c.year, c.name
    )));
    let by_form = y.proposed_by_form();
    let head = c.head_id.as_ref().map(|h| data.unit_name(h)).unwrap_or_default();
    doc.body.push(Block::Paragraph(format!(
        "{head}, Cụm trưởng {} năm {}, kính đề nghị Ban Thường vụ {federation} xem xét, khen thưởng {} tập thể có thành tích xuất sắc trong công tác thi đua năm {} như sau:",
        c.name,
        c.year,
        by_form.iter().map(|(_, u)| u.len()).sum::<usize>(),
        c.year
    )));
    if by_form.is_empty() {
        doc.body.push(Block::Paragraph(
            "Năm nay cụm không có đơn vị được đề nghị khen thưởng.".into(),
        ));
    }
    for (i, (form, units)) in by_form.iter().enumerate() {
        doc.body.push(Block::Heading(format!(
            "{}. {form} ({} tập thể)",
            i + 1,
            units.len()
        )));
        doc.body.push(Block::Table(Table {
            caption: format!("Đề nghị {form}"),
            columns: vec![
                Column::number("STT"),
                Column::text("Đơn vị"),
                Column::number("Tổng điểm"),
                Column::text("Xếp loại"),
                Column::text("Tỷ lệ phiếu"),
                Column::text("Thành tích nổi bật"),
            ],
            rows: units
                .iter()
                .enumerate()
                .map(|(n, p)| {
                    let line = y.standing_of(&p.unit_id);
                    vec![
                        Cell::number((n + 1) as f64),
                        // The unit's name on one line, beside a long line of achievements.
                        Cell::unbroken(data.unit_name(&p.unit_id)),
                        line.map_or(Cell::Empty, |l| Cell::number(l.row.total.as_f64())),
                        Cell::text(line.map(|l| l.row.tier.abbreviation()).unwrap_or_default()),
                        Cell::unbroken(p.vote.as_ref().map_or("Chưa bỏ phiếu".into(), |v| v.words())),
                        Cell::text(achievements(&figures_of(data, &y, &p.unit_id))),
                    ]
                })
                .collect(),
        }));
    }
    doc.body.push(Block::Paragraph(format!(
        "Kính đề nghị Ban Thường vụ {federation} xem xét, quyết định./."
    )));
    Ok(doc)
}

/// The unit's figures as its final card kept them (the live report for a card sealed by a
/// version that kept none).
fn figures_of(data: &AppData, y: &YearEnd<'_>, unit_id: &str) -> Figures {
    let c = y.cluster;
    scorecard::find_for(&data.scorecards, &c.meta.id, c.year, unit_id)
        .and_then(|card| card.kept())
        .and_then(|seal| seal.report.clone())
        .or_else(|| indicators::find_for(&data.indicators, unit_id, c.year).cloned())
        .map(|r| r.figures)
        .unwrap_or_default()
}

/// "Kết nạp 1.927/1.000 đoàn viên (192,7% chỉ tiêu); thành lập 17/8 CĐCS (212,5%); …": the
/// figures a federation reads first, each only when reported.
pub fn achievements(f: &Figures) -> String {
    let n = |v: u64| format::integer(v as i64);
    let against = |done: Option<u64>, target: Option<u64>, what: &str, verb: &str| {
        done.map(|d| match target.filter(|t| *t > 0) {
            Some(t) => format!(
                "{verb} {}/{} {what} ({} chỉ tiêu)",
                n(d),
                n(t),
                format::percent(d as f64 * 100.0 / t as f64)
            ),
            None => format!("{verb} {} {what}", n(d)),
        })
    };
    let counted = |v: Option<u64>, what: &str| v.filter(|v| *v > 0).map(|v| format!("{} {what}", n(v)));
    let initiatives = match (f.improvements_upper, f.improvements_base) {
        (None, None) => None,
        (upper, base) => Some(format!(
            "{} sáng kiến cải tiến ({} cấp trên cơ sở)",
            n(upper.unwrap_or(0) + base.unwrap_or(0)),
            n(upper.unwrap_or(0))
        )),
    };
    let parts: Vec<String> = [
        against(f.new_members, f.new_members_target, "đoàn viên", "Kết nạp"),
        against(f.new_grassroots, f.new_grassroots_target, "CĐCS", "thành lập"),
        initiatives,
        counted(f.supervision_chaired, "cuộc giám sát chủ trì"),
        counted(f.health_checks, "đoàn viên được khám sức khỏe"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return String::new();
    }
    crate::domain::letter_case::capitalise(&parts.join("; ")) + "."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn achievements_read_as_figures_against_targets_in_vi_vn() {
        let f = Figures {
            new_members: Some(1_927),
            new_members_target: Some(1_000),
            new_grassroots: Some(17),
            new_grassroots_target: Some(8),
            improvements_upper: Some(7),
            improvements_base: Some(63),
            supervision_chaired: Some(4),
            health_checks: Some(1_450),
            ..Figures::default()
        };
        assert_eq!(
            achievements(&f),
            "Kết nạp 1.927/1.000 đoàn viên (192,7% chỉ tiêu); thành lập 17/8 CĐCS (212,5% chỉ tiêu); \
             70 sáng kiến cải tiến (7 cấp trên cơ sở); 4 cuộc giám sát chủ trì; 1.450 đoàn viên được khám sức khỏe."
        );
        assert_eq!(achievements(&Figures::default()), "");
    }
}
