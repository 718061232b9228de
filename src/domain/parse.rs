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
