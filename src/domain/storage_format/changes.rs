//! Which records a change wrote, without copying or re-encoding the rest: every domain command
//! stamps the records it touches (their `Meta`), so a commit's change set is the records that
//! carry its stamp. Bulk changes (an import) compare against the data they replaced.

use super::{key, parse_key, StoredRecord};
use crate::domain::collections::{self as coll, Collection};
use crate::domain::data::AppData;
use crate::domain::record::{Id, Stamp};
use std::collections::HashSet;

/// The records changed by one commit: those carrying its stamp. The store makes every
/// commit's stamp unique to it, so no earlier change is written again.
pub fn stamped(data: &AppData, stamp: &Stamp) -> Vec<StoredRecord> {
    coll::stored_where(data, &mut |m| {
        m.changed_at == stamp.at && m.changed_by == stamp.office_id
    })
}

/// The records of `new` that are new or differ from `old` (a merge keeps the stamps of the
/// office that made each record, so an import's change set is found by comparison).
pub fn changed_by(old: &AppData, new: &AppData) -> Vec<StoredRecord> {
    coll::stored_changed(old, new)
}

/// The records `names` lists (a page of the server's documents merged in: the merge keeps the
/// stamps of the offices that made each record, so the merge itself says which it changed).
/// Names of records `data` does not hold are passed over.
pub fn named(data: &AppData, names: &[(Collection, Id)]) -> Vec<StoredRecord> {
    let ids: HashSet<&str> = names.iter().map(|(_, id)| id.as_str()).collect();
    let keys: HashSet<String> = names.iter().map(|(c, id)| key(*c, id)).collect();
    let mut out = coll::stored_where(data, &mut |m| ids.contains(m.id.as_str()));
    // The same id in two collections is not excluded by the ids alone.
    out.retain(|r| keys.contains(&r.key));
    out
}

/// Every record: the first move into record storage.
pub fn whole(data: &AppData) -> Vec<StoredRecord> {
    coll::stored_where(data, &mut |_| true)
}

/// Why a stored record could not be put into memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
}

/// Puts a record read from storage into memory (another tab's change, or the stored version
/// brought back after a failed write). `None`: storage does not hold the key, so memory must not
/// either. Gives the collection that changed.
pub fn apply_stored(data: &mut AppData, key: &str, json: Option<&str>) -> Result<Collection, Unreadable> {
    let unreadable = || Unreadable { key: key.to_string() };
    let (collection, id) = parse_key(key).ok_or_else(unreadable)?;
    coll::put_stored(data, collection, id, json).map_err(|_| unreadable())?;
    Ok(collection)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Record, Stamp};
    use crate::domain::units::{self, UnitDraft, UnitKind};
    use chrono::{TimeZone, Utc};

    fn stamp(second: u32) -> Stamp {
        Stamp::new(
            "office-1",
            Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, second).unwrap(),
        )
    }

    fn draft(name: &str) -> UnitDraft {
        UnitDraft {
            name: name.into(),
            short_name: String::new(),
            kind: UnitKind::Grassroots,
            parent_id: None,
            active_from: None,
            active_to: None,
        }
    }

    fn two_units() -> AppData {
        let mut data = AppData::default();
        units::add(
            &mut data.units,
            "u1".into(),
            draft("CĐCS Công ty May 10"),
            &stamp(1),
        )
        .unwrap();
        units::add(
            &mut data.units,
            "u2".into(),
            draft("CĐCS Bệnh viện Đống Đa"),
            &stamp(2),
        )
        .unwrap();
        data
    }

    #[test]
    fn a_change_writes_only_the_records_it_stamped() {
        let mut data = two_units();
        units::update(
            &mut data.units,
            "u1",
            draft("CĐCS Tổng công ty May 10"),
            &stamp(3),
        )
        .unwrap();
        let written = stamped(&data, &stamp(3));
        assert_eq!(written.len(), 1);
        assert_eq!(written[0].key, "units/u1");
        assert_eq!(written[0].order, 0);
        assert!(written[0].json.contains("Tổng công ty May 10"));
    }

    #[test]
    fn a_merge_writes_exactly_the_records_it_names() {
        let data = two_units();
        let written = named(
            &data,
            &[
                (Collection::Units, "u2".to_string()),
                (Collection::Clusters, "u1".to_string()),
                (Collection::Units, "gone".to_string()),
            ],
        );
        let keys: Vec<_> = written.iter().map(|r| (r.key.as_str(), r.order)).collect();
        assert_eq!(keys, vec![("units/u2", 1)]);
    }

    #[test]
    fn a_bulk_change_writes_new_and_changed_records_only() {
        let old = two_units();
        let mut new = old.clone();
        units::update(
            &mut new.units,
            "u2",
            draft("CĐCS Bệnh viện Thanh Nhàn"),
            &stamp(4),
        )
        .unwrap();
        units::add(
            &mut new.units,
            "u3".into(),
            draft("CĐCS Trường THPT Chu Văn An"),
            &stamp(4),
        )
        .unwrap();
        let keys: Vec<_> = changed_by(&old, &new)
            .into_iter()
            .map(|r| (r.key, r.order))
            .collect();
        assert_eq!(
            keys,
            vec![("units/u2".to_string(), 1), ("units/u3".to_string(), 2)]
        );
        assert_eq!(whole(&new).len(), 3);
    }

    #[test]
    fn stored_records_replace_append_and_take_out_records_in_memory() {
        let mut data = two_units();
        let mut other = data.clone();
        units::add(
            &mut other.units,
            "u3".into(),
            draft("CĐCS Xí nghiệp 1"),
            &stamp(5),
        )
        .unwrap();
        let new_record = stamped(&other, &stamp(5)).remove(0);

        assert_eq!(
            apply_stored(&mut data, &new_record.key, Some(&new_record.json)),
            Ok(Collection::Units)
        );
        assert_eq!(data.units, other.units);

        units::update(&mut other.units, "u1", draft("CĐCS May 10"), &stamp(6)).unwrap();
        let changed = stamped(&other, &stamp(6)).remove(0);
        apply_stored(&mut data, &changed.key, Some(&changed.json)).unwrap();
        assert_eq!(data.units[0].name, "CĐCS May 10");

        apply_stored(&mut data, "units/u3", None).unwrap();
        assert_eq!(
            data.units.iter().map(|u| u.id()).collect::<Vec<_>>(),
            ["u1", "u2"]
        );
    }

    #[test]
    fn a_record_that_does_not_decode_is_named_by_its_key() {
        let mut data = two_units();
        let before = data.clone();
        assert_eq!(
            apply_stored(&mut data, "units/u1", Some("{\"name\": 3}")),
            Err(Unreadable {
                key: "units/u1".into()
            })
        );
        assert_eq!(
            apply_stored(&mut data, "khac/u1", Some("{}")).unwrap_err().key,
            "khac/u1"
        );
        assert_eq!(data, before);
    }
}
