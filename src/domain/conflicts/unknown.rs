//! Fields the describers do not know: a field added to a record type before its conflict
//! wording (such as a card's kept result or a dialogue's participants), or one nested inside a
//! known field. Shown under "Dữ liệu khác của bản ghi" by their texts and dates, never as JSON,
//! never with ids, and never dropped silently.

use super::differences::{Differences, Label};
use super::names::Names;
use super::show;
use crate::domain::format;
use serde::Serialize;
use serde_json::{Map, Value};

/// Longest text shown for one unknown field.
const MAX_CHARS: usize = 200;
/// Said when a version has such data but none of it is text.
const SOME_DATA: &str = "có dữ liệu";

/// Adds a difference for every top-level field outside `known` that differs. When nothing at
/// all was found (`found_any` false) but the records still differ somewhere the known fields
/// hide (a field added inside a known one), that difference is added too.
pub fn add<T: Serialize>(
    local: &T,
    incoming: &T,
    known: &[&str],
    found_any: bool,
    names: &Names,
    out: &mut Differences,
) {
    let (Ok(a), Ok(b)) = (serde_json::to_value(local), serde_json::to_value(incoming)) else {
        return;
    };
    let empty = Map::new();
    let a = a.as_object().unwrap_or(&empty);
    let b = b.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    crate::domain::sorting::sort(&mut keys);
    keys.dedup();
    let mut added = false;
    for key in keys {
        if key == "meta" || known.contains(&key.as_str()) {
            continue;
        }
        let (x, y) = (a.get(key), b.get(key));
        if x != y && !(is_empty(x) && is_empty(y)) {
            push(x, y, names, out);
            added = true;
        }
    }
    if !found_any && !added {
        for key in known {
            let (x, y) = (a.get(*key), b.get(*key));
            if x != y {
                let (x, y) = deepest_difference(x, y);
                push(x, y, names, out);
                return;
            }
        }
    }
}

fn push(x: Option<&Value>, y: Option<&Value>, names: &Names, out: &mut Differences) {
    let (mut left, mut right) = (readable(x, names), readable(y, names));
    if left == right {
        // The texts are the same; the difference is in figures that cannot be named here.
        left = format!("{left} (khác bản kia ở các con số)");
        right = format!("{right} (khác bản kia ở các con số)");
    }
    out.push(Label::Other, left, right);
}

fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}

/// Walks down both values while they are objects with one differing key (or lists of the same
/// length with one differing item), so the shown part is as small as the difference.
fn deepest_difference<'v>(
    mut a: Option<&'v Value>,
    mut b: Option<&'v Value>,
) -> (Option<&'v Value>, Option<&'v Value>) {
    loop {
        let next = match (a, b) {
            (Some(Value::Object(x)), Some(Value::Object(y))) => {
                let mut differing = x.keys().chain(y.keys()).filter(|k| x.get(*k) != y.get(*k));
                match (differing.next(), differing.next()) {
                    (Some(k), None) => Some((x.get(k), y.get(k))),
                    _ => None,
                }
            }
            (Some(Value::Array(x)), Some(Value::Array(y))) if x.len() == y.len() => {
                let mut differing = x.iter().zip(y).filter(|(p, q)| p != q);
                match (differing.next(), differing.next()) {
                    (Some((p, q)), None) => Some((Some(p), Some(q))),
                    _ => None,
                }
            }
            _ => None,
        };
        match next {
            Some((x, y)) => (a, b) = (x, y),
            None => return (a, b),
        }
    }
}

/// The texts and dates of a value, in reading order; ids, keys and bare numbers left out.
fn readable(v: Option<&Value>, names: &Names) -> String {
    if is_empty(v) {
        return show::NONE.to_string();
    }
    let mut parts = Vec::new();
    if let Some(v) = v {
        texts(v, names, &mut parts);
    }
    parts.dedup();
    if parts.is_empty() {
        return SOME_DATA.to_string();
    }
    show::cut(&parts.join("; "), MAX_CHARS)
}

fn texts(v: &Value, names: &Names, out: &mut Vec<String>) {
    match v {
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() || names.is_id(s) || looks_like_json(s) {
                return;
            }
            out.push(date_in_words(s).unwrap_or_else(|| s.to_string()));
        }
        Value::Array(items) => items.iter().for_each(|i| texts(i, names, out)),
        Value::Object(fields) => {
            for (key, value) in fields {
                if key != "meta" && !is_id_key(key) {
                    texts(value, names, out);
                }
            }
        }
        Value::Bool(_) | Value::Number(_) | Value::Null => {}
    }
}

/// Keys that hold ids by the file format's convention (`id`, `unit_id`, `member_ids`…).
fn is_id_key(key: &str) -> bool {
    key == "id" || key.ends_with("_id") || key.ends_with("_ids")
}

fn looks_like_json(s: &str) -> bool {
    s.starts_with('{') || s.starts_with('[')
}

/// "2025-05-15" and "2025-05-15T08:00:00Z" as 15/05/2025.
fn date_in_words(s: &str) -> Option<String> {
    let day = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T')) {
        return None;
    }
    if day.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    format::parse_date(day).ok().map(format::date)
}
