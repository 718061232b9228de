//! Vietnamese wording of the "Phối hợp" page: leads, outcomes, measures and every validation
//! message of the programmes domain, in one place so the wording stays consistent.

use crate::domain::format;
use crate::domain::programmes::{AreaMeasure, Lead, MeasureValue, ProgrammeError, ReviewError};
use crate::domain::scoring::indicators::IndicatorKey;

/// The footnote mark of a total that lacks some units' or years' figures.
pub const INCOMPLETE_MARK: &str = "*";
pub const INCOMPLETE_NOTE: &str = "*chưa đủ số liệu của mọi đơn vị";
/// Shown where there is no figure at all.
pub const NO_DATA: &str = "—";

/// Names of measures, leads and outcomes are the domain's, shared with the reports.
pub use crate::domain::programmes::wording::{lead_name, measure_label, outcome_name};
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

pub fn lead_slug(lead: Lead) -> &'static str {
    match lead {
        Lead::PeopleCommittee => "ubnd",
        Lead::Federation => "ldld",
        Lead::Joint => "hai-ben",
    }
}

pub fn lead_from_slug(slug: &str) -> Lead {
    Lead::ALL
        .into_iter()
        .find(|l| lead_slug(*l) == slug)
        .unwrap_or(Lead::Joint)
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

pub fn programme_error(error: &ProgrammeError, area_title: impl Fn(&str) -> String) -> String {
    use ProgrammeError::*;
    match error {
        NumberRequired => "Số hiệu chương trình là bắt buộc.".into(),
        NumberTaken => "Đơn vị này đã có chương trình mang số hiệu này.".into(),
        AuthorityRequired => "Hãy ghi tên UBND ký chương trình.".into(),
        UnitRequired => "Hãy chọn LĐLĐ ký chương trình.".into(),
        UnitUnknown => "Đơn vị đã chọn không còn tồn tại.".into(),
        SignedOnRequired => "Ngày ký là bắt buộc.".into(),
        SignedOutsidePeriod => "Ngày ký phải trong giai đoạn, hoặc trong năm trước năm bắt đầu.".into(),
        FromYearOutOfRange { year } => format!("Từ năm: năm {year} không hợp lệ."),
        ToYearOutOfRange { year } => format!("Đến năm: năm {year} không hợp lệ."),
        PeriodReversed => "Đến năm phải bằng hoặc sau Từ năm.".into(),
        PeriodTooLong { span } => format!("Giai đoạn dài {span} năm: quá 10 năm, hãy kiểm tra lại."),
        ReviewedYearOutside { year } => {
            format!("Năm {year} đã có đánh giá hằng năm nên phải nằm trong giai đoạn.")
        }
        AreasRequired => "Chương trình cần ít nhất một nội dung phối hợp.".into(),
        AreaIdRequired { .. } | DuplicateAreaId { .. } => {
            "Nội dung này bị trùng mã nội bộ; hãy xóa và thêm lại.".into()
        }
        AreaNumberRequired { .. } => "Số thứ tự phải là số từ 1 trở lên.".into(),
        AreaNumberTaken { number, .. } => format!("Số thứ tự {number} đã dùng cho nội dung khác."),
        AreaTitleRequired { .. } => "Tên nội dung là bắt buộc.".into(),
        DuplicateMeasure { .. } => "Một chỉ tiêu được chọn hai lần.".into(),
        AreaReviewed { area_id } => format!(
            "Không thể bỏ nội dung \"{}\" vì đã có kết quả trong đánh giá hằng năm.",
            area_title(area_id)
        ),
        NotFound => "Chương trình này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
}

pub fn review_error(error: &ReviewError) -> String {
    use ReviewError::*;
    match error {
        ProgrammeRequired | ProgrammeUnknown => {
            "Chương trình này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into()
        }
        YearOutsidePeriod { from, to } => format!("Năm đánh giá phải trong giai đoạn {from}–{to}."),
        AlreadyReviewed => "Năm này đã có đánh giá của chương trình.".into(),
        HeldOnRequired => "Ngày tổ chức hội nghị là bắt buộc.".into(),
        HeldBeforeYear => "Ngày tổ chức hội nghị không được trước năm được đánh giá.".into(),
        HeldTooLate => "Hội nghị phải tổ chức chậm nhất trong năm sau năm được đánh giá.".into(),
        UnknownArea { .. } => "Nội dung này không còn trong chương trình.".into(),
        DuplicateArea { .. } => "Nội dung này được đánh giá hai lần.".into(),
        NotFound => "Đánh giá này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
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
