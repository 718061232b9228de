//! Typed text into values, with the one Vietnamese message per kind of mistake, naming the
//! field: every form's dates, years and counts go through here, and so do spreadsheet cells.

use crate::domain::format::{self, CountError, DateError};
use chrono::NaiveDate;

/// The message for a date field: "Ngày ký: hãy nhập theo dạng dd/mm/yyyy…".
fn date_message(field: &str, error: &DateError) -> String {
    match error {
        DateError::Format => format!("{field}: hãy nhập theo dạng dd/mm/yyyy, ví dụ 14/05/2024."),
        DateError::NoSuchDay => format!("{field}: ngày này không có trên lịch."),
    }
}

/// A required dd/mm/yyyy date.
pub fn date(field: &str, text: &str) -> Result<NaiveDate, String> {
    format::parse_date(text).map_err(|e| date_message(field, &e))
}

/// A dd/mm/yyyy date where blank means "not given".
pub fn optional_date(field: &str, text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    date(field, text).map(Some)
}

/// A date in a spreadsheet cell ("14/05/2024", or "2024-05-14" from a date cell); blank is
/// `None`. The message quotes the cell, since the row and column are said beside it.
pub fn cell_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    format::parse_date(text).map(Some).map_err(|e| match e {
        DateError::Format => {
            format!("\"{text}\" không đọc được là ngày; hãy ghi theo dạng dd/mm/yyyy, ví dụ 14/05/2024.")
        }
        DateError::NoSuchDay => format!("ngày \"{text}\" không có trên lịch."),
    })
}

/// "2024" → 2024.
pub fn year(field: &str, text: &str) -> Result<i32, String> {
    text.trim()
        .parse::<i32>()
        .map_err(|_| format!("{field}: hãy nhập năm bằng số, ví dụ 2024."))
}

/// The message for a count field: "Khám sức khỏe: không được là số âm."
pub fn count_message(field: &str, error: CountError) -> String {
    match error {
        CountError::Negative => format!("{field}: không được là số âm."),
        CountError::NotANumber => format!("{field}: hãy nhập số nguyên, ví dụ 1.450."),
        CountError::TooLarge => format!("{field}: số quá lớn."),
    }
}

/// A whole count typed the vi-VN way (1.450); blank is `None`.
pub fn count(field: &str, text: &str) -> Result<Option<u64>, String> {
    format::parse_count(text).map_err(|e| count_message(field, e))
}
