//! Vietnamese wording of the exchange: collection and field names, and why a file cannot be
//! imported. In the domain so that every refusal has its message wherever it is made (the
//! import page, the fuzz harness that checks every refusal carries one).

use super::text_problem::{self, TextProblem};
use super::{At, Collection, Expected, ImportError};
use crate::domain::format;

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

pub fn count(n: usize) -> String {
    format::integer(n as i64)
}

/// File sizes in MB with a decimal comma.
/// "Đã nhập tệp "x.json": 2 bản ghi mới, 1 xung đột đã xử lý." — only the counts that are not
/// zero; nothing at all new is said as such. `files` are the names of the files imported
/// together (one, or several: "Đã nhập 3 tệp "a.json", "b.json" và "c.json": …").
pub fn imported(files: &[&str], new: usize, updated: usize, conflicts: usize) -> String {
    let parts: Vec<String> = [
        (new, "bản ghi mới"),
        (updated, "cập nhật"),
        (conflicts, "xung đột đã xử lý"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{} {what}", count(n)))
    .collect();
    let files = files_label(files);
    if parts.is_empty() {
        format!("Đã nhập {files}: không có bản ghi nào thay đổi.")
    } else {
        format!("Đã nhập {files}: {}.", parts.join(", "))
    }
}

/// `tệp "a.json"`, or for several files `3 tệp "a.json", "b.json" và "c.json"`.
pub fn files_label(files: &[&str]) -> String {
    let quoted: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
    match quoted.as_slice() {
        [] => "tệp".to_string(),
        [one] => format!("tệp {one}"),
        [rest @ .., last] => format!("{} tệp {} và {last}", count(files.len()), rest.join(", ")),
    }
}

pub fn megabytes(bytes: usize) -> String {
    format!("{} MB", format::decimal(bytes as f64 / (1024.0 * 1024.0), 1))
}

pub fn expected(e: &Expected) -> String {
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
            // A record named by its id alone (a live sync document) is not "the list".
            let mut s = match (at.index, &at.id) {
                (Some(i), _) => format!("{} thứ {}", collection_name(kind), count(i + 1)),
                (None, Some(_)) => collection_name(kind).to_string(),
                (None, None) => format!("danh sách {}", collection_name(kind)),
            };
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

pub fn number(x: f64) -> String {
    format::decimal(x, 2)
}

/// Why a file cannot be imported, in words an officer can act on. Nothing was changed.
pub fn import_error(e: &ImportError) -> String {
    format!(
        "Không nhập được tệp: {} Dữ liệu trên máy này không thay đổi.",
        import_problem(e)
    )
}

/// What is wrong, without the file's framing: live sync says it of a document.
pub fn import_problem(e: &ImportError) -> String {
    match e {
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
        ImportError::Unreadable(problem) => match problem {
            TextProblem::Utf16 => "Tệp được lưu theo bảng mã UTF-16 (\"Unicode\" của một số trình soạn thảo), không phải UTF-8 như tệp xuất từ Thi đua. Hãy dùng đúng tệp đã xuất, hoặc lưu lại tệp với bảng mã UTF-8.".into(),
            TextProblem::TooDeep => format!(
                "Tệp có các danh sách lồng nhau quá {} tầng, điều mà tệp xuất từ Thi đua không bao giờ có: đây không phải tệp dữ liệu của Thi đua.",
                text_problem::MAX_DEPTH
            ),
            TextProblem::NumberTooLarge => "Tệp có một con số quá lớn, không trường nào chứa được (ví dụ 1e400). Hãy xin gửi lại tệp gốc đã xuất từ Thi đua.".into(),
            TextProblem::NotANumber => "Tệp có giá trị NaN hoặc Infinity, không phải là số. Hãy xin gửi lại tệp gốc đã xuất từ Thi đua.".into(),
            TextProblem::HalfCharacter => "Tệp có một ký tự bị cắt mất một nửa (mã \\uD800… đứng một mình), nên chữ ở đó không đọc được. Hãy xin gửi lại tệp gốc đã xuất từ Thi đua.".into(),
        },
        ImportError::EmptyFile => "Tệp trống, không có dữ liệu nào: có lẽ tệp được tạo ra mà chưa ghi gì, hoặc tải về chưa xong. Hãy xin gửi lại tệp.".into(),
        ImportError::UnknownVersion { found } => format!(
            "Tệp ghi phiên bản dữ liệu {found}: phiên bản này không tồn tại (phiên bản dữ liệu bắt đầu từ 1). Có thể tệp đã bị sửa tay; hãy xin gửi lại tệp gốc."
        ),
        ImportError::Untraced(named) => import_problem(named),
        ImportError::BreaksRule { at, rule } => {
            format!("Bản ghi không hợp lệ ở {}: {rule}", place(at))
        }
        ImportError::BadDate { at, value } => {
            format!("Ngày không có thật hoặc không đọc được (\"{value}\") ở {}.", place(at))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_says_only_the_counts_that_are_not_zero() {
        assert_eq!(
            imported(&["tu-quoc-oai.json"], 2, 0, 1),
            "Đã nhập tệp \"tu-quoc-oai.json\": 2 bản ghi mới, 1 xung đột đã xử lý."
        );
        assert_eq!(
            imported(&["a.csv"], 0, 1, 0),
            "Đã nhập tệp \"a.csv\": 1 cập nhật."
        );
        assert_eq!(
            imported(&["a.json", "b.json", "c.json"], 3, 0, 0),
            "Đã nhập 3 tệp \"a.json\", \"b.json\" và \"c.json\": 3 bản ghi mới."
        );
    }
}
