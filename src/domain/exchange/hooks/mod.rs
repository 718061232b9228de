//! Import checks beyond the types: each exchanged collection's [`Hooks`], one file per
//! collection, named in the `collections!` list of [`collections`](crate::domain::collections).
//!
//! [`Hooks::references`] lists a record's links to other records (checked against the ids of
//! the file and of local data); [`Hooks::ranges`] lists its values outside their allowed range,
//! and may consult other records through a [`Lookup`] (a scorecard's score against its
//! template's maximum).

use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::dialogues::Dialogue;
use crate::domain::units::Unit;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::collections::HashMap;

pub mod clusters;
pub mod dialogues;
pub mod indicators;
pub mod programmes;
pub mod proposals;
pub mod reviews;
pub mod scorecards;
pub mod templates;
#[cfg(test)]
mod tests;
pub mod units;

/// A reference from one record to another, declared by a collection's [`Hooks`]: checked on
/// import so that a file never brings in a dangling link.
/// Borrowed from the record: a city's file declares about 100.000 of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    /// Field path in the referring record, e.g. `parent_id` or `member_ids[2]`.
    pub field: Cow<'static, str>,
    pub target: Collection,
    pub target_id: &'a str,
}

impl<'a> Reference<'a> {
    pub fn new(field: impl Into<Cow<'static, str>>, target: Collection, target_id: &'a str) -> Self {
        Reference {
            field: field.into(),
            target,
            target_id,
        }
    }
}

/// A value outside its allowed range, reported by a collection's [`Hooks::ranges`]. Values are
/// in the unit the app shows (points, not the tenths a file stores them in). A date is the
/// number `yyyymmdd` (2024-05-13 is 20240513, see [`date_value`]), so that bounds compare and
/// read as dates. A text that is not one of the allowed values (a review's result for an area
/// its programme does not have) has the value NaN and no bounds.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeIssue {
    /// Field path in the record, e.g. `year` or `entries.I.1.self_mark.points`.
    pub field: String,
    pub value: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// Records a range check may consult besides the one checked: those of the incoming file,
/// then those of this office.
#[derive(Clone, Debug)]
pub struct Lookup<'a> {
    pub incoming: &'a AppData,
    pub local: &'a AppData,
    /// Every proposal looks up its dialogue: by id, not by a search of thousands of dialogues.
    dialogues: HashMap<&'a str, &'a Dialogue>,
    /// This office's own copy of each dialogue, for the signed-minutes lock.
    local_dialogues: HashMap<&'a str, &'a Dialogue>,
    /// Every live unit by id (the file's copy first): its parent, to find loops of parents
    /// across both, and its active period, for the records it organises.
    units: HashMap<&'a str, &'a Unit>,
}

impl<'a> Lookup<'a> {
    pub fn new(incoming: &'a AppData, local: &'a AppData) -> Self {
        // The file's copy wins, as in [`Lookup::find`]: inserted last.
        let dialogues = [local, incoming]
            .into_iter()
            .flat_map(|d| d.dialogues.iter().filter(|x| !x.meta.deleted))
            .map(|d| (d.meta.id.as_str(), d))
            .collect();
        let local_dialogues = local
            .dialogues
            .iter()
            .filter(|x| !x.meta.deleted)
            .map(|d| (d.meta.id.as_str(), d))
            .collect();
        let units = [local, incoming]
            .into_iter()
            .flat_map(|d| d.units.iter().filter(|u| !u.meta.deleted))
            .map(|u| (u.meta.id.as_str(), u))
            .collect();
        Lookup {
            incoming,
            local,
            dialogues,
            local_dialogues,
            units,
        }
    }

    /// A unit's parent, from the file, else from local data.
    pub fn parent_of(&self, unit_id: &str) -> Option<String> {
        self.units.get(unit_id).and_then(|u| u.parent_id.clone())
    }

    /// How many units the lookup knows (the longest possible chain of parents).
    pub fn unit_count(&self) -> usize {
        self.units.len()
    }

    /// A live unit by id, from the file, else from local data.
    pub fn unit(&self, id: &str) -> Option<&'a Unit> {
        self.units.get(id).copied()
    }

    /// This office's live copy of a dialogue.
    pub fn local_dialogue(&self, id: &str) -> Option<&'a Dialogue> {
        self.local_dialogues.get(id).copied()
    }

    /// A dialogue by id, from the file, else from local data.
    pub fn dialogue(&self, id: &str) -> Option<&'a Dialogue> {
        self.dialogues.get(id).copied()
    }

    /// What `find` gives in the file, else in local data. The file comes first: its copy is
    /// the one its records were made with.
    pub fn find<R: ?Sized>(&self, find: impl Fn(&'a AppData) -> Option<&'a R>) -> Option<&'a R> {
        find(self.incoming).or_else(|| find(self.local))
    }
}

/// Per-collection checks run on every live incoming record after it decoded.
pub struct Hooks<T> {
    /// Links to other records (any collection) that must exist in the file or locally.
    pub references: fn(&T) -> Vec<Reference<'_>>,
    /// Values outside their allowed range (a year of 20233, a score above its maximum …).
    pub ranges: fn(&T, &Lookup<'_>) -> Vec<RangeIssue>,
    /// The rules the record's form enforces (the same domain functions), broken: the field
    /// and the form's own message.
    pub rules: fn(&T, &Lookup<'_>) -> Vec<RuleIssue>,
}

/// A form rule a record of a file breaks.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleIssue {
    pub field: String,
    pub message: String,
}

fn no_rules<T>(_: &T, _: &Lookup<'_>) -> Vec<RuleIssue> {
    Vec::new()
}

fn no_references<T>(_: &T) -> Vec<Reference<'_>> {
    Vec::new()
}

fn no_ranges<T>(_: &T, _: &Lookup<'_>) -> Vec<RangeIssue> {
    Vec::new()
}

impl<T> Hooks<T> {
    /// No cross-references and no range checks beyond what the types enforce.
    pub const NONE: Hooks<T> = Hooks {
        references: no_references::<T>,
        ranges: no_ranges::<T>,
        rules: no_rules::<T>,
    };
}

/// A date as the number `yyyymmdd`, the form [`RangeIssue`] gives dates in.
pub fn date_value(date: NaiveDate) -> f64 {
    day_value(date.year(), date.month(), date.day())
}

/// The day `year-month-day` as the number `yyyymmdd` (no check that it exists).
fn day_value(year: i32, month: u32, day: u32) -> f64 {
    f64::from(year) * 10_000.0 + f64::from(month * 100 + day)
}

/// A text at `field` that is not one of the values allowed there (see [`RangeIssue`]).
fn not_allowed(field: impl Into<String>) -> RangeIssue {
    RangeIssue {
        field: field.into(),
        value: f64::NAN,
        min: None,
        max: None,
    }
}

/// `value` when it lies outside `min..=max`.
fn outside(field: impl Into<String>, value: f64, min: Option<f64>, max: Option<f64>) -> Option<RangeIssue> {
    let below = min.is_some_and(|m| value < m);
    let above = max.is_some_and(|m| value > m);
    (below || above).then(|| RangeIssue {
        field: field.into(),
        value,
        min,
        max,
    })
}
