//! Vietnamese wording for units: kinds and validation messages.

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

use crate::domain::scoring::cluster::ClusterError;

pub fn cluster_error(error: &ClusterError, unit_name: impl Fn(&str) -> String) -> String {
    match error {
        ClusterError::NameRequired => "Tên cụm là bắt buộc.".into(),
        ClusterError::NameTaken { year } => {
            format!("Đã có một cụm cùng tên trong năm {year}. Hãy mở cụm đó để sửa, hoặc đặt tên khác.")
        }
        ClusterError::YearOutOfRange { year } => format!("Năm {year} không hợp lệ (từ 2000 đến 2100)."),
        ClusterError::NoMembers => "Hãy chọn ít nhất một đơn vị thành viên.".into(),
        ClusterError::DuplicateMember { unit_id } => format!("{} được chọn hai lần.", unit_name(unit_id)),
        ClusterError::UnknownMember { unit_id } => {
            format!("Đơn vị {} không còn tồn tại.", unit_name(unit_id))
        }
        ClusterError::MemberNotActive { unit_id } => {
            format!(
                "{} không hoạt động trong năm này (xem thời gian hoạt động).",
                unit_name(unit_id)
            )
        }
        ClusterError::HeadNotMember => "Cụm trưởng phải là đơn vị thành viên.".into(),
        ClusterError::DeputyNotMember => "Cụm phó phải là đơn vị thành viên.".into(),
        ClusterError::HeadIsDeputy => "Cụm phó phải khác Cụm trưởng.".into(),
        ClusterError::NextHeadNotMember => "Cụm trưởng năm sau phải là đơn vị thành viên.".into(),
        ClusterError::VoteNotMember { unit_id } => {
            format!(
                "{} trong kết quả bỏ phiếu không phải thành viên cụm.",
                unit_name(unit_id)
            )
        }
        ClusterError::NotFound => "Cụm này không còn tồn tại (có thể đã bị xóa ở thẻ khác).".into(),
    }
}
