//! Vietnamese wording for the "Đối thoại" page: the slugs used in form values and the
//! validation messages (the names of kinds, levels, topics and statuses are the domain's,
//! shared with the reports).

use crate::domain::dialogues::{DialogueKind, DialogueLevel, HostKind, ProposalStatus, Topic};
use crate::domain::format;

pub use crate::domain::dialogues::wording::{
    dialogue_error, kind_name, level_name, proposal_error, status_name, topic_name,
};

pub const PAGE_TITLE: &str = "Đối thoại";
pub const OVERDUE: &str = "Quá hạn";
pub const ALL_YEARS: &str = "Tất cả các năm";
pub const ALL_UNITS: &str = "Tất cả đơn vị";
pub const ALL_KINDS: &str = "Tất cả hình thức";
pub const ALL_TOPICS: &str = "Tất cả lĩnh vực";
pub const ALL_STATUSES: &str = "Tất cả trạng thái";
pub const NO_UNITS: &str =
    "Chưa có đơn vị nào: hãy thêm đơn vị ở trang Đơn vị & Cụm trước khi ghi đối thoại.";
pub const NOT_FOUND: &str = "Không tìm thấy cuộc đối thoại này (có thể đã bị xóa).";

pub const PEOPLE_HINT: &str = "Mỗi người một dòng: Họ tên – Chức vụ (không rõ tên thì ghi chức vụ).";
pub const SIGNING_HINT: &str = "Khi đánh dấu đã ký, biên bản được khóa: nội dung kiến nghị nêu tại đối thoại được ghi vào biên bản; muốn sửa phải mở lại biên bản và ghi lý do.";
pub const MINUTES_LOCKED: &str = "Biên bản đã có chữ ký của hai bên nên chỉ xem được, không sửa được. Muốn sửa, hãy mở lại biên bản ở trang cuộc đối thoại (ghi người mở và lý do).";

pub const MINUTES_LOCKED_HERE: &str = "Biên bản đã có chữ ký của hai bên: nội dung biên bản đã khóa, không sửa hay xóa được. Muốn thay đổi, hãy mở lại biên bản; người mở, đơn vị, thời điểm và lý do được ghi lại.";

pub fn host_slug(kind: HostKind) -> &'static str {
    match kind {
        HostKind::Federation => "ldld",
        HostKind::PeoplesCommittee => "ubnd",
        HostKind::Enterprise => "doanh-nghiep",
    }
}

pub fn host_name(kind: HostKind) -> &'static str {
    match kind {
        HostKind::Federation => "Liên đoàn Lao động (theo Cài đặt báo cáo)",
        HostKind::PeoplesCommittee => "Ủy ban nhân dân",
        HostKind::Enterprise => "Doanh nghiệp (biên bản của doanh nghiệp)",
    }
}

pub fn kind_slug(kind: DialogueKind) -> &'static str {
    match kind {
        DialogueKind::Periodic => "dinh-ky",
        DialogueKind::OnRequest => "theo-yeu-cau",
        DialogueKind::Incident => "vu-viec",
        DialogueKind::LeadersWithWorkers => "lanh-dao-cnld",
    }
}

pub fn level_slug(level: DialogueLevel) -> &'static str {
    match level {
        DialogueLevel::Enterprise => "doanh-nghiep",
        DialogueLevel::District => "quan-huyen",
        DialogueLevel::City => "thanh-pho",
    }
}

pub fn topic_slug(topic: Topic) -> &'static str {
    match topic {
        Topic::SocialInsurance => "bhxh",
        Topic::Wages => "tien-luong",
        Topic::Housing => "nha-o",
        Topic::OccupationalSafety => "atvsld",
        Topic::Health => "y-te",
        Topic::Schools => "truong-hoc",
        Topic::PublicOrder => "an-ninh",
        Topic::Training => "dao-tao",
        Topic::Other => "khac",
    }
}

pub fn status_slug(status: ProposalStatus) -> &'static str {
    match status {
        ProposalStatus::New => "moi",
        ProposalStatus::InProgress => "dang-xu-ly",
        ProposalStatus::Resolved => "da-giai-quyet",
        ProposalStatus::Answered => "da-tra-loi",
        ProposalStatus::Escalated => "chuyen-cap-tren",
    }
}

/// Finds the item whose slug is `slug` (None for "" or an unknown slug).
pub fn from_slug<T: Copy>(all: &[T], slug_of: fn(T) -> &'static str, slug: &str) -> Option<T> {
    all.iter().copied().find(|x| slug_of(*x) == slug)
}

/// (value, text) options for a select, with a leading "all" choice when `all` is given.
pub fn options<T: Copy>(
    all: &[T],
    slug_of: fn(T) -> &'static str,
    name_of: fn(T) -> &'static str,
    any: Option<&str>,
) -> Vec<(String, String)> {
    any.map(|a| (String::new(), a.to_string()))
        .into_iter()
        .chain(
            all.iter()
                .map(|x| (slug_of(*x).to_string(), name_of(*x).to_string())),
        )
        .collect()
}

/// "Quá hạn 12 ngày".
pub fn overdue_days(days: i64) -> String {
    format!("{OVERDUE} {} ngày", format::integer(days))
}

/// A refused proposal's messages for a form that shows only `on_form` of its fields: theirs go
/// under them, the others' to the form's notice (the proposal form and the status form).
pub fn proposal_messages(
    refused: Vec<crate::domain::dialogues::ProposalError>,
    on_form: &'static [crate::domain::dialogues::ProposalField],
) -> impl Iterator<Item = (Option<crate::domain::dialogues::ProposalField>, String)> {
    refused.into_iter().map(move |e| {
        let field = e.field().filter(|f| on_form.contains(f));
        (field, proposal_error(&e))
    })
}
