//! vi-VN conventions: `.` groups thousands, `,` is the decimal mark, dates are dd/mm/yyyy.

use chrono::{Datelike, NaiveDate};

/// 44579 → "44.579"; -1234 → "-1.234".
pub fn integer(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// Rounds to at most `max_decimals` and drops trailing zeros: 192.70 → "192,7"; 121.0 → "121";
/// 1450.5 → "1.450,5".
pub fn decimal(x: f64, max_decimals: u32) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let scale = 10f64.powi(max_decimals as i32);
    let scaled = (x.abs() * scale).round() as u64;
    let whole = scaled / scale as u64;
    let mut frac = scaled % scale as u64;
    let mut places = max_decimals;
    while places > 0 && frac.is_multiple_of(10) {
        frac /= 10;
        places -= 1;
    }
    let sign = if x < 0.0 && scaled != 0 { "-" } else { "" };
    let mut out = format!("{sign}{}", integer(whole as i64));
    if places > 0 {
        out.push(',');
        out.push_str(&format!("{frac:0width$}", width = places as usize));
    }
    out
}

/// A percentage already multiplied by 100, one decimal: 192.7 → "192,7%".
pub fn percent(p: f64) -> String {
    format!("{}%", decimal(p, 1))
}

/// `actual / target` as a percentage; `None` when there is no target to compare with.
pub fn rate(actual: f64, target: f64) -> Option<f64> {
    (target > 0.0).then(|| actual / target * 100.0)
}

/// "14/05/2024". Written out rather than through chrono's `format`, whose formatting machinery
/// would otherwise be in the wasm for this alone.
pub fn date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// "2024-05-14", as file names carry dates so that they sort.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Report header date: "ngày 14 tháng 5 năm 2024".
pub fn date_long(d: NaiveDate) -> String {
    format!("ngày {} tháng {} năm {}", d.day(), d.month(), d.year())
}

/// Why a typed date was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in the form dd/mm/yyyy.
    Format,
    /// Well-formed but not on the calendar, such as 30/02/2024.
    NoSuchDay,
}

/// Accepts "dd/mm/yyyy" (also d/m/yyyy) as officers type it, and "yyyy-mm-dd" as date inputs and
/// files carry it.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    let (d, m, y) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-').ok_or(DateError::Format)?;
        (d, m, y)
    } else {
        let mut parts = text.split('/');
        let (d, m, y) = (parts.next(), parts.next(), parts.next());
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        (
            d.ok_or(DateError::Format)?,
            m.ok_or(DateError::Format)?,
            y.ok_or(DateError::Format)?,
        )
    };
    let num = |s: &str, max_len: usize| -> Result<u32, DateError> {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        s.parse().map_err(|_| DateError::Format)
    };
    let (d, m) = (num(d, 2)?, num(m, 2)?);
    if y.len() != 4 {
        return Err(DateError::Format);
    }
    let y = num(y, 4)? as i32;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::NoSuchDay)
}

/// Why a typed whole number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    /// A minus sign: counts cannot be negative.
    Negative,
    /// Not a whole number ("ba trăm", "12,5", "1.25").
    NotANumber,
    /// More than the counter can hold.
    TooLarge,
}

/// Parses a count as officers type it: "1.250", "1 250" and "1250" are 1250; blank is `None`
/// (not reported, which is not the same as zero).
pub fn parse_count(text: &str) -> Result<Option<u64>, CountError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = text.strip_prefix(['-', '−']) {
        return if rest.trim().chars().any(|c| c.is_ascii_digit()) {
            Err(CountError::Negative)
        } else {
            Err(CountError::NotANumber)
        };
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    let groups: Vec<&str> = text.split(['.', ' ', '\u{a0}']).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !well_grouped || groups.iter().any(|g| !g.chars().all(|c| c.is_ascii_digit())) {
        return Err(CountError::NotANumber);
    }
    let digits: String = groups.concat();
    if digits.is_empty() {
        return Err(CountError::NotANumber);
    }
    digits.parse::<u64>().map(Some).map_err(|_| CountError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(1450), "1.450");
        assert_eq!(integer(44579), "44.579");
        assert_eq!(integer(629022), "629.022");
        assert_eq!(integer(6349), "6.349");
        assert_eq!(integer(1_000_000), "1.000.000");
        assert_eq!(integer(-1234), "-1.234");
    }

    #[test]
    fn decimals_use_comma_and_drop_trailing_zeros() {
        assert_eq!(decimal(192.7, 1), "192,7");
        assert_eq!(decimal(121.0, 1), "121");
        assert_eq!(decimal(1450.25, 2), "1.450,25");
        assert_eq!(decimal(57.349, 1), "57,3");
        assert_eq!(decimal(0.05, 1), "0,1");
        assert_eq!(decimal(-2.5, 1), "-2,5");
        assert_eq!(decimal(-0.01, 1), "0");
        assert_eq!(decimal(f64::NAN, 1), "—");
    }

    #[test]
    fn percentages_as_in_the_cluster_report() {
        assert_eq!(percent(192.7), "192,7%");
        assert_eq!(percent(333.333), "333,3%");
        assert_eq!(percent(100.0), "100%");
        assert_eq!(rate(1927.0, 1000.0).map(percent), Some("192,7%".into()));
        assert_eq!(rate(5.0, 0.0), None);
    }

    #[test]
    fn dates_day_first() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 14).unwrap();
        assert_eq!(date(d), "14/05/2024");
        assert_eq!(date_long(d), "ngày 14 tháng 5 năm 2024");
    }

    #[test]
    fn parses_typed_and_iso_dates() {
        let d = NaiveDate::from_ymd_opt(2020, 7, 28).unwrap();
        assert_eq!(parse_date("28/07/2020"), Ok(d));
        assert_eq!(parse_date("28/7/2020"), Ok(d));
        assert_eq!(parse_date(" 2020-07-28 "), Ok(d));
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert_eq!(parse_date("30/02/2024"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::NoSuchDay));
        assert!(parse_date("29/02/2024").is_ok());
        assert_eq!(parse_date("2024-13-01"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn parses_counts_with_thousand_dots() {
        assert_eq!(parse_count("44.579"), Ok(Some(44579)));
        assert_eq!(parse_count(" 1 450 "), Ok(Some(1450)));
        assert_eq!(parse_count("0"), Ok(Some(0)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("-3"), Err(CountError::Negative));
        assert_eq!(parse_count("12,5"), Err(CountError::NotANumber));
        assert_eq!(parse_count("1.25"), Err(CountError::NotANumber));
        assert_eq!(parse_count("ba trăm"), Err(CountError::NotANumber));
        assert_eq!(parse_count("99999999999999999999999"), Err(CountError::TooLarge));
    }

    #[test]
    fn refuses_malformed_dates() {
        for bad in ["", "28-07", "28/07/20", "a/b/cccc", "28/07/2020/1", "28.07.2020"] {
            assert_eq!(parse_date(bad), Err(DateError::Format), "{bad}");
        }
    }
}
