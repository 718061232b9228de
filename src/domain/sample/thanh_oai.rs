//! Seed 000: LĐLĐ huyện Thanh Oai and the People's Committee of the district reviewed their
//! coordination programme: in five years 4.561 sáng kiến cải tiến cấp cơ sở, 436 cấp trên cơ sở,
//! 1.258 Công nhân giỏi cấp cơ sở, 336 cấp huyện, 5 Công nhân giỏi Thủ đô, 322 sáng kiến kinh
//! nghiệm cấp thành phố, 2.184 cấp huyện, 4.776 cấp cơ sở; over 300 attendances at the
//! leaders' dialogues raised 35 contents, all resolved in time; joint labour inspection was
//! "not regular, formal in places". The split between years is invented; the totals are the
//! seed's.

use super::{day, meeting, DialogueText, ProposalText, Story};
use crate::domain::dialogues::HostKind;
use crate::domain::dialogues::{DialogueKind, DialogueLevel, ProposalStatus, Topic};
use crate::domain::record::Id;
use crate::domain::scoring::indicators::IndicatorKey as K;
use crate::domain::units::UnitKind;

const YEARS: [i32; 5] = [2016, 2017, 2018, 2019, 2020];

/// Per year, in the order of [`YEARS`]; each column sums to the seed's five-year figure.
const FIGURES: [(K, [u64; 5]); 8] = [
    (K::ImprovementsBase, [850, 880, 910, 950, 971]),
    (K::ImprovementsUpper, [80, 84, 88, 90, 94]),
    (K::GoodWorkersBase, [240, 245, 250, 258, 265]),
    (K::GoodWorkersDistrict, [62, 65, 68, 69, 72]),
    (K::GoodWorkersCapital, [1, 1, 1, 1, 1]),
    (K::ExperienceCity, [60, 62, 64, 66, 70]),
    (K::ExperienceDistrict, [420, 430, 436, 444, 454]),
    (K::ExperienceBase, [930, 945, 955, 965, 981]),
];

/// Lượt tham dự per year: 302 in all ("trên 300 lượt").
const ATTENDANCES: [u32; 5] = [58, 60, 62, 60, 62];

/// Seven contents raised each year (35 in all): topic, content, agency, whether it was answered
/// (đã trả lời) rather than resolved.
const CONTENTS: [(Topic, &str, &str, bool); 7] = [
    (
        Topic::SocialInsurance,
        "Đôn đốc doanh nghiệp nợ đóng BHXH trên địa bàn",
        "Bảo hiểm xã hội huyện",
        false,
    ),
    (
        Topic::Wages,
        "Trả lương đúng hạn, không thấp hơn lương tối thiểu vùng",
        "Phòng Lao động - Thương binh và Xã hội",
        false,
    ),
    (
        Topic::Housing,
        "Bố trí nhà ở cho công nhân thuê trọ gần cụm công nghiệp",
        "Phòng Quản lý đô thị",
        true,
    ),
    (
        Topic::OccupationalSafety,
        "Kiểm tra an toàn, vệ sinh lao động tại các xưởng may",
        "Phòng Lao động - Thương binh và Xã hội",
        false,
    ),
    (
        Topic::Schools,
        "Mở thêm lớp mầm non cho con công nhân",
        "Phòng Giáo dục và Đào tạo",
        true,
    ),
    (
        Topic::PublicOrder,
        "Bảo đảm an ninh trật tự khu nhà trọ công nhân",
        "Công an huyện",
        false,
    ),
    (
        Topic::Training,
        "Hỗ trợ học nghề cho lao động nông thôn",
        "Trung tâm Giáo dục nghề nghiệp huyện",
        false,
    ),
];

pub(super) fn add(story: &mut Story<'_>, city: &Id) {
    let unit = story.unit(
        "Liên đoàn Lao động huyện Thanh Oai",
        "Thanh Oai",
        UnitKind::District,
        Some(city),
        Some(day(2025, 6, 30)),
    );
    for (i, year) in YEARS.into_iter().enumerate() {
        let figures: Vec<(K, u64)> = FIGURES
            .iter()
            .map(|(k, per_year)| (k.clone(), per_year[i]))
            .collect();
        story.indicators(&unit, year, &figures);
        let held = day(year, 9, 15);
        let dialogue = story.dialogue(DialogueText {
            kind: DialogueKind::LeadersWithWorkers,
            level: DialogueLevel::District,
            date: held,
            place: "Hội trường UBND huyện Thanh Oai",
            unit_id: &unit,
            worker_chair: ("Nguyễn Thị Hảo", "Chủ tịch LĐLĐ huyện Thanh Oai"),
            employer_chair: ("", "Chủ tịch UBND huyện Thanh Oai"),
            attendances: ATTENDANCES[i],
            agreed: &[(
                "Các kiến nghị được giao cơ quan chuyên môn giải quyết trong 90 ngày",
                "UBND huyện ban hành văn bản chỉ đạo; LĐLĐ huyện theo dõi, báo cáo kết quả",
            )],
            // Held by the People's Committee with the federation (seed 000); the federation
            // keeps the minutes.
            meeting: meeting(
                (8, 0),
                (HostKind::Federation, ""),
                &[
                    ("", "Lãnh đạo Phòng Lao động – Thương binh và Xã hội huyện"),
                    ("", "Lãnh đạo BHXH huyện Thanh Oai"),
                    ("", "Đại diện các doanh nghiệp trên địa bàn"),
                ],
                &[
                    ("", "Phó Chủ tịch LĐLĐ huyện Thanh Oai"),
                    ("", "Chủ tịch CĐCS các doanh nghiệp"),
                    ("", "Đoàn viên, công nhân lao động các doanh nghiệp"),
                ],
                ("", "Chánh Văn phòng LĐLĐ huyện Thanh Oai"),
            ),
        });
        for (topic, content, agency, answered) in CONTENTS {
            let closed = if answered {
                (
                    ProposalStatus::Answered,
                    held + chrono::Days::new(30),
                    "Đã trả lời bằng văn bản",
                )
            } else {
                (
                    ProposalStatus::Resolved,
                    held + chrono::Days::new(60),
                    "Đã giải quyết xong",
                )
            };
            story.proposal(
                &dialogue,
                ProposalText {
                    content: format!("{content} (năm {year})"),
                    topic,
                    raised_by: "Công nhân lao động các doanh nghiệp trên địa bàn",
                    agency,
                    directive: None,
                    deadline: held + chrono::Days::new(90),
                    steps: &[
                        (
                            ProposalStatus::InProgress,
                            held + chrono::Days::new(10),
                            "Đã giao cơ quan chuyên môn",
                        ),
                        closed,
                    ],
                    response: "Cơ quan được giao đã trả lời và giải quyết trong thời hạn.",
                },
            );
        }
    }
    let programme = story.programme(
        "01/CTPH-UBND-LĐLĐ",
        "Chương trình phối hợp công tác giữa UBND huyện Thanh Oai và LĐLĐ huyện giai đoạn 2016 - 2020",
        "UBND huyện Thanh Oai",
        &unit,
        day(2016, 3, 8),
        (2016, 2020),
    );
    for year in YEARS {
        story.review(
            &programme,
            year,
            day(year, 12, 20),
            &[(
                "inspection",
                "Phối hợp thanh tra, kiểm tra chưa thường xuyên, ở một số nơi còn hình thức",
            )],
            &["Còn tình trạng nợ, trốn đóng BHXH ở một số doanh nghiệp"],
        );
    }
}
