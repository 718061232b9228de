use super::*;
use crate::domain::programmes::testkit::{d, district, draft, programme, review, stamp};
use crate::domain::programmes::AreaResult;
use crate::domain::programmes::Outcome;

fn units() -> Vec<Unit> {
    vec![district("thanh-oai"), district("ba-vi")]
}

fn fields(errors: &[ProgrammeError]) -> Vec<Option<ProgrammeField>> {
    errors.iter().map(ProgrammeError::field).collect()
}

#[test]
fn a_complete_draft_is_stored_trimmed_with_areas_in_number_order() {
    let mut programmes = Vec::new();
    let mut draft = draft();
    draft.areas.swap(0, 3);
    draft.areas[1].title = "  Tuyên truyền pháp luật ".into();
    add(&mut programmes, &units(), &[], "p1".into(), draft, &stamp()).unwrap();
    let p = &programmes[0];
    assert_eq!(p.number, "01/CTr-UBND-LĐLĐ");
    assert_eq!(p.years(), 2020..=2025);
    let numbers: Vec<u32> = p.areas.iter().map(|a| a.number).collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
    assert_eq!(p.area("propaganda").unwrap().title, "Tuyên truyền pháp luật");
}

#[test]
fn number_authority_unit_and_signing_date_are_required_each_on_its_field() {
    let mut draft = draft();
    draft.number = "  ".into();
    draft.authority = String::new();
    draft.unit_id = None;
    draft.signed_on = None;
    let errors = validate(&draft, &units(), &[], &[], None);
    assert_eq!(
        fields(&errors),
        vec![
            Some(ProgrammeField::Number),
            Some(ProgrammeField::Authority),
            Some(ProgrammeField::Unit),
            Some(ProgrammeField::SignedOn),
        ]
    );
}

#[test]
fn the_federation_unit_must_be_known() {
    let mut draft = draft();
    draft.unit_id = Some("nowhere".into());
    assert_eq!(
        validate(&draft, &units(), &[], &[], None),
        vec![ProgrammeError::UnitUnknown]
    );
}

#[test]
fn the_same_number_twice_for_one_unit_is_refused_but_not_across_units() {
    let existing = vec![programme("01", "thanh-oai", 2016, 2020)];
    let mut draft = draft();
    draft.number = "01/ctr-ubnd-ldld".into();
    assert_eq!(
        validate(&draft, &units(), &existing, &[], None),
        vec![ProgrammeError::NumberTaken]
    );
    assert!(validate(&draft, &units(), &existing, &[], Some("01")).is_empty());
    draft.unit_id = Some("ba-vi".into());
    assert!(validate(&draft, &units(), &existing, &[], None).is_empty());
}

#[test]
fn the_period_must_run_forward_within_sane_years() {
    let mut draft = draft();
    draft.from_year = 2025;
    draft.to_year = 2020;
    assert_eq!(
        validate(&draft, &units(), &[], &[], None),
        vec![ProgrammeError::PeriodReversed]
    );
    draft.from_year = 2020;
    draft.to_year = 2040;
    assert_eq!(
        validate(&draft, &units(), &[], &[], None),
        vec![ProgrammeError::PeriodTooLong { span: 20 }]
    );
    draft.from_year = 20;
    draft.to_year = 20255;
    let errors = validate(&draft, &units(), &[], &[], None);
    assert_eq!(
        errors,
        vec![
            ProgrammeError::FromYearOutOfRange { year: 20 },
            ProgrammeError::ToYearOutOfRange { year: 20255 }
        ]
    );
    assert_eq!(
        fields(&errors),
        vec![Some(ProgrammeField::FromYear), Some(ProgrammeField::ToYear)]
    );
}

#[test]
fn a_single_year_programme_is_accepted() {
    let mut draft = draft();
    draft.to_year = 2020;
    assert!(validate(&draft, &units(), &[], &[], None).is_empty());
}

#[test]
fn signing_may_precede_the_period_by_a_year_but_not_follow_it() {
    let mut draft = draft();
    draft.signed_on = Some(d(2019, 12, 30));
    assert!(validate(&draft, &units(), &[], &[], None).is_empty());
    draft.signed_on = Some(d(2018, 12, 30));
    assert_eq!(
        validate(&draft, &units(), &[], &[], None),
        vec![ProgrammeError::SignedOutsidePeriod]
    );
    draft.signed_on = Some(d(2026, 1, 2));
    assert_eq!(
        fields(&validate(&draft, &units(), &[], &[], None)),
        vec![Some(ProgrammeField::SignedOn)]
    );
}

#[test]
fn areas_need_titles_and_unique_numbers_and_ids() {
    let mut draft = draft();
    draft.areas[1].title = " ".into();
    draft.areas[2].number = 1;
    draft.areas[3].number = 0;
    draft.areas[4].id = "emulation".into();
    let repeated = draft.areas[5].measures[0].clone();
    draft.areas[5].measures.push(repeated);
    let errors = validate(&draft, &units(), &[], &[], None);
    assert_eq!(
        errors,
        vec![
            ProgrammeError::AreaTitleRequired { index: 1 },
            ProgrammeError::AreaNumberTaken { index: 2, number: 1 },
            ProgrammeError::AreaNumberRequired { index: 3 },
            ProgrammeError::DuplicateAreaId { index: 4 },
            ProgrammeError::DuplicateMeasure { index: 5 },
        ]
    );
    assert_eq!(errors[0].field(), Some(ProgrammeField::AreaTitle(1)));
    assert_eq!(errors[1].field(), Some(ProgrammeField::AreaNumber(2)));
    assert_eq!(errors[4].field(), Some(ProgrammeField::AreaMeasures(5)));
    draft.areas.clear();
    assert_eq!(
        validate(&draft, &units(), &[], &[], None),
        vec![ProgrammeError::AreasRequired]
    );
}

#[test]
fn renumbering_keeps_reviews_but_removing_a_reviewed_area_is_refused() {
    let mut programmes = vec![programme("p", "thanh-oai", 2020, 2025)];
    let mut r = review("r", "p", 2021);
    r.results.push(AreaResult {
        area_id: "inspection".into(),
        outcome: Outcome::Partly,
        note: "Chưa thường xuyên, còn hình thức".into(),
    });
    let reviews = vec![r];
    let mut renumbered = ProgrammeDraft::from_programme(&programmes[0]);
    renumbered.areas.reverse();
    for (i, a) in renumbered.areas.iter_mut().enumerate() {
        a.number = i as u32 + 1;
    }
    update(&mut programmes, &units(), &reviews, "p", renumbered, &stamp()).unwrap();
    assert_eq!(programmes[0].area("inspection").unwrap().number, 2);
    assert_eq!(programmes[0].meta.edits["thanh-oai"], 2);

    let mut removed = ProgrammeDraft::from_programme(&programmes[0]);
    removed.areas.retain(|a| a.id != "inspection");
    assert_eq!(
        update(&mut programmes, &units(), &reviews, "p", removed, &stamp()),
        Err(vec![ProgrammeError::AreaReviewed {
            area_id: "inspection".into()
        }])
    );
}

#[test]
fn shortening_the_period_past_a_reviewed_year_is_refused() {
    let programmes = vec![programme("p", "thanh-oai", 2020, 2025)];
    let reviews = vec![review("r", "p", 2024)];
    let mut draft = ProgrammeDraft::from_programme(&programmes[0]);
    draft.to_year = 2023;
    let errors = validate(&draft, &units(), &programmes, &reviews, Some("p"));
    assert_eq!(errors, vec![ProgrammeError::ReviewedYearOutside { year: 2024 }]);
    assert_eq!(errors[0].field(), Some(ProgrammeField::Period));
}

#[test]
fn updating_a_deleted_programme_is_not_found() {
    let mut programmes = vec![programme("p", "thanh-oai", 2020, 2025)];
    let mut reviews = vec![review("r", "p", 2021), review("other", "q", 2021)];
    assert!(delete_with_reviews(&mut programmes, &mut reviews, "p", &stamp()));
    assert!(!reviews[0].is_live() && reviews[1].is_live());
    assert_eq!(
        update(&mut programmes, &units(), &reviews, "p", draft(), &stamp()),
        Err(vec![ProgrammeError::NotFound])
    );
    assert!(!delete_with_reviews(&mut programmes, &mut reviews, "p", &stamp()));
}

#[test]
fn measures_serialise_as_readable_tags() {
    let m = AreaMeasure::Indicator(IndicatorKey::NewMembers);
    assert_eq!(
        serde_json::to_string(&m).unwrap(),
        r#"{"indicator":"new_members"}"#
    );
    assert_eq!(
        serde_json::to_string(&AreaMeasure::ProposalsResolved).unwrap(),
        r#""proposals_resolved""#
    );
    let p = programme("p", "thanh-oai", 2020, 2025);
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Programme>(&text).unwrap(), p);
}
