//! The field inside a record that does not decode (`meta.changed_at`, `rows[3].score`; for a
//! missing field, the object that lacks it with the field's name), found by decoding the record
//! once more through `serde_path_to_error`. Records that read never come here.
//!
//! Native builds and the office module have it; the app's start bundle does not (see
//! [`ImportError::Untraced`]).

use super::validate::{backticked, bounds_a_person_means, classify, At, ImportError};
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::Segment;

/// The classified error of a record that failed to decode, with its field in `at.field`;
/// `None` if its tree decodes (a key written twice fails in the text, not in the tree).
pub(super) fn traced<T: DeserializeOwned>(value: &Value, at: At) -> Option<ImportError> {
    let error = serde_path_to_error::deserialize::<_, T>(value).err()?;
    let message = error.inner().to_string();
    let mut path: Vec<Seg> = error
        .path()
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect();
    if let Some(key) = backticked(message.strip_prefix("missing field ").unwrap_or("")).first() {
        path.push(Seg::Key(key.clone()));
    }
    let leaf = node(value, &path).cloned();
    let at = At {
        field: join_path(&at.field, &path),
        ..at
    };
    Some(bounds_a_person_means(classify(&message, at, leaf)))
}

#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

fn join_path(base: &str, path: &[Seg]) -> String {
    let mut out = base.to_string();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn node<'a>(root: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(root, |v, seg| match seg {
        Seg::Key(k) => v.get(k.as_str()),
        Seg::Index(i) => v.get(*i),
    })
}
