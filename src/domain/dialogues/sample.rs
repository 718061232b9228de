//! Deterministic synthetic data (units, dialogues, proposals with Vietnamese texts) for
//! benchmarks and demos: the same `n` and `seed` always give the same records.

use super::dialogue::{AgreedPoint, Chair, Dialogue, DialogueKind, DialogueLevel};
use super::proposal::{Directive, Proposal};
use super::status::{ProposalStatus, StatusChange};
use super::topic::Topic;
use crate::domain::record::{Meta, Stamp};
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, Days, NaiveDate};

/// Synthetic records that refer to each other consistently.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub units: Vec<Unit>,
    pub dialogues: Vec<Dialogue>,
    pub proposals: Vec<Proposal>,
}

/// SplitMix64: tiny, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const DISTRICTS: [(&str, &str); 7] = [
    ("phuc-tho", "LĐLĐ huyện Phúc Thọ"),
    ("ba-vi", "LĐLĐ huyện Ba Vì"),
    ("thach-that", "LĐLĐ huyện Thạch Thất"),
    ("dan-phuong", "LĐLĐ huyện Đan Phượng"),
    ("hoai-duc", "LĐLĐ huyện Hoài Đức"),
    ("quoc-oai", "LĐLĐ huyện Quốc Oai"),
    ("thanh-oai", "LĐLĐ huyện Thanh Oai"),
];

const ENTERPRISES: [&str; 6] = [
    "Công ty TNHH May Thanh Oai",
    "Công ty CP Bánh kẹo Hà Nội",
    "Công ty TNHH Điện tử Đan Phượng",
    "Hợp tác xã Nông nghiệp Ba Vì",
    "Công ty CP Xây dựng Quốc Oai",
    "Công ty TNHH Cơ khí Thạch Thất",
];

const PLACES: [&str; 4] = [
    "Hội trường UBND huyện",
    "Nhà văn hóa khu công nghiệp",
    "Hội trường Huyện ủy",
    "Trung tâm Văn hóa – Thể thao huyện",
];

const RAISED_BY: [&str; 6] = [
    "CĐCS Công ty TNHH May Thanh Oai",
    "Chị Vũ Thị Kiêm, công nhân",
    "Anh Nguyễn Văn Hùng, tổ trưởng sản xuất",
    "CĐCS Trường THCS Phúc Thọ",
    "Đoàn viên khu nhà trọ xã Kim Chung",
    "CĐCS Công ty CP Bánh kẹo Hà Nội",
];

const AGENCIES: [&str; 6] = [
    "BHXH huyện",
    "Phòng Lao động – Thương binh và Xã hội",
    "Phòng Giáo dục và Đào tạo",
    "Trung tâm Y tế huyện",
    "Công an huyện",
    "Phòng Quản lý đô thị",
];

fn contents(topic: Topic) -> &'static [&'static str] {
    match topic {
        Topic::SocialInsurance => &[
            "Đề nghị xử lý nghiêm doanh nghiệp nợ đóng BHXH kéo dài",
            "Chốt sổ BHXH cho người lao động nghỉ việc khi doanh nghiệp còn nợ",
        ],
        Topic::Wages => &[
            "Trả lương đúng hạn, không nợ lương công nhân",
            "Điều chỉnh tiền lương theo mức lương tối thiểu vùng mới",
        ],
        Topic::Housing => &[
            "Xây dựng nhà ở xã hội cho công nhân khu công nghiệp",
            "Cải thiện điều kiện nhà trọ, điện nước cho người lao động thuê",
        ],
        Topic::OccupationalSafety => &[
            "Tăng cường kiểm tra an toàn vệ sinh lao động tại xưởng cơ khí",
            "Trang bị bảo hộ lao động cho công nhân làm việc nơi độc hại",
        ],
        Topic::Health => &[
            "Khám sức khỏe định kỳ cho nữ công nhân",
            "Bố trí trạm y tế gần khu công nghiệp",
        ],
        Topic::Schools => &[
            "Mở thêm trường mầm non cho con công nhân",
            "Hỗ trợ học phí cho con công nhân có hoàn cảnh khó khăn",
        ],
        Topic::PublicOrder => &[
            "Bảo đảm an ninh trật tự khu nhà trọ công nhân",
            "Lắp đèn chiếu sáng tuyến đường về khu công nghiệp",
        ],
        Topic::Training => &[
            "Mở lớp đào tạo nghề, nâng bậc thợ cho công nhân",
            "Đào tạo kỹ năng số cho người lao động lớn tuổi",
        ],
        Topic::Other => &[
            "Tổ chức Tết sum vầy cho công nhân không về quê",
            "Xây dựng thiết chế văn hóa cho người lao động",
        ],
    }
}

fn stamp() -> Stamp {
    Stamp::new(
        "sample",
        DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
    )
}

fn change(from: ProposalStatus, to: ProposalStatus, on: NaiveDate) -> StatusChange {
    StatusChange {
        from,
        to,
        on,
        by: "sample".into(),
        note: String::new(),
    }
}

fn units() -> Vec<Unit> {
    DISTRICTS
        .iter()
        .map(|(id, name)| Unit {
            meta: Meta::new(format!("sample-{id}"), &stamp()),
            name: (*name).into(),
            short_name: name.trim_start_matches("LĐLĐ huyện ").into(),
            kind: UnitKind::District,
            parent_id: None,
            active_from: None,
            active_to: NaiveDate::from_ymd_opt(2025, 6, 30),
            archived: false,
        })
        .collect()
}

fn dialogue(rng: &mut Rng, i: usize, units: &[Unit]) -> Dialogue {
    let unit = rng.pick(units);
    let year = 2020 + rng.below(6) as i32;
    let date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default() + Days::new(rng.below(365) as u64);
    let kind = *rng.pick(&DialogueKind::ALL);
    Dialogue {
        meta: Meta::new(format!("sample-d-{i}"), &stamp()),
        kind,
        level: DialogueLevel::District,
        date,
        place: (*rng.pick(&PLACES)).into(),
        unit_id: unit.meta.id.clone(),
        worker_chair: Chair {
            name: "Nguyễn Thị Hảo".into(),
            role: "Chủ tịch LĐLĐ huyện".into(),
        },
        employer_chair: Chair {
            name: "Đinh Trường Thọ".into(),
            role: "Chủ tịch UBND huyện".into(),
        },
        enterprises: vec![(*rng.pick(&ENTERPRISES)).into(), (*rng.pick(&ENTERPRISES)).into()],
        attendances: 20 + rng.below(300) as u32,
        agreed: vec![AgreedPoint {
            content: "Doanh nghiệp cam kết trả lương đúng hạn".into(),
            measure: "Phòng LĐTBXH kiểm tra hằng quý".into(),
        }],
        disagreed: Vec::new(),
        next_dialogue_on: None,
        minutes_notes: String::new(),
        minutes_signed: rng.below(10) > 0,
        meeting: Default::default(),
        raised: None,
        reopenings: Vec::new(),
    }
}

fn proposal(rng: &mut Rng, i: usize, dialogue: &Dialogue) -> Proposal {
    let topic = *rng.pick(&Topic::ALL);
    let held = dialogue.date;
    let deadline = held + Days::new(30 + rng.below(150) as u64);
    let mut p = Proposal {
        meta: Meta::new(format!("sample-p-{i}"), &stamp()),
        dialogue_id: dialogue.meta.id.clone(),
        content: (*rng.pick(contents(topic))).into(),
        topic,
        raised_by: (*rng.pick(&RAISED_BY)).into(),
        agency: (*rng.pick(&AGENCIES)).into(),
        directive: Directive {
            number: format!("{}/UBND-NC", 100 + rng.below(900)),
            date: Some(held + Days::new(7)),
        },
        deadline: Some(deadline),
        status: ProposalStatus::New,
        response: String::new(),
        resolved_on: None,
        history: Vec::new(),
    };
    let started = held + Days::new(10 + rng.below(20) as u64);
    let outcome = rng.below(10);
    if outcome >= 2 {
        p.history
            .push(change(ProposalStatus::New, ProposalStatus::InProgress, started));
        p.status = ProposalStatus::InProgress;
    }
    if outcome >= 4 {
        let to = match outcome {
            4 => ProposalStatus::Escalated,
            5 => ProposalStatus::Answered,
            _ => ProposalStatus::Resolved,
        };
        // Mostly in time, sometimes up to two months late.
        let on = started + Days::new(rng.below((deadline - started).num_days().max(1) as usize + 60) as u64);
        p.history.push(change(ProposalStatus::InProgress, to, on));
        p.status = to;
        if to.is_closed() {
            p.resolved_on = Some(on);
            p.response = "Đã giải quyết, trả lời bằng văn bản".into();
        }
    }
    p
}

/// `n` proposals spread over about `n / 20` dialogues (at least one) of seven district
/// federations in 2020–2025, with consistent status histories.
pub fn synthetic_proposals(n: usize, seed: u64) -> Sample {
    let mut rng = Rng(seed);
    let units = units();
    let dialogues: Vec<Dialogue> = (0..(n / 20).max(1))
        .map(|i| dialogue(&mut rng, i, &units))
        .collect();
    let proposals = (0..n)
        .map(|i| {
            let d = &dialogues[rng.below(dialogues.len())];
            proposal(&mut rng, i, d)
        })
        .collect();
    Sample {
        units,
        dialogues,
        proposals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        assert_eq!(synthetic_proposals(200, 7), synthetic_proposals(200, 7));
        assert_ne!(
            synthetic_proposals(200, 7).proposals,
            synthetic_proposals(200, 8).proposals
        );
    }

    #[test]
    fn synthetic_records_are_consistent() {
        let sample = synthetic_proposals(1000, 42);
        assert_eq!(sample.proposals.len(), 1000);
        assert_eq!(sample.dialogues.len(), 50);
        for p in &sample.proposals {
            let d = sample
                .dialogues
                .iter()
                .find(|d| d.meta.id == p.dialogue_id)
                .unwrap();
            assert!(p.deadline.unwrap() >= d.date);
            assert!(p
                .history
                .windows(2)
                .all(|w| w[0].on <= w[1].on && w[0].to == w[1].from));
            assert_eq!(p.history.last().map_or(ProposalStatus::New, |c| c.to), p.status);
            assert_eq!(p.status.is_closed(), p.resolved_on.is_some());
        }
        for status in ProposalStatus::ALL {
            assert!(sample.proposals.iter().any(|p| p.status == status), "{status:?}");
        }
    }
}
