//! Every message of the data-sharing screens, in one place so the wording stays consistent.

use crate::domain::format;
use crate::domain::sync::{At, Collection, Expected, ImportError};
use chrono::{DateTime, Utc};

pub const OFFICE_TITLE: &str = "Cơ quan của bạn";
pub const OFFICE_LABEL: &str = "Tên cơ quan";
pub const OFFICE_SAVE: &str = "Lưu tên cơ quan";
pub const OFFICE_PROMPT: &str = "Hãy đặt tên cho cơ quan đang dùng máy này (ví dụ \"LĐLĐ huyện Ba Vì\"). \
     Tên này đi kèm mọi tệp bạn xuất, để nơi nhận biết dữ liệu từ đâu đến.";
pub const OFFICE_EMPTY: &str = "Hãy nhập tên cơ quan.";
pub const OFFICE_TOO_LONG: &str = "Tên cơ quan dài quá 120 ký tự.";
pub const OFFICE_BANNER: &str =
    "Máy này chưa có tên cơ quan. Hãy đặt tên ở trang Dữ liệu trước khi trao đổi tệp.";

pub const EXPORT_TITLE: &str = "Xuất dữ liệu ra tệp";
pub const EXPORT_BUTTON: &str = "Xuất dữ liệu";
pub const EXPORT_PART: &str = "Phần dữ liệu cần xuất";
pub const EVERYTHING: &str = "Toàn bộ dữ liệu";

pub const IMPORT_TITLE: &str = "Nhập dữ liệu từ tệp";
pub const IMPORT_LABEL: &str = "Nhập dữ liệu";
pub const IMPORT_HINT: &str =
    "Chọn tệp .json (hoặc .json.gz, tệp nén) do cơ quan khác gửi, hoặc kéo thả tệp vào bất kỳ đâu trên trang này. \
     Chưa có gì thay đổi cho đến khi bạn bấm \"Xác nhận nhập\".";
pub const GZIP_BROKEN: &str =
    "tệp nén .json.gz bị hỏng hoặc không trọn vẹn nên không giải nén được. Hãy xin cơ quan gửi lại tệp. Dữ liệu trên máy này không thay đổi.";

/// "Tệp "x.json.gz": " in front of a message about that file.
pub fn file_label(name: &str) -> String {
    format!("Tệp \"{name}\": ")
}

pub const DROP_HERE: &str = "Thả tệp vào đây để nhập";
pub const CONFIRM: &str = "Xác nhận nhập";
pub const CANCEL: &str = "Hủy";
pub const CANCELLED: &str = "Đã hủy, dữ liệu không thay đổi.";
pub const KEEP_LOCAL: &str = "Giữ bản của máy này";
pub const TAKE_INCOMING: &str = "Lấy bản trong tệp";
pub const UNDO_BUTTON: &str = "Hoàn tác lần nhập gần nhất";

/// The Vietnamese name of a kind of record, by its key in the file.
pub fn collection_name(c: Collection) -> &'static str {
    match c.key() {
        "units" => "Đơn vị",
        "clusters" => "Cụm thi đua",
        "templates" => "Bảng điểm",
        "indicators" => "Chỉ tiêu",
        "scorecards" => "Phiếu chấm",
        "dialogues" => "Đối thoại",
        "proposals" => "Kiến nghị",
        "programmes" => "Chương trình phối hợp",
        "reviews" => "Kỳ sơ kết",
        _ => "Bản ghi",
    }
}

/// The Vietnamese name of a record field shown in a conflict; the JSON key when not common.
pub fn field_label(key: &str) -> &str {
    match key {
        "name" => "Tên",
        "short_name" => "Tên viết tắt",
        "kind" => "Loại",
        "parent_id" => "Đơn vị cấp trên",
        "active_from" => "Hoạt động từ ngày",
        "active_to" => "Hoạt động đến ngày",
        "archived" => "Đã lưu trữ",
        "year" => "Năm",
        "member_ids" => "Đơn vị thành viên",
        "head_id" => "Cụm trưởng",
        "deputy_id" => "Cụm phó",
        "unit_id" => "Đơn vị",
        "cluster_id" => "Cụm thi đua",
        "figures" => "Số liệu",
        "criteria" => "Tiêu chí",
        "entries" => "Điểm",
        "status" => "Trạng thái",
        "content" => "Nội dung",
        "date" => "Ngày",
        "number" => "Số hiệu",
        "title" => "Trích yếu",
        other => other,
    }
}

/// A local date and time, dd/mm/yyyy hh:mm.
pub fn date_time(t: DateTime<Utc>) -> String {
    // The officer's own clock, as the browser knows it (chrono's local time needs OS access).
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

pub fn count(n: usize) -> String {
    format::integer(n as i64)
}

/// File sizes in MB with a decimal comma.
pub fn megabytes(bytes: usize) -> String {
    format!("{} MB", format::decimal(bytes as f64 / (1024.0 * 1024.0), 1))
}

fn expected(e: &Expected) -> String {
    match e {
        Expected::Text => "một đoạn chữ".into(),
        Expected::WholeNumber => "một số nguyên không âm".into(),
        Expected::Number => "một số".into(),
        Expected::Boolean => "true hoặc false".into(),
        Expected::List => "một danh sách [ … ]".into(),
        Expected::Object => "một đối tượng { … }".into(),
        Expected::Date => "một ngày dạng yyyy-mm-dd".into(),
        Expected::DateTime => "ngày giờ dạng 2026-11-23T08:00:00Z".into(),
        Expected::OneOf(values) => format!("một trong các giá trị: {}", values.join(", ")),
        Expected::Other(text) => text.clone(),
    }
}

/// "Đơn vị thứ 3 (mã u-1), trường meta.changed_at" or "phần đầu tệp, trường office".
pub fn place(at: &At) -> String {
    let mut out = match at.kind {
        None => "phần đầu tệp".to_string(),
        Some(kind) => {
            let mut s = format!("danh sách {}", collection_name(kind));
            if let Some(i) = at.index {
                s = format!("{} thứ {}", collection_name(kind), count(i + 1));
            }
            if let Some(id) = &at.id {
                s.push_str(&format!(" (mã \"{id}\")"));
            }
            s
        }
    };
    if !at.field.is_empty() {
        out.push_str(&format!(", trường \"{}\"", at.field));
    }
    out
}

fn number(x: f64) -> String {
    format::decimal(x, 2)
}

/// Why a file cannot be imported, in words an officer can act on. Nothing was changed.
pub fn import_error(e: &ImportError) -> String {
    let text = match e {
        ImportError::TooLarge { size, limit } => format!(
            "Tệp quá lớn: {} ({} byte), vượt giới hạn {} ({} byte) cho mỗi tệp nhập. Tệp không được đọc.",
            megabytes(*size),
            count(*size),
            megabytes(*limit),
            count(*limit)
        ),
        ImportError::NotJson { line, column } => format!(
            "Tệp .json bị lỗi ở dòng {}, cột {}: có thể tệp đã bị sửa bằng công cụ khác hoặc không phải tệp xuất từ Thi đua.",
            count(*line),
            count(*column)
        ),
        ImportError::Truncated => {
            "Tệp bị cắt cụt (kết thúc giữa chừng): có lẽ tải về hoặc sao chép chưa xong. Hãy xin gửi lại tệp.".into()
        }
        ImportError::NotOurFormat => {
            "Tệp .json này không phải tệp xuất dữ liệu của Thi đua (thiếu dấu hiệu nhận dạng \"format\": \"thidua-export\").".into()
        }
        ImportError::NewerVersion { found, supported } => format!(
            "Tệp được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {found}, máy này đọc được đến {supported}). Hãy cập nhật ứng dụng rồi nhập lại."
        ),
        ImportError::MigrationFailed { from, detail } => {
            format!("Không chuyển được tệp từ phiên bản dữ liệu cũ {from}: {detail}.")
        }
        ImportError::WrongType { at, expected: ex } => {
            format!("Sai kiểu dữ liệu ở {}: cần {}.", place(at), expected(ex))
        }
        ImportError::MissingField { at } => format!("Thiếu trường bắt buộc ở {}.", place(at)),
        ImportError::DuplicateId { kind, id } => format!(
            "Trùng mã: có hai bản ghi {} cùng mã \"{id}\" trong tệp.",
            collection_name(*kind)
        ),
        ImportError::UnknownReference {
            kind,
            id,
            field,
            target,
            target_id,
        } => format!(
            "{} mã \"{id}\", trường \"{field}\" trỏ tới {} mã \"{target_id}\" không có trong tệp cũng như trên máy này.",
            collection_name(*kind),
            collection_name(*target)
        ),
        ImportError::OutOfRange { at, value, min, max } => {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("từ {} đến {}", number(*a), number(*b)),
                (Some(a), None) => format!("ít nhất {}", number(*a)),
                (None, Some(b)) => format!("nhiều nhất {}", number(*b)),
                (None, None) => "trong giới hạn cho phép".into(),
            };
            format!(
                "Giá trị {} ngoài phạm vi ở {}: phải {}.",
                number(*value),
                place(at),
                range
            )
        }
        ImportError::BadDate { at, value } => {
            format!("Ngày không có thật hoặc không đọc được (\"{value}\") ở {}.", place(at))
        }
    };
    format!("Không nhập được tệp: {text} Dữ liệu trên máy này không thay đổi.")
}
