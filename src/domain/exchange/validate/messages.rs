//! serde_json's and chrono's error messages turned into an [`ImportError`] the UI can put into
//! Vietnamese. This reads library English, which can change on an upgrade: `messages_tests.rs`
//! pins every message shape recognised here, with the exact words the officer then reads.

use super::errors::{At, Expected, ImportError};
use serde_json::Value;

/// A bound of the storage type (4.294.967.295 tenths of a point) means nothing to an officer:
/// only bounds a person could mean are shown.
pub(in crate::domain::exchange) fn bounds_a_person_means(error: ImportError) -> ImportError {
    match error {
        ImportError::OutOfRange { at, value, min, max } => ImportError::OutOfRange {
            at,
            value,
            min,
            max: max.filter(|m| *m < u32::MAX as f64),
        },
        other => other,
    }
}

/// The words between backticks, in order: `a`, `b` → [a, b].
pub(in crate::domain::exchange) fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// What chrono says when a date or time string cannot be read.
const CHRONO_MESSAGES: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

pub(in crate::domain::exchange) fn classify(message: &str, at: At, leaf: Option<Value>) -> ImportError {
    if CHRONO_MESSAGES.contains(&message) {
        let value = match leaf {
            Some(Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => String::new(),
        };
        return ImportError::BadDate { at, value };
    }
    if message.starts_with("missing field ") {
        return ImportError::MissingField { at };
    }
    // A key written twice in one object: no export does that, so the file was edited by hand.
    if let Some(key) = message
        .strip_prefix("duplicate field ")
        .and_then(|rest| backticked(rest).into_iter().next())
    {
        let field = match at.field.as_str() {
            "" => key.clone(),
            base => format!("{base}.{key}"),
        };
        return ImportError::BreaksRule {
            at: At { field, ..at },
            rule: format!("trường \"{key}\" được ghi hai lần; hãy giữ lại một."),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let expected = rest.split_once("expected ").map(|(_, e)| e).unwrap_or("");
        return ImportError::WrongType {
            at,
            expected: Expected::OneOf(backticked(expected)),
        };
    }
    let expected_text = message.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
    if message.starts_with("invalid value: integer ") {
        if let Some((min, max)) = integer_bounds(expected_text) {
            let value = leaf.as_ref().and_then(Value::as_f64).unwrap_or(f64::NAN);
            return ImportError::OutOfRange {
                at,
                value,
                min: Some(min),
                max: Some(max),
            };
        }
    }
    let expected = if expected_text.is_empty() {
        Expected::Other(message.to_string())
    } else {
        expected_from(expected_text)
    };
    ImportError::WrongType { at, expected }
}

fn integer_bounds(type_name: &str) -> Option<(f64, f64)> {
    Some(match type_name {
        "u8" => (0.0, u8::MAX as f64),
        "u16" => (0.0, u16::MAX as f64),
        "u32" => (0.0, u32::MAX as f64),
        "u64" | "usize" => (0.0, u64::MAX as f64),
        "i8" => (i8::MIN as f64, i8::MAX as f64),
        "i16" => (i16::MIN as f64, i16::MAX as f64),
        "i32" => (i32::MIN as f64, i32::MAX as f64),
        "i64" | "isize" => (i64::MIN as f64, i64::MAX as f64),
        _ => return None,
    })
}

fn expected_from(text: &str) -> Expected {
    match text {
        "a string" | "string or map" => Expected::Text,
        "a boolean" => Expected::Boolean,
        "a sequence" => Expected::List,
        "f32" | "f64" => Expected::Number,
        t if integer_bounds(t).is_some() => Expected::WholeNumber,
        t if t.starts_with("struct ") || t == "a map" => Expected::Object,
        t if t.contains("date and time") => Expected::DateTime,
        t if t.contains("date") => Expected::Date,
        t if t.contains('`') => Expected::OneOf(backticked(t)),
        t => Expected::Other(t.to_string()),
    }
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
