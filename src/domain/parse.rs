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

/// What the officer typed, quoted, when it was not what the field takes: `"abc" không phải là
/// số; ` (nothing for a blank field, where "hãy nhập …" says it all).
fn typed_not_a_number(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        String::new()
    } else {
        format!("\"{text}\" không phải là số; ")
    }
}

/// "2024" → 2024.
pub fn year(field: &str, text: &str) -> Result<i32, String> {
    text.trim().parse::<i32>().map_err(|_| {
        format!(
            "{field}: {}hãy nhập năm bằng số, ví dụ 2024.",
            typed_not_a_number(text)
        )
    })
}

/// The message for a count field: "Khám sức khỏe: không được là số âm."
pub fn count_message(field: &str, error: CountError) -> String {
    match error {
        CountError::Negative => format!("{field}: không được là số âm."),
        CountError::NotANumber => format!("{field}: hãy nhập số nguyên, ví dụ 1.450."),
        CountError::TooLarge => format!("{field}: số quá lớn."),
    }
}

/// A whole count typed the vi-VN way (1.450); blank is `None`. Text that is no number is
/// quoted in the message, so the officer sees what was read, not a "missing" number.
pub fn count(field: &str, text: &str) -> Result<Option<u64>, String> {
    format::parse_count(text).map_err(|e| match e {
        CountError::NotANumber => format!(
            "{field}: {}hãy nhập số nguyên, ví dụ 1.450.",
            typed_not_a_number(text)
        ),
        other => count_message(field, other),
    })
}

/// A whole number that must be given and fit `T` (a criterion's points, an area's number).
pub fn required_count<T: TryFrom<u64>>(field: &str, text: &str) -> Result<T, String> {
    match format::parse_count(text) {
        Ok(Some(n)) => T::try_from(n).map_err(|_| count_message(field, CountError::TooLarge)),
        Ok(None) => Err(format!("{field}: hãy nhập số.")),
        Err(CountError::NotANumber) => Err(format!("{field}: \"{}\" không phải là số nguyên.", text.trim())),
        Err(other) => Err(count_message(field, other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_a_number_field_is_quoted_as_not_a_number() {
        assert_eq!(
            count("Số lượt tham dự", "abc"),
            Err("Số lượt tham dự: \"abc\" không phải là số; hãy nhập số nguyên, ví dụ 1.450.".into())
        );
        assert_eq!(
            required_count::<u16>("Điểm tối đa", " abc "),
            Err("Điểm tối đa: \"abc\" không phải là số nguyên.".into())
        );
        assert_eq!(
            year("Năm", "abc"),
            Err("Năm: \"abc\" không phải là số; hãy nhập năm bằng số, ví dụ 2024.".into())
        );
    }

    #[test]
    fn a_blank_number_field_is_missing_not_misread() {
        assert_eq!(count("Số lượt", "  "), Ok(None));
        assert_eq!(
            required_count::<u16>("Điểm tối đa", ""),
            Err("Điểm tối đa: hãy nhập số.".into())
        );
        assert_eq!(
            year("Năm", ""),
            Err("Năm: hãy nhập năm bằng số, ví dụ 2024.".into())
        );
    }

    #[test]
    fn a_required_count_reads_vi_vn_numbers_and_its_size() {
        assert_eq!(required_count::<u16>("Điểm", "1.250"), Ok(1250));
        assert_eq!(required_count::<u8>("Số", "300"), Err("Số: số quá lớn.".into()));
        assert_eq!(
            required_count::<u16>("Điểm", "-3"),
            Err("Điểm: không được là số âm.".into())
        );
    }
}
