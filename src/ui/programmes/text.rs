//! Vietnamese wording of the "Phối hợp" page: leads, outcomes, measures and every validation
//! message of the programmes domain, in one place so the wording stays consistent.

use crate::domain::format;
use crate::domain::programmes::{AreaMeasure, MeasureValue};
use crate::domain::scoring::indicators::IndicatorKey;

/// The footnote mark of a total that lacks some units' or years' figures.
pub const INCOMPLETE_MARK: &str = "*";
pub const INCOMPLETE_NOTE: &str = "*chưa đủ số liệu của mọi đơn vị";
/// Shown where there is no figure at all.
pub const NO_DATA: &str = "—";

/// Names of measures, leads and outcomes are the domain's, shared with the reports.
pub use crate::domain::programmes::wording::{
    lead_name, measure_label, outcome_name, programme_error, review_error,
};
/// Built-in indicators are named once, on the scoring page's wording.
pub use crate::domain::scoring::wording::indicator as indicator_label;

/// Every measure a content area can be judged by, in form order.
pub fn all_measures() -> Vec<AreaMeasure> {
    IndicatorKey::BUILT_IN
        .iter()
        .cloned()
        .map(AreaMeasure::Indicator)
        .chain(AreaMeasure::DIALOGUE)
        .collect()
}

/// A stable slug for a measure, for select values and deep links.
pub fn measure_slug(measure: &AreaMeasure) -> String {
    serde_json::to_string(measure).unwrap_or_default()
}

pub fn measure_from_slug(slug: &str) -> Option<AreaMeasure> {
    serde_json::from_str(slug).ok()
}

/// A figure for a table cell: "4.561", "—" when missing, "4.561*" when some units lack it.
pub fn figure(value: &MeasureValue) -> String {
    match value.value {
        None => NO_DATA.to_string(),
        Some(n) if value.complete() => format::integer(n as i64),
        Some(n) => format!("{}{INCOMPLETE_MARK}", format::integer(n as i64)),
    }
}

/// "2 / 3 đơn vị có số liệu" for the review form's figures.
pub fn reporting(value: &MeasureValue) -> String {
    format!(
        "{}/{} đơn vị có số liệu",
        format::integer(value.units_reporting as i64),
        format::integer(value.units_in_scope as i64)
    )
}

/// "2020–2025", or one year when both ends are the same.
pub fn period(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// Lines of a textarea, one item each (empty lines dropped by the domain).
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}
