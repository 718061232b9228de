//! What this browser knows of the server (kept in the browser, never uploaded): per document the
//! revision the server holds and the record's version vector there, and where the server's
//! feed was last read. What to upload follows from comparing version vectors, not texts: a
//! city's 70.853 records are compared on every save.

use super::document::{parse_doc_id, ServerDoc};
use crate::domain::collections::{each_meta, Collection};
use crate::domain::data::AppData;
use crate::domain::record::Id;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct KnownRev {
    pub rev: String,
    pub edits: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

impl KnownRev {
    /// A version the server holds: its revision and the record's version vector there.
    pub fn held(rev: String, edits: BTreeMap<String, u64>) -> Self {
        KnownRev {
            rev,
            edits,
            refused: None,
        }
    }
}

/// doc_id -> what the server holds as far as we know (its revision and the record's version
/// vector there), or, with `refused`, a local version the server refused (edits = the refused
/// version's; not retried until the record changes again).
pub type Known = std::collections::HashMap<String, KnownRev>;

/// Calls `f` with every record whose version the server does not hold yet: its version vector
/// differs from the known one (or the document is unknown), and it is not the version the
/// server refused. The document id is built in one buffer, not once per record.
fn each_pending(data: &AppData, known: &Known, f: &mut dyn FnMut(Collection, &str)) {
    let mut doc_id = String::new();
    each_meta(data, &mut |c, meta| {
        doc_id.clear();
        doc_id.push_str(c.key());
        doc_id.push(':');
        doc_id.push_str(&meta.id);
        if known.get(doc_id.as_str()).is_none_or(|k| k.edits != meta.edits) {
            f(c, &meta.id);
        }
    });
}

/// Records to upload, in collection order.
pub fn pending(data: &AppData, known: &Known) -> Vec<(Collection, Id)> {
    let mut out = Vec::new();
    each_pending(data, known, &mut |c, id| out.push((c, id.to_string())));
    out
}

/// How many records [`pending`] would list, without listing them.
pub fn pending_count(data: &AppData, known: &Known) -> usize {
    let mut n = 0;
    each_pending(data, known, &mut |_, _| n += 1);
    n
}

/// The documents of `docs` whose record this office changed since the server's revision it
/// knows, with that revision: fetched (`GET <db>/<doc_id>?rev=<rev>`) and given to
/// [`super::absorb::absorb_with_bases`], so that edits of different fields on both sides both
/// survive. One pass over the data for the page.
pub fn bases_wanted(data: &AppData, known: &Known, docs: &[ServerDoc]) -> Vec<(String, String)> {
    let page: HashMap<(Collection, &str), &ServerDoc> = docs
        .iter()
        .filter(|d| !d.deleted)
        .filter_map(|d| parse_doc_id(&d.doc_id).map(|key| (key, d)))
        .collect();
    if page.is_empty() {
        return Vec::new();
    }
    let mut wanted = Vec::new();
    each_meta(data, &mut |c, meta| {
        let Some(doc) = page.get(&(c, meta.id.as_str())) else {
            return;
        };
        let Some(k) = known.get(&doc.doc_id) else {
            return;
        };
        if !k.rev.is_empty() && k.rev != doc.rev && k.edits != meta.edits {
            wanted.push((doc.doc_id.clone(), k.rev.clone()));
        }
    });
    wanted
}

/// Where the server's `_changes` feed was read up to, for one database: a new address starts
/// over from the beginning.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Checkpoint {
    /// The database URL it belongs to.
    pub database: String,
    /// Opaque seq as the server gave it; `"0"` at first.
    pub since: serde_json::Value,
}

impl Checkpoint {
    /// Nothing read yet from `database`.
    pub fn start(database: &str) -> Self {
        Checkpoint {
            database: database.to_string(),
            since: serde_json::Value::String("0".into()),
        }
    }

    /// Where to start reading `database`: here, if this checkpoint is that database's.
    pub fn since_for(&self, database: &str) -> serde_json::Value {
        if self.database == database {
            self.since.clone()
        } else {
            Checkpoint::start(database).since
        }
    }
}

/// Every refused version, by document id, with the server's reason: in collection order,
/// then by id, so the list reads the same on every draw.
pub fn refused_records(known: &Known) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = known
        .iter()
        .filter_map(|(doc_id, k)| k.refused.as_ref().map(|reason| (doc_id.clone(), reason.clone())))
        .collect();
    crate::domain::sorting::sort_by_key(&mut out, |(doc_id, _)| {
        (parse_doc_id(doc_id).map(|(c, _)| c), doc_id.clone())
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Record, Stamp};
    use crate::domain::sample;
    use crate::domain::sync::document::doc_id;
    use chrono::TimeZone;

    fn stamp(office: &str) -> Stamp {
        Stamp::new(
            office,
            chrono::Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
        )
    }

    /// What the server knows after every record of `data` went up.
    fn all_known(data: &AppData) -> Known {
        let mut known = Known::new();
        each_meta(data, &mut |c, m| {
            known.insert(
                doc_id(c, &m.id),
                KnownRev {
                    rev: "1-a".into(),
                    edits: m.edits.clone(),
                    refused: None,
                },
            );
        });
        known
    }

    #[test]
    fn unknown_records_are_pending_then_only_the_changed_ones() {
        let (mut data, _) = sample::with_numbered_ids(&stamp("bavi"));
        let total = crate::domain::collections::count_records(&data);
        assert_eq!(pending_count(&data, &Known::new()), total);
        assert_eq!(pending(&data, &Known::new()).len(), total);

        let known = all_known(&data);
        assert_eq!(pending_count(&data, &known), 0);

        let unit = &mut data.units[3];
        unit.meta.touch(&stamp("bavi"));
        let id = unit.id().to_string();
        assert_eq!(pending(&data, &known), vec![(Collection::Units, id)]);
        assert_eq!(pending_count(&data, &known), 1);
    }

    #[test]
    fn a_refused_version_waits_until_the_record_changes_again() {
        let (mut data, _) = sample::with_numbered_ids(&stamp("bavi"));
        let mut known = all_known(&data);
        data.units[0].meta.touch(&stamp("bavi"));
        let key = doc_id(Collection::Units, data.units[0].id());
        known.insert(
            key.clone(),
            KnownRev {
                rev: "1-a".into(),
                edits: data.units[0].meta.edits.clone(),
                refused: Some("Không được sửa.".into()),
            },
        );
        assert_eq!(pending_count(&data, &known), 0);
        assert_eq!(
            refused_records(&known),
            vec![(key, "Không được sửa.".to_string())]
        );

        data.units[0].meta.touch(&stamp("bavi"));
        assert_eq!(
            pending_count(&data, &known),
            1,
            "edited after the refusal: tried again"
        );
    }

    #[test]
    fn refused_records_read_in_collection_order() {
        let mut known = Known::new();
        for doc in ["scorecards:b", "units:z", "scorecards:a"] {
            known.insert(
                doc.into(),
                KnownRev {
                    refused: Some(format!("lý do {doc}")),
                    ..KnownRev::default()
                },
            );
        }
        known.insert("units:ok".into(), KnownRev::default());
        let order: Vec<String> = refused_records(&known).into_iter().map(|(d, _)| d).collect();
        assert_eq!(order, ["units:z", "scorecards:a", "scorecards:b"]);
    }

    #[test]
    fn bookkeeping_is_kept_as_json() {
        let checkpoint = Checkpoint {
            database: "https://dongbo.ldld.hanoi.vn/thidua".into(),
            since: serde_json::json!("70853-g1AAAAFreJzLYWBg"),
        };
        let text = serde_json::to_string(&checkpoint).unwrap();
        assert_eq!(serde_json::from_str::<Checkpoint>(&text).unwrap(), checkpoint);
        assert_eq!(
            Checkpoint::start("http://127.0.0.1:5984/thidua").since,
            serde_json::json!("0")
        );
        assert_eq!(
            checkpoint.since_for("https://dongbo.ldld.hanoi.vn/thidua"),
            checkpoint.since
        );
        assert_eq!(
            checkpoint.since_for("http://other/thidua"),
            serde_json::json!("0")
        );

        let known = KnownRev {
            rev: "2-b".into(),
            edits: [("bavi".to_string(), 3)].into(),
            refused: None,
        };
        let text = serde_json::to_string(&known).unwrap();
        assert_eq!(text, r#"{"rev":"2-b","edits":{"bavi":3}}"#);
        assert_eq!(serde_json::from_str::<KnownRev>(&text).unwrap(), known);
    }
}
