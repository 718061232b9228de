//! Vietnamese wording for units: kinds and validation messages.

use crate::domain::format::DateError;
use crate::domain::units::{UnitError, UnitKind};

pub fn kind_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::City => "LĐLĐ thành phố",
        UnitKind::District => "LĐLĐ quận/huyện/thị xã",
        UnitKind::Sector => "Công đoàn ngành",
        UnitKind::Grassroots => "Công đoàn cơ sở",
        UnitKind::Other => "Khác",
    }
}

pub fn kind_slug(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::City => "city",
        UnitKind::District => "district",
        UnitKind::Sector => "sector",
        UnitKind::Grassroots => "grassroots",
        UnitKind::Other => "other",
    }
}

pub fn kind_from_slug(slug: &str) -> UnitKind {
    UnitKind::ALL
        .into_iter()
        .find(|k| kind_slug(*k) == slug)
        .unwrap_or(UnitKind::Other)
}

pub fn error_message(error: &UnitError) -> String {
    match error {
        UnitError::NameRequired => "Tên đơn vị là bắt buộc.".into(),
        UnitError::NameTaken { other } => {
            format!("Tên đơn vị đã được dùng cho đơn vị đang hoạt động \"{other}\".")
        }
        UnitError::ParentUnknown => "Đơn vị cấp trên không còn tồn tại.".into(),
        UnitError::ParentCycle => {
            "Đơn vị cấp trên không được là chính đơn vị này hoặc đơn vị trực thuộc nó.".into()
        }
        UnitError::EndBeforeStart => "Ngày kết thúc hoạt động phải sau ngày bắt đầu.".into(),
        UnitError::NotFound => "Đơn vị này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
}

/// The message for a date field, naming the field: "Ngày bắt đầu hoạt động: …".
pub fn date_message(field: &str, error: &DateError) -> String {
    match error {
        DateError::Format => format!("{field}: hãy nhập theo dạng dd/mm/yyyy, ví dụ 01/07/2025."),
        DateError::NoSuchDay => format!("{field}: ngày này không có trên lịch."),
    }
}
