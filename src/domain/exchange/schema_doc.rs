//! Keeps `docs/export.schema.json` in step with the Rust types: a fully populated export is
//! walked together with the schema. Every property written by the Rust code must be in the
//! schema, every property of the schema must be written somewhere in the sample, values must
//! have the schema's type, and a property is `required` in the schema exactly when removing it
//! from the file makes [`validate`] refuse the file (with the sample also as local data, so
//! that a removed collection does not leave references dangling). A `oneOf` (Rust enums with data, such as
//! a mark `{"points": 85}` or `{"flag": true}`) is followed into the branch whose type and
//! `required` keys fit, and every branch must be taken somewhere in the sample. `allOf`,
//! `if`/`then` and bounds are for readers and not checked here.
//!
//! Adding a collection: add it to `data.properties` and `$defs` in the schema and a fully
//! populated record of it to [`sample`] below (the test fails until both are done).

use super::file::{export, Office, Scope, Selection};
use super::validate::validate;
use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::dialogues::{
    AgreedPoint, Chair, Dialogue, DialogueKind, DialogueLevel, Directive, Host, HostKind, MeetingDetails,
    Proposal, ProposalStatus, RaisedPoint, StatusChange, Topic,
};
use crate::domain::programmes::{
    AnnualReview, AreaMeasure, AreaResult, ContentArea, Lead, Outcome, Programme,
};
use crate::domain::record::{Meta, Stamp};
use crate::domain::scoring::award_forms::{default_forms, VoteShare};
use crate::domain::scoring::closing::ResultsClosing;
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::indicators::{ExtraIndicator, Figures, IndicatorKey, Rate, UnitIndicators};
use crate::domain::scoring::points::Points;
use crate::domain::scoring::review_meeting::{Attendance, ReviewMeeting};
use crate::domain::scoring::scorecard::{CardStatus, Entry, Mark, Reopening, Scorecard, StatusStep};
use crate::domain::scoring::seal::CardSeal;
use crate::domain::scoring::template::{
    Block, Criterion, CriterionKind, ScoringTemplate, Settings, TargetFormula, TargetSource, Thresholds,
};
use crate::domain::scoring::vote_tally::VoteCount;
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, NaiveDate};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA: &str = include_str!("../../../docs/export.schema.json");

/// Every optional field set, a tombstone and an edit by a second office included.
fn sample() -> AppData {
    let stamp = Stamp::new("ba-vi", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
    let city = Unit {
        meta: Meta::new("city".into(), &stamp),
        name: "Liên đoàn Lao động Thành phố Hà Nội".into(),
        short_name: "LĐLĐ TP".into(),
        kind: UnitKind::City,
        parent_id: None,
        active_from: NaiveDate::from_ymd_opt(1990, 1, 1),
        active_to: None,
        archived: false,
    };
    let mut ba_vi = Unit {
        meta: Meta::new("ba-vi".into(), &stamp),
        name: "LĐLĐ huyện Ba Vì".into(),
        short_name: "Ba Vì".into(),
        kind: UnitKind::District,
        parent_id: Some("city".into()),
        active_from: NaiveDate::from_ymd_opt(2000, 1, 1),
        active_to: NaiveDate::from_ymd_opt(2025, 6, 30),
        archived: true,
    };
    ba_vi.meta.touch(&Stamp::new("city", stamp.at));
    ba_vi.meta.deleted = true;
    let quoc_oai = Unit {
        meta: Meta::new("quoc-oai".into(), &stamp),
        name: "LĐLĐ huyện Quốc Oai".into(),
        short_name: "Quốc Oai".into(),
        kind: UnitKind::District,
        parent_id: Some("city".into()),
        active_from: None,
        active_to: None,
        archived: false,
    };
    let vote = VoteCount {
        form_id: "co-ldld".into(),
        unit_id: "ba-vi".into(),
        votes_for: 1,
        votes_cast: 1,
    };
    let cluster = Cluster {
        meta: Meta::new("cum-4".into(), &stamp),
        name: "Cụm thi đua số 4".into(),
        year: 2023,
        member_ids: vec!["ba-vi".into(), "quoc-oai".into()],
        head_id: Some("ba-vi".into()),
        deputy_id: Some("quoc-oai".into()),
        next_head_id: Some("quoc-oai".into()),
        vote_order: vec!["quoc-oai".into(), "ba-vi".into()],
        results_closed: Some(ResultsClosing {
            by: "Cụm trưởng".into(),
            office_id: "ba-vi".into(),
            at: stamp.at,
            member_ids: Some(vec!["ba-vi".into(), "quoc-oai".into()]),
            vote_order: Some(vec!["quoc-oai".into(), "ba-vi".into()]),
            tally: Some(vec![vote.clone()]),
        }),
        tally: vec![vote],
        meeting: Some(ReviewMeeting {
            date: NaiveDate::from_ymd_opt(2023, 12, 22),
            start_time: chrono::NaiveTime::from_hms_opt(8, 0, 0),
            place: "Hội trường LĐLĐ huyện Ba Vì".into(),
            chair: "Chủ tịch LĐLĐ huyện Ba Vì".into(),
            secretary: "Văn phòng".into(),
            present: vec![Attendance {
                unit_id: "ba-vi".into(),
                representatives: "Đ/c A".into(),
            }],
            next_deputy_id: Some("ba-vi".into()),
        }),
    };
    let mut indicators = UnitIndicators {
        meta: Meta::new("chi-tieu-quoc-oai-2023".into(), &stamp),
        unit_id: "quoc-oai".into(),
        year: 2023,
        figures: Figures::default(),
        extra: vec![ExtraIndicator {
            key: "mai-am".into(),
            name: "Mái ấm Công đoàn".into(),
            value: Some(3),
        }],
    };
    for (n, key) in IndicatorKey::BUILT_IN.iter().enumerate() {
        key.write(&mut indicators, Some(1000 - n as u64 * 10));
    }
    let criterion = |id: &str, block: &str, max: u32, kind: CriterionKind| Criterion {
        id: id.into(),
        code: id.into(),
        name: format!("Tiêu chí {id}"),
        block: block.into(),
        max: Points::whole(max),
        kind,
    };
    let template = ScoringTemplate {
        meta: Meta::new("bang-diem-cum-4-2023".into(), &stamp),
        cluster_id: "cum-4".into(),
        year: 2023,
        name: "Bảng điểm Cụm 4 năm 2023".into(),
        blocks: vec![
            Block {
                code: "I".into(),
                title: "Chăm lo, đại diện, bảo vệ".into(),
            },
            Block {
                code: "II".into(),
                title: "Xây dựng tổ chức Công đoàn vững mạnh".into(),
            },
        ],
        criteria: vec![
            criterion("I.1", "I", 40, CriterionKind::Manual),
            criterion(
                "II.1",
                "II",
                20,
                CriterionKind::Target {
                    indicator: IndicatorKey::NewMembers,
                    target: TargetSource::Indicator(IndicatorKey::NewMembersTarget),
                    formula: TargetFormula::Relative,
                },
            ),
            criterion(
                "II.2",
                "II",
                10,
                CriterionKind::Target {
                    indicator: IndicatorKey::Custom("mai-am".into()),
                    target: TargetSource::Fixed(5),
                    formula: TargetFormula::Proportional,
                },
            ),
            criterion(
                "I.2",
                "I",
                20,
                CriterionKind::Count {
                    indicator: IndicatorKey::HealthChecks,
                    points_each: Points::whole(1),
                    per: 50,
                },
            ),
            criterion("II.3", "II", 10, CriterionKind::YesNo),
            criterion("T.1", "I", 5, CriterionKind::Bonus),
            criterion("TR.1", "I", 10, CriterionKind::Penalty),
            criterion("L.1", "I", 0, CriterionKind::Veto),
        ],
        settings: Settings {
            thresholds: Thresholds::default(),
            bonus_cap: Points::whole(5),
            excellent_cap_percent: Some(20),
            flags: 1,
            certificates: 2,
            tie_blocks: vec!["II".into(), "I".into()],
            award_forms: default_forms(),
            vote_share: VoteShare {
                percent: 67,
                inclusive: true,
            },
        },
    };
    let scorecard = Scorecard {
        meta: Meta::new("phieu-quoc-oai-2023".into(), &stamp),
        cluster_id: "cum-4".into(),
        year: 2023,
        unit_id: "quoc-oai".into(),
        status: CardStatus::Reviewed,
        entries: [
            (
                "I.1".to_string(),
                Entry {
                    self_mark: Some(Mark::Points(Points::new(38, 5))),
                    reviewed_mark: Some(Mark::Points(Points::whole(37))),
                    comment: "Trừ 1,5 điểm: thiếu minh chứng".into(),
                    evidence: "Báo cáo số 12/BC-LĐLĐ".into(),
                },
            ),
            (
                "II.3".to_string(),
                Entry {
                    self_mark: Some(Mark::Flag(true)),
                    reviewed_mark: None,
                    comment: String::new(),
                    evidence: String::new(),
                },
            ),
        ]
        .into_iter()
        .collect(),
        reopenings: vec![Reopening {
            by: "Cụm trưởng".into(),
            office_id: "ba-vi".into(),
            at: stamp.at,
            reason: "Sai số liệu phát triển đoàn viên".into(),
            total_before: Some(Points::new(89, 1)),
            total_after: Some(Points::whole(90)),
        }],
        history: vec![StatusStep {
            status: CardStatus::Final,
            by: "Cụm trưởng".into(),
            office_id: "ba-vi".into(),
            at: stamp.at,
        }],
        // Kept while final; present here so that every field of the format is in the sample.
        seal: Some(CardSeal {
            template: template.clone(),
            report: Some(indicators.clone()),
            best_rates: [(
                "II.1".to_string(),
                Rate {
                    actual: 191,
                    target: 100,
                },
            )]
            .into_iter()
            .collect(),
        }),
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let chair = |name: &str, role: &str| Chair {
        name: name.into(),
        role: role.into(),
    };
    let dialogue = Dialogue {
        meta: Meta::new("doi-thoai-quoc-oai-2024".into(), &stamp),
        kind: DialogueKind::LeadersWithWorkers,
        level: DialogueLevel::District,
        date: day(2024, 5, 14),
        place: "Hội trường UBND huyện Quốc Oai".into(),
        unit_id: "quoc-oai".into(),
        worker_chair: chair("Nguyễn Thị Hảo", "Chủ tịch LĐLĐ huyện"),
        employer_chair: chair("Trần Văn Bình", "Chủ tịch UBND huyện"),
        enterprises: vec!["Công ty TNHH May Quốc Oai".into()],
        attendances: 312,
        agreed: vec![AgreedPoint {
            content: "Đóng đủ BHXH quý III".into(),
            measure: "Phòng LĐTBXH kiểm tra".into(),
        }],
        disagreed: vec!["Nâng mức hỗ trợ nhà ở".into()],
        next_dialogue_on: Some(day(2024, 11, 20)),
        minutes_notes: "Biên bản gửi các doanh nghiệp tham gia".into(),
        minutes_signed: true,
        meeting: MeetingDetails {
            start_time: chrono::NaiveTime::from_hms_opt(8, 30, 0),
            // The federation's own minutes: `name` is required only for the other hosts, so the
            // schema has it optional (the test judges `required` on this record).
            host: Host {
                kind: HostKind::Federation,
                name: String::new(),
            },
            employer_side: vec![chair("", "Trưởng phòng Lao động – Thương binh và Xã hội")],
            worker_side: vec![chair("Phùng Quốc Tuệ", "Chủ tịch LĐLĐ huyện Quốc Oai")],
            minute_taker: chair("Lê Thu Trang", "Chuyên viên Văn phòng"),
        },
        raised: Some(vec![RaisedPoint {
            proposal_id: "kien-nghi-bhxh".into(),
            content: "Xử lý doanh nghiệp nợ đóng BHXH kéo dài".into(),
            topic: Topic::SocialInsurance,
            raised_by: "CĐCS Công ty TNHH May Quốc Oai".into(),
        }]),
        reopenings: vec![Reopening::new(
            "Phùng Quốc Tuệ",
            "Ghi sót người dự phía người sử dụng lao động",
            &Stamp::new("quoc-oai", stamp.at),
        )],
    };
    let change = |from, to, on, note: &str| StatusChange {
        from,
        to,
        on,
        by: "quoc-oai".into(),
        note: note.into(),
    };
    let proposal = Proposal {
        meta: Meta::new("kien-nghi-bhxh".into(), &stamp),
        dialogue_id: "doi-thoai-quoc-oai-2024".into(),
        content: "Xử lý doanh nghiệp nợ đóng BHXH kéo dài".into(),
        topic: Topic::SocialInsurance,
        raised_by: "CĐCS Công ty TNHH May Quốc Oai".into(),
        agency: "BHXH huyện".into(),
        directive: Directive {
            number: "125/UBND-NC".into(),
            date: Some(day(2024, 5, 20)),
        },
        deadline: Some(day(2024, 9, 30)),
        status: ProposalStatus::Resolved,
        response: "Đã thu hồi 1,2 tỷ đồng nợ BHXH".into(),
        resolved_on: Some(day(2024, 9, 28)),
        history: vec![
            change(
                ProposalStatus::New,
                ProposalStatus::InProgress,
                day(2024, 6, 1),
                "",
            ),
            change(
                ProposalStatus::InProgress,
                ProposalStatus::Resolved,
                day(2024, 9, 28),
                "Doanh nghiệp đã nộp đủ",
            ),
        ],
    };
    let area = |id: &str, number, lead, measures| ContentArea {
        id: id.into(),
        number,
        title: format!("Nội dung phối hợp {number}"),
        lead,
        measures,
    };
    // The reviewed programme comes second: without its areas the review's results would point
    // nowhere, and the schema test removes each property of the FIRST programme to see whether
    // the code requires it.
    let earlier = Programme {
        meta: Meta::new("ctr-2015".into(), &stamp),
        number: "05/CTr-UBND-LĐLĐ".into(),
        title: "Phối hợp công tác giai đoạn 2015–2020".into(),
        authority: "UBND huyện Quốc Oai".into(),
        unit_id: "quoc-oai".into(),
        signed_on: day(2015, 3, 2),
        from_year: 2015,
        to_year: 2020,
        areas: vec![
            area(
                "thi-dua",
                1,
                Lead::Joint,
                vec![AreaMeasure::Indicator(IndicatorKey::ImprovementsBase)],
            ),
            area(
                "doi-thoai",
                2,
                Lead::PeopleCommittee,
                vec![
                    AreaMeasure::DialoguesHeld,
                    AreaMeasure::Indicator(IndicatorKey::Custom("mai-am".into())),
                ],
            ),
        ],
    };
    let current = Programme {
        meta: Meta::new("ctr-2020".into(), &stamp),
        number: "01/CTr-UBND-LĐLĐ".into(),
        title: "Phối hợp công tác giai đoạn 2020–2025".into(),
        authority: "UBND huyện Quốc Oai".into(),
        unit_id: "quoc-oai".into(),
        signed_on: day(2020, 9, 26),
        from_year: 2020,
        to_year: 2025,
        areas: vec![
            area("tuyen-truyen", 1, Lead::Federation, Vec::new()),
            area("doi-thoai", 2, Lead::Joint, vec![AreaMeasure::ProposalsResolved]),
        ],
    };
    let review = AnnualReview {
        meta: Meta::new("so-ket-2023".into(), &stamp),
        programme_id: "ctr-2020".into(),
        year: 2023,
        held_on: day(2024, 1, 12),
        results: vec![
            AreaResult {
                area_id: "tuyen-truyen".into(),
                outcome: Outcome::Done,
                note: "Vượt chỉ tiêu số buổi tuyên truyền".into(),
            },
            AreaResult {
                area_id: "doi-thoai".into(),
                outcome: Outcome::Partly,
                note: String::new(),
            },
        ],
        limitations: vec!["Một số kiến nghị giải quyết chậm".into()],
        next_tasks: vec!["Tổ chức đối thoại định kỳ ở 100% xã".into()],
    };
    AppData {
        units: vec![city, ba_vi, quoc_oai],
        clusters: vec![cluster],
        indicators: vec![indicators],
        templates: vec![template],
        scorecards: vec![scorecard],
        dialogues: vec![dialogue],
        proposals: vec![proposal],
        programmes: vec![earlier, current],
        reviews: vec![review],
        ..AppData::default()
    }
}

fn sample_file(data: &AppData) -> Value {
    export(
        data,
        &Selection::everything(data),
        Office {
            id: "ba-vi".into(),
            name: "LĐLĐ huyện Ba Vì".into(),
        },
        Scope {
            description: "Toàn bộ".into(),
        },
        DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
    )
    .to_value()
}

struct Walk<'a> {
    root: &'a Value,
    /// Property names seen in the sample, per schema location.
    seen: BTreeMap<String, BTreeSet<String>>,
    /// Schema locations with `properties`, and the JSON paths where they were used.
    objects: BTreeMap<String, Vec<Vec<String>>>,
    /// Schema locations with `oneOf`, with their number of branches, and the branches used.
    one_ofs: BTreeMap<String, usize>,
    branches_used: BTreeSet<String>,
    errors: Vec<String>,
}

impl<'a> Walk<'a> {
    fn resolve(&self, schema: &'a Value, loc: String) -> (&'a Value, String) {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let pointer = r.trim_start_matches('#');
                (self.root.pointer(pointer).expect("$ref resolves"), r.to_string())
            }
            None => (schema, loc),
        }
    }

    /// Whether `value` has a type `schema` allows (any, when it names none).
    fn type_fits(value: &Value, schema: &Value) -> Result<(), String> {
        let Some(types) = schema.get("type") else {
            return Ok(());
        };
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let integer_as_number = actual == "integer" && types.contains(&"number");
        if types.contains(&actual) || integer_as_number {
            Ok(())
        } else {
            Err(format!("{actual} where the schema says {types:?}"))
        }
    }

    /// The `oneOf` branch `value` belongs to: the first whose type fits and, for an object,
    /// whose `required` keys it has (tagged enums such as `{"points": 85}` / `{"flag": true}`).
    fn branch(&self, value: &Value, branches: &'a [Value]) -> Option<usize> {
        branches.iter().position(|b| {
            let (b, _) = self.resolve(b, String::new());
            let required_present = b.get("required").and_then(Value::as_array).is_none_or(|keys| {
                keys.iter()
                    .filter_map(Value::as_str)
                    .all(|k| value.get(k).is_some())
            });
            Self::type_fits(value, b).is_ok() && (!value.is_object() || required_present)
        })
    }

    fn walk(&mut self, value: &Value, schema: &'a Value, loc: String, path: &mut Vec<String>) {
        let (schema, loc) = self.resolve(schema, loc);
        let at = path.join(".");
        if let Err(e) = Self::type_fits(value, schema) {
            self.errors.push(format!("{at}: {e}"));
        }
        if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
            self.one_ofs.insert(loc.clone(), branches.len());
            match self.branch(value, branches) {
                Some(i) => {
                    let branch_loc = format!("{loc}/oneOf/{i}");
                    self.branches_used.insert(branch_loc.clone());
                    self.walk(value, &branches[i], branch_loc, path);
                }
                None => self
                    .errors
                    .push(format!("{at}: {value} fits no branch of the schema's oneOf")),
            }
        }
        if let Some(options) = schema.get("enum").and_then(Value::as_array) {
            if !options.contains(value) {
                self.errors
                    .push(format!("{at}: {value} is not in the schema's enum"));
            }
        }
        if let Some(c) = schema.get("const") {
            if c != value {
                self.errors
                    .push(format!("{at}: {value} differs from the schema's const {c}"));
            }
        }
        match value {
            Value::Object(obj) => {
                if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                    self.objects.entry(loc.clone()).or_default().push(path.clone());
                    for (key, child) in obj {
                        self.seen.entry(loc.clone()).or_default().insert(key.clone());
                        match props.get(key) {
                            Some(s) => {
                                path.push(key.clone());
                                self.walk(child, s, format!("{loc}/properties/{key}"), path);
                                path.pop();
                            }
                            None => self
                                .errors
                                .push(format!("{at}: `{key}` is written but not in the schema")),
                        }
                    }
                } else if let Some(extra) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                    for (key, child) in obj {
                        path.push(key.clone());
                        self.walk(child, extra, format!("{loc}/additionalProperties"), path);
                        path.pop();
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        path.push(i.to_string());
                        self.walk(item, item_schema, format!("{loc}/items"), path);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether the file is refused once `key` is removed from the object at `path`.
fn required_by_rust(file: &Value, path: &[String], key: &str, local: &AppData) -> bool {
    let mut copy = file.clone();
    let pointer: String = path.iter().map(|p| format!("/{p}")).collect();
    copy.pointer_mut(&pointer)
        .and_then(Value::as_object_mut)
        .expect("object path")
        .remove(key);
    validate(copy.to_string().as_bytes(), local).is_err()
}

#[test]
fn the_json_schema_matches_what_the_code_writes_and_reads() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("docs/export.schema.json is JSON");
    let data = sample();
    for c in Collection::ALL {
        let count = serde_json::to_value(&data).unwrap()[c.key()]
            .as_array()
            .map_or(0, Vec::len);
        assert!(
            count > 0,
            "add a fully populated `{}` record to sample()",
            c.key()
        );
    }
    let file = sample_file(&data);
    let mut walk = Walk {
        root: &schema,
        seen: BTreeMap::new(),
        objects: BTreeMap::new(),
        one_ofs: BTreeMap::new(),
        branches_used: BTreeSet::new(),
        errors: Vec::new(),
    };
    walk.walk(&file, &schema, "#".into(), &mut Vec::new());
    for (loc, n) in &walk.one_ofs {
        for i in 0..*n {
            if !walk.branches_used.contains(&format!("{loc}/oneOf/{i}")) {
                walk.errors.push(format!(
                    "{loc}/oneOf/{i}: no value of the sample takes this branch"
                ));
            }
        }
    }
    for (loc, paths) in &walk.objects {
        let node = schema.pointer(loc.trim_start_matches('#')).unwrap();
        let props: BTreeSet<String> = node["properties"].as_object().unwrap().keys().cloned().collect();
        let seen = walk.seen.get(loc).cloned().unwrap_or_default();
        for missing in props.difference(&seen) {
            walk.errors
                .push(format!("{loc}: `{missing}` is in the schema but never written"));
        }
        let required: BTreeSet<String> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let path = &paths[0];
        let object = file
            .pointer(&path.iter().map(|p| format!("/{p}")).collect::<String>())
            .unwrap();
        for key in object.as_object().unwrap().keys() {
            // With every record also known locally, only the shape of the file can fail.
            let rust = required_by_rust(&file, path, key, &data);
            if rust != required.contains(key) {
                walk.errors.push(format!(
                    "{loc}: `{key}` is {} by the code but {} in the schema",
                    if rust { "required" } else { "optional" },
                    if required.contains(key) {
                        "required"
                    } else {
                        "optional"
                    },
                ));
            }
        }
    }
    let collections: BTreeSet<&str> = schema["properties"]["data"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let listed: BTreeSet<&str> = Collection::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(
        collections, listed,
        "data.properties in the schema vs the collections! list"
    );
    assert!(
        walk.errors.is_empty(),
        "docs/export.schema.json is out of step:\n{}",
        walk.errors.join("\n")
    );
}

#[test]
fn the_schema_names_every_built_in_indicator() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let listed = &schema["$defs"]["indicator_key"]["oneOf"][0]["enum"];
    let built_in = serde_json::to_value(IndicatorKey::BUILT_IN).unwrap();
    assert_eq!(
        listed, &built_in,
        "$defs.indicator_key in docs/export.schema.json"
    );
}
