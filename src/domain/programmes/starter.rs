//! The content areas most district programmes share, taken from the Hai Bà Trưng programme
//! 2020–2025 (seed 002), which follows the city's programme 163/CTr-UBND-LĐLĐ. A new programme
//! form starts from them; officers rename, drop or add areas to match the signed text.

use super::programme::{AreaMeasure, ContentArea, Lead};
use crate::domain::scoring::indicators::IndicatorKey;

fn area(id: &str, number: u32, title: &str, lead: Lead, measures: Vec<AreaMeasure>) -> ContentArea {
    ContentArea {
        id: id.into(),
        number,
        title: title.into(),
        lead,
        measures,
    }
}

fn indicators(keys: &[IndicatorKey]) -> Vec<AreaMeasure> {
    keys.iter().cloned().map(AreaMeasure::Indicator).collect()
}

/// The eight content areas of seed 002 with their default leads and measures.
///
/// Leads *(proposal)*: the federation leads what unions do themselves (propaganda,
/// supervision); the People's Committee leads what needs state powers or budget (grassroots
/// democracy in state bodies, funding, inspection); both lead the joint movements, dialogue and
/// commendation. Areas with no figure in the data (democracy, inspection) are judged by the
/// review's result and note alone.
pub fn starter_areas() -> Vec<ContentArea> {
    use IndicatorKey::*;
    vec![
        area(
            "emulation",
            1,
            "Phối hợp tổ chức các phong trào thi đua yêu nước trong CNVCLĐ",
            Lead::Joint,
            indicators(&[
                ImprovementsBase,
                ImprovementsUpper,
                ExperienceBase,
                ExperienceDistrict,
                ExperienceCity,
                GoodWorkersBase,
                GoodWorkersDistrict,
                GoodCreativeWorkers,
            ]),
        ),
        area(
            "propaganda",
            2,
            "Tuyên truyền, phổ biến, giáo dục pháp luật và Luật Công đoàn",
            Lead::Federation,
            indicators(&[PropagandaSessions, PropagandaAttendances]),
        ),
        area(
            "democracy",
            3,
            "Thực hiện quy chế dân chủ ở cơ sở; Hội nghị cán bộ, công chức, viên chức và Hội nghị người lao động hằng năm",
            Lead::PeopleCommittee,
            Vec::new(),
        ),
        area(
            "supervision",
            4,
            "Giám sát, phản biện xã hội, tham gia xây dựng Đảng, chính quyền vững mạnh",
            Lead::Federation,
            indicators(&[SupervisionJoined, SupervisionChaired]),
        ),
        area(
            "dialogue",
            5,
            "Tiếp xúc, đối thoại với người sử dụng lao động ít nhất 1 lần/năm",
            Lead::Joint,
            AreaMeasure::DIALOGUE.to_vec(),
        ),
        area(
            "member-development",
            6,
            "Hỗ trợ kinh phí phát triển đoàn viên, thành lập CĐCS, đào tạo cán bộ công đoàn",
            Lead::PeopleCommittee,
            indicators(&[NewMembers, NewGrassroots]),
        ),
        area(
            "inspection",
            7,
            "Phối hợp thanh tra, kiểm tra thực hiện pháp luật lao động, nhất là nợ đọng BHXH",
            Lead::PeopleCommittee,
            Vec::new(),
        ),
        area(
            "commendation",
            8,
            "Gắn biển, khen thưởng công trình; tôn vinh Công nhân giỏi, Người tốt việc tốt",
            Lead::Joint,
            indicators(&[GoodWorkersCapital, GoodDeedsTown, GoodDeedsCity]),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn starter_areas_are_the_eight_areas_of_seed_002_numbered_in_order() {
        let areas = starter_areas();
        assert_eq!(areas.len(), 8);
        assert!(areas.iter().enumerate().all(|(i, a)| a.number == i as u32 + 1));
        let ids: BTreeSet<&str> = areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 8, "stable ids are unique");
        assert!(areas.iter().all(|a| !a.title.trim().is_empty()));
    }

    #[test]
    fn dialogue_area_is_judged_by_the_dialogue_log_and_inspection_by_the_review_alone() {
        let areas = starter_areas();
        let dialogue = areas.iter().find(|a| a.id == "dialogue").unwrap();
        assert_eq!(dialogue.lead, Lead::Joint);
        assert!(dialogue.measures.iter().all(AreaMeasure::from_dialogues));
        assert!(dialogue.measures.contains(&AreaMeasure::PeriodicDialoguesHeld));
        let inspection = areas.iter().find(|a| a.id == "inspection").unwrap();
        assert_eq!(inspection.lead, Lead::PeopleCommittee);
        assert!(inspection.measures.is_empty());
        let emulation = &areas[0];
        assert!(emulation
            .measures
            .contains(&AreaMeasure::Indicator(IndicatorKey::ImprovementsBase)));
    }

    #[test]
    fn a_new_programme_starts_this_year_with_the_starter_areas() {
        let draft = crate::domain::programmes::ProgrammeDraft::starting_in(2026);
        assert_eq!((draft.from_year, draft.to_year), (2026, 2031));
        assert_eq!(draft.areas, starter_areas());
        assert!(draft.number.is_empty() && draft.unit_id.is_none() && draft.signed_on.is_none());
    }
}
