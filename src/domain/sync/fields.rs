//! Edits of different fields of one record on two offices both survive. The exchange's merge
//! keeps one version whole (the later edit), which drops the other office's edit of another
//! field without a word. Live sync can do better: the server still holds the version this
//! office last had from it (the base), so a record edited on both sides is merged field by
//! field, three ways: a field takes the side that changed it since the base; a field both
//! changed takes the later change (then the larger office id, then the larger value), the
//! same rule on every office, so all end with the same record.
//!
//! The merged record differs from both versions, so it counts as a new edit of this office
//! ([`Meta::touch`], as an import's override does): its version vector then dominates both, and
//! the other office takes it whole when it comes back, instead of merging again.

use crate::domain::exchange::merge::{compare, join, Causality};
use crate::domain::record::{Meta, Stamp};
use serde_json::{Map, Value};
use std::cmp::Ordering;

fn meta_of(record: &Map<String, Value>) -> Option<Meta> {
    serde_json::from_value(record.get("meta")?.clone()).ok()
}

/// `local` and `incoming` (record JSON as an export file writes it) merged field by field
/// from `base`; `None` when that does not apply: the two are not concurrent edits, or one is
/// a deletion (a deletion wins whole, as in the exchange's merge).
pub fn merge_fields(base: &Value, local: &Value, incoming: &Value, stamp: &Stamp) -> Option<Value> {
    let (Value::Object(base), Value::Object(local), Value::Object(incoming)) = (base, local, incoming) else {
        return None;
    };
    let (mine, theirs) = (meta_of(local)?, meta_of(incoming)?);
    if mine.deleted || theirs.deleted || compare(&mine.edits, &theirs.edits) != Causality::Concurrent {
        return None;
    }
    let incoming_later = (theirs.changed_at, &theirs.changed_by).cmp(&(mine.changed_at, &mine.changed_by));
    let mut merged = Map::new();
    for key in local.keys().chain(incoming.keys()) {
        if key == "meta" || merged.contains_key(key) {
            continue;
        }
        let (l, i, b) = (local.get(key), incoming.get(key), base.get(key));
        let kept = if l == i || i == b {
            l
        } else if l == b {
            i
        } else {
            // Both changed it: the later change, the same on every office.
            let take_incoming = match incoming_later {
                Ordering::Greater => true,
                Ordering::Less => false,
                Ordering::Equal => i.map(Value::to_string) > l.map(Value::to_string),
            };
            if take_incoming {
                i
            } else {
                l
            }
        };
        if let Some(value) = kept {
            merged.insert(key.clone(), value.clone());
        }
    }
    let same_fields = |record: &Map<String, Value>| {
        record.len() == merged.len() + 1 && merged.iter().all(|(k, v)| record.get(k) == Some(v))
    };
    let edits = join(&mine.edits, &theirs.edits);
    let meta = if same_fields(local) {
        Meta { edits, ..mine }
    } else if same_fields(incoming) {
        Meta { edits, ..theirs }
    } else {
        // A version neither office had: a new edit of this one, never earlier than either.
        let at = stamp.at.max(mine.changed_at).max(theirs.changed_at);
        let mut meta = Meta { edits, ..mine };
        meta.touch(&Stamp::new(stamp.office_id.clone(), at));
        meta
    };
    merged.insert("meta".into(), serde_json::to_value(meta).ok()?);
    Some(Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use serde_json::json;

    fn record(name: &str, short: &str, by: &str, day: u32, edits: Value) -> Value {
        json!({
            "meta": {"id": "u1", "changed_by": by, "changed_at": format!("2026-12-{day:02}T08:00:00Z"), "edits": edits},
            "name": name, "short_name": short
        })
    }

    fn stamp(office: &str, day: u32) -> Stamp {
        Stamp::new(office, Utc.with_ymd_and_hms(2026, 12, day, 8, 0, 0).unwrap())
    }

    #[test]
    fn edits_of_different_fields_both_survive_and_both_offices_agree() {
        let base = record("LĐLĐ huyện Ba Vì", "", "bavi", 1, json!({"bavi": 1}));
        let here = record("LĐLĐ huyện Ba Vì", "Ba Vì", "bavi", 2, json!({"bavi": 2}));
        let there = record(
            "Liên đoàn Lao động huyện Ba Vì",
            "",
            "son-tay",
            3,
            json!({"bavi": 1, "son-tay": 1}),
        );
        let merged_here = merge_fields(&base, &here, &there, &stamp("bavi", 4)).unwrap();
        assert_eq!(merged_here["name"], "Liên đoàn Lao động huyện Ba Vì");
        assert_eq!(merged_here["short_name"], "Ba Vì");
        assert_eq!(merged_here["meta"]["edits"], json!({"bavi": 3, "son-tay": 1}));
        assert_eq!(merged_here["meta"]["changed_by"], "bavi");
        // The other office, merging the other way round, keeps the same fields.
        let merged_there = merge_fields(&base, &there, &here, &stamp("son-tay", 4)).unwrap();
        assert_eq!(merged_there["name"], merged_here["name"]);
        assert_eq!(merged_there["short_name"], merged_here["short_name"]);
    }

    #[test]
    fn a_field_both_changed_takes_the_later_change() {
        let base = record("A", "", "bavi", 1, json!({"bavi": 1}));
        let here = record("B", "", "bavi", 2, json!({"bavi": 2}));
        let there = record("C", "", "son-tay", 3, json!({"bavi": 1, "son-tay": 1}));
        let merged = merge_fields(&base, &here, &there, &stamp("bavi", 4)).unwrap();
        assert_eq!(merged["name"], "C");
        // That is the other version whole: its own meta, vectors joined, no new edit.
        assert_eq!(merged["meta"]["changed_by"], "son-tay");
        assert_eq!(merged["meta"]["edits"], json!({"bavi": 2, "son-tay": 1}));
    }

    #[test]
    fn newer_versions_and_deletions_are_not_merged_by_field() {
        let base = record("A", "", "bavi", 1, json!({"bavi": 1}));
        let newer = record("B", "", "bavi", 2, json!({"bavi": 2}));
        assert_eq!(merge_fields(&base, &base, &newer, &stamp("bavi", 3)), None);
        let mut gone = record("A", "", "son-tay", 2, json!({"bavi": 1, "son-tay": 1}));
        gone["meta"]["deleted"] = json!(true);
        assert_eq!(merge_fields(&base, &newer, &gone, &stamp("bavi", 3)), None);
    }
}
