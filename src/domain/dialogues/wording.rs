//! Names of dialogue kinds and levels, proposal topics and statuses, as officers write them:
//! shared by the *Đối thoại* page and the reports.

use super::{
    AttendanceError, DialogueError, DialogueKind, DialogueLevel, ProposalError, ProposalStatus, Topic,
};
use crate::domain::format;

pub fn kind_name(kind: DialogueKind) -> &'static str {
    match kind {
        DialogueKind::Periodic => "Định kỳ",
        DialogueKind::OnRequest => "Theo yêu cầu",
        DialogueKind::Incident => "Vụ việc",
        DialogueKind::LeadersWithWorkers => "Lãnh đạo – CNLĐ",
    }
}

pub fn level_name(level: DialogueLevel) -> &'static str {
    match level {
        DialogueLevel::Enterprise => "Doanh nghiệp",
        DialogueLevel::District => "Quận/huyện",
        DialogueLevel::City => "Thành phố",
    }
}

pub fn topic_name(topic: Topic) -> &'static str {
    match topic {
        Topic::SocialInsurance => "BHXH, nợ đóng BHXH",
        Topic::Wages => "Tiền lương, thu nhập",
        Topic::Housing => "Nhà ở",
        Topic::OccupationalSafety => "An toàn, vệ sinh lao động",
        Topic::Health => "Y tế, sức khỏe",
        Topic::Schools => "Trường học, nhà trẻ",
        Topic::PublicOrder => "An ninh trật tự",
        Topic::Training => "Đào tạo, dạy nghề",
        Topic::Other => "Khác",
    }
}

pub fn status_name(status: ProposalStatus) -> &'static str {
    match status {
        ProposalStatus::New => "Mới",
        ProposalStatus::InProgress => "Đang xử lý",
        ProposalStatus::Resolved => "Đã giải quyết",
        ProposalStatus::Answered => "Đã trả lời",
        ProposalStatus::Escalated => "Chuyển cấp trên",
    }
}

/// The kind inside a sentence ("đối thoại định kỳ", "đối thoại lãnh đạo – CNLĐ"):
/// lowercase apart from abbreviations.
pub fn kind_phrase(kind: DialogueKind) -> &'static str {
    match kind {
        DialogueKind::Periodic => "định kỳ",
        DialogueKind::OnRequest => "theo yêu cầu",
        DialogueKind::Incident => "vụ việc",
        DialogueKind::LeadersWithWorkers => "lãnh đạo – CNLĐ",
    }
}

/// The dialogue form's messages, also a refused file's.
pub fn dialogue_error(error: &DialogueError) -> String {
    match error {
        DialogueError::DateRequired => "Hãy nhập ngày đối thoại.".into(),
        DialogueError::PlaceRequired => "Hãy nhập địa điểm đối thoại.".into(),
        DialogueError::UnitRequired => "Hãy chọn đơn vị tổ chức.".into(),
        DialogueError::UnitUnknown => "Đơn vị tổ chức không còn tồn tại.".into(),
        DialogueError::UnitInactive { unit, activity, date } => format!(
            "{} Hãy chọn đơn vị đang hoạt động, sửa ngày đối thoại, hoặc sửa thời gian hoạt động của đơn vị ở trang \"Đơn vị & Cụm\".",
            crate::domain::units::inactive_message(unit, *activity, *date).unwrap_or_default()
        ),
        DialogueError::Attendances(AttendanceError::Negative) => "Số lượt tham dự không được âm.".into(),
        DialogueError::Attendances(AttendanceError::NotANumber) => {
            "Số lượt tham dự phải là số nguyên, ví dụ 1.250.".into()
        }
        DialogueError::Attendances(AttendanceError::TooLarge) => "Số lượt tham dự quá lớn.".into(),
        DialogueError::AgreedContentRequired { index } => {
            format!(
                "Nội dung thống nhất {}: hãy ghi nội dung cho biện pháp này.",
                index + 1
            )
        }
        DialogueError::NextDialogueRequired => {
            "Còn nội dung chưa thống nhất: hãy ghi thời gian đối thoại tiếp theo.".into()
        }
        DialogueError::NextDialogueNotAfter => {
            "Thời gian đối thoại tiếp theo phải sau ngày đối thoại này.".into()
        }
        DialogueError::StartTimeInvalid => "Giờ bắt đầu phải là giờ trong ngày, ví dụ 08:30.".into(),
        DialogueError::HostNameRequired => {
            "Hãy ghi tên cơ quan hoặc doanh nghiệp tổ chức đối thoại (đứng tên trên biên bản).".into()
        }
        DialogueError::MinutesSigned => "Biên bản đã có chữ ký của hai bên nên không sửa hay xóa được. Muốn thay đổi, hãy mở lại biên bản (ghi người mở và lý do).".into(),
        DialogueError::NotSigned => "Biên bản chưa được ký nên không cần mở lại.".into(),
        DialogueError::ReopenerRequired => "Hãy ghi người mở lại biên bản.".into(),
        DialogueError::ReasonRequired => "Hãy ghi lý do mở lại biên bản.".into(),
        DialogueError::NotFound => "Không tìm thấy cuộc đối thoại này (có thể đã bị xóa).".into(),
    }
}

/// The proposal form's messages, also a refused file's.
pub fn proposal_error(error: &ProposalError) -> String {
    match error {
        ProposalError::DialogueRequired | ProposalError::DialogueUnknown => {
            "Cuộc đối thoại của kiến nghị này không còn tồn tại.".into()
        }
        ProposalError::ContentRequired => "Hãy nhập nội dung kiến nghị.".into(),
        ProposalError::DirectiveBeforeDialogue => {
            "Ngày văn bản chỉ đạo không được trước ngày đối thoại.".into()
        }
        ProposalError::DeadlineBeforeDialogue => "Hạn giải quyết không được trước ngày đối thoại.".into(),
        ProposalError::ResolvedBeforeDialogue => "Ngày giải quyết không được trước ngày đối thoại.".into(),
        ProposalError::StatusUnchanged => "Hãy chọn trạng thái khác với trạng thái hiện tại.".into(),
        ProposalError::StatusDateBeforeDialogue => {
            "Ngày chuyển trạng thái không được trước ngày đối thoại.".into()
        }
        ProposalError::StatusDateBeforeLastChange { last } => format!(
            "Ngày chuyển trạng thái không được trước lần thay đổi gần nhất ({}).",
            format::date(*last)
        ),
        ProposalError::ResponseRequired => "Hãy ghi kết quả trả lời, giải quyết của kiến nghị.".into(),
        ProposalError::ResolvedOnRequired => "Hãy nhập ngày giải quyết.".into(),
        ProposalError::NotFound => "Kiến nghị này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
}

/// A file that would change minutes signed here without a recorded reopening.
pub fn signed_minutes_changed(held: chrono::NaiveDate) -> String {
    format!(
        "Biên bản đối thoại ngày {} đã có chữ ký của hai bên ở máy này; tệp sửa nội dung biên bản mà không ghi lần mở lại biên bản nào. Hãy mở lại biên bản (ghi người mở và lý do) ở nơi sửa rồi xuất lại tệp.",
        format::date(held)
    )
}
