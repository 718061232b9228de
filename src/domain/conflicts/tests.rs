//! Each kind of record in a conflict, as an officer reads it: named, only what differs, with
//! the forms' labels and values, never JSON or ids.

use super::*;
use crate::domain::data::AppData;
use crate::domain::dialogues::ProposalStatus;
use crate::domain::exchange::DataPlan;
use crate::domain::programmes::Outcome;
use crate::domain::record::{Meta, Stamp};
use crate::domain::sample;
use crate::domain::scoring::points::Points;
use crate::domain::scoring::scorecard::{self, Mark, Side};
use chrono::{DateTime, NaiveDate, TimeZone};

const HERE: &str = "office-here";
const THERE: &str = "office-there";

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 2, 0, 0).unwrap()
}

fn stamp(office: &str) -> Stamp {
    Stamp::new(office, at(2026, 11, 20))
}

fn offices() -> Vec<(String, String)> {
    vec![
        (HERE.into(), "máy này (LĐLĐ huyện Quốc Oai)".into()),
        (THERE.into(), "LĐLĐ huyện Hoài Đức".into()),
    ]
}

/// The whole sample on both sides, as two offices that exchanged it.
fn both() -> (AppData, AppData) {
    let (data, _) = sample::with_numbered_ids(&stamp("office-sample"));
    (data.clone(), data)
}

/// The conflicts between `local` and `incoming`, described.
fn views(local: &AppData, incoming: &AppData) -> Vec<ConflictView> {
    let names = Names::new(local, incoming, offices(), 420);
    DataPlan::new(local, incoming).conflict_views(&names)
}

/// The only conflict, with its differences as (label, local, incoming) texts.
fn only(local: &AppData, incoming: &AppData) -> (ConflictView, Vec<(String, String, String)>) {
    let mut all = views(local, incoming);
    assert_eq!(all.len(), 1, "{all:#?}");
    let view = all.remove(0);
    let texts = view
        .differences
        .iter()
        .map(|d| (d.label.text(), d.local.clone(), d.incoming.clone()))
        .collect();
    (view, texts)
}

fn diff(label: &str, local: &str, incoming: &str) -> (String, String, String) {
    (label.into(), local.into(), incoming.into())
}

fn unit_id(data: &AppData, name: &str) -> String {
    data.units
        .iter()
        .find(|u| u.name == name)
        .unwrap()
        .meta
        .id
        .clone()
}

fn touch<T: Record>(r: &mut T, office: &str) {
    r.meta_mut().touch(&stamp(office));
}

#[test]
fn a_card_names_its_unit_and_cluster_and_shows_both_marks_with_their_tenth() {
    let (mut local, mut incoming) = both();
    let hoai_duc = unit_id(&local, "LĐLĐ huyện Hoài Đức");
    let card =
        |d: &mut AppData| -> usize { d.scorecards.iter().position(|c| c.unit_id == hoai_duc).unwrap() };
    let template = local.templates[0].clone();
    for (data, office, mark, who) in [
        (&mut local, HERE, 70, "Nguyễn Văn An"),
        (&mut incoming, THERE, 60, "Trần Thị Bình"),
    ] {
        let i = card(data);
        let c = &mut data.scorecards[i];
        scorecard::reopen(c, who, "Sửa điểm I.1 theo minh chứng", &stamp(office)).unwrap();
        scorecard::set_mark(
            c,
            &template,
            "I.1",
            Side::Reviewed,
            Some(Mark::Points(Points(mark))),
            &stamp(office),
        )
        .unwrap();
    }
    let (view, texts) = only(&local, &incoming);
    assert_eq!(view.collection, Collection::Scorecards);
    assert_eq!(
        view.title,
        "Phiếu chấm của LĐLĐ huyện Hoài Đức, Cụm thi đua số 4 – 2023"
    );
    assert_eq!(view.local.changed_by, "máy này (LĐLĐ huyện Quốc Oai)");
    assert_eq!(view.incoming.changed_by, "LĐLĐ huyện Hoài Đức");
    assert_eq!(
        texts,
        vec![
            diff(
                "I.1. Chăm lo đời sống, đại diện, bảo vệ quyền lợi hợp pháp của đoàn viên, NLĐ",
                "Tự chấm: 9,5; Cụm chấm: 7,0",
                "Tự chấm: 9,5; Cụm chấm: 6,0",
            ),
            diff(
                "Mở lại phiếu",
                "Chỉ bản này có: mở lại ngày 20/11/2026 bởi Nguyễn Văn An, lý do Sửa điểm I.1 theo minh chứng",
                "Chỉ bản này có: mở lại ngày 20/11/2026 bởi Trần Thị Bình, lý do Sửa điểm I.1 theo minh chứng",
            ),
        ]
    );
    assert!(matches!(&view.differences[0].label, Label::Criterion { code, .. } if code == "I.1"));
}

#[test]
fn a_card_status_is_said_in_words_and_steps_by_day_and_person() {
    let (mut local, mut incoming) = both();
    let c = &mut incoming.scorecards[0];
    scorecard::reopen(c, "Cụm trưởng", "Xem lại", &stamp(THERE)).unwrap();
    touch(&mut local.scorecards[0], HERE);
    let (_, texts) = only(&local, &incoming);
    assert_eq!(texts[0], diff("Trạng thái", "Chốt", "Cụm đã chấm"));
    assert_eq!(texts[1].0, "Mở lại phiếu");
    assert_eq!(texts[1].1, "(không có)");
    // The local card still keeps its result; the reopened one no longer does.
    let kept = texts.last().unwrap();
    assert_eq!(kept.0, "Kết quả đã chốt");
    assert!(
        kept.1.starts_with("tổng cụm chấm ") && kept.1.contains(" điểm, tính theo “"),
        "{kept:?}"
    );
    assert_eq!(kept.2, "không có");
}

#[test]
fn a_unit_shows_its_form_labels_and_dates_day_first() {
    let (mut local, mut incoming) = both();
    let i = local
        .units
        .iter()
        .position(|u| u.name == "LĐLĐ huyện Ba Vì")
        .unwrap();
    local.units[i].short_name = "BV".into();
    touch(&mut local.units[i], HERE);
    incoming.units[i].active_to = NaiveDate::from_ymd_opt(2025, 7, 1);
    incoming.units[i].archived = true;
    touch(&mut incoming.units[i], THERE);
    let (view, texts) = only(&local, &incoming);
    assert_eq!(view.title, "Đơn vị LĐLĐ huyện Ba Vì");
    assert_eq!(
        texts,
        vec![
            diff("Tên viết tắt", "BV", "Ba Vì"),
            diff("Hoạt động đến ngày", "30/06/2025", "01/07/2025"),
            diff("Lưu trữ", "Đang dùng", "Đã lưu trữ"),
        ]
    );
}

#[test]
fn a_cluster_names_its_head_and_members() {
    let (mut local, mut incoming) = both();
    let quoc_oai = unit_id(&local, "LĐLĐ huyện Quốc Oai");
    let phuc_tho = unit_id(&local, "LĐLĐ huyện Phúc Thọ");
    local.clusters[0].head_id = Some(quoc_oai);
    touch(&mut local.clusters[0], HERE);
    incoming.clusters[0].member_ids.retain(|m| *m != phuc_tho);
    touch(&mut incoming.clusters[0], THERE);
    let (view, texts) = only(&local, &incoming);
    assert_eq!(view.title, "Cụm thi đua số 4 – 2023");
    assert_eq!(
        texts,
        vec![
            diff(
                "Đơn vị thành viên",
                "Chỉ bản này có: LĐLĐ huyện Phúc Thọ",
                "(không có)"
            ),
            diff("Cụm trưởng", "LĐLĐ huyện Quốc Oai", "LĐLĐ huyện Ba Vì"),
        ]
    );
}

#[test]
fn a_scoring_table_names_its_cluster_and_shows_points_and_thresholds() {
    let (mut local, mut incoming) = both();
    local.templates[0].criteria[0].max = Points::whole(12);
    touch(&mut local.templates[0], HERE);
    incoming.templates[0].settings.thresholds.excellent = Points(855);
    incoming.templates[0].settings.excellent_cap_percent = Some(20);
    touch(&mut incoming.templates[0], THERE);
    let (view, texts) = only(&local, &incoming);
    assert_eq!(view.title, "Bảng điểm của Cụm thi đua số 4 – 2023");
    assert_eq!(
        texts,
        vec![
            diff(
                "I.1. Chăm lo đời sống, đại diện, bảo vệ quyền lợi hợp pháp của đoàn viên, NLĐ",
                "Điểm tối đa: 12,0",
                "Điểm tối đa: 10,0",
            ),
            diff("Ngưỡng HTXSNV (từ)", "90,0", "85,5"),
            diff("Tỷ lệ HTXSNV tối đa (%)", "Không giới hạn", "20%"),
        ]
    );
}

#[test]
fn yearly_indicators_name_unit_and_year_and_each_figure() {
    let (mut local, mut incoming) = both();
    let hoai_duc = unit_id(&local, "LĐLĐ huyện Hoài Đức");
    let i = local
        .indicators
        .iter()
        .position(|r| r.unit_id == hoai_duc && r.year == 2023)
        .unwrap();
    local.indicators[i].figures.members = Some(9_100);
    touch(&mut local.indicators[i], HERE);
    incoming.indicators[i].figures.gifts = Some(1_250);
    touch(&mut incoming.indicators[i], THERE);
    let (view, texts) = only(&local, &incoming);
    assert_eq!(view.title, "Chỉ tiêu năm 2023 của LĐLĐ huyện Hoài Đức");
    assert_eq!(
        texts,
        vec![
            diff("Số đoàn viên", "9.100", "9.034"),
            diff("Suất quà trao tặng", "(chưa ghi)", "1.250"),
        ]
    );
}

#[test]
fn a_dialogue_is_named_by_kind_day_and_unit() {
    let (mut local, mut incoming) = both();
    let d = local.dialogues[0].clone();
    local.dialogues[0].place = "Hội trường UBND huyện".into();
    touch(&mut local.dialogues[0], HERE);
    incoming.dialogues[0].minutes_signed = !d.minutes_signed;
    incoming.dialogues[0].attendances = d.attendances + 1_250;
    touch(&mut incoming.dialogues[0], THERE);
    let (view, texts) = only(&local, &incoming);
    let names = Names::new(&local, &incoming, offices(), 420);
    assert_eq!(
        view.title,
        format!(
            "Đối thoại {} ngày {} của {}",
            crate::domain::dialogues::wording::kind_phrase(d.kind),
            crate::domain::format::date(d.date),
            names.unit(&d.unit_id)
        )
    );
    let labels: Vec<&str> = texts.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(
        labels,
        ["Địa điểm", "Số lượt tham dự", "Biên bản đã có chữ ký của hai bên"]
    );
    assert_eq!(texts[0], diff("Địa điểm", "Hội trường UBND huyện", &d.place));
    assert_eq!(
        texts[1].2,
        crate::domain::format::integer(i64::from(d.attendances) + 1_250)
    );
}

#[test]
fn a_proposal_is_named_by_its_content_and_dialogue_and_its_status_in_words() {
    let (mut local, mut incoming) = both();
    let i = local
        .proposals
        .iter()
        .position(|p| p.status == ProposalStatus::InProgress)
        .unwrap();
    let p = local.proposals[i].clone();
    let day = local
        .dialogues
        .iter()
        .find(|d| d.meta.id == p.dialogue_id)
        .unwrap()
        .date;
    local.proposals[i].deadline = NaiveDate::from_ymd_opt(2026, 12, 31);
    touch(&mut local.proposals[i], HERE);
    incoming.proposals[i].status = ProposalStatus::Resolved;
    incoming.proposals[i].resolved_on = NaiveDate::from_ymd_opt(2026, 11, 2);
    touch(&mut incoming.proposals[i], THERE);
    let (view, texts) = only(&local, &incoming);
    assert!(
        view.title.starts_with("Kiến nghị \"")
            && view.title.ends_with(&format!(
                "\" của cuộc đối thoại ngày {}",
                crate::domain::format::date(day)
            )),
        "{}",
        view.title
    );
    let deadline = texts.iter().find(|t| t.0 == "Hạn giải quyết").unwrap();
    assert_eq!(deadline.1, "31/12/2026");
    assert!(texts.contains(&diff("Trạng thái", "Đang xử lý", "Đã giải quyết")));
    assert!(texts.contains(&diff("Ngày giải quyết", "(chưa ghi)", "02/11/2026")));
}

#[test]
fn a_programme_is_named_by_its_number_and_period_and_its_areas_by_number() {
    let (mut local, mut incoming) = both();
    let i = local
        .programmes
        .iter()
        .position(|p| p.number.starts_with("163"))
        .unwrap();
    local.programmes[i].title = "Phối hợp công tác (sửa)".into();
    touch(&mut local.programmes[i], HERE);
    use crate::domain::programmes::Lead;
    let lead = if local.programmes[i].areas[0].lead == Lead::PeopleCommittee {
        Lead::Federation
    } else {
        Lead::PeopleCommittee
    };
    incoming.programmes[i].areas[0].lead = lead;
    touch(&mut incoming.programmes[i], THERE);
    let p = &local.programmes[i];
    let (view, texts) = only(&local, &incoming);
    assert_eq!(
        view.title,
        format!(
            "Chương trình phối hợp {} ({}–{})",
            p.number, p.from_year, p.to_year
        )
    );
    assert_eq!(texts[0].0, "Trích yếu");
    assert_eq!(
        texts[1].0,
        format!("Nội dung phối hợp {}. {}", p.areas[0].number, p.areas[0].title)
    );
    assert_eq!(
        texts[1].2,
        format!(
            "Bên chủ trì: {}",
            crate::domain::programmes::wording::lead_name(lead)
        )
    );
}

#[test]
fn a_review_is_named_by_year_and_programme_and_results_by_area() {
    let (mut local, mut incoming) = both();
    let r = local.reviews[0].clone();
    local.reviews[0]
        .limitations
        .push("Kiểm tra liên ngành chưa thường xuyên".into());
    touch(&mut local.reviews[0], HERE);
    incoming.reviews[0].results[0].outcome = Outcome::NotDone;
    incoming.reviews[0].results[0].note = "Chưa tổ chức".into();
    touch(&mut incoming.reviews[0], THERE);
    let (view, texts) = only(&local, &incoming);
    let programme = local
        .programmes
        .iter()
        .find(|p| p.meta.id == r.programme_id)
        .unwrap();
    assert!(view.title.starts_with(&format!(
        "Đánh giá năm {} của Chương trình phối hợp {}",
        r.year, programme.number
    )));
    let area = programme.area(&r.results[0].area_id).unwrap();
    assert!(texts.contains(&diff(
        &format!("Kết quả: Nội dung phối hợp {}. {}", area.number, area.title),
        &super::programmes::result(Some(&r.results[0])),
        "Chưa hoàn thành (Chưa tổ chức)",
    )));
    assert!(texts.contains(&diff(
        "Hạn chế",
        "Chỉ bản này có: Kiểm tra liên ngành chưa thường xuyên",
        "(không có)"
    )));
}

/// Every kind of record in conflict at once: every string on the screen is free of JSON and ids.
#[test]
fn no_json_and_no_id_ever_appears() {
    let (mut local, mut incoming) = both();
    for (data, office) in [(&mut local, HERE), (&mut incoming, THERE)] {
        let other = data.units[1].meta.id.clone();
        data.units[0].parent_id = (office == HERE).then(|| other.clone());
        touch(&mut data.units[0], office);
        data.clusters[0].vote_order = if office == HERE {
            vec![other.clone()]
        } else {
            vec![]
        };
        touch(&mut data.clusters[0], office);
        data.templates[0].name = format!("Bảng điểm {office}");
        touch(&mut data.templates[0], office);
        data.indicators[0].figures.gifts = Some(if office == HERE { 1 } else { 2 });
        touch(&mut data.indicators[0], office);
        data.scorecards[0].entries.get_mut("I.1").unwrap().comment = office.replace('-', " ");
        touch(&mut data.scorecards[0], office);
        data.dialogues[0].unit_id = if office == HERE {
            other.clone()
        } else {
            data.units[2].meta.id.clone()
        };
        touch(&mut data.dialogues[0], office);
        if office == HERE {
            data.proposals[0].dialogue_id = data.dialogues[1].meta.id.clone();
        } else {
            data.proposals[0].history.clear();
            data.proposals[0].response = "Đã trả lời bằng văn bản".into();
        }
        touch(&mut data.proposals[0], office);
        data.programmes[0].unit_id = other.clone();
        data.programmes[0].to_year += i32::from(office == HERE);
        touch(&mut data.programmes[0], office);
        data.reviews[0].next_tasks = vec![format!("Nhiệm vụ {office}")];
        touch(&mut data.reviews[0], office);
    }
    let all = views(&local, &incoming);
    assert_eq!(all.len(), Collection::ALL.len(), "one conflict per kind");
    let ids: Vec<String> = local
        .units
        .iter()
        .map(|u| u.meta.id.clone())
        .chain(local.scorecards.iter().map(|c| c.meta.id.clone()))
        .collect();
    for view in &all {
        assert!(!view.differences.is_empty(), "{}", view.title);
        let mut texts = vec![
            view.title.clone(),
            view.local.changed_by.clone(),
            view.incoming.changed_by.clone(),
        ];
        for d in &view.differences {
            texts.extend([d.label.text(), d.local.clone(), d.incoming.clone()]);
        }
        for text in texts {
            assert!(!text.contains("{\"") && !text.contains("\":"), "JSON in {text:?}");
            assert!(!text.contains("id-0"), "an id in {text:?}");
            assert!(
                !ids.iter().any(|id| text.contains(id.as_str())),
                "an id in {text:?}"
            );
        }
    }
    let names = Names::new(&local, &incoming, offices(), 420);
    for change in DataPlan::new(&AppData::default(), &incoming).changes(&incoming, &names, 1000) {
        for name in change.new.iter().chain(&change.updated) {
            assert!(!name.contains("id-0") && !name.contains("{\""), "{name}");
        }
    }
}

/// A record of a newer version, with a field this version does not know: a kept result
/// holding a copy of the table and figures, points in tenths.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
struct Newer {
    meta: Meta,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    seal: Option<serde_json::Value>,
    inner: serde_json::Value,
}
crate::impl_record!(Newer);

impl Describe for Newer {
    const FIELDS: &'static [&'static str] = &["name", "inner"];
    fn title(&self, _: &Names) -> String {
        format!("Bản ghi {}", self.name)
    }
    fn differences(a: &Self, b: &Self, _: &Names, out: &mut Differences) {
        out.field("Tên", &a.name, &b.name, &|s| show::text(s));
    }
}

fn newer(seal: Option<serde_json::Value>, inner: serde_json::Value) -> Newer {
    Newer {
        meta: Meta::new("id-00042".into(), &stamp(HERE)),
        name: "Hoài Đức".into(),
        seal,
        inner,
    }
}

fn conflict_of(local: Newer, incoming: Newer) -> ConflictView {
    let empty = AppData::default();
    let names = Names::new(&empty, &empty, offices(), 420);
    let c = crate::domain::exchange::Conflict {
        id: local.meta.id.clone(),
        local,
        incoming,
        default: Choice::KeepLocal,
    };
    describe(Collection::Scorecards, &c, &names)
}

#[test]
fn a_field_this_version_does_not_know_is_shown_in_words_never_dropped() {
    let seal = serde_json::json!({
        "at": "2026-11-20T02:00:00Z",
        "by": "Cụm trưởng",
        "office_id": HERE,
        "total": 875,
        "template": {"criteria": [{"id": "I.1", "name": "Chăm lo đời sống", "max": 100}]},
    });
    let view = conflict_of(
        newer(Some(seal), serde_json::json!({})),
        newer(None, serde_json::json!({})),
    );
    assert_eq!(view.differences.len(), 1);
    let d = &view.differences[0];
    assert_eq!(d.label, Label::Other);
    assert_eq!(d.label.text(), "Dữ liệu khác của bản ghi");
    assert_eq!(d.local, "20/11/2026; Cụm trưởng; Chăm lo đời sống");
    assert_eq!(d.incoming, "(không có)");
}

#[test]
fn a_difference_hidden_inside_a_known_field_is_still_shown() {
    let a = newer(
        None,
        serde_json::json!({"entries": {"I.1": {"comment": "", "extra": "đã xác minh"}}}),
    );
    let b = newer(
        None,
        serde_json::json!({"entries": {"I.1": {"comment": "", "extra": "chưa xác minh"}}}),
    );
    let view = conflict_of(a, b);
    assert_eq!(view.differences.len(), 1);
    assert_eq!(view.differences[0].label, Label::Other);
    assert_eq!(view.differences[0].local, "đã xác minh");
    assert_eq!(view.differences[0].incoming, "chưa xác minh");
    // Figures alone: said as such, never as the stored number.
    let a = newer(Some(serde_json::json!({"total": 875})), serde_json::json!({}));
    let b = newer(Some(serde_json::json!({"total": 860})), serde_json::json!({}));
    let view = conflict_of(a, b);
    assert_eq!(
        view.differences[0].local,
        "có dữ liệu (khác bản kia ở các con số)"
    );
    assert!(!view.differences[0].local.contains("875"));
}

#[test]
fn the_preview_names_the_records_a_file_adds_and_cuts_long_lists() {
    let (incoming, _) = both();
    let local = AppData::default();
    let names = Names::new(&local, &incoming, offices(), 420);
    let changes = DataPlan::new(&local, &incoming).changes(&incoming, &names, 3);
    let cards = changes
        .iter()
        .find(|c| c.collection == Collection::Scorecards)
        .unwrap();
    assert_eq!(cards.new_count, 6);
    assert_eq!(
        cards.new,
        [
            "Phiếu chấm của LĐLĐ huyện Phúc Thọ, Cụm thi đua số 4 – 2023",
            "Phiếu chấm của LĐLĐ huyện Ba Vì, Cụm thi đua số 4 – 2023",
            "Phiếu chấm của LĐLĐ huyện Thạch Thất, Cụm thi đua số 4 – 2023",
        ]
    );
    assert!(cards.updated.is_empty());
    let units = changes
        .iter()
        .find(|c| c.collection == Collection::Units)
        .unwrap();
    assert_eq!(units.new[0], "Đơn vị LĐLĐ huyện Phúc Thọ");
}

#[test]
fn reopenings_and_days_follow_the_officers_time_zone() {
    let empty = AppData::default();
    let names = Names::new(&empty, &empty, offices(), 420);
    // 20:00 UTC on the 19th is the 20th in Việt Nam.
    assert_eq!(
        names.day(Utc.with_ymd_and_hms(2026, 11, 19, 20, 0, 0).unwrap()),
        "20/11/2026"
    );
    assert_eq!(names.office("office-unknown"), "một cơ quan khác");
}

#[test]
fn the_choice_shown_is_the_default_until_the_officer_chooses_and_the_merge_keeps_it() {
    let (mut local, mut incoming) = both();
    let i = local
        .units
        .iter()
        .position(|u| u.name == "LĐLĐ huyện Ba Vì")
        .unwrap();
    local.units[i].short_name = "BV".into();
    touch(&mut local.units[i], HERE);
    incoming.units[i].short_name = "Ba Vì (HN)".into();
    touch(&mut incoming.units[i], THERE);
    let (view, _) = only(&local, &incoming);
    let plan = DataPlan::new(&local, &incoming);
    let kept = |overrides: &Overrides| {
        let merged = plan.apply(&local, &incoming, overrides, &stamp(HERE));
        merged.units[i].short_name.clone()
    };
    let side = |choice: Choice| match choice {
        Choice::KeepLocal => "BV",
        Choice::TakeIncoming => "Ba Vì (HN)",
    };
    let mut overrides = Overrides::new();
    assert_eq!(chosen(&overrides, &view.key(), view.default), view.default);
    assert_eq!(kept(&overrides), side(view.default));
    let other = match view.default {
        Choice::KeepLocal => Choice::TakeIncoming,
        Choice::TakeIncoming => Choice::KeepLocal,
    };
    overrides.insert((Collection::Clusters, view.id.clone()), other);
    assert_eq!(
        chosen(&overrides, &view.key(), view.default),
        view.default,
        "a choice for another collection's record does not count"
    );
    overrides.insert(view.key(), other);
    assert_eq!(chosen(&overrides, &view.key(), view.default), other);
    assert_eq!(kept(&overrides), side(other));
}
