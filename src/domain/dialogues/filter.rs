//! Filters and diacritic-free search over dialogues and proposals, fast enough for 10.000
//! proposals on an office PC: every searchable text is folded once into an index (rebuilt when
//! the data changes), and each keystroke only runs [`Query`] over the folded strings.
//!
//! A proposal belongs to the year, unit and kind of the dialogue where it was raised.

use super::dialogue::{Dialogue, DialogueKind, DialogueLevel};
use super::overdue::is_overdue;
use super::proposal::Proposal;
use super::status::ProposalStatus;
use super::topic::Topic;
use crate::domain::fold::{fold, Query};
use crate::domain::record::{self, Id, Record};
use crate::domain::units::Unit;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// What the proposal list is narrowed to. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProposalFilter {
    pub year: Option<i32>,
    /// Organising unit of the dialogue.
    pub unit_id: Option<Id>,
    pub kind: Option<DialogueKind>,
    pub topic: Option<Topic>,
    pub status: Option<ProposalStatus>,
    /// Only New, InProgress and Escalated.
    pub open_only: bool,
    /// Only open proposals past their deadline (as of the `today` given to the search).
    pub overdue_only: bool,
    /// Free text, matched with or without diacritics ("nha o" finds "nhà ở").
    pub text: String,
}

/// What the dialogue list is narrowed to. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DialogueFilter {
    pub year: Option<i32>,
    pub unit_id: Option<Id>,
    pub kind: Option<DialogueKind>,
    pub level: Option<DialogueLevel>,
    pub text: String,
}

fn push_folded(out: &mut String, text: &str) {
    let folded = fold(text);
    if !folded.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&folded);
    }
}

fn unit_names(units: &[Unit]) -> HashMap<&str, &str> {
    units.iter().map(|u| (u.id(), u.name.as_str())).collect()
}

/// The folded text of everything searchable in a dialogue, with its unit's name.
fn dialogue_text(d: &Dialogue, unit_name: &str) -> String {
    let mut text = String::new();
    for part in [
        unit_name,
        &d.place,
        &d.worker_chair.name,
        &d.worker_chair.role,
        &d.employer_chair.name,
        &d.employer_chair.role,
        &d.minutes_notes,
    ] {
        push_folded(&mut text, part);
    }
    for e in &d.enterprises {
        push_folded(&mut text, e);
    }
    for p in &d.agreed {
        push_folded(&mut text, &p.content);
        push_folded(&mut text, &p.measure);
    }
    for p in &d.disagreed {
        push_folded(&mut text, p);
    }
    text
}

fn proposal_text(p: &Proposal, unit_name: &str, place: &str) -> String {
    let mut text = String::new();
    for part in [
        &p.content,
        &p.raised_by,
        &p.agency,
        &p.directive.number,
        &p.response,
        p.topic.search_terms(),
        unit_name,
        place,
    ] {
        push_folded(&mut text, part);
    }
    for c in &p.history {
        push_folded(&mut text, &c.note);
    }
    text
}

#[derive(Clone, Debug, PartialEq)]
struct DialogueEntry {
    pos: usize,
    year: i32,
    folded: String,
}

/// Folded search text of the live dialogues. Build it again whenever dialogues or units change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DialogueIndex {
    entries: Vec<DialogueEntry>,
}

impl DialogueIndex {
    pub fn new(units: &[Unit], dialogues: &[Dialogue]) -> Self {
        let names = unit_names(units);
        let entries = dialogues
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_live())
            .map(|(pos, d)| DialogueEntry {
                pos,
                year: d.date.year(),
                folded: dialogue_text(d, names.get(d.unit_id.as_str()).copied().unwrap_or("")),
            })
            .collect();
        Self { entries }
    }

    /// The dialogues matching `filter`, in stored order. `dialogues` must be the slice the
    /// index was built from.
    pub fn search<'a>(&self, dialogues: &'a [Dialogue], filter: &DialogueFilter) -> Vec<&'a Dialogue> {
        let query = Query::new(&filter.text);
        self.entries
            .iter()
            .filter(|e| filter.year.is_none_or(|y| y == e.year))
            .filter_map(|e| dialogues.get(e.pos).map(|d| (e, d)))
            .filter(|(_, d)| filter.unit_id.as_ref().is_none_or(|u| *u == d.unit_id))
            .filter(|(_, d)| filter.kind.is_none_or(|k| k == d.kind))
            .filter(|(_, d)| filter.level.is_none_or(|l| l == d.level))
            .filter(|(e, _)| query.is_empty() || query.matches_folded(&e.folded))
            .map(|(_, d)| d)
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
struct ProposalEntry {
    pos: usize,
    /// Position of its dialogue in the dialogue slice, if it has a live one.
    dialogue: Option<usize>,
    folded: String,
}

/// Folded search text of the live proposals, with the position of each one's dialogue.
/// Build it again whenever units, dialogues or proposals change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProposalIndex {
    entries: Vec<ProposalEntry>,
}

impl ProposalIndex {
    pub fn new(units: &[Unit], dialogues: &[Dialogue], proposals: &[Proposal]) -> Self {
        let names = unit_names(units);
        let by_id: HashMap<&str, usize> = dialogues
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_live())
            .map(|(i, d)| (d.id(), i))
            .collect();
        let entries = proposals
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_live())
            .map(|(pos, p)| {
                let dialogue = by_id.get(p.dialogue_id.as_str()).copied();
                let (unit_name, place) = dialogue.map_or(("", ""), |i| {
                    let d = &dialogues[i];
                    (
                        names.get(d.unit_id.as_str()).copied().unwrap_or(""),
                        d.place.as_str(),
                    )
                });
                ProposalEntry {
                    pos,
                    dialogue,
                    folded: proposal_text(p, unit_name, place),
                }
            })
            .collect();
        Self { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The proposals matching `filter` as of `today`, in stored order. `dialogues` and
    /// `proposals` must be the slices the index was built from. Filters that need the dialogue
    /// (year, unit, kind) leave out proposals whose dialogue is missing.
    pub fn search<'a>(
        &self,
        dialogues: &[Dialogue],
        proposals: &'a [Proposal],
        filter: &ProposalFilter,
        today: NaiveDate,
    ) -> Vec<&'a Proposal> {
        let query = Query::new(&filter.text);
        let needs_dialogue = filter.year.is_some() || filter.unit_id.is_some() || filter.kind.is_some();
        self.entries
            .iter()
            .filter_map(|e| proposals.get(e.pos).map(|p| (e, p)))
            .filter(|(_, p)| filter.topic.is_none_or(|t| t == p.topic))
            .filter(|(_, p)| filter.status.is_none_or(|s| s == p.status))
            .filter(|(_, p)| !filter.open_only || p.status.is_open())
            .filter(|(_, p)| !filter.overdue_only || is_overdue(p, today))
            .filter(|(e, _)| {
                !needs_dialogue
                    || e.dialogue.and_then(|i| dialogues.get(i)).is_some_and(|d| {
                        filter.year.is_none_or(|y| y == d.date.year())
                            && filter.unit_id.as_ref().is_none_or(|u| *u == d.unit_id)
                            && filter.kind.is_none_or(|k| k == d.kind)
                    })
            })
            .filter(|(e, _)| query.is_empty() || query.matches_folded(&e.folded))
            .map(|(_, p)| p)
            .collect()
    }
}

/// One-off search without keeping an index (small lists, tests).
pub fn search_proposals<'a>(
    units: &[Unit],
    dialogues: &[Dialogue],
    proposals: &'a [Proposal],
    filter: &ProposalFilter,
    today: NaiveDate,
) -> Vec<&'a Proposal> {
    ProposalIndex::new(units, dialogues, proposals).search(dialogues, proposals, filter, today)
}

/// One-off dialogue search without keeping an index.
pub fn search_dialogues<'a>(
    units: &[Unit],
    dialogues: &'a [Dialogue],
    filter: &DialogueFilter,
) -> Vec<&'a Dialogue> {
    DialogueIndex::new(units, dialogues).search(dialogues, filter)
}

/// The live dialogue a proposal was raised at.
pub fn dialogue_of<'a>(p: &Proposal, dialogues: &'a [Dialogue]) -> Option<&'a Dialogue> {
    record::find(dialogues, &p.dialogue_id)
}
