//! The city: Hà Nội's coordination programme 163/CTr-UBND-LĐLĐ of 28/7/2020 between the city's
//! People's Committee and its labour federation, reviewed every year, and the chairman's
//! dialogue with workers held every May under it (domain guide §3). The 2025 dialogue's
//! proposals are in every status, one of them overdue, so the lists and the overview have
//! something to show; the figures are invented.

use super::{day, meeting, DialogueText, ProposalText, Story};
use crate::domain::dialogues::{DialogueKind, DialogueLevel, ProposalStatus as S, Topic};
use crate::domain::dialogues::{HostKind, MeetingDetails};
use crate::domain::record::Id;

/// A proposal of the 2025 dialogue: topic, content, agency, deadline, steps, response.
type Raised<'a> = (
    Topic,
    &'a str,
    &'a str,
    chrono::NaiveDate,
    &'a [Step<'a>],
    &'a str,
);
type Step<'a> = (S, chrono::NaiveDate, &'a str);

const CHAIR: (&str, &str) = ("", "Chủ tịch LĐLĐ Thành phố Hà Nội");

/// The May conference as its minutes record it (seed 000: held by the city's People's
/// Committee with the federation; the federation keeps the minutes).
fn may_meeting() -> MeetingDetails {
    meeting(
        (8, 30),
        (HostKind::Federation, ""),
        &[
            ("", "Lãnh đạo các sở: Nội vụ; Xây dựng; Giáo dục và Đào tạo; Y tế"),
            ("", "Lãnh đạo BHXH Thành phố Hà Nội"),
            ("", "Lãnh đạo UBND các quận, huyện, thị xã"),
        ],
        &[
            ("Nguyễn Huy Khánh", "Phó Chủ tịch LĐLĐ Thành phố Hà Nội"),
            ("", "Chủ tịch LĐLĐ các quận, huyện, thị xã, công đoàn ngành"),
            ("", "Đoàn viên, công nhân lao động tiêu biểu"),
        ],
        ("", "Chánh Văn phòng LĐLĐ Thành phố Hà Nội"),
    )
}
const CITY_CHAIR: (&str, &str) = ("", "Chủ tịch UBND Thành phố Hà Nội");

pub(super) fn add(story: &mut Story<'_>, city: &Id) {
    let programme = story.programme(
        "163/CTr-UBND-LĐLĐ",
        "Chương trình phối hợp công tác giữa UBND Thành phố và LĐLĐ Thành phố Hà Nội giai đoạn 2020 - 2025",
        "UBND Thành phố Hà Nội",
        city,
        day(2020, 7, 28),
        (2020, 2025),
    );
    for year in 2020..=2024 {
        story.review(
            &programme,
            year,
            day(year, 12, 18),
            &[(
                "inspection",
                "Kiểm tra việc chấp hành pháp luật về BHXH chưa đều giữa các quận, huyện",
            )],
            &["Nợ đóng BHXH kéo dài ở một số doanh nghiệp ngoài nhà nước"],
        );
    }

    let may_2024 = story.dialogue(DialogueText {
        kind: DialogueKind::LeadersWithWorkers,
        level: DialogueLevel::City,
        date: day(2024, 5, 14),
        place: "Cung Văn hóa Lao động Hữu nghị Việt - Xô",
        unit_id: city,
        worker_chair: CHAIR,
        employer_chair: CITY_CHAIR,
        attendances: 480,
        agreed: &[(
            "Giao các sở, ngành trả lời kiến nghị trong 60 ngày",
            "Văn bản chỉ đạo của Chủ tịch UBND Thành phố",
        )],
        meeting: may_meeting(),
    });
    let directive_2024 = Some(("2215/UBND-KGVX", day(2024, 5, 30)));
    for (topic, content, agency, closed) in [
        (
            Topic::Housing,
            "Đẩy nhanh xây dựng nhà ở xã hội cho công nhân khu công nghiệp",
            "Sở Xây dựng",
            S::Answered,
        ),
        (
            Topic::SocialInsurance,
            "Xử lý doanh nghiệp nợ đóng BHXH kéo dài",
            "Bảo hiểm xã hội Thành phố",
            S::Resolved,
        ),
        (
            Topic::Schools,
            "Xây trường mầm non gần khu công nghiệp Thạch Thất - Quốc Oai",
            "Sở Giáo dục và Đào tạo",
            S::Answered,
        ),
        (
            Topic::Health,
            "Khám sức khỏe định kỳ cho lao động nữ",
            "Sở Y tế",
            S::Resolved,
        ),
    ] {
        story.proposal(
            &may_2024,
            ProposalText {
                content: content.to_string(),
                topic,
                raised_by: "Công nhân lao động các khu công nghiệp",
                agency,
                directive: directive_2024,
                deadline: day(2024, 7, 31),
                steps: &[
                    (S::InProgress, day(2024, 5, 30), "Giao theo văn bản chỉ đạo"),
                    (closed, day(2024, 7, 20), ""),
                ],
                response: "Sở, ngành đã trả lời bằng văn bản.",
            },
        );
    }

    let may_2025 = story.dialogue(DialogueText {
        kind: DialogueKind::LeadersWithWorkers,
        level: DialogueLevel::City,
        date: day(2025, 5, 15),
        place: "Cung Văn hóa Lao động Hữu nghị Việt - Xô",
        unit_id: city,
        worker_chair: CHAIR,
        employer_chair: CITY_CHAIR,
        attendances: 520,
        agreed: &[(
            "Giao các sở, ngành giải quyết các kiến nghị theo thời hạn trong văn bản chỉ đạo",
            "LĐLĐ Thành phố theo dõi, báo cáo tại hội nghị đối thoại năm sau",
        )],
        meeting: may_meeting(),
    });
    let directive = Some(("1870/UBND-KGVX", day(2025, 6, 2)));
    let raised = "Công nhân lao động các khu công nghiệp";
    let proposals: [Raised<'_>; 6] = [
        (
            Topic::Housing,
            "Bố trí quỹ đất xây nhà ở xã hội cho công nhân tại Đông Anh",
            "Sở Xây dựng",
            day(2026, 12, 31),
            &[],
            "",
        ),
        (
            Topic::SocialInsurance,
            "Khởi kiện doanh nghiệp trốn đóng BHXH cho người lao động",
            "Bảo hiểm xã hội Thành phố",
            day(2025, 9, 30),
            &[(
                S::InProgress,
                day(2025, 6, 5),
                "Đang rà soát danh sách doanh nghiệp",
            )],
            "",
        ),
        (
            Topic::Wages,
            "Hỗ trợ người lao động bị nợ lương khi doanh nghiệp ngừng hoạt động",
            "Sở Nội vụ",
            day(2025, 8, 31),
            &[
                (S::InProgress, day(2025, 6, 5), ""),
                (S::Resolved, day(2025, 8, 15), "Đã hỗ trợ 126 người lao động"),
            ],
            "Doanh nghiệp đã trả đủ lương nợ sau khi được đôn đốc.",
        ),
        (
            Topic::PublicOrder,
            "Lắp đèn chiếu sáng tuyến đường vào khu nhà trọ công nhân",
            "UBND huyện Đông Anh",
            day(2025, 8, 31),
            &[(S::Answered, day(2025, 7, 10), "")],
            "Đã đưa vào kế hoạch đầu tư công năm 2026.",
        ),
        (
            Topic::OccupationalSafety,
            "Sửa đổi quy định bồi thường tai nạn lao động",
            "Sở Nội vụ",
            day(2025, 10, 31),
            &[(
                S::Escalated,
                day(2025, 6, 20),
                "Chuyển Bộ Nội vụ vì thuộc thẩm quyền Trung ương",
            )],
            "",
        ),
        (
            Topic::Training,
            "Mở lớp đào tạo kỹ năng số cho công nhân",
            "Sở Giáo dục và Đào tạo",
            day(2026, 12, 31),
            &[(S::InProgress, day(2025, 9, 1), "")],
            "",
        ),
    ];
    for (topic, content, agency, deadline, steps, response) in proposals {
        story.proposal(
            &may_2025,
            ProposalText {
                content: content.to_string(),
                topic,
                raised_by: raised,
                agency,
                directive,
                deadline,
                steps,
                response,
            },
        );
    }
}
