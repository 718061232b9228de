//! Attendances (lượt người tham dự) as typed into a form: whole, non-negative numbers, with or
//! without the vi-VN thousands dot ("1.250").

use crate::domain::format::{parse_count, CountError};

/// Why a typed attendance count was refused: the shared count errors.
pub type AttendanceError = CountError;

/// Parses an attendance count. Blank means none recorded (0); "1.250" and "1 250" mean 1250.
///
/// ```
/// use thidua::domain::dialogues::attendance::{parse_attendances, AttendanceError};
/// assert_eq!(parse_attendances("1.250"), Ok(1250));
/// assert_eq!(parse_attendances("-5"), Err(AttendanceError::Negative));
/// ```
pub fn parse_attendances(text: &str) -> Result<u32, AttendanceError> {
    let n = parse_count(text)?.unwrap_or(0);
    u32::try_from(n).map_err(|_| CountError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_and_grouped_counts() {
        assert_eq!(parse_attendances("300"), Ok(300));
        assert_eq!(parse_attendances(" 1.250 "), Ok(1250));
        assert_eq!(parse_attendances("1 250"), Ok(1250));
        assert_eq!(parse_attendances("+12"), Ok(12));
        assert_eq!(parse_attendances("0"), Ok(0));
    }

    #[test]
    fn blank_means_none_recorded() {
        assert_eq!(parse_attendances("   "), Ok(0));
    }

    #[test]
    fn negatives_are_refused() {
        assert_eq!(parse_attendances("-1"), Err(AttendanceError::Negative));
        assert_eq!(parse_attendances("- 300"), Err(AttendanceError::Negative));
        assert_eq!(parse_attendances("−300"), Err(AttendanceError::Negative));
    }

    #[test]
    fn words_decimals_and_bad_grouping_are_not_numbers() {
        for bad in [
            "ba trăm", "12,5", "1.25", "1..250", ".250", "12a", "-", "+", "1.2345",
        ] {
            assert_eq!(parse_attendances(bad), Err(AttendanceError::NotANumber), "{bad}");
        }
    }

    #[test]
    fn overflow_is_too_large() {
        assert_eq!(parse_attendances("99999999999"), Err(AttendanceError::TooLarge));
    }
}
