//! Dữ liệu mẫu: Cụm thi đua số 4 of Hà Nội's federation for 2023 (seed 001), complete with
//! units, cluster, indicators, the default table and final scorecards, so that a new user sees
//! every screen filled in. The published figures are kept exactly (1.172 CĐCS, 44.579 members,
//! the member-development and new-CĐCS rates, over 1.450 health checks); how the totals split
//! between districts, the other figures and all scores are invented but plausible.
//!
//! The sample only ever adds records. A unit that already exists (live, not archived, same name
//! ignoring case and diacritics) is reused instead of created again, so loading the sample into
//! an office that already has these districts does not duplicate them.

use super::award_forms::ids as award_ids;
use super::closing;
use super::cluster::Cluster;
use super::default_template::{default_template, ids};
use super::indicators::{Figures, UnitIndicators};
use super::points::Points;
use super::review_meeting::{self, Attendance, ReviewMeeting};
use super::scorecard::{self, Mark, Scorecard, Side};
use super::seal::{self, CardSeal};
use super::template::ScoringTemplate;
use super::vote_tally::{self, VoteCount};
use crate::domain::data::AppData;
use crate::domain::fold::fold;
use crate::domain::record::{self, Id, Meta, Stamp};
use crate::domain::units::{Unit, UnitKind};

pub const CLUSTER_NAME: &str = "Cụm thi đua số 4";
pub const YEAR: i32 = 2023;

/// Records to add to the data; nothing in it replaces existing data.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleRecords {
    /// Only the units that did not exist yet.
    pub units: Vec<Unit>,
    pub cluster: Cluster,
    pub indicators: Vec<UnitIndicators>,
    pub template: ScoringTemplate,
    pub scorecards: Vec<Scorecard>,
}

impl SampleRecords {
    /// Appends every record to `data`.
    pub fn add_to(self, data: &mut AppData) {
        data.units.extend(self.units);
        data.clusters.push(self.cluster);
        data.indicators.extend(self.indicators);
        data.templates.push(self.template);
        data.scorecards.extend(self.scorecards);
    }
}

/// One district's figures and scores (points in tenths, reviewed; self adds `self_extra`).
struct District {
    short: &'static str,
    grassroots: u64,
    members: u64,
    new_members: (u64, u64),
    new_grassroots: (u64, u64),
    health_checks: u64,
    supervision_chaired: u64,
    propaganda: u64,
    improvements_upper: u64,
    /// CARE, DEMOCRACY, POLICY, STRONG_GRASSROOTS, MOVEMENTS, CLUSTER_WORK, BONUS, PENALTY.
    reviewed: [u32; 8],
    /// Added to the reviewed score for the self score (capped at the criterion's max).
    self_extra: u32,
}

/// In the cluster's member order (as the seed lists them).
const DISTRICTS: [District; 6] = [
    District {
        short: "Phúc Thọ",
        grassroots: 168,
        members: 5_870,
        new_members: (955, 500), // 191%
        new_grassroots: (19, 6), // 316,7% (> 300%)
        health_checks: 235,
        supervision_chaired: 3,
        propaganda: 10,
        improvements_upper: 6,
        reviewed: [90, 90, 45, 90, 90, 45, 15, 0],
        self_extra: 5,
    },
    District {
        short: "Ba Vì",
        grassroots: 245,
        members: 9_120,
        new_members: (1_210, 1_000), // 121%
        new_grassroots: (21, 10),    // 210% (> 200%)
        health_checks: 260,
        supervision_chaired: 4,
        propaganda: 12,
        improvements_upper: 8,
        reviewed: [95, 95, 45, 95, 95, 50, 20, 0],
        self_extra: 5,
    },
    District {
        short: "Thạch Thất",
        grassroots: 210,
        members: 8_640,
        new_members: (1_388, 1_000), // 138,8%
        new_grassroots: (10, 3),     // 333,3%
        health_checks: 250,
        supervision_chaired: 5,
        propaganda: 11,
        improvements_upper: 9,
        reviewed: [90, 90, 45, 90, 90, 45, 10, 0],
        self_extra: 5,
    },
    District {
        short: "Đan Phượng",
        grassroots: 152,
        members: 5_915,
        new_members: (1_927, 1_000), // 192,7%
        new_grassroots: (17, 8),     // 212,5% (> 200%)
        health_checks: 230,
        supervision_chaired: 4,
        propaganda: 9,
        improvements_upper: 7,
        reviewed: [95, 90, 45, 95, 90, 45, 20, 0],
        self_extra: 5,
    },
    District {
        short: "Hoài Đức",
        grassroots: 232,
        members: 9_034,
        new_members: (1_527, 1_000), // 152,7%
        new_grassroots: (22, 12),    // 183,3% (> 180%)
        health_checks: 270,
        supervision_chaired: 5,
        propaganda: 12,
        improvements_upper: 10,
        reviewed: [90, 90, 45, 90, 90, 45, 10, 5],
        self_extra: 5,
    },
    District {
        short: "Quốc Oai",
        grassroots: 165,
        members: 6_000,
        new_members: (573, 1_000), // 57,3%
        new_grassroots: (8, 8),    // 100%
        health_checks: 215,
        supervision_chaired: 3,
        propaganda: 8,
        improvements_upper: 5,
        reviewed: [85, 85, 40, 85, 85, 45, 5, 10],
        self_extra: 5,
    },
];

const MANUAL: [&str; 8] = [
    ids::CARE,
    ids::DEMOCRACY,
    ids::POLICY,
    ids::STRONG_GRASSROOTS,
    ids::MOVEMENTS,
    ids::CLUSTER_WORK,
    ids::BONUS,
    ids::PENALTY,
];

pub fn unit_name(short: &str) -> String {
    format!("LĐLĐ huyện {short}")
}

fn figures(d: &District) -> Figures {
    Figures {
        grassroots_unions: Some(d.grassroots),
        members: Some(d.members),
        new_members: Some(d.new_members.0),
        new_members_target: Some(d.new_members.1),
        new_grassroots: Some(d.new_grassroots.0),
        new_grassroots_target: Some(d.new_grassroots.1),
        health_checks: Some(d.health_checks),
        supervision_chaired: Some(d.supervision_chaired),
        supervision_joined: Some(d.supervision_chaired * 2),
        propaganda_sessions: Some(d.propaganda),
        propaganda_attendances: Some(d.propaganda * 85),
        improvements_upper: Some(d.improvements_upper),
        improvements_base: Some(d.improvements_upper * 9),
        ..Figures::default()
    }
}

/// The final card of one district: self-scored, submitted, reviewed and finalised through the
/// ordinary workflow so that the sample obeys the same rules as users.
fn final_card(
    id: Id,
    cluster_id: &Id,
    unit_id: &Id,
    d: &District,
    t: &ScoringTemplate,
    seal: CardSeal,
    stamp: &Stamp,
) -> Scorecard {
    let mut card = Scorecard::new(id, cluster_id.clone(), YEAR, unit_id.clone(), stamp);
    let set = |card: &mut Scorecard, id: &str, side, mark| {
        scorecard::set_mark(card, t, id, side, Some(mark), stamp)
            .expect("sample scores fit the default table");
    };
    for (criterion_id, reviewed) in MANUAL.iter().zip(d.reviewed) {
        let max = t.criterion(criterion_id).map_or(Points::ZERO, |c| c.max).tenths();
        let own = if *criterion_id == ids::PENALTY {
            reviewed
        } else {
            (reviewed + d.self_extra).min(max)
        };
        set(
            &mut card,
            criterion_id,
            Side::SelfScore,
            Mark::Points(Points(own)),
        );
    }
    set(&mut card, ids::REPORTS_ON_TIME, Side::SelfScore, Mark::Flag(true));
    for veto in [ids::VETO_STRIKE, ids::VETO_ACCIDENT, ids::VETO_DISCIPLINE] {
        set(&mut card, veto, Side::SelfScore, Mark::Flag(false));
    }
    let steps = |card: &mut Scorecard| -> Result<(), scorecard::ScorecardError> {
        scorecard::submit(card, "Chủ tịch LĐLĐ", stamp)?;
        for (criterion_id, reviewed) in MANUAL.iter().zip(d.reviewed) {
            scorecard::set_mark(
                card,
                t,
                criterion_id,
                Side::Reviewed,
                Some(Mark::Points(Points(reviewed))),
                stamp,
            )?;
        }
        scorecard::mark_reviewed(card, "Cụm trưởng", stamp)?;
        scorecard::finalise(card, seal, "Cụm trưởng", stamp)
    };
    steps(&mut card).expect("the sample follows the workflow");
    card
}

/// The review meeting of 22/12/2023 at Ba Vì (invented details): every member present, the flag
/// and the two certificates voted through, Quốc Oai and Phúc Thọ elected head and deputy for 2024.
fn year_end_meeting(cluster: &mut Cluster, template: &ScoringTemplate, id_of: &dyn Fn(&str) -> Id) {
    let people = [
        ("Phúc Thọ", "Đ/c Nguyễn Thị Lan – Chủ tịch"),
        ("Ba Vì", "Đ/c Nguyễn Văn Hùng – Chủ tịch"),
        ("Thạch Thất", "Đ/c Trần Văn Minh – Chủ tịch"),
        ("Đan Phượng", "Đ/c Lê Thị Hoa – Phó Chủ tịch"),
        ("Hoài Đức", "Đ/c Phạm Văn Tuấn – Chủ tịch"),
        ("Quốc Oai", "Đ/c Đỗ Thị Mai – Chủ tịch"),
    ];
    let meeting = ReviewMeeting {
        date: chrono::NaiveDate::from_ymd_opt(YEAR, 12, 22),
        start_time: chrono::NaiveTime::from_hms_opt(8, 0, 0),
        place: "Hội trường LĐLĐ huyện Ba Vì".into(),
        chair: "Đ/c Nguyễn Văn Hùng – Chủ tịch LĐLĐ huyện Ba Vì, Cụm trưởng".into(),
        secretary: "Đ/c Vũ Thị Thu – Văn phòng LĐLĐ huyện Ba Vì".into(),
        present: people
            .iter()
            .map(|(short, who)| Attendance {
                unit_id: id_of(short),
                representatives: who.to_string(),
            })
            .collect(),
        next_deputy_id: Some(id_of("Phúc Thọ")),
    };
    let next_head = cluster.next_head_id.clone();
    review_meeting::record(cluster, meeting, next_head).expect("the sample meeting is complete");
    let vote = |form_id: &str, short: &str, votes_for: u32| VoteCount {
        form_id: form_id.into(),
        unit_id: id_of(short),
        votes_for,
        votes_cast: 6,
    };
    let tally = vec![
        vote(award_ids::FLAG_PROVINCE, "Đan Phượng", 6),
        vote(award_ids::MERIT_PROVINCE, "Thạch Thất", 5),
        vote(award_ids::MERIT_PROVINCE, "Phúc Thọ", 4),
    ];
    vote_tally::record(cluster, tally, &template.settings.forms()).expect("the sample votes are valid");
}

/// Builds Cụm thi đua số 4, 2023: head Ba Vì, deputy Quốc Oai, Quốc Oai elected head for 2024,
/// every card final and the results closed after the review meeting.
/// `next_id` gives a fresh id per record.
/// The sample as data of its own (ids `id-1`, `id-2`…), for tests.
#[cfg(test)]
pub(crate) fn cluster_4_2023_data(stamp: &Stamp) -> AppData {
    let mut n = 0;
    let mut data = AppData::default();
    let next_id = || {
        n += 1;
        format!("id-{n}")
    };
    cluster_4_2023(&[], next_id, stamp).add_to(&mut data);
    data
}

pub fn cluster_4_2023(
    existing_units: &[Unit],
    mut next_id: impl FnMut() -> Id,
    stamp: &Stamp,
) -> SampleRecords {
    let mut new_units = Vec::new();
    let mut unit_ids = Vec::new();
    for d in &DISTRICTS {
        let name = unit_name(d.short);
        let existing = record::live(existing_units).find(|u| !u.archived && fold(&u.name) == fold(&name));
        match existing {
            Some(u) => unit_ids.push(u.meta.id.clone()),
            None => {
                let id = next_id();
                unit_ids.push(id.clone());
                new_units.push(Unit {
                    meta: Meta::new(id, stamp),
                    name,
                    short_name: d.short.to_string(),
                    kind: UnitKind::District,
                    parent_id: None,
                    active_from: None,
                    active_to: chrono::NaiveDate::from_ymd_opt(2025, 6, 30),
                    archived: false,
                });
            }
        }
    }
    let id_of = |short: &str| unit_ids[DISTRICTS.iter().position(|d| d.short == short).unwrap_or(0)].clone();
    let cluster = Cluster {
        meta: Meta::new(next_id(), stamp),
        name: CLUSTER_NAME.to_string(),
        year: YEAR,
        member_ids: unit_ids.clone(),
        head_id: Some(id_of("Ba Vì")),
        deputy_id: Some(id_of("Quốc Oai")),
        next_head_id: Some(id_of("Quốc Oai")),
        vote_order: Vec::new(),
        results_closed: None,
        tally: Vec::new(),
        meeting: None,
    };
    let template = default_template(next_id(), cluster.meta.id.clone(), YEAR, stamp);
    let mut indicators = Vec::new();
    let mut scorecards = Vec::new();
    for (d, unit_id) in DISTRICTS.iter().zip(&unit_ids) {
        let mut report = UnitIndicators::new(next_id(), unit_id.clone(), YEAR, stamp);
        report.figures = figures(d);
        indicators.push(report);
    }
    // Finalised once every member has reported, as the cluster would: the relative formula
    // compares each unit with the cluster's best.
    let best = seal::cluster_best_rates(&cluster, &template, &indicators);
    for ((d, unit_id), report) in DISTRICTS.iter().zip(&unit_ids).zip(&indicators) {
        let kept = CardSeal {
            template: template.clone(),
            report: Some(report.clone()),
            best_rates: best.clone(),
        };
        scorecards.push(final_card(
            next_id(),
            &cluster.meta.id,
            unit_id,
            d,
            &template,
            kept,
            stamp,
        ));
    }
    let mut cluster = cluster;
    year_end_meeting(&mut cluster, &template, &id_of);
    closing::close(&mut cluster, &scorecards, "Cụm trưởng", stamp).expect("every sample card is final");
    SampleRecords {
        units: new_units,
        cluster,
        indicators,
        template,
        scorecards,
    }
}
