//! Every message of the data-sharing screens, in one place so the wording stays consistent.

pub use crate::domain::exchange::wording::{collection_name, count, files_label, import_error, megabytes};
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
    "Chọn một hoặc nhiều tệp .json (hoặc .json.gz, tệp nén) do cơ quan khác gửi, hoặc kéo thả các tệp vào bất kỳ đâu trên trang này; nhiều tệp được xem trước và nhập cùng một lần. \
     Chưa có gì thay đổi cho đến khi bạn bấm \"Xác nhận nhập\".";
pub const GZIP_BROKEN: &str =
    "tệp nén .json.gz bị hỏng hoặc không trọn vẹn nên không giải nén được. Hãy xin cơ quan gửi lại tệp. Dữ liệu trên máy này không thay đổi.";

/// How a refusal of a single file ends; a file among several is listed without it.
pub const UNCHANGED: &str = "Dữ liệu trên máy này không thay đổi.";

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
/// The two sides of a conflict.
pub const LOCAL_SIDE: &str = "Bản của máy này";
pub const INCOMING_SIDE: &str = "Bản trong tệp";
pub const SAME_CONTENT: &str =
    "Hai bản có nội dung giống nhau; chỉ khác nơi sửa và thời điểm sửa. Chọn bản nào cũng được.";
pub const UNDO_BUTTON: &str = "Hoàn tác lần nhập gần nhất";

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

pub const SYNC_TITLE: &str = "Đồng bộ qua máy chủ";
pub const SYNC_HINT: &str = "Các cơ quan cùng dùng một cơ sở dữ liệu CouchDB của liên đoàn: thay đổi trên máy này được gửi lên, \
     thay đổi của nơi khác được tải về, ngay khi có mạng. Khi mất mạng, ứng dụng vẫn làm việc bình thường và gửi sau.";
pub const SYNC_URL: &str = "Địa chỉ cơ sở dữ liệu";
pub const SYNC_NAME: &str = "Tên đăng nhập";
pub const SYNC_PASSWORD: &str = "Mật khẩu";
pub const SYNC_CONNECT: &str = "Kết nối";
pub const SYNC_NOW: &str = "Đồng bộ ngay";
pub const SYNC_DISCONNECT: &str = "Ngắt kết nối";
pub const SYNC_OFF: &str = "Chưa kết nối máy chủ: dữ liệu chỉ nằm trên máy này.";
pub const SYNC_CONNECTING: &str = "Đang kết nối…";
pub const SYNC_PAUSED: &str =
    "Đồng bộ đang tạm dừng (lý do ở thông báo bên dưới); ứng dụng vẫn làm việc bình thường trên máy này.";
pub const SYNC_NO_STORAGE: &str =
    "Trình duyệt không cho mở bộ nhớ dành cho việc đồng bộ nên chưa đồng bộ được; dữ liệu trên máy này vẫn nguyên.";
pub const SYNC_NAME_EMPTY: &str = "Hãy nhập tên đăng nhập.";
pub const SYNC_PASSWORD_EMPTY: &str = "Hãy nhập mật khẩu.";
pub const SYNC_PROGRESS: &str = "Tiến độ đồng bộ";
pub const SYNC_OFFICE_ID: &str = "Mã đơn vị (quản trị máy chủ cần mã này để cấp quyền ghi): ";
pub const SYNC_REFUSED_TITLE: &str = "Bản ghi máy chủ từ chối";
pub const SYNC_SKIPPED_TITLE: &str = "Tài liệu trên máy chủ không nhận được";
pub const SYNC_DISCONNECTED: &str = "Đã ngắt kết nối. Dữ liệu vẫn ở trên máy này.";

/// A local time of day, hh:mm.
pub fn hour_minute(t: DateTime<Utc>) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}
