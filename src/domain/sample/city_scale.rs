//! A city federation's whole data, made up but shaped like Hà Nội's since 1/7/2025 (the seed
//! articles): the city federation, sector unions, 6.349 grassroots unions (CĐCS) under them,
//! five years of yearly indicators, two years of periodic dialogues with 20.000 proposals, and
//! 50 emulation clusters of CĐCS. Deterministic: the same sizes always give the same data, so
//! benchmarks compare like with like. Used by `examples/city_data.rs` and the benchmark.

use super::{day, DialogueText, ProposalText, Story};
use crate::domain::data::AppData;
use crate::domain::dialogues::{DialogueKind, DialogueLevel, ProposalStatus, Topic};
use crate::domain::record::{Id, Meta, Stamp};
use crate::domain::scoring::cluster::{self, ClusterDraft};
use crate::domain::scoring::indicators::IndicatorKey as K;
use crate::domain::units::{Unit, UnitKind};

/// How much to make; [`CityScale::HA_NOI`] is the city of the issue.
#[derive(Clone, Copy, Debug)]
pub struct CityScale {
    pub sectors: usize,
    pub grassroots: usize,
    pub indicator_years: i32,
    pub dialogue_years: i32,
    pub proposals: usize,
    pub clusters: usize,
}

impl CityScale {
    pub const HA_NOI: CityScale = CityScale {
        sectors: 10,
        grassroots: 6_349,
        indicator_years: 5,
        dialogue_years: 2,
        proposals: 20_000,
        clusters: 50,
    };
}

const SECTORS: [&str; 10] = [
    "Công đoàn ngành Giáo dục Hà Nội",
    "Công đoàn ngành Y tế Hà Nội",
    "Công đoàn ngành Xây dựng Hà Nội",
    "Công đoàn ngành Công Thương Hà Nội",
    "Công đoàn ngành Giao thông vận tải Hà Nội",
    "Công đoàn Các khu công nghiệp và chế xuất Hà Nội",
    "Công đoàn ngành Nông nghiệp và Phát triển nông thôn Hà Nội",
    "Công đoàn Viên chức thành phố Hà Nội",
    "Công đoàn ngành Du lịch Hà Nội",
    "Công đoàn ngành Tài nguyên và Môi trường Hà Nội",
];

const KINDS: [&str; 6] = [
    "Công ty TNHH May",
    "Trường THCS",
    "Bệnh viện",
    "Công ty CP Xây dựng",
    "Xí nghiệp",
    "Hợp tác xã",
];
const PLACES: [&str; 8] = [
    "Đống Đa",
    "Ba Vì",
    "Quốc Oai",
    "Thạch Thất",
    "Đông Anh",
    "Sóc Sơn",
    "Thanh Oai",
    "Mê Linh",
];
const TOPICS: [(Topic, &str, &str); 5] = [
    (
        Topic::Wages,
        "Điều chỉnh đơn giá tiền lương sản phẩm",
        "Ban Giám đốc",
    ),
    (
        Topic::SocialInsurance,
        "Đóng đủ bảo hiểm xã hội cho người lao động",
        "Bảo hiểm xã hội thành phố",
    ),
    (Topic::Housing, "Hỗ trợ nhà ở cho công nhân", "Sở Xây dựng"),
    (
        Topic::OccupationalSafety,
        "Kiểm tra an toàn, vệ sinh lao động tại xưởng",
        "Sở Lao động - Thương binh và Xã hội",
    ),
    (
        Topic::Schools,
        "Mở thêm lớp mầm non cho con công nhân",
        "Sở Giáo dục và Đào tạo",
    ),
];

/// The whole data set of `scale`, as one installation of the city federation would hold it.
pub fn generate(scale: CityScale) -> AppData {
    let mut data = AppData::default();
    let stamp = Stamp::new(
        "lđlđ-ha-noi",
        day(2026, 11, 29).and_hms_opt(8, 0, 0).expect("valid").and_utc(),
    );
    let mut n = 0u64;
    let mut next_id = move || {
        n += 1;
        format!("hn-{n:06}")
    };
    let mut story = Story {
        data: &mut data,
        next_id: &mut next_id,
        stamp: &stamp,
    };
    // Units are pushed directly: their names are unique by construction, and the story's
    // name lookup would cost a scan per unit.
    let unit = |story: &mut Story<'_>, name: String, short: String, kind: UnitKind, parent: Option<&Id>| {
        let meta = Meta::new(story.id(), story.stamp);
        let id = meta.id.clone();
        story.data.units.push(Unit {
            meta,
            name,
            short_name: short,
            kind,
            parent_id: parent.cloned(),
            active_from: None,
            active_to: None,
            archived: false,
        });
        id
    };
    let city = unit(
        &mut story,
        "Liên đoàn Lao động thành phố Hà Nội".into(),
        "LĐLĐ Hà Nội".into(),
        UnitKind::City,
        None,
    );
    let sectors: Vec<Id> = (0..scale.sectors)
        .map(|i| {
            let name = SECTORS[i % SECTORS.len()].to_string();
            let name = if i < SECTORS.len() {
                name
            } else {
                format!("{name} {}", i + 1)
            };
            unit(
                &mut story,
                name,
                format!("Ngành {}", i + 1),
                UnitKind::Sector,
                Some(&city),
            )
        })
        .collect();
    let grassroots: Vec<Id> = (0..scale.grassroots)
        .map(|i| {
            let name = format!(
                "CĐCS {} {} số {}",
                KINDS[i % KINDS.len()],
                PLACES[i % PLACES.len()],
                i + 1
            );
            unit(
                &mut story,
                name,
                format!("CĐCS {}", i + 1),
                UnitKind::Grassroots,
                Some(&sectors[i % sectors.len()]),
            )
        })
        .collect();

    let first_year = 2026 - scale.indicator_years + 1;
    for (i, id) in grassroots.iter().enumerate() {
        for year in first_year..=2026 {
            let members = 40 + (i as u64 * 37 + year as u64) % 460;
            let figures = [
                (K::Members, members),
                (K::NewMembers, members / 10),
                (K::NewMembersTarget, members / 12),
                (K::ImprovementsBase, (i as u64 + year as u64) % 7),
                (K::GoodWorkersBase, (i as u64 * 3 + year as u64) % 11),
            ];
            story.indicators(id, year, &figures);
        }
    }

    // Every CĐCS holds its periodic dialogue each year; proposals spread over them.
    let mut dialogues = Vec::new();
    for year in (2027 - scale.dialogue_years)..=2026 {
        for (i, id) in grassroots.iter().enumerate() {
            let held = day(year, 3 + (i % 9) as u32, 1 + (i % 27) as u32);
            dialogues.push(story.dialogue(DialogueText {
                kind: DialogueKind::Periodic,
                level: DialogueLevel::Enterprise,
                date: held,
                place: "Hội trường đơn vị",
                unit_id: id,
                worker_chair: ("Chủ tịch CĐCS", "Chủ tịch Công đoàn cơ sở"),
                employer_chair: ("Giám đốc", "Người sử dụng lao động"),
                attendances: 30 + (i % 200) as u32,
                agreed: &[(
                    "Thực hiện đúng thỏa ước lao động tập thể",
                    "Hai bên cùng giám sát",
                )],
                meeting: Default::default(),
            }));
        }
    }
    for i in 0..scale.proposals {
        let (topic, content, agency) = TOPICS[i % TOPICS.len()];
        let dialogue = &dialogues[(i * 7) % dialogues.len()];
        let raised = dialogue.1;
        let answered = [(
            ProposalStatus::InProgress,
            raised + chrono::Duration::days(10),
            "Đang xem xét",
        )];
        let resolved = [
            (
                ProposalStatus::InProgress,
                raised + chrono::Duration::days(10),
                "Đang xem xét",
            ),
            (
                ProposalStatus::Resolved,
                raised + chrono::Duration::days(40),
                "Đã thực hiện",
            ),
        ];
        let steps: &[(ProposalStatus, chrono::NaiveDate, &str)] = match i % 3 {
            0 => &[],
            1 => &answered,
            _ => &resolved,
        };
        story.proposal(
            dialogue,
            ProposalText {
                content: format!("{content} (kiến nghị {})", i + 1),
                topic,
                raised_by: "Công đoàn cơ sở",
                agency,
                directive: None,
                deadline: raised + chrono::Duration::days(60),
                steps,
                response: "",
            },
        );
    }

    // Clusters of CĐCS of one sector, for the latest year.
    let per_cluster = (scale.grassroots / scale.clusters.max(1)).clamp(2, 12);
    for c in 0..scale.clusters {
        let members: Vec<Id> = (0..per_cluster)
            .map(|k| grassroots[(c * per_cluster + k) % grassroots.len()].clone())
            .collect();
        let draft = ClusterDraft {
            name: format!("Cụm thi đua CĐCS số {}", c + 1),
            year: 2026,
            head_id: members.first().cloned(),
            deputy_id: members.get(1).cloned(),
            member_ids: members,
            next_head_id: None,
            vote_order: Vec::new(),
        };
        let id = story.id();
        cluster::add(&mut story.data.clusters, id, draft, &story.data.units, &stamp)
            .expect("generated clusters are valid");
    }
    data.ensure_office(|| "lđlđ-ha-noi".into());
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::{export, validate, Office, Scope, Selection};

    #[test]
    fn a_small_city_is_a_valid_export_with_the_sizes_asked_for() {
        let scale = CityScale {
            sectors: 3,
            grassroots: 40,
            indicator_years: 5,
            dialogue_years: 2,
            proposals: 120,
            clusters: 4,
        };
        let data = generate(scale);
        assert_eq!(data.units.len(), 1 + 3 + 40);
        assert_eq!(data.indicators.len(), 40 * 5);
        assert_eq!(data.dialogues.len(), 40 * 2);
        assert_eq!(data.proposals.len(), 120);
        assert_eq!(data.clusters.len(), 4);
        assert_eq!(generate(scale), data, "the same sizes give the same data");
        let office = Office {
            id: "khac".into(),
            name: "LĐLĐ thành phố Hà Nội".into(),
        };
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let file = export(
            &data,
            &Selection::everything(&data),
            office,
            Scope {
                description: "Toàn bộ".into(),
            },
            at,
        );
        let incoming = validate(file.to_json().as_bytes(), &AppData::default()).expect("a valid export");
        assert_eq!(incoming.file.data.proposals.len(), 120);
    }
}
