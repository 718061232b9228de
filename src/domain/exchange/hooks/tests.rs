//! The hooks at work on whole files: the scoring collections with the built-in sample (Cụm thi
//! đua số 4, 2023), dialogues and programmes with records entered through their forms.

use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::dialogues::{self, dialogue, proposal, DialogueDraft, ProposalDraft, Topic};
use crate::domain::exchange::file::{export, Office, Scope, Selection};
use crate::domain::exchange::validate::{validate, At, ImportError, Incoming};
use crate::domain::programmes::{self, programme, review, AreaResult, Outcome, ReviewDraft};
use crate::domain::record::{Record, Stamp};
use crate::domain::scoring::default_template::ids;
use crate::domain::scoring::points::Points;
use crate::domain::scoring::scorecard::Mark;
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, NaiveDate};

fn stamp() -> Stamp {
    Stamp::new("ba-vi", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
}

/// Units, cluster, template, indicators and final scorecards of the sample.
fn sample() -> AppData {
    crate::domain::scoring::sample::cluster_4_2023_data(&stamp())
}

/// Exports the records of `data` of the given collections and reads the file into `local`.
fn import_only(data: &AppData, collections: &[Collection], local: &AppData) -> Result<Incoming, ImportError> {
    let mut selection = Selection::empty();
    crate::domain::collections::each_meta(data, &mut |c, m| {
        if collections.contains(&c) {
            selection.insert(c, m.id.clone());
        }
    });
    let file = export(
        data,
        &selection,
        Office {
            id: "ba-vi".into(),
            name: "LĐLĐ huyện Ba Vì".into(),
        },
        Scope {
            description: "Cụm thi đua số 4 - 2023".into(),
        },
        stamp().at,
    );
    validate(file.to_json().as_bytes(), local)
}

fn import(data: &AppData, local: &AppData) -> Result<Incoming, ImportError> {
    import_only(data, Collection::ALL, local)
}

fn at(kind: Collection, index: usize, id: &str, field: &str) -> At {
    At {
        kind: Some(kind),
        index: Some(index),
        id: Some(id.into()),
        field: field.into(),
    }
}

#[test]
fn the_sample_imports_cleanly() {
    let data = sample();
    assert!(!data.scorecards.is_empty() && !data.templates.is_empty());
    assert_eq!(import(&data, &AppData::default()).unwrap().file.data, data);
}

#[test]
fn a_score_above_the_criterion_maximum_is_out_of_range() {
    let mut data = sample();
    let card = &mut data.scorecards[2];
    card.entries.get_mut(ids::CARE).unwrap().self_mark = Some(Mark::Points(Points(101)));
    let id = card.id().to_string();
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::OutOfRange {
            at: at(
                Collection::Scorecards,
                2,
                &id,
                &format!("entries.{}.self_mark.points", ids::CARE)
            ),
            value: 10.1,
            min: Some(0.0),
            max: Some(10.0),
        })
    );
}

#[test]
fn reviewed_scores_are_checked_against_a_template_known_only_locally() {
    let mut data = sample();
    data.scorecards[0]
        .entries
        .get_mut(ids::BONUS)
        .unwrap()
        .reviewed_mark = Some(Mark::Points(Points::whole(6)));
    let id = data.scorecards[0].id().to_string();
    let without_template = [Collection::Units, Collection::Clusters, Collection::Scorecards];
    assert_eq!(
        import_only(&data, &without_template, &AppData::default()).map(|_| ()),
        Ok(()),
        "no template known: nothing to compare with"
    );
    let local = AppData {
        templates: data.templates.clone(),
        ..AppData::default()
    };
    assert_eq!(
        import_only(&data, &without_template, &local),
        Err(ImportError::OutOfRange {
            at: at(
                Collection::Scorecards,
                0,
                &id,
                &format!("entries.{}.reviewed_mark.points", ids::BONUS)
            ),
            value: 6.0,
            min: Some(0.0),
            max: Some(5.0),
        })
    );
}

#[test]
fn the_files_template_comes_before_the_local_one() {
    let data = sample();
    let mut local = AppData {
        templates: data.templates.clone(),
        ..AppData::default()
    };
    // Locally, the care criterion was lowered to 1 point; the file's table still says 10.
    let care = local.templates[0]
        .criteria
        .iter_mut()
        .find(|c| c.id == ids::CARE)
        .unwrap();
    care.max = Points::whole(1);
    assert!(import(&data, &local).is_ok());
}

#[test]
fn a_scorecard_for_an_unknown_unit_is_an_unknown_reference() {
    let mut data = sample();
    data.scorecards[1].unit_id = "ghost".into();
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::UnknownReference {
            kind: Collection::Scorecards,
            id: data.scorecards[1].id().into(),
            field: "unit_id".into(),
            target: Collection::Units,
            target_id: "ghost".into(),
        })
    );
    // The unit may be known locally instead of in the file.
    let data = sample();
    let local = AppData {
        units: data.units.clone(),
        ..AppData::default()
    };
    let not_units = [
        Collection::Clusters,
        Collection::Templates,
        Collection::Indicators,
        Collection::Scorecards,
    ];
    assert!(import_only(&data, &not_units, &local).is_ok());
    assert!(matches!(
        import_only(&data, &not_units, &AppData::default()),
        Err(ImportError::UnknownReference {
            kind: Collection::Clusters,
            target: Collection::Units,
            ..
        })
    ));
}

#[test]
fn scoring_records_point_to_existing_records() {
    type Case = (fn(&mut AppData), Collection, &'static str, Collection);
    let cases: [Case; 5] = [
        (
            |d| d.clusters[0].member_ids[1] = "ghost".into(),
            Collection::Clusters,
            "member_ids[1]",
            Collection::Units,
        ),
        (
            |d| d.clusters[0].next_head_id = Some("ghost".into()),
            Collection::Clusters,
            "next_head_id",
            Collection::Units,
        ),
        (
            |d| d.templates[0].cluster_id = "ghost".into(),
            Collection::Templates,
            "cluster_id",
            Collection::Clusters,
        ),
        (
            |d| d.indicators[0].unit_id = "ghost".into(),
            Collection::Indicators,
            "unit_id",
            Collection::Units,
        ),
        (
            |d| d.scorecards[0].cluster_id = "ghost".into(),
            Collection::Scorecards,
            "cluster_id",
            Collection::Clusters,
        ),
    ];
    for (edit, kind, field, target) in cases {
        let mut data = sample();
        edit(&mut data);
        let Err(ImportError::UnknownReference {
            kind: k,
            field: f,
            target: t,
            target_id,
            ..
        }) = import(&data, &AppData::default())
        else {
            panic!("{kind:?}.{field} should be refused");
        };
        assert_eq!(
            (k, f.as_str(), t, target_id.as_str()),
            (kind, field, target, "ghost")
        );
    }
}

#[test]
fn a_cluster_year_outside_the_allowed_years_is_out_of_range() {
    let mut data = sample();
    data.clusters[0].year = 20233;
    let id = data.clusters[0].id().to_string();
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::OutOfRange {
            at: at(Collection::Clusters, 0, &id, "year"),
            value: 20233.0,
            min: Some(2000.0),
            max: Some(2100.0),
        })
    );
}

#[test]
fn template_thresholds_must_descend_and_criteria_have_a_maximum() {
    let mut data = sample();
    let t = &mut data.templates[0];
    t.settings.thresholds.good = t.settings.thresholds.excellent;
    let id = t.id().to_string();
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::OutOfRange {
            at: at(Collection::Templates, 0, &id, "settings.thresholds.good"),
            value: 90.0,
            min: Some(0.0),
            max: Some(89.9),
        })
    );
    let mut data = sample();
    data.templates[0].criteria[3].max = Points::ZERO;
    let Err(ImportError::OutOfRange { at: where_, .. }) = import(&data, &AppData::default()) else {
        panic!("a criterion worth nothing should be refused");
    };
    assert_eq!(where_.field, "criteria[3].max");
    // A veto criterion's maximum is not used.
    let mut data = sample();
    let veto = data.templates[0]
        .criteria
        .iter_mut()
        .find(|c| c.id == ids::VETO_STRIKE)
        .unwrap();
    veto.max = Points::ZERO;
    assert!(import(&data, &AppData::default()).is_ok());
}

#[test]
fn deleted_scorecards_are_not_checked() {
    let mut data = sample();
    let card = &mut data.scorecards[0];
    card.unit_id = "ghost".into();
    card.entries.get_mut(ids::CARE).unwrap().self_mark = Some(Mark::Points(Points::whole(99)));
    card.meta.deleted = true;
    assert!(import(&data, &AppData::default()).is_ok());
}

// Dialogues, proposals, programmes and reviews, entered through their forms.

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Thanh Oai's dialogue of 2024-05-14 with one proposal (deadline 2024-09-30), its programme
/// 2020–2025 with the starter areas, and the review of 2023 judging two of them.
fn coordination() -> AppData {
    let s = stamp();
    let mut data = AppData {
        units: vec![Unit {
            meta: crate::domain::record::Meta::new("thanh-oai".into(), &s),
            name: "LĐLĐ huyện Thanh Oai".into(),
            short_name: "Thanh Oai".into(),
            kind: UnitKind::District,
            parent_id: None,
            active_from: None,
            active_to: None,
            archived: false,
        }],
        ..AppData::default()
    };
    let mut draft = DialogueDraft::new(
        dialogues::DialogueKind::Periodic,
        dialogues::DialogueLevel::District,
    );
    draft.date = Some(day(2024, 5, 14));
    draft.place = "Hội trường UBND huyện Thanh Oai".into();
    draft.unit_id = Some("thanh-oai".into());
    draft.attendances = "312".into();
    dialogue::add(&mut data.dialogues, &data.units, "dl".into(), draft, &s).unwrap();
    let mut draft = ProposalDraft::new("dl".into(), Topic::SocialInsurance);
    draft.content = "Xử lý doanh nghiệp nợ đóng BHXH kéo dài".into();
    draft.deadline = Some(day(2024, 9, 30));
    proposal::add(&mut data.proposals, &data.dialogues, "p1".into(), draft, &s).unwrap();
    let mut draft = programmes::ProgrammeDraft::new(2020, 2025);
    draft.number = "01/CTr-UBND-LĐLĐ".into();
    draft.authority = "UBND huyện Thanh Oai".into();
    draft.unit_id = Some("thanh-oai".into());
    draft.signed_on = Some(day(2020, 9, 26));
    let areas: Vec<String> = draft.areas.iter().map(|a| a.id.clone()).collect();
    programme::add(&mut data.programmes, &data.units, &[], "ctr".into(), draft, &s).unwrap();
    let mut draft = ReviewDraft::new("ctr".into(), 2023);
    draft.held_on = Some(day(2024, 1, 12));
    draft.results = areas[..2]
        .iter()
        .map(|area_id| AreaResult {
            area_id: area_id.clone(),
            outcome: Outcome::Done,
            note: String::new(),
        })
        .collect();
    review::add(&mut data.reviews, &data.programmes, "r2023".into(), draft, &s).unwrap();
    data
}

#[test]
fn records_made_through_the_forms_import_cleanly() {
    let data = coordination();
    assert_eq!(import(&data, &AppData::default()).unwrap().file.data, data);
    let synthetic = dialogues::sample::synthetic_proposals(400, 7);
    let data = AppData {
        units: synthetic.units,
        dialogues: synthetic.dialogues,
        proposals: synthetic.proposals,
        ..AppData::default()
    };
    assert!(import(&data, &AppData::default()).is_ok());
}

#[test]
fn a_proposal_whose_dialogue_exists_nowhere_is_an_unknown_reference() {
    let data = coordination();
    let proposals_only = [Collection::Proposals];
    assert_eq!(
        import_only(&data, &proposals_only, &AppData::default()),
        Err(ImportError::UnknownReference {
            kind: Collection::Proposals,
            id: "p1".into(),
            field: "dialogue_id".into(),
            target: Collection::Dialogues,
            target_id: "dl".into(),
        })
    );
    let local = AppData {
        dialogues: data.dialogues.clone(),
        ..AppData::default()
    };
    assert!(import_only(&data, &proposals_only, &local).is_ok());
}

#[test]
fn a_deadline_before_the_dialogue_is_refused_naming_the_record_and_field() {
    let mut data = coordination();
    data.proposals[0].deadline = Some(day(2024, 5, 13));
    let refused = Err(ImportError::OutOfRange {
        at: at(Collection::Proposals, 0, "p1", "deadline"),
        value: 20240513.0,
        min: Some(20240514.0),
        max: None,
    });
    assert_eq!(import(&data, &AppData::default()), refused);
    // The dialogue known only locally is compared with just the same.
    let local = AppData {
        dialogues: data.dialogues.clone(),
        ..AppData::default()
    };
    assert_eq!(import_only(&data, &[Collection::Proposals], &local), refused);
    // The same day is fine; a resolution before the dialogue names its own field.
    data.proposals[0].deadline = Some(day(2024, 5, 14));
    assert!(import(&data, &AppData::default()).is_ok());
    data.proposals[0].resolved_on = Some(day(2024, 1, 2));
    let Err(ImportError::OutOfRange { at: where_, .. }) = import(&data, &AppData::default()) else {
        panic!("a resolution before the dialogue should be refused");
    };
    assert_eq!(where_.field, "resolved_on");
}

#[test]
fn a_next_dialogue_not_after_this_one_is_out_of_range() {
    let mut data = coordination();
    data.dialogues[0].next_dialogue_on = Some(day(2024, 5, 1));
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::OutOfRange {
            at: at(Collection::Dialogues, 0, "dl", "next_dialogue_on"),
            value: 20240501.0,
            min: Some(20240515.0),
            max: None,
        })
    );
}

#[test]
fn a_review_for_an_unknown_programme_is_an_unknown_reference() {
    let mut data = coordination();
    data.reviews[0].programme_id = "ghost".into();
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::UnknownReference {
            kind: Collection::Reviews,
            id: "r2023".into(),
            field: "programme_id".into(),
            target: Collection::Programmes,
            target_id: "ghost".into(),
        })
    );
}

#[test]
fn dialogues_and_programmes_point_to_existing_units() {
    for (edit, kind) in [
        (
            (|d| d.dialogues[0].unit_id = "ghost".into()) as fn(&mut AppData),
            Collection::Dialogues,
        ),
        (
            |d| d.programmes[0].unit_id = "ghost".into(),
            Collection::Programmes,
        ),
    ] {
        let mut data = coordination();
        edit(&mut data);
        let Err(ImportError::UnknownReference {
            kind: k,
            field,
            target,
            ..
        }) = import(&data, &AppData::default())
        else {
            panic!("{kind:?}.unit_id should be refused");
        };
        assert_eq!((k, field.as_str(), target), (kind, "unit_id", Collection::Units));
    }
}

#[test]
fn a_reversed_period_is_out_of_range() {
    let mut data = coordination();
    data.programmes[0].to_year = 2019;
    data.reviews.clear();
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::OutOfRange {
            at: at(Collection::Programmes, 0, "ctr", "to_year"),
            value: 2019.0,
            min: Some(2020.0),
            max: Some(2030.0),
        })
    );
}

#[test]
fn a_review_outside_its_programme_or_of_an_unknown_area_is_refused() {
    let mut data = coordination();
    data.reviews[0].year = 2026;
    data.reviews[0].held_on = day(2026, 12, 20);
    assert_eq!(
        import(&data, &AppData::default()),
        Err(ImportError::OutOfRange {
            at: at(Collection::Reviews, 0, "r2023", "year"),
            value: 2026.0,
            min: Some(2020.0),
            max: Some(2025.0),
        })
    );
    // Against the programme the file brings, not an older local copy.
    let mut local = coordination();
    local.programmes[0].to_year = 2022;
    assert!(import(&coordination(), &local).is_ok());
    let mut data = coordination();
    data.reviews[0].results[1].area_id = "ghost".into();
    let Err(ImportError::OutOfRange {
        at: where_,
        value,
        min: None,
        max: None,
    }) = import(&data, &AppData::default())
    else {
        panic!("a result for an area the programme does not have should be refused");
    };
    assert_eq!(where_, at(Collection::Reviews, 0, "r2023", "results[1].area_id"));
    assert!(value.is_nan());
}

#[test]
fn deleted_proposals_and_reviews_are_not_checked() {
    let mut data = coordination();
    data.proposals[0].deadline = Some(day(2000, 1, 1));
    data.proposals[0].meta.deleted = true;
    data.reviews[0].programme_id = "ghost".into();
    data.reviews[0].meta.deleted = true;
    assert!(import(&data, &AppData::default()).is_ok());
}

#[test]
fn a_dialogue_or_figures_of_a_unit_not_active_then_is_refused_by_the_forms_rule() {
    // The file's dialogue of 14/05/2024 against a copy of Thanh Oai that ended in 2023: the
    // unit known here, or the file's own copy, answers the one active-unit rule.
    let data = coordination();
    let mut ended = data.units.clone();
    ended[0].active_to = Some(day(2023, 12, 31));
    let local = AppData {
        units: ended,
        ..AppData::default()
    };
    let refused = import_only(&data, &[Collection::Dialogues], &local);
    let Err(ImportError::BreaksRule { at: where_, rule }) = refused else {
        panic!("a dialogue of an ended unit should be refused, got {refused:?}");
    };
    assert_eq!(where_, at(Collection::Dialogues, 0, "dl", "date"));
    assert!(
        rule.starts_with(
            "LĐLĐ huyện Thanh Oai đã kết thúc hoạt động ngày 31/12/2023, trước ngày 14/05/2024."
        ),
        "{rule}"
    );
    assert!(import_only(
        &data,
        &[Collection::Dialogues],
        &AppData {
            units: data.units.clone(),
            ..AppData::default()
        }
    )
    .is_ok());

    let mut data = sample();
    let report = data.indicators[0].clone();
    let unit = data
        .units
        .iter_mut()
        .find(|u| u.meta.id == report.unit_id)
        .unwrap();
    unit.active_from = Some(day(report.year + 1, 1, 1));
    let refused = import(&data, &AppData::default());
    let Err(ImportError::BreaksRule { at: where_, rule }) = refused else {
        panic!("figures of a unit not yet active should be refused, got {refused:?}");
    };
    assert_eq!(where_.kind, Some(Collection::Indicators));
    assert_eq!(where_.field, "year");
    assert!(
        rule.contains(&format!("không hoạt động trong năm {}", report.year)),
        "{rule}"
    );
}

#[test]
fn a_file_whose_vote_tally_has_more_votes_for_than_cast_is_refused_with_the_forms_words() {
    let mut data = sample();
    data.clusters[0].tally[1].votes_for = 7;
    let refused = import_only(
        &data,
        &[Collection::Units, Collection::Clusters, Collection::Templates],
        &AppData::default(),
    );
    let Err(ImportError::BreaksRule { at: where_, rule }) = refused else {
        panic!("a tally with 7 votes for of 6 cast should be refused, got {refused:?}");
    };
    assert_eq!(where_.field, "tally");
    assert_eq!(
        rule,
        "Kết quả bỏ phiếu Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố – LĐLĐ huyện Thạch Thất: số phiếu đồng ý không được lớn hơn số phiếu bầu."
    );
}
