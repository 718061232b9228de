//! The JSON fixtures the browser tests write into localStorage must be data this build reads:
//! decoding them here catches a drift between the fixtures and the serde shapes natively.

use thidua::domain::programmes::{period_report, AreaMeasure, ReportScope};
use thidua::domain::schema;
use thidua::domain::scoring::indicators::IndicatorKey;

#[test]
fn thanh_oai_fixture_decodes_and_adds_up_to_the_seed_000_figures() {
    let text = include_str!("e2e/fixtures/thanh-oai-2016-2020.json");
    let data = schema::decode(text)
        .expect("fixture matches the stored shape")
        .data;
    let report = period_report(&ReportScope::Unit("thanh-oai".into()), 2016..=2020, &data);
    let total = |key| report.total(&AreaMeasure::Indicator(key));
    assert_eq!(total(IndicatorKey::ImprovementsBase), Some(4_561));
    assert_eq!(total(IndicatorKey::ImprovementsUpper), Some(436));
    assert_eq!(total(IndicatorKey::GoodWorkersBase), Some(1_258));
    assert_eq!(total(IndicatorKey::GoodWorkersDistrict), Some(336));
    assert_eq!(total(IndicatorKey::GoodWorkersCapital), Some(5));
    let capital = report
        .line(&AreaMeasure::Indicator(IndicatorKey::GoodWorkersCapital))
        .unwrap();
    assert!(!capital.complete(), "reported in one year only");
}
