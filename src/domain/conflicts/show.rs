//! Values as the forms show them: points with their tenth (7,0), dates dd/mm/yyyy, counts with
//! thousand dots, blanks said as such.

use crate::domain::format;
use crate::domain::scoring::points::Points;
use chrono::NaiveDate;

/// Said for an empty text.
pub const EMPTY: &str = "(trống)";
/// Said for a date or a figure not given.
pub const NOT_GIVEN: &str = "(chưa ghi)";
/// Said for a list with nothing in it, or a part one version lacks.
pub const NONE: &str = "(không có)";

/// Points with their tenth, so a mark kept as 70 reads 7,0 and never 70.
pub fn points(p: Points) -> String {
    let t = p.tenths();
    format!("{},{}", format::integer(i64::from(t / 10)), t % 10)
}

pub fn text(s: &str) -> String {
    if s.trim().is_empty() {
        EMPTY.to_string()
    } else {
        s.to_string()
    }
}

pub fn date(d: &Option<NaiveDate>) -> String {
    d.map_or_else(|| NOT_GIVEN.to_string(), format::date)
}

pub fn count(n: u64) -> String {
    format::integer(i64::try_from(n).unwrap_or(i64::MAX))
}

pub fn figure(n: &Option<u64>) -> String {
    n.map_or_else(|| NOT_GIVEN.to_string(), count)
}

/// Items joined by "; ", or [`NONE`].
pub fn list(items: Vec<String>) -> String {
    if items.is_empty() {
        NONE.to_string()
    } else {
        items.join("; ")
    }
}

/// The items only one version has: "Chỉ bản này có: a; b", or [`NONE`].
pub fn only_here(items: Vec<String>) -> String {
    if items.is_empty() {
        NONE.to_string()
    } else {
        format!("Chỉ bản này có: {}", items.join("; "))
    }
}

/// A text cut to `max` characters, for names made of long contents.
pub fn cut(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() > max {
        let head: String = s.chars().take(max).collect();
        format!("{}…", head.trim_end())
    } else {
        s.to_string()
    }
}
