//! Names of a programme's measures, leads and review outcomes, shared by the *Phối hợp* page
//! and the reports.

use super::{AreaMeasure, Lead, Outcome, ProgrammeError, ReviewError};
use crate::domain::scoring::wording::indicator as indicator_label;

pub fn measure_label(measure: &AreaMeasure) -> String {
    match measure {
        AreaMeasure::Indicator(key) => indicator_label(key),
        AreaMeasure::DialoguesHeld => "Số cuộc đối thoại".into(),
        AreaMeasure::PeriodicDialoguesHeld => "Số cuộc đối thoại định kỳ".into(),
        AreaMeasure::DialogueAttendances => "Lượt người dự đối thoại".into(),
        AreaMeasure::ProposalsRaised => "Kiến nghị nêu tại đối thoại".into(),
        AreaMeasure::ProposalsResolved => "Kiến nghị đã giải quyết, trả lời".into(),
    }
}

pub fn lead_name(lead: Lead) -> &'static str {
    match lead {
        Lead::PeopleCommittee => "UBND chủ trì",
        Lead::Federation => "LĐLĐ chủ trì",
        Lead::Joint => "Hai bên cùng chủ trì",
    }
}

pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Done => "Hoàn thành",
        Outcome::Partly => "Hoàn thành một phần",
        Outcome::NotDone => "Chưa hoàn thành",
    }
}

/// The programme form's messages, also given for a file's programme that breaks its rules.
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
        AreaIdRequired { .. } => "Nội dung phối hợp thiếu mã nội bộ.".into(),
        DuplicateAreaId { .. } => "Mã nội bộ của nội dung phối hợp này trùng với một nội dung khác.".into(),
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

/// The review form's messages.
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
