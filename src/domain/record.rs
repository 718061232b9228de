//! What every stored record carries besides its content: a stable id, who changed it last and
//! when, a per-office edit counter (so merges can tell "changed here" from "changed there"),
//! and a tombstone flag so that deletions travel between offices too.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A stable random id, made once by the edge (the browser's random source) and never reused.
pub type Id = String;

/// Who is making a change and when: passed into every mutation so the domain stays pure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub office_id: String,
    pub at: DateTime<Utc>,
}

impl Stamp {
    pub fn new(office_id: impl Into<String>, at: DateTime<Utc>) -> Self {
        Self {
            office_id: office_id.into(),
            at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Id,
    /// Office id of the last change.
    pub changed_by: String,
    #[serde(deserialize_with = "change_time::deserialize")]
    pub changed_at: DateTime<Utc>,
    /// Edits counted per office: a version vector. Empty only for records never edited.
    #[serde(default)]
    pub edits: BTreeMap<String, u64>,
    /// A deleted record stays as a tombstone so that the deletion reaches other offices.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// Reads a record's change time as chrono reads it (RFC 3339), with a quick path for the one form
/// the app writes, `2026-11-29T08:00:00Z`: a city's file has 70.000 of them, and chrono's general
/// parser took a tenth of the import. Any other text goes to chrono, which accepts or refuses it
/// with its own message.
mod change_time {
    use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
    use serde::de::{self, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = DateTime<Utc>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                // chrono's own words, which the import's messages classify.
                f.write_str("an RFC 3339 formatted date and time string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                match as_written(text) {
                    Some(time) => Ok(time),
                    None => text
                        .parse::<DateTime<FixedOffset>>()
                        .map(|time| time.with_timezone(&Utc))
                        .map_err(E::custom),
                }
            }
        }
        deserializer.deserialize_str(Visitor)
    }

    /// `yyyy-mm-ddThh:mm:ssZ` naming a real date and time; anything else is chrono's to read.
    pub(super) fn as_written(text: &str) -> Option<DateTime<Utc>> {
        let b = text.as_bytes();
        let shape = b.len() == 20
            && [
                (4, b'-'),
                (7, b'-'),
                (10, b'T'),
                (13, b':'),
                (16, b':'),
                (19, b'Z'),
            ]
            .iter()
            .all(|(i, c)| b[*i] == *c);
        if !shape {
            return None;
        }
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let date = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?;
        let time = NaiveTime::from_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)?;
        Some(date.and_time(time).and_utc())
    }
}

impl Meta {
    pub fn new(id: Id, stamp: &Stamp) -> Self {
        let mut meta = Self {
            id,
            changed_by: stamp.office_id.clone(),
            changed_at: stamp.at,
            edits: BTreeMap::new(),
            deleted: false,
        };
        meta.bump(stamp);
        meta
    }

    /// Records one more edit by `stamp`'s office.
    pub fn touch(&mut self, stamp: &Stamp) {
        self.changed_by = stamp.office_id.clone();
        self.changed_at = stamp.at;
        self.bump(stamp);
    }

    fn bump(&mut self, stamp: &Stamp) {
        *self.edits.entry(stamp.office_id.clone()).or_insert(0) += 1;
    }
}

/// Any record with a [`Meta`]: lets collections share lookups and tombstone handling.
pub trait Record {
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    fn id(&self) -> &str {
        &self.meta().id
    }
    fn is_live(&self) -> bool {
        !self.meta().deleted
    }
}

/// A validation's findings as a result: no errors is `Ok`, so mutations read
/// `record::checked(validate(&draft, …))?;`.
pub fn checked<E>(errors: Vec<E>) -> Result<(), Vec<E>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Implements [`Record`] for a struct with a `meta: Meta` field.
#[macro_export]
macro_rules! impl_record {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::domain::record::Record for $t {
            fn meta(&self) -> &$crate::domain::record::Meta { &self.meta }
            fn meta_mut(&mut self) -> &mut $crate::domain::record::Meta { &mut self.meta }
        }
    )*};
}

/// The live (not deleted) record with this id.
pub fn find<'a, T: Record>(items: &'a [T], id: &str) -> Option<&'a T> {
    items.iter().find(|r| r.is_live() && r.id() == id)
}

/// The live record with this id, for editing.
pub fn find_mut<'a, T: Record>(items: &'a mut [T], id: &str) -> Option<&'a mut T> {
    items.iter_mut().find(|r| r.is_live() && r.id() == id)
}

/// Live records only.
pub fn live<T: Record>(items: &[T]) -> impl Iterator<Item = &T> {
    items.iter().filter(|r| r.is_live())
}

/// Marks a record deleted, keeping it as a tombstone. Returns false when no live record had the id.
/// The record to change or delete no longer exists (deleted in another tab or by an import).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFound;

/// A deletion's outcome as a result, for commits: `record::found(delete(…))`.
pub fn found(deleted: bool) -> Result<(), NotFound> {
    if deleted {
        Ok(())
    } else {
        Err(NotFound)
    }
}

pub fn delete<T: Record>(items: &mut [T], id: &str, stamp: &Stamp) -> bool {
    match find_mut(items, id) {
        Some(r) => {
            r.meta_mut().deleted = true;
            r.meta_mut().touch(stamp);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(office: &str) -> Stamp {
        Stamp::new(office, DateTime::from_timestamp(1_700_000_000, 0).unwrap())
    }

    #[test]
    fn new_record_counts_one_edit_by_its_office() {
        let m = Meta::new("u1".into(), &stamp("ba-vi"));
        assert_eq!(m.edits.get("ba-vi"), Some(&1));
        assert_eq!(m.changed_by, "ba-vi");
    }

    #[test]
    fn touch_counts_edits_per_office() {
        let mut m = Meta::new("u1".into(), &stamp("ba-vi"));
        m.touch(&stamp("quoc-oai"));
        m.touch(&stamp("quoc-oai"));
        assert_eq!(m.edits.get("ba-vi"), Some(&1));
        assert_eq!(m.edits.get("quoc-oai"), Some(&2));
        assert_eq!(m.changed_by, "quoc-oai");
    }

    #[test]
    fn change_times_read_as_chrono_reads_them() {
        let chrono_reads = |text: &str| {
            text.parse::<DateTime<chrono::FixedOffset>>()
                .map(|t| t.with_timezone(&Utc))
        };
        for text in [
            "2026-11-29T08:00:00Z",
            "0000-01-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "2023-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-29T24:00:00Z",
            "2016-12-31T23:59:60Z",
            "2026-11-29t08:00:00z",
            "2026-11-29T08:00:00+07:00",
            "2026-11-29T08:00:00.5Z",
            "2026-1-29T08:00:00Z",
            "+2026-11-29T08:00:0Z",
        ] {
            let json = format!(r#"{{"id": "u1", "changed_by": "ba-vi", "changed_at": "{text}"}}"#);
            let read = serde_json::from_str::<Meta>(&json).map(|m| m.changed_at);
            match chrono_reads(text) {
                Ok(time) => assert_eq!(read.unwrap(), time, "{text}"),
                Err(e) => assert!(
                    read.unwrap_err().to_string().starts_with(&e.to_string()),
                    "{text}"
                ),
            }
        }
        assert!(change_time::as_written("2026-11-29T08:00:00Z").is_some());
        assert!(change_time::as_written("2023-02-29T00:00:00Z").is_none());
        let wrong_type = serde_json::from_str::<Meta>(r#"{"id": "u1", "changed_by": "b", "changed_at": 5}"#);
        assert!(wrong_type
            .unwrap_err()
            .to_string()
            .contains("expected an RFC 3339 formatted date and time string"));
    }
}
