#[test]
fn a_report_span_runs_forward_and_is_not_too_long() {
    assert_eq!(super::report_span(2016, 2020), Ok(2016..=2020));
    assert_eq!(super::report_span(2020, 2020), Ok(2020..=2020));
    assert_eq!(
        super::report_span(2021, 2020),
        Err(super::SpanError::EndBeforeStart)
    );
    assert_eq!(super::report_span(1990, 2020), Err(super::SpanError::TooLong));
    assert_eq!(super::report_span(1991, 2020), Ok(1991..=2020));
}

use super::*;
use crate::domain::dialogues::ProposalStatus;
use crate::domain::programmes::testkit::{d, dialogue, district, proposal, report, stamp, unit};
use crate::domain::record::Meta;
use crate::domain::scoring::cluster::Cluster;
use crate::domain::units::UnitKind;
use IndicatorKey::*;

fn ind(key: IndicatorKey) -> AreaMeasure {
    AreaMeasure::Indicator(key)
}

fn cdcs(id: &str, parent: &str) -> Unit {
    unit(id, UnitKind::Grassroots, Some(parent))
}

/// Seed 000: Thanh Oai 2016–2020, "4.561 sáng kiến cải tiến cấp cơ sở, 436 cấp trên cơ
/// sở; 1.258 Công nhân giỏi cấp cơ sở, 336 cấp huyện, 05 Thủ đô; 322 sáng kiến kinh
/// nghiệm cấp thành phố, 2.184 cấp huyện, 4.776 cấp cơ sở", split between the district
/// federation's own reports and one CĐCS; leaders met workers every May, 306 attendances
/// raising 35 contents, all settled.
fn thanh_oai_2016_2020() -> AppData {
    let mut data = AppData {
        units: vec![
            unit("city", UnitKind::City, None),
            district("thanh-oai"),
            cdcs("may-10", "thanh-oai"),
        ],
        ..AppData::default()
    };
    let district_years = [
        [850, 80, 230, 60, 1, 60, 420, 900],
        [860, 85, 240, 65, 1, 62, 430, 940],
        [870, 90, 250, 70, 1, 64, 440, 960],
        [880, 90, 260, 70, 1, 66, 444, 976],
        [901, 91, 278, 71, 1, 70, 450, 1000],
    ];
    let keys = [
        ImprovementsBase,
        ImprovementsUpper,
        GoodWorkersBase,
        GoodWorkersDistrict,
        GoodWorkersCapital,
        ExperienceCity,
        ExperienceDistrict,
        ExperienceBase,
    ];
    for (i, year) in (2016..=2020).enumerate() {
        let figures: Vec<(IndicatorKey, u64)> = keys.iter().cloned().zip(district_years[i]).collect();
        data.indicators.push(report("thanh-oai", year, &figures));
    }
    // The CĐCS reported its own improvements in two years only.
    data.indicators
        .push(report("may-10", 2019, &[(ImprovementsBase, 100)]));
    data.indicators
        .push(report("may-10", 2020, &[(ImprovementsBase, 100)]));
    let attendances = [62, 60, 65, 58, 61];
    for (i, year) in (2016..=2020).enumerate() {
        let id = format!("dl-{year}");
        data.dialogues.push(dialogue(
            &id,
            "thanh-oai",
            DialogueKind::LeadersWithWorkers,
            d(year, 5, 14),
            attendances[i],
        ));
        for j in 0..7 {
            let status = if j == 0 {
                ProposalStatus::Answered
            } else {
                ProposalStatus::Resolved
            };
            data.proposals
                .push(proposal(&format!("p-{year}-{j}"), &id, status));
        }
    }
    data
}

#[test]
fn five_years_of_thanh_oai_add_up_to_the_seed_report() {
    let data = thanh_oai_2016_2020();
    let r = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2020, &data);
    assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_561));
    assert_eq!(r.total(&ind(ImprovementsUpper)), Some(436));
    assert_eq!(r.total(&ind(GoodWorkersBase)), Some(1_258));
    assert_eq!(r.total(&ind(GoodWorkersDistrict)), Some(336));
    assert_eq!(r.total(&ind(GoodWorkersCapital)), Some(5));
    assert_eq!(r.total(&ind(ExperienceCity)), Some(322));
    assert_eq!(r.total(&ind(ExperienceDistrict)), Some(2_184));
    assert_eq!(r.total(&ind(ExperienceBase)), Some(4_776));
    assert_eq!(r.total(&AreaMeasure::DialoguesHeld), Some(5));
    assert_eq!(r.total(&AreaMeasure::DialogueAttendances), Some(306));
    assert_eq!(r.total(&AreaMeasure::ProposalsRaised), Some(35));
    assert_eq!(r.total(&AreaMeasure::ProposalsResolved), Some(35));
    assert_eq!(
        r.units_per_year,
        (2016..=2020).map(|y| (y, 2)).collect::<Vec<_>>()
    );
    assert_eq!(r.lines.len(), REPORT_MEASURES.len());
    assert_eq!(
        crate::domain::format::integer(r.total(&ind(ImprovementsBase)).unwrap() as i64),
        "4.561"
    );
}

#[test]
fn per_year_values_say_how_many_units_reported() {
    let data = thanh_oai_2016_2020();
    let r = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2020, &data);
    let line = r.line(&ind(ImprovementsBase)).unwrap();
    let v2016 = line.in_year(2016).unwrap();
    assert_eq!(
        (v2016.value, v2016.units_reporting, v2016.units_in_scope),
        (Some(850), 1, 2)
    );
    assert!(!v2016.complete());
    assert_eq!(r.in_year(&ind(ImprovementsBase), 2020), Some(1_001));
    assert!(line.in_year(2020).unwrap().complete());
    assert!(!line.complete());
}

#[test]
fn a_year_with_no_data_is_missing_not_zero() {
    let mut data = thanh_oai_2016_2020();
    data.indicators
        .push(report("thanh-oai", 2021, &[(HealthChecks, 0)]));
    let r = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2021, &data);
    assert_eq!(r.in_year(&ind(ImprovementsBase), 2021), None);
    let line = r.line(&ind(ImprovementsBase)).unwrap();
    assert_eq!(line.years_with_data(), 5);
    assert_eq!(line.total(), Some(4_561));
    // A reported zero is a figure.
    assert_eq!(r.in_year(&ind(HealthChecks), 2021), Some(0));
    assert_eq!(r.total(&ind(HealthChecks)), Some(0));
    // Nothing reported in any year: no total at all.
    assert_eq!(r.total(&ind(SupervisionChaired)), None);
    // The dialogue log is complete: no dialogue in 2021 means none held.
    assert_eq!(r.in_year(&AreaMeasure::DialoguesHeld, 2021), Some(0));
}

#[test]
fn a_unit_archived_mid_period_counts_for_its_active_years_only() {
    let mut data = thanh_oai_2016_2020();
    let mut closed = cdcs("closed", "thanh-oai");
    closed.active_to = Some(d(2018, 6, 30));
    closed.archived = true;
    data.units.push(closed);
    for year in 2016..=2020 {
        // A stray report after it closed must not count.
        data.indicators
            .push(report("closed", year, &[(ImprovementsBase, 10)]));
    }
    let r = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2020, &data);
    assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_561 + 30));
    assert_eq!(r.units_per_year[2], (2018, 3));
    assert_eq!(r.units_per_year[3], (2019, 2));
}

#[test]
fn deleted_units_and_reports_never_count() {
    let mut data = thanh_oai_2016_2020();
    data.units[2].meta.deleted = true;
    let r = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2020, &data);
    assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_361));
    data.indicators[0].meta.deleted = true;
    let r = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2020, &data);
    assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_361 - 850));
}

/// Hà Nội's district federations ended on 30/6/2025; from then on the city federation
/// manages the CĐCS directly (their parent becomes the city).
fn hanoi_across_2025() -> AppData {
    let mut thanh_oai = district("thanh-oai");
    thanh_oai.active_to = Some(d(2025, 6, 30));
    let mut old_cdcs = cdcs("cdcs-old", "thanh-oai");
    old_cdcs.active_to = Some(d(2025, 6, 30));
    let mut new_cdcs = cdcs("cdcs-new", "city");
    new_cdcs.active_from = Some(d(2025, 7, 1));
    let mut data = AppData {
        units: vec![unit("city", UnitKind::City, None), thanh_oai, old_cdcs, new_cdcs],
        ..AppData::default()
    };
    for year in 2024..=2026 {
        for u in ["city", "thanh-oai", "cdcs-old", "cdcs-new"] {
            data.indicators.push(report(u, year, &[(NewMembers, 100)]));
        }
        data.dialogues.push(dialogue(
            &format!("dl-{year}"),
            "thanh-oai",
            DialogueKind::Periodic,
            d(year, 5, 10),
            50,
        ));
    }
    data
}

#[test]
fn a_programme_spanning_2025_drops_the_dissolved_district_from_2026() {
    let data = hanoi_across_2025();
    let city = period_report(&ReportScope::Unit("city".into()), 2024..=2026, &data);
    // 2024: city + district; 2025: city + district + the new CĐCS; 2026: city + new CĐCS.
    assert_eq!(city.units_per_year, vec![(2024, 2), (2025, 3), (2026, 2)]);
    assert_eq!(city.in_year(&ind(NewMembers), 2025), Some(300));
    assert_eq!(city.in_year(&ind(NewMembers), 2026), Some(200));
    assert_eq!(city.in_year(&AreaMeasure::DialoguesHeld, 2026), Some(0));

    let district = period_report(&ReportScope::Unit("thanh-oai".into()), 2024..=2026, &data);
    assert_eq!(district.units_per_year, vec![(2024, 2), (2025, 2), (2026, 0)]);
    assert_eq!(district.in_year(&ind(NewMembers), 2026), None);
    assert_eq!(district.in_year(&AreaMeasure::DialoguesHeld, 2025), Some(1));
    // A dialogue dated after the district ended (the forms now refuse one; this one was
    // recorded before) still counts for it, as *Đối thoại* counts it: one answer.
    assert_eq!(district.in_year(&AreaMeasure::DialoguesHeld, 2026), Some(1));
    assert_eq!(district.total(&AreaMeasure::DialogueAttendances), Some(150));
    assert_eq!(district.line(&ind(NewMembers)).unwrap().years_with_data(), 2);

    let all = period_report(&ReportScope::All, 2025..=2026, &data);
    assert_eq!(all.units_per_year, vec![(2025, 4), (2026, 2)]);
    assert_eq!(all.total(&ind(NewMembers)), Some(600));
}

fn cluster(id: &str, year: i32, members: &[&str]) -> Cluster {
    Cluster {
        meta: Meta::new(id.into(), &stamp()),
        name: "Cụm thi đua số 4".into(),
        year,
        member_ids: members.iter().map(|m| m.to_string()).collect(),
        head_id: None,
        deputy_id: None,
        next_head_id: None,
        vote_order: Vec::new(),
        results_closed: None,
        tally: Vec::new(),
        meeting: None,
    }
}

#[test]
fn a_cluster_scope_takes_each_years_members() {
    let mut data = AppData {
        units: ["ba-vi", "phuc-tho", "quoc-oai", "dan-phuong"]
            .into_iter()
            .map(district)
            .collect(),
        ..AppData::default()
    };
    data.units.push(cdcs("cdcs-ba-vi", "ba-vi"));
    data.clusters = vec![
        cluster("k23", 2023, &["ba-vi", "phuc-tho", "quoc-oai"]),
        cluster("k24", 2024, &["phuc-tho", "quoc-oai", "dan-phuong"]),
    ];
    for year in 2023..=2025 {
        for (u, n) in [
            ("ba-vi", 1),
            ("phuc-tho", 10),
            ("quoc-oai", 100),
            ("dan-phuong", 1000),
        ] {
            data.indicators.push(report(u, year, &[(NewGrassroots, n)]));
        }
        data.indicators
            .push(report("cdcs-ba-vi", year, &[(NewGrassroots, 10_000)]));
    }
    let r = period_report(
        &ReportScope::Cluster("cum thi dua so 4".into()),
        2023..=2025,
        &data,
    );
    assert_eq!(r.units_per_year, vec![(2023, 4), (2024, 3), (2025, 0)]);
    assert_eq!(r.in_year(&ind(NewGrassroots), 2023), Some(10_111));
    assert_eq!(r.in_year(&ind(NewGrassroots), 2024), Some(1_110));
    assert_eq!(
        r.in_year(&ind(NewGrassroots), 2025),
        None,
        "no cluster record for 2025"
    );
    assert_eq!(r.total(&ind(NewGrassroots)), Some(11_221));
}

#[test]
fn dialogues_outside_the_scope_or_deleted_do_not_count() {
    let mut data = thanh_oai_2016_2020();
    data.units.push(district("ba-vi"));
    data.dialogues.push(dialogue(
        "ba-vi-2018",
        "ba-vi",
        DialogueKind::Periodic,
        d(2018, 6, 1),
        40,
    ));
    data.proposals
        .push(proposal("ba-vi-p", "ba-vi-2018", ProposalStatus::New));
    data.dialogues[0].meta.deleted = true;
    let year = ScopeYear::gather(&ReportScope::Unit("thanh-oai".into()), 2016, &data);
    assert_eq!(year.value(&AreaMeasure::DialoguesHeld).value, Some(0));
    assert_eq!(year.value(&AreaMeasure::ProposalsRaised).value, Some(0));
    let all = ScopeYear::gather(&ReportScope::All, 2018, &data);
    assert_eq!(all.value(&AreaMeasure::DialoguesHeld).value, Some(2));
    assert_eq!(all.value(&AreaMeasure::PeriodicDialoguesHeld).value, Some(1));
    assert_eq!(all.value(&AreaMeasure::ProposalsRaised).value, Some(8));
    assert_eq!(all.value(&AreaMeasure::ProposalsResolved).value, Some(7));
}

#[test]
fn an_empty_span_gives_an_empty_report() {
    #[allow(clippy::reversed_empty_ranges)]
    let r = period_report(&ReportScope::All, 2021..=2020, &thanh_oai_2016_2020());
    assert!(r.units_per_year.is_empty());
    assert_eq!(r.total(&AreaMeasure::DialoguesHeld), None);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is reported or left out, the period total of a measure is the sum of
        /// the single-year values that exist, and the all-units figure of a year is the
        /// sum of the per-unit figures (independent units, so no unit is counted twice).
        #[test]
        fn period_totals_add_up_the_years_and_the_units(
            cells in prop::collection::vec(prop::option::of(0u64..5_000), 12),
        ) {
            let ids = ["ba-vi", "phuc-tho", "quoc-oai"];
            let mut data = AppData {
                units: ids.into_iter().map(|id| unit(id, UnitKind::District, None)).collect(),
                ..AppData::default()
            };
            for (i, cell) in cells.iter().enumerate() {
                if let Some(n) = cell {
                    data.indicators.push(report(ids[i % 3], 2020 + (i / 3) as i32, &[(NewMembers, *n)]));
                }
            }
            let m = ind(NewMembers);
            let all = period_report(&ReportScope::All, 2020..=2023, &data);
            let by_year: Vec<Option<u64>> = (2020..=2023).map(|y| all.in_year(&m, y)).collect();
            let expected_total = by_year.iter().flatten().copied().reduce(|a, b| a + b);
            prop_assert_eq!(all.total(&m), expected_total);
            for (k, year) in (2020..=2023).enumerate() {
                let row = &cells[k * 3..k * 3 + 3];
                let expected = row.iter().flatten().copied().reduce(|a, b| a + b);
                prop_assert_eq!(by_year[k], expected);
                let per_unit: Option<u64> = ids
                    .iter()
                    .filter_map(|id| {
                        period_report(&ReportScope::Unit((*id).into()), year..=year, &data).total(&m)
                    })
                    .reduce(|a, b| a + b);
                prop_assert_eq!(per_unit, by_year[k]);
                let v = all.line(&m).unwrap().in_year(year).copied().unwrap();
                prop_assert_eq!(v.units_reporting, row.iter().flatten().count());
                prop_assert_eq!(v.units_in_scope, 3);
            }
        }
    }
}
