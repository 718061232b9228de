//! The reports made from the sample data: the story of Cụm thi đua số 4 (2023), LĐLĐ huyện
//! Thanh Oai's dialogues and the city's programme.

use super::*;
use crate::domain::data::AppData;
use crate::domain::record::Stamp;
use crate::domain::scoring::scorecard::CardStatus;
use chrono::{NaiveDate, TimeZone, Utc};

fn sample() -> (AppData, String) {
    crate::domain::sample::with_numbered_ids(&Stamp::new(
        "office",
        Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, 0).unwrap(),
    ))
}

fn settings() -> ReportSettings {
    ReportSettings {
        issuing_body: "Liên đoàn Lao động thành phố Hà Nội".into(),
        place: "Hà Nội".into(),
        signer_name: "Nguyễn Phi Thường".into(),
        ..ReportSettings::default()
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn texts(table: &Table, column: usize) -> Vec<String> {
    table.rows.iter().map(|r| r[column].shown().to_string()).collect()
}

#[test]
fn the_sample_cluster_report_ranks_its_six_units_and_is_final() {
    let (data, cluster) = sample();
    let request = ReportRequest::ClusterResults { cluster_id: cluster };
    let doc = request.build(&data, &settings(), today()).unwrap();
    assert_eq!(doc.parent_body, "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM");
    assert_eq!(doc.issuing_body, "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI");
    assert_eq!(doc.place_date, "Hà Nội, ngày 30 tháng 11 năm 2026");
    assert_eq!(doc.title, "BÁO CÁO");
    assert_eq!(
        doc.summary,
        "Kết quả chấm điểm, xếp loại thi đua năm 2023 của Cụm thi đua số 4"
    );
    assert_eq!(doc.draft, None);
    let table = doc.tables().next().unwrap();
    assert_eq!(table.rows.len(), 6);
    assert_eq!(texts(table, 0), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(doc.signatures[0].name, "Nguyễn Phi Thường");
    // A report addressed to no one says no "Như trên".
    assert_eq!(doc.recipients, ["- Lưu: VT."]);
    // The same request comes back from its address.
    assert_eq!(ReportRequest::parse(&request.segments()), Some(request));
}

#[test]
fn the_results_spreadsheet_adds_blocks_bonus_penalty_status_and_award_to_each_total() {
    let (data, cluster) = sample();
    let doc = cluster_results::cluster_results(&data, &cluster, &settings(), today()).unwrap();
    let book = Workbook::of_document(&doc, "LĐLĐ huyện Ba Vì", today());
    let [sheet] = book.sheets.as_slice() else {
        panic!("one results sheet")
    };
    let titles: Vec<&str> = sheet.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Hạng",
            "Đơn vị",
            "Phiếu",
            "Tự chấm",
            "Khối I",
            "Khối II",
            "Khối III",
            "Điểm thưởng",
            "Điểm trừ",
            "Cụm chấm",
            "Xếp loại",
            "Đề nghị khen thưởng",
            "Giải thích"
        ]
    );
    let number = |c: &Cell| match c {
        Cell::Number { value, .. } => *value,
        other => panic!("a number, not {other:?}"),
    };
    for row in &sheet.rows {
        assert_eq!(row[2].shown(), "Chốt");
        // The total is the blocks plus the bonus less the penalty.
        let parts: f64 = row[4..=7].iter().map(number).sum::<f64>() - number(&row[8]);
        assert!((parts - number(&row[9])).abs() < 0.01, "{row:?}");
    }
    assert!(
        sheet.rows.iter().any(|r| !r[11].shown().is_empty()),
        "the awards proposed are in the sheet"
    );
    // The printed table stays as it was: six columns on A4 portrait.
    assert_eq!(doc.tables().next().unwrap().columns.len(), 6);
}

#[test]
fn a_card_not_final_makes_the_cluster_report_a_draft_naming_it() {
    let (mut data, cluster) = sample();
    let reopened = data
        .scorecards
        .iter_mut()
        .find(|c| c.cluster_id == cluster)
        .unwrap();
    reopened.status = CardStatus::Reviewed;
    let unit_id = reopened.unit_id.clone();
    let unit = data.unit_name(&unit_id);
    let doc = cluster_results::cluster_results(&data, &cluster, &settings(), today()).unwrap();
    let draft = doc.draft.clone().unwrap();
    assert!(draft.starts_with("DỰ THẢO"), "{draft}");
    assert!(draft.contains(&unit), "{draft}");
    // Still all six, provisionally, with a column saying each card's step.
    let table = doc.tables().next().unwrap();
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.columns[2].title, "Phiếu");
}

#[test]
fn a_scorecard_lists_every_criterion_and_is_signed_by_both_sides() {
    let (data, cluster) = sample();
    let card = data.scorecards.iter().find(|c| c.cluster_id == cluster).unwrap();
    let request = ReportRequest::Scorecard {
        cluster_id: cluster.clone(),
        unit_id: card.unit_id.clone(),
    };
    let doc = request.build(&data, &settings(), today()).unwrap();
    let t = data.templates.iter().find(|t| t.cluster_id == cluster).unwrap();
    let table = doc.tables().next().unwrap();
    assert_eq!(table.rows.len(), t.criteria.len() + t.blocks.len());
    assert_eq!(doc.signatures.len(), 2);
    assert!(doc
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p.starts_with("Cụm chấm: "))));
    assert_eq!(ReportRequest::parse(&request.segments()), Some(request));
}

#[test]
fn minutes_name_both_sides_and_every_proposal() {
    let (data, _) = sample();
    let dialogue = data
        .dialogues
        .iter()
        .find(|d| data.proposals.iter().any(|p| p.dialogue_id == d.meta.id))
        .unwrap();
    let doc = minutes::dialogue_minutes(&data, &dialogue.meta.id, &settings()).unwrap();
    assert_eq!(doc.title, "BIÊN BẢN");
    assert_eq!(doc.number, "Số:        /BB-LĐLĐ");
    assert_eq!(doc.signatures.len(), 3);
    assert!(doc.recipients.is_empty());
    let raised = data
        .proposals
        .iter()
        .filter(|p| p.dialogue_id == dialogue.meta.id)
        .count();
    assert_eq!(doc.tables().next().unwrap().rows.len(), raised);
}

/// The sample's first dialogue with proposals, its id.
fn dialogue_with_proposals(data: &AppData) -> String {
    data.dialogues
        .iter()
        .find(|d| data.proposals.iter().any(|p| p.dialogue_id == d.meta.id))
        .map(|d| d.meta.id.clone())
        .unwrap()
}

#[test]
fn signed_minutes_read_the_same_after_their_proposals_follow_up() {
    use crate::domain::dialogues::{change_status, ProposalStatus, StatusUpdate};
    let (mut data, _) = sample();
    let id = dialogue_with_proposals(&data);
    let before = minutes::dialogue_minutes(&data, &id, &settings()).unwrap();
    let held = crate::domain::record::find(&data.dialogues, &id).unwrap().date;
    let stamp = Stamp::new("office", Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap());
    for p in data.proposals.iter_mut().filter(|p| p.dialogue_id == id) {
        let to = if p.status == ProposalStatus::InProgress {
            ProposalStatus::Escalated
        } else {
            ProposalStatus::InProgress
        };
        change_status(
            p,
            held,
            StatusUpdate::open(to, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
            &stamp,
        )
        .unwrap();
        p.deadline = NaiveDate::from_ymd_opt(2027, 1, 1);
        p.content.push_str(" (sửa sau)");
    }
    assert_eq!(
        minutes::dialogue_minutes(&data, &id, &settings()).unwrap(),
        before
    );
    let text = format!("{before:?}");
    assert!(!text.contains("Trạng thái") && !text.contains("Hạn giải quyết"));
}

#[test]
fn minutes_name_the_minute_taker_and_carry_their_hosts_letterhead() {
    use crate::domain::dialogues::{Chair, HostKind};
    let (mut data, _) = sample();
    let id = dialogue_with_proposals(&data);
    let d = data.dialogues.iter_mut().find(|d| d.meta.id == id).unwrap();
    d.meeting.minute_taker = Chair {
        name: "Lê Thu Trang".into(),
        role: "Chuyên viên".into(),
    };
    let doc = minutes::dialogue_minutes(&data, &id, &settings()).unwrap();
    assert_eq!(doc.signatures[2].authority, "NGƯỜI GHI BIÊN BẢN");
    assert_eq!(doc.signatures[2].name, "Lê Thu Trang");
    assert!(doc
        .body
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p == "Người ghi biên bản: Lê Thu Trang – Chuyên viên.")));

    let d = data.dialogues.iter_mut().find(|d| d.meta.id == id).unwrap();
    d.meeting.host.kind = HostKind::Enterprise;
    d.meeting.host.name = "Công ty TNHH May Thanh Oai".into();
    let doc = minutes::dialogue_minutes(&data, &id, &settings()).unwrap();
    assert_eq!(doc.issuing_body, "CÔNG TY TNHH MAY THANH OAI");
    assert_eq!((doc.parent_body.as_str(), doc.number.as_str()), ("", ""));
    assert!(doc.summary.ends_with("tại Công ty TNHH May Thanh Oai"));

    let d = data.dialogues.iter_mut().find(|d| d.meta.id == id).unwrap();
    d.meeting.host.kind = HostKind::PeoplesCommittee;
    d.meeting.host.name = "UBND huyện Thanh Oai".into();
    let doc = minutes::dialogue_minutes(&data, &id, &settings()).unwrap();
    assert_eq!(doc.issuing_body, "UBND HUYỆN THANH OAI");
    assert_eq!(doc.number, "Số:        /BB-UBND");
}

#[test]
fn the_yearly_dialogue_report_counts_proposals_by_status() {
    let (data, _) = sample();
    let year = data
        .dialogues
        .iter()
        .map(|d| chrono::Datelike::year(&d.date))
        .max()
        .unwrap();
    let doc = dialogue_year::dialogue_year(&data, year, None, &settings(), today()).unwrap();
    let by_status = doc.tables().next().unwrap();
    let total: f64 = by_status
        .rows
        .iter()
        .map(|r| match r[1] {
            Cell::Number { value, .. } => value,
            _ => 0.0,
        })
        .sum();
    let s =
        crate::domain::dialogues::summary::summarize(year, None, &data.dialogues, &data.proposals, today());
    assert_eq!(total as usize, s.proposals);
    assert_eq!(
        ReportRequest::parse(&["doi-thoai-nam".into(), year.to_string()]),
        Some(ReportRequest::DialogueYear { year, unit_id: None })
    );
}

#[test]
fn a_missing_record_is_said_not_drawn() {
    let (data, _) = sample();
    let missing = ReportRequest::ClusterResults {
        cluster_id: "khong-co".into(),
    };
    assert_eq!(
        missing.build(&data, &settings(), today()),
        Err(ReportError::ClusterNotFound)
    );
    assert_eq!(ReportRequest::parse(&["ket-qua".into()]), None);
    assert_eq!(ReportRequest::parse(&["doi-thoai-nam".into(), "x".into()]), None);
}

#[test]
fn a_programme_review_and_a_period_report_quote_the_figures() {
    let (data, _) = sample();
    let review = data.reviews.first().unwrap();
    let request = ReportRequest::AnnualReview {
        programme_id: review.programme_id.clone(),
        year: review.year,
    };
    let doc = request.build(&data, &settings(), today()).unwrap();
    assert!(
        doc.summary.starts_with(&format!("Sơ kết năm {}", review.year)),
        "{}",
        doc.summary
    );
    assert_eq!(doc.draft, None);
    let p = data
        .programmes
        .iter()
        .find(|p| p.meta.id == review.programme_id)
        .unwrap();
    assert_eq!(doc.tables().next().unwrap().rows.len(), p.areas.len());
    assert_eq!(ReportRequest::parse(&request.segments()), Some(request));

    // Thanh Oai's five years: the seed's 4.561 grassroots initiatives in the period total.
    let thanh_oai = data.units.iter().find(|u| u.name.contains("Thanh Oai")).unwrap();
    let request = ReportRequest::Period {
        scope: format!("u:{}", thanh_oai.meta.id),
        from: 2016,
        to: 2020,
    };
    let doc = request.build(&data, &settings(), today()).unwrap();
    let table = doc.tables().next().unwrap();
    assert_eq!(table.columns.len(), 1 + 5 + 1);
    assert!(
        table.rows.iter().any(|r| r.last().unwrap().shown() == "4.561"),
        "{:?}",
        table.rows[0]
    );
    assert_eq!(ReportRequest::parse(&request.segments()), Some(request));
    assert_eq!(
        ReportRequest::parse(&["giai-doan".into(), "2020".into(), "2016".into(), "*".into()]),
        None
    );
}

#[test]
fn lists_go_to_spreadsheets_with_real_numbers_and_dates() {
    use super::lists::{cluster_indicators_table, dialogues_table, proposals_table, units_table};
    let (data, cluster_id) = sample();
    let proposals: Vec<&crate::domain::dialogues::Proposal> =
        crate::domain::record::live(&data.proposals).collect();
    let table = proposals_table(&proposals, &data.dialogues, &data.units, today());
    assert_eq!(table.rows.len(), proposals.len());
    let with_deadline = proposals.iter().position(|p| p.deadline.is_some()).unwrap();
    assert!(
        matches!(table.rows[with_deadline][7], Cell::Date { .. }),
        "the deadline is a date"
    );
    assert!(
        matches!(table.rows[0][4], Cell::Date { .. }),
        "the dialogue's day is a date"
    );

    let dialogues: Vec<&crate::domain::dialogues::Dialogue> =
        crate::domain::record::live(&data.dialogues).collect();
    let table = dialogues_table(
        &dialogues,
        &data.units,
        &super::lists::proposal_counts(&data.proposals),
    );
    let raised: f64 = table
        .rows
        .iter()
        .map(|r| match r[7] {
            Cell::Number { value, .. } => value,
            _ => panic!("a count is a number"),
        })
        .sum();
    assert_eq!(
        raised as usize,
        proposals.len(),
        "every proposal counted under its dialogue"
    );

    let units: Vec<&crate::domain::units::Unit> = crate::domain::record::live(&data.units).collect();
    let table = units_table(&units, &data.units);
    assert_eq!(table.rows.len(), units.len());

    let cluster = crate::domain::record::find(&data.clusters, &cluster_id).unwrap();
    let table = cluster_indicators_table(cluster, &data.units, &data.indicators);
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.columns.len(), table.rows[0].len());
    assert!(
        table.rows.iter().all(|r| matches!(r[3], Cell::Number { .. })),
        "members reported as numbers"
    );
}

/// Every line of a document's body, tables as "cell | cell" rows.
fn body_text(doc: &Document) -> String {
    let mut out = Vec::new();
    for b in &doc.body {
        match b {
            Block::Heading(h) | Block::Paragraph(h) => out.push(h.clone()),
            Block::Table(t) => out.extend(t.rows.iter().map(|r| {
                r.iter()
                    .map(Cell::shown)
                    .collect::<Vec<_>>()
                    .join(" | ")
                    .replace('\u{a0}', " ")
            })),
        }
    }
    out.join("\n")
}

#[test]
fn the_sample_review_minutes_name_the_meeting_its_units_votes_and_awards() {
    let (data, cluster) = sample();
    let request = ReportRequest::ReviewMinutes { cluster_id: cluster };
    let doc = request.build(&data, &settings(), today()).unwrap();
    assert_eq!(doc.title, "BIÊN BẢN");
    assert_eq!(doc.summary, "Họp bình xét thi đua năm 2023 của Cụm thi đua số 4");
    assert_eq!(doc.number, "Số:        /BB-LĐLĐ");
    assert_eq!(
        doc.place_date, "Hà Nội, ngày 22 tháng 12 năm 2023",
        "dated the day of the meeting"
    );
    assert!(doc.recipients.is_empty());
    let names: Vec<(&str, &str, &str)> = doc
        .signatures
        .iter()
        .map(|s| (s.authority.as_str(), s.title.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("THƯ KÝ", "", "Vũ Thị Thu"),
            ("CHỦ TRÌ", "CỤM TRƯỞNG", "Nguyễn Văn Hùng")
        ]
    );
    let text = body_text(&doc);
    for line in [
        "Hôm nay, vào hồi 08 giờ 00, ngày 22 tháng 12 năm 2023, tại Hội trường LĐLĐ huyện Ba Vì, Cụm thi đua số 4 tổ chức hội nghị bình xét, suy tôn thi đua năm 2023.",
        "- Chủ trì: Đ/c Nguyễn Văn Hùng – Chủ tịch LĐLĐ huyện Ba Vì, Cụm trưởng.",
        "- Đơn vị dự họp: 6/6 đơn vị thành viên.",
        "4 | LĐLĐ huyện Đan Phượng | Đ/c Lê Thị Hoa – Phó Chủ tịch",
        "1 | LĐLĐ huyện Đan Phượng |",
        "LĐLĐ huyện Đan Phượng | Cờ thi đua của LĐLĐ tỉnh/thành phố | 6/6 phiếu (100%) | Đạt, đề nghị",
        "LĐLĐ huyện Phúc Thọ | Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố | 4/6 phiếu (66,7%) | Đạt, đề nghị",
        "1. Cờ thi đua của LĐLĐ tỉnh/thành phố: LĐLĐ huyện Đan Phượng – 6/6 phiếu (100%).",
        "Hội nghị thống nhất bầu LĐLĐ huyện Quốc Oai làm Cụm trưởng, LĐLĐ huyện Phúc Thọ làm Cụm phó năm 2024.",
    ] {
        assert!(text.contains(line), "the minutes say {line:?}:\n{text}");
    }
    assert_eq!(ReportRequest::parse(&request.segments()), Some(request));
}

#[test]
fn a_unit_without_the_share_of_votes_is_not_proposed_and_the_papers_say_so() {
    let (mut data, cluster) = sample();
    let c = data.clusters.iter_mut().find(|c| c.meta.id == cluster).unwrap();
    // Exactly half for Phúc Thọ's certificate: not more than half. Closed again on the new tally.
    let phuc_tho = c.tally.iter_mut().find(|v| v.votes_for == 4).unwrap();
    phuc_tho.votes_for = 3;
    let stamp = Stamp::new("office", Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap());
    let request = ReportRequest::AwardProposal {
        cluster_id: cluster.clone(),
    };
    assert_eq!(
        request.build(&data, &settings(), today()),
        Err(ReportError::ResultsNotClosed),
        "a tally changed after closing leaves the papers unmade until closed again"
    );
    let cards = data.scorecards.clone();
    let c = data.clusters.iter_mut().find(|c| c.meta.id == cluster).unwrap();
    crate::domain::scoring::closing::close(c, &cards, "Cụm trưởng", &stamp).unwrap();
    let minutes = body_text(
        &ReportRequest::ReviewMinutes {
            cluster_id: cluster.clone(),
        }
        .build(&data, &settings(), today())
        .unwrap(),
    );
    assert!(minutes.contains(
        "Không đề nghị Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố cho LĐLĐ huyện Phúc Thọ: chưa đạt tỷ lệ phiếu: 3/6 phiếu (50%), cần quá bán (trên 50%) số phiếu bầu."
    ), "{minutes}");
    let proposal = request.build(&data, &settings(), today()).unwrap();
    let text = body_text(&proposal);
    assert!(!text.contains("Phúc Thọ"), "{text}");
}

#[test]
fn the_sample_award_proposal_goes_to_the_federation_with_each_units_achievements() {
    let (data, cluster) = sample();
    let settings = ReportSettings {
        parent_body: "Liên đoàn Lao động thành phố Hà Nội".into(),
        issuing_body: "Liên đoàn Lao động huyện Ba Vì".into(),
        ..settings()
    };
    let doc = ReportRequest::AwardProposal { cluster_id: cluster }
        .build(&data, &settings, today())
        .unwrap();
    assert_eq!(doc.title, "TỜ TRÌNH");
    assert_eq!(doc.number, "Số:        /TTr-LĐLĐ");
    assert_eq!(doc.recipients, ["- Như trên;", "- Lưu: VT."]);
    let text = body_text(&doc);
    for line in [
        "Kính gửi: Ban Thường vụ Liên đoàn Lao động thành phố Hà Nội",
        "Căn cứ Biên bản họp bình xét thi đua năm 2023 của Cụm thi đua số 4 ngày 22/12/2023,",
        "1. Cờ thi đua của LĐLĐ tỉnh/thành phố (1 tập thể)",
        "2. Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố (2 tập thể)",
        "1 | LĐLĐ huyện Đan Phượng |",
        "| HTXSNV | 6/6 phiếu (100%) | Kết nạp 1.927/1.000 đoàn viên (192,7% chỉ tiêu); thành lập 17/8 CĐCS (212,5% chỉ tiêu)",
    ] {
        assert!(text.contains(line), "the proposal says {line:?}:\n{text}");
    }
    assert_eq!(
        doc.tables().count(),
        2,
        "one table per award form, one sheet each"
    );
}

#[test]
fn the_year_end_papers_wait_for_closed_results_and_the_meeting() {
    let (mut data, cluster) = sample();
    let c = data.clusters.iter_mut().find(|c| c.meta.id == cluster).unwrap();
    c.meeting = None;
    let request = ReportRequest::ReviewMinutes {
        cluster_id: cluster.clone(),
    };
    assert_eq!(
        request.build(&data, &settings(), today()),
        Err(ReportError::NoReviewMeeting)
    );
    let c = data.clusters.iter_mut().find(|c| c.meta.id == cluster).unwrap();
    c.results_closed = None;
    assert_eq!(
        request.build(&data, &settings(), today()),
        Err(ReportError::ResultsNotClosed)
    );
}
