//! The Vietnamese words of live sync (pure; vi-VN numbers via `domain::format`).

use super::problems::ServerProblem;
use crate::domain::collections::{record_title, Collection};
use crate::domain::conflicts::Names;
use crate::domain::data::AppData;
use crate::domain::exchange::validate::ImportError;
use crate::domain::exchange::wording::{collection_name, import_problem};
use crate::domain::format;

/// Who reopens a final card that a server version moved (the reopening's "người mở lại").
pub const REOPENED_BY: &str = "Đồng bộ qua máy chủ";
/// Why: recorded on the card with its totals before and after.
pub const REOPEN_REASON: &str = "Phiên bản mới hơn nhận từ máy chủ đồng bộ đã thay đổi bảng điểm, chỉ tiêu hoặc cụm thi đua mà kết quả đã chốt của phiếu dựa vào.";
/// A document of another tool in the database (not `<collection>:<id>`).
pub const NOT_A_RECORD: &str = "Tài liệu này không phải bản ghi của Thi đua (mã tài liệu không có dạng <loại bản ghi>:<mã>), nên không được nhận.";
/// A CouchDB deletion made outside the app: its deletions are records marked deleted.
pub const DELETED_OUTSIDE: &str = "Tài liệu đã bị xóa trên máy chủ bằng công cụ khác (không phải bằng ứng dụng Thi đua, vốn giữ bản ghi đã xóa kèm dấu đã xóa), nên bản ghi trên máy này được giữ nguyên.";

/// "Đã đồng bộ lúc 14:32".
pub fn synced_at(hh_mm: &str) -> String {
    format!("Đã đồng bộ lúc {hh_mm}")
}

fn count(n: usize) -> String {
    format::integer(n as i64)
}

/// "Đang tải về: 12.500/70.853 bản ghi".
pub fn downloading(done: usize, total: usize) -> String {
    format!("Đang tải về: {}/{} bản ghi", count(done), count(total))
}

/// "Đang gửi lên: 500/3.000 thay đổi".
pub fn uploading(done: usize, total: usize) -> String {
    format!("Đang gửi lên: {}/{} thay đổi", count(done), count(total))
}

/// "Ngoại tuyến: 3 thay đổi chờ gửi"; nothing waiting is said as such.
pub fn offline(waiting: usize) -> String {
    if waiting == 0 {
        "Ngoại tuyến: không có thay đổi nào chờ gửi".to_string()
    } else {
        format!("Ngoại tuyến: {} thay đổi chờ gửi", count(waiting))
    }
}

pub fn other_tab() -> &'static str {
    "Một thẻ khác của ứng dụng đang đồng bộ; thẻ này theo dõi các thay đổi của nó."
}

/// `scheme://host[:port]` of a URL, for the CORS message (the database's origin).
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(end) => &url[..after_scheme + end],
        None => url,
    }
}

/// One sentence naming the cause; the CORS one says what the administrator must set.
pub fn problem(problem: &ServerProblem, database_url: &str, app_origin: &str) -> String {
    match problem {
        ServerProblem::Unreachable => format!(
            "Không kết nối được máy chủ {}: kiểm tra mạng và địa chỉ cơ sở dữ liệu; các thay đổi vẫn giữ trên máy này và sẽ được gửi khi kết nối lại.",
            origin_of(database_url)
        ),
        ServerProblem::Blocked => format!(
            "Trình duyệt đã chặn yêu cầu tới {} vì máy chủ chưa cho phép ứng dụng ở {app_origin} truy cập (CORS): quản trị viên máy chủ cần đặt trong cấu hình CouchDB [chttpd] enable_cors = true và [cors] origins = {app_origin}, credentials = true, methods = GET, PUT, POST, HEAD, DELETE, headers = accept, authorization, content-type, origin, referer (hoặc phục vụ ứng dụng và cơ sở dữ liệu trên cùng một địa chỉ qua reverse proxy).",
            origin_of(database_url)
        ),
        ServerProblem::NotCouchDb => format!(
            "Địa chỉ {database_url} không phải một cơ sở dữ liệu CouchDB: máy chủ trả lời không như CouchDB; hãy kiểm tra lại địa chỉ (ví dụ https://dongbo.ldld.hanoi.vn/thidua)."
        ),
        ServerProblem::NoDatabase => format!(
            "Máy chủ không có cơ sở dữ liệu {database_url}: hãy kiểm tra tên cơ sở dữ liệu ở cuối địa chỉ, hoặc nhờ quản trị viên tạo cơ sở dữ liệu."
        ),
        ServerProblem::WrongPassword => "Sai tên đăng nhập hoặc mật khẩu.".to_string(),
        ServerProblem::SessionEnded => "Phiên đăng nhập máy chủ đã hết: hãy nhập lại mật khẩu rồi bấm Kết nối; trong lúc chờ, các thay đổi vẫn giữ trên máy này.".to_string(),
        ServerProblem::NoRight => format!(
            "Tài khoản này không có quyền với cơ sở dữ liệu {database_url}: hãy nhờ quản trị viên cấp cho tài khoản vai trò thidua và vai trò của đơn vị."
        ),
        ServerProblem::CookieRefused => format!(
            "Đăng nhập thành công nhưng trình duyệt không giữ hoặc không gửi cookie phiên đăng nhập cho máy chủ {} (trang mở từ tệp file://, hoặc trình duyệt chặn cookie của bên thứ ba): hãy dùng bản ứng dụng phục vụ qua địa chỉ web, hoặc nhờ quản trị viên bật HTTPS cho máy chủ và đặt [chttpd_auth] same_site = none; các thay đổi vẫn giữ trên máy này.",
            origin_of(database_url)
        ),
        ServerProblem::Server { status, reason } => {
            let said = if reason.is_empty() {
                String::new()
            } else {
                format!(" ({reason})")
            };
            let next = if *status >= 500 {
                "ứng dụng sẽ tự thử lại"
            } else {
                "các thay đổi vẫn giữ trên máy này"
            };
            format!("Máy chủ báo lỗi {status}{said}; {next}.")
        }
    }
}

/// "Máy chủ từ chối bản ghi «…»: <reason>. Bản ghi vẫn giữ trên máy này." The server's reason
/// is a sentence of its own; its final stop is not doubled.
pub fn refused(record_name: &str, reason: &str) -> String {
    let reason = reason.trim().trim_end_matches('.');
    format!("Máy chủ từ chối bản ghi «{record_name}»: {reason}. Bản ghi vẫn giữ trên máy này.")
}

/// The record as officers know it: a unit by its name ("Công đoàn cơ sở Trường Tiểu học Vật
/// Lại", which says its kind), any other record as the import's conflict view names it ("Bảng
/// điểm của Cụm thi đua số 4 – 2023"); a record this office no longer holds by its kind alone.
pub fn record_name(data: &AppData, collection: Collection, id: &str) -> String {
    let mut names = record_names(data, &[(collection, id)]);
    names.pop().unwrap_or_default()
}

/// [`record_name`] of several records, looking the data's names up once (a list of refused
/// records in a city's data).
pub fn record_names(data: &AppData, records: &[(Collection, &str)]) -> Vec<String> {
    let empty = AppData::default();
    // Names of offices and days are not part of a record's name: no offices, Việt Nam's zone.
    let names = Names::new(data, &empty, Vec::new(), 7 * 60);
    records
        .iter()
        .map(|(collection, id)| {
            let unit = (*collection == Collection::Units)
                .then(|| data.units.iter().find(|u| u.meta.id == *id))
                .flatten();
            unit.map(|u| u.name.clone())
                .or_else(|| record_title(data, *collection, id, &names))
                .unwrap_or_else(|| format!("{} không còn trên máy này", collection_name(*collection)))
        })
        .collect()
}

/// Why a server document is not taken: the import's words for what is wrong, without the
/// record's position (a document is alone, not the n-th of a file).
pub fn invalid(e: &ImportError) -> String {
    let mut e = e.clone();
    if let ImportError::Untraced(inner) = e {
        e = *inner;
    }
    match &mut e {
        ImportError::WrongType { at, .. }
        | ImportError::MissingField { at }
        | ImportError::OutOfRange { at, .. }
        | ImportError::BadDate { at, .. }
        | ImportError::BreaksRule { at, .. } => at.index = None,
        _ => {}
    }
    format!(
        "Bản ghi từ máy chủ không hợp lệ, không được nhận: {}",
        import_problem(&e)
    )
}

/// A document whose record names another id than the document's.
pub fn other_id(named: &str) -> String {
    format!(
        "Mã bản ghi trong tài liệu (meta.id = \"{named}\") khác mã trong tên tài liệu, nên không được nhận."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_uses_vietnamese_numbers() {
        assert_eq!(synced_at("14:32"), "Đã đồng bộ lúc 14:32");
        assert_eq!(downloading(12_500, 70_853), "Đang tải về: 12.500/70.853 bản ghi");
        assert_eq!(uploading(500, 3_000), "Đang gửi lên: 500/3.000 thay đổi");
        assert_eq!(offline(3), "Ngoại tuyến: 3 thay đổi chờ gửi");
        assert_eq!(offline(1_204), "Ngoại tuyến: 1.204 thay đổi chờ gửi");
    }

    #[test]
    fn the_cors_message_says_what_the_administrator_sets() {
        let text = problem(
            &ServerProblem::Blocked,
            "http://127.0.0.1:5984/thidua",
            "https://thidua.ldld.hanoi.vn",
        );
        assert!(
            text.starts_with("Trình duyệt đã chặn yêu cầu tới http://127.0.0.1:5984 "),
            "{text}"
        );
        for needed in [
            "enable_cors = true",
            "origins = https://thidua.ldld.hanoi.vn",
            "credentials = true",
            "methods = GET, PUT, POST, HEAD, DELETE",
            "headers = accept, authorization, content-type, origin, referer",
            "reverse proxy",
        ] {
            assert!(text.contains(needed), "{needed}: {text}");
        }
    }

    #[test]
    fn every_problem_names_its_cause() {
        let url = "https://dongbo.ldld.hanoi.vn/thidua";
        assert_eq!(
            problem(&ServerProblem::WrongPassword, url, ""),
            "Sai tên đăng nhập hoặc mật khẩu."
        );
        assert!(problem(&ServerProblem::Unreachable, url, "").contains("https://dongbo.ldld.hanoi.vn:"));
        assert!(problem(&ServerProblem::NotCouchDb, url, "").contains("không phải một cơ sở dữ liệu CouchDB"));
        assert!(problem(&ServerProblem::NoDatabase, url, "")
            .contains("không có cơ sở dữ liệu https://dongbo.ldld.hanoi.vn/thidua"));
        assert!(problem(&ServerProblem::NoRight, url, "").contains("không có quyền"));
        assert!(problem(&ServerProblem::SessionEnded, url, "").contains("nhập lại mật khẩu"));
        let cookie = problem(&ServerProblem::CookieRefused, url, "");
        for needed in [
            "cookie",
            "file://",
            "bên thứ ba",
            "HTTPS",
            "[chttpd_auth] same_site = none",
        ] {
            assert!(cookie.contains(needed), "{needed}: {cookie}");
        }
        assert_eq!(
            problem(
                &ServerProblem::Server {
                    status: 503,
                    reason: "Service unavailable".into()
                },
                url,
                ""
            ),
            "Máy chủ báo lỗi 503 (Service unavailable); ứng dụng sẽ tự thử lại."
        );
    }

    #[test]
    fn a_refusal_names_the_record_and_keeps_it() {
        assert_eq!(
            refused(
                "Đơn vị Công đoàn cơ sở Trường Tiểu học Vật Lại",
                "Bản ghi do đơn vị khác sửa lần cuối (mã X); tài khoản của đơn vị Y chỉ được ghi thay đổi của chính đơn vị mình."
            ),
            "Máy chủ từ chối bản ghi «Đơn vị Công đoàn cơ sở Trường Tiểu học Vật Lại»: Bản ghi do đơn vị khác sửa lần cuối (mã X); tài khoản của đơn vị Y chỉ được ghi thay đổi của chính đơn vị mình. Bản ghi vẫn giữ trên máy này."
        );
    }

    #[test]
    fn records_are_named_as_the_conflict_view_names_them() {
        let stamp = crate::domain::record::Stamp::new("bavi", chrono::DateTime::UNIX_EPOCH);
        let (data, cluster_id) = crate::domain::sample::with_numbered_ids(&stamp);
        let unit = &data.units[0];
        assert_eq!(record_name(&data, Collection::Units, &unit.meta.id), unit.name);
        assert!(record_name(&data, Collection::Clusters, &cluster_id).contains("Cụm thi đua số 4"));
        assert_eq!(
            record_name(&data, Collection::Units, "gone"),
            "Đơn vị không còn trên máy này"
        );
    }
}
