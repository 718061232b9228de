//! The figures an annual review looks at: for each content area, the year's value of each of
//! its measures, read from the indicators and dialogues of the programme's unit and its direct
//! children (the [`ReportScope::Unit`] rule of [`totals`](super::totals)).

use super::programme::{AreaMeasure, ContentArea, Programme};
use super::review::AnnualReview;
use super::totals::{MeasureValue, ReportScope, ScopeYear};
use crate::domain::data::AppData;
use crate::domain::record;

/// One content area with the year's value of each of its measures, in the area's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaFigures<'p> {
    pub area: &'p ContentArea,
    pub values: Vec<(AreaMeasure, MeasureValue)>,
}

impl AreaFigures<'_> {
    pub fn value(&self, measure: &AreaMeasure) -> Option<&MeasureValue> {
        self.values.iter().find(|(m, _)| m == measure).map(|(_, v)| v)
    }
}

/// The figures of every area of `programme` for `year`, in area order (areas without
/// measures are listed with no values, so the review form shows every area).
pub fn review_figures<'p>(programme: &'p Programme, year: i32, data: &AppData) -> Vec<AreaFigures<'p>> {
    let gathered = ScopeYear::gather(&ReportScope::Unit(programme.unit_id.clone()), year, data);
    programme
        .areas
        .iter()
        .map(|area| AreaFigures {
            area,
            values: area
                .measures
                .iter()
                .map(|m| (m.clone(), gathered.value(m)))
                .collect(),
        })
        .collect()
}

/// [`review_figures`] for a stored review: its programme and year. `None` when the programme
/// is gone.
pub fn figures_for_review<'p>(
    review: &AnnualReview,
    programmes: &'p [Programme],
    data: &AppData,
) -> Option<Vec<AreaFigures<'p>>> {
    let programme = record::find(programmes, &review.programme_id)?;
    Some(review_figures(programme, review.year, data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::{DialogueKind, ProposalStatus};
    use crate::domain::programmes::testkit::{
        d, dialogue, district, programme, proposal, report, review, unit,
    };
    use crate::domain::scoring::indicators::IndicatorKey::*;
    use crate::domain::units::UnitKind;

    fn ind(key: crate::domain::scoring::indicators::IndicatorKey) -> AreaMeasure {
        AreaMeasure::Indicator(key)
    }

    /// Thanh Oai in 2022: the district federation and one CĐCS report; a Ba Vì report and
    /// dialogue must not leak in.
    fn data() -> AppData {
        let mut data = AppData {
            units: vec![
                district("thanh-oai"),
                unit("cdcs", UnitKind::Grassroots, Some("thanh-oai")),
                district("ba-vi"),
            ],
            programmes: vec![programme("p", "thanh-oai", 2020, 2025)],
            ..AppData::default()
        };
        data.indicators = vec![
            report(
                "thanh-oai",
                2022,
                &[
                    (PropagandaSessions, 40),
                    (PropagandaAttendances, 3_200),
                    (NewMembers, 900),
                ],
            ),
            report("cdcs", 2022, &[(PropagandaSessions, 2), (NewMembers, 35)]),
            report("ba-vi", 2022, &[(PropagandaSessions, 1_000)]),
        ];
        data.dialogues = vec![
            dialogue(
                "to",
                "thanh-oai",
                DialogueKind::LeadersWithWorkers,
                d(2022, 5, 12),
                70,
            ),
            dialogue("cd", "cdcs", DialogueKind::Periodic, d(2022, 11, 3), 45),
            dialogue("bv", "ba-vi", DialogueKind::Periodic, d(2022, 6, 1), 99),
        ];
        data.proposals = vec![
            proposal("p1", "to", ProposalStatus::Resolved),
            proposal("p2", "to", ProposalStatus::Escalated),
            proposal("p3", "cd", ProposalStatus::Answered),
            proposal("p4", "bv", ProposalStatus::Resolved),
        ];
        data
    }

    #[test]
    fn review_figures_come_from_the_units_indicators_and_dialogues() {
        let data = data();
        let figures = review_figures(&data.programmes[0], 2022, &data);
        assert_eq!(figures.len(), 8, "every area is listed");
        let propaganda = figures.iter().find(|f| f.area.id == "propaganda").unwrap();
        let sessions = propaganda.value(&ind(PropagandaSessions)).unwrap();
        assert_eq!(
            (sessions.value, sessions.units_reporting, sessions.units_in_scope),
            (Some(42), 2, 2)
        );
        assert_eq!(
            propaganda.value(&ind(PropagandaAttendances)).unwrap().value,
            Some(3_200)
        );

        let dialogue = figures.iter().find(|f| f.area.id == "dialogue").unwrap();
        let v = |m: AreaMeasure| dialogue.value(&m).unwrap().value;
        assert_eq!(v(AreaMeasure::DialoguesHeld), Some(2));
        assert_eq!(v(AreaMeasure::PeriodicDialoguesHeld), Some(1));
        assert_eq!(v(AreaMeasure::DialogueAttendances), Some(115));
        assert_eq!(v(AreaMeasure::ProposalsRaised), Some(3));
        assert_eq!(v(AreaMeasure::ProposalsResolved), Some(2), "escalated stays open");

        let members = figures
            .iter()
            .find(|f| f.area.id == "member-development")
            .unwrap();
        assert_eq!(members.value(&ind(NewMembers)).unwrap().value, Some(935));
        assert_eq!(
            members.value(&ind(NewGrassroots)).unwrap().value,
            None,
            "not reported"
        );

        let inspection = figures.iter().find(|f| f.area.id == "inspection").unwrap();
        assert!(inspection.values.is_empty());
    }

    #[test]
    fn a_stored_review_reads_its_programme_and_year() {
        let data = data();
        let r = review("r", "p", 2022);
        let figures = figures_for_review(&r, &data.programmes, &data).unwrap();
        assert_eq!(figures[1].area.id, "propaganda");
        assert_eq!(figures[1].values[0].1.value, Some(42));
        let orphan = review("r2", "gone", 2022);
        assert!(figures_for_review(&orphan, &data.programmes, &data).is_none());
    }

    #[test]
    fn a_year_without_reports_shows_missing_figures_but_known_dialogue_counts() {
        let data = data();
        let figures = review_figures(&data.programmes[0], 2023, &data);
        let propaganda = figures.iter().find(|f| f.area.id == "propaganda").unwrap();
        assert_eq!(propaganda.values[0].1.value, None);
        let dialogue = figures.iter().find(|f| f.area.id == "dialogue").unwrap();
        assert_eq!(dialogue.values[0].1.value, Some(0));
    }
}
