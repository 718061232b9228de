//! Names of dialogue kinds and levels, proposal topics and statuses, as officers write them:
//! shared by the *Đối thoại* page and the reports.

use super::{DialogueKind, DialogueLevel, ProposalStatus, Topic};

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
