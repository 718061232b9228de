//! Coordination programmes end to end through the public API, as the programme pages use it:
//! Thanh Oai signs its 2020–2025 programme, reports figures, holds its yearly review.

use chrono::{DateTime, NaiveDate};
use thidua::domain::data::AppData;
use thidua::domain::programmes::{
    self, programme, review, AreaMeasure, AreaResult, Outcome, ProgrammeDraft, ReportScope, ReviewDraft,
};
use thidua::domain::record::{Meta, Stamp};
use thidua::domain::scoring::indicators::{IndicatorKey, UnitIndicators};
use thidua::domain::units::{Unit, UnitKind};

fn stamp() -> Stamp {
    Stamp::new("thanh-oai", DateTime::from_timestamp(1_700_600_000, 0).unwrap())
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn thanh_oai() -> AppData {
    let mut data = AppData::default();
    data.units.push(Unit {
        meta: Meta::new("thanh-oai".into(), &stamp()),
        name: "LĐLĐ huyện Thanh Oai".into(),
        short_name: "Thanh Oai".into(),
        kind: UnitKind::District,
        parent_id: None,
        active_from: None,
        active_to: Some(d(2025, 6, 30)),
        archived: false,
    });
    for year in 2020..=2025 {
        let mut r = UnitIndicators::new(format!("i-{year}"), "thanh-oai".into(), year, &stamp());
        IndicatorKey::ImprovementsBase.write(&mut r, Some(900));
        data.indicators.push(r);
    }
    data
}

#[test]
fn a_signed_programme_is_reviewed_each_year_against_the_reported_figures() {
    let mut data = thanh_oai();
    let mut draft = ProgrammeDraft::new(2020, 2025);
    draft.number = "01/CTr-UBND-LĐLĐ".into();
    draft.authority = "UBND huyện Thanh Oai".into();
    draft.unit_id = Some("thanh-oai".into());
    draft.signed_on = Some(d(2020, 9, 26));
    programme::add(
        &mut data.programmes,
        &data.units,
        &data.reviews,
        "p".into(),
        draft,
        &stamp(),
    )
    .unwrap();

    assert_eq!(programmes::active_programmes(&data.programmes, 2023).len(), 1);
    assert_eq!(
        programmes::years_without_review(&data.programmes[0], &data.reviews, 2021),
        vec![2020, 2021]
    );

    let mut r = ReviewDraft::new("p".into(), 2020);
    r.held_on = Some(d(2021, 1, 12));
    r.results.push(AreaResult {
        area_id: "inspection".into(),
        outcome: Outcome::Partly,
        note: "Chưa thường xuyên, ở một số nơi còn hình thức".into(),
    });
    review::add(&mut data.reviews, &data.programmes, "r".into(), r, &stamp()).unwrap();
    assert_eq!(
        programmes::years_without_review(&data.programmes[0], &data.reviews, 2021),
        vec![2021]
    );

    let figures = programmes::figures_for_review(&data.reviews[0], &data.programmes, &data).unwrap();
    let emulation = &figures[0];
    assert_eq!(emulation.area.number, 1);
    let improvements = AreaMeasure::Indicator(IndicatorKey::ImprovementsBase);
    assert_eq!(emulation.value(&improvements).unwrap().value, Some(900));

    let so_far = programmes::current_period_totals(&data.programmes[0], &data, 2026).unwrap();
    assert_eq!(so_far.total(&improvements), Some(5_400));
    let beyond = programmes::period_report(&ReportScope::Unit("thanh-oai".into()), 2025..=2026, &data);
    assert_eq!(
        beyond.in_year(&improvements, 2026),
        None,
        "the district ended in 2025"
    );

    let text = serde_json::to_string(&data).unwrap();
    assert_eq!(serde_json::from_str::<AppData>(&text).unwrap(), data);
}
