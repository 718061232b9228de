//! Dates written other than as exports write them ("2023-2-3", "+10000-01-01"): they decode,
//! but no form makes them, so a file holding them was edited by hand and is refused.

use crate::domain::exchange::json_text;
use serde_json::Value;

/// Whether a record's text may hold a date [`loose_date`] refuses. Most records have none, and
/// are not read as a tree at all.
pub(super) fn may_hold_loose_date(text: &str) -> bool {
    json_text::survey(text.as_bytes(), may_be_loose_date).marked
}

/// Whether a string, as written in JSON, may be a date [`loose_date`] refuses, once its escapes
/// are read. A file with no such string is read straight into its records.
pub(super) fn may_be_loose_date(content: &[u8]) -> bool {
    // Asked of each of a city's 2,7 million strings: most start with a letter, which no date
    // does, escaped or not.
    if !content
        .first()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'\\'))
    {
        return false;
    }
    if !content.contains(&b'\\') {
        return is_loose_date(content);
    }
    // Escapes are read as JSON reads them; a string that is not JSON may hold anything.
    std::str::from_utf8(content)
        .ok()
        .and_then(|content| serde_json::from_str::<String>(&format!("\"{content}\"")).ok())
        .is_none_or(|content| is_loose_date(content.as_bytes()))
}

/// A date a form would never write: "2023-2-3", "+10000-01-01" (it reads as a date, but is not
/// `yyyy-mm-dd` with a four-digit year).
fn is_loose_date(b: &[u8]) -> bool {
    let canonical = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let date_like = b.len() <= 16
        && b.first()
            .is_some_and(|c| c.is_ascii_digit() || *c == b'+' || *c == b'-');
    !canonical && date_like && std::str::from_utf8(b).is_ok_and(|s| s.parse::<chrono::NaiveDate>().is_ok())
}

/// The first date written other than as exports write dates (`yyyy-mm-dd`, four-digit year):
/// "2023-2-3" or "+10000-01-01" decode, but no form makes them, so a file holding them was
/// edited by hand. Only text that reads as a date is looked at.
pub(super) fn loose_date(value: &Value) -> Option<(String, String)> {
    // Runs on every record of a city's file: the path is built only for the date it finds.
    match value {
        Value::String(s) => is_loose_date(s.as_bytes()).then(|| (String::new(), s.clone())),
        Value::Object(m) => m.iter().find_map(|(k, v)| {
            let join = |rest: String| match rest.chars().next() {
                None => k.clone(),
                Some('[') => format!("{k}{rest}"),
                Some(_) => format!("{k}.{rest}"),
            };
            loose_date(v).map(|(rest, s)| (join(rest), s))
        }),
        Value::Array(a) => a.iter().enumerate().find_map(|(i, v)| {
            loose_date(v).map(|(rest, s)| {
                (
                    if rest.is_empty() || rest.starts_with('[') {
                        format!("[{i}]{rest}")
                    } else {
                        format!("[{i}].{rest}")
                    },
                    s,
                )
            })
        }),
        _ => None,
    }
}
