//! Filters and diacritic-free search over dialogues and proposals, fast enough for 10.000
//! proposals on an office PC: every searchable text is folded once into an index (rebuilt when
//! the data changes), and each keystroke only runs a [`Query`](crate::domain::fold::Query) over the folded strings.
//!
//! A proposal belongs to the year, unit and kind of the dialogue where it was raised.

use super::dialogue::{Dialogue, DialogueKind, DialogueLevel};
use super::overdue::is_overdue;
use super::proposal::Proposal;
use super::status::ProposalStatus;
use super::topic::Topic;
use crate::domain::fold::fold;
use crate::domain::fold::Query;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::sample::synthetic_proposals;
    use crate::domain::dialogues::testkit::{d, dialogue, proposal, unit};

    struct World {
        units: Vec<Unit>,
        dialogues: Vec<Dialogue>,
        proposals: Vec<Proposal>,
    }

    fn world() -> World {
        let units = vec![
            unit("thanh-oai", "LĐLĐ huyện Thanh Oai"),
            unit("dan-phuong", "LĐLĐ huyện Đan Phượng"),
        ];
        let mut last_day = dialogue("to-2023", "thanh-oai", DialogueKind::Periodic, d(2023, 12, 31));
        last_day.enterprises = vec!["Công ty TNHH May Thanh Oai".into()];
        let dialogues = vec![
            last_day,
            dialogue(
                "to-2024",
                "thanh-oai",
                DialogueKind::LeadersWithWorkers,
                d(2024, 1, 1),
            ),
            dialogue("dp-2024", "dan-phuong", DialogueKind::Periodic, d(2024, 5, 14)),
        ];
        let mut bhxh = proposal(
            "bhxh",
            "to-2023",
            Topic::SocialInsurance,
            "Doanh nghiệp nợ BHXH 6 tháng",
        );
        bhxh.deadline = Some(d(2024, 3, 31));
        let mut housing = proposal(
            "housing",
            "to-2024",
            Topic::Housing,
            "Xây nhà ở xã hội cho công nhân",
        );
        housing.status = ProposalStatus::Resolved;
        housing.resolved_on = Some(d(2024, 6, 1));
        let mut wages = proposal("wages", "dp-2024", Topic::Wages, "Trả lương đúng hạn");
        wages.agency = "Phòng Lao động – Thương binh và Xã hội".into();
        wages.status = ProposalStatus::Escalated;
        let mut schools = proposal(
            "schools",
            "dp-2024",
            Topic::Schools,
            "Trường mầm non cho con công nhân",
        );
        schools.meta.deleted = true;
        World {
            units,
            dialogues,
            proposals: vec![bhxh, housing, wages, schools],
        }
    }

    fn find(w: &World, filter: ProposalFilter) -> Vec<&str> {
        search_proposals(&w.units, &w.dialogues, &w.proposals, &filter, d(2024, 6, 30))
            .into_iter()
            .map(|p| p.id())
            .collect()
    }

    fn text(t: &str) -> ProposalFilter {
        ProposalFilter {
            text: t.into(),
            ..Default::default()
        }
    }

    #[test]
    fn no_filter_lists_every_live_proposal() {
        assert_eq!(
            find(&world(), ProposalFilter::default()),
            vec!["bhxh", "housing", "wages"]
        );
    }

    #[test]
    fn search_without_diacritics_finds_bhxh_and_nha_o() {
        let w = world();
        assert_eq!(find(&w, text("bhxh")), vec!["bhxh"]);
        assert_eq!(find(&w, text("nha o")), vec!["housing"]);
        assert_eq!(find(&w, text("NHÀ Ở xã hội")), vec!["housing"]);
        assert_eq!(find(&w, text("lao dong thuong binh")), vec!["wages"]);
    }

    #[test]
    fn search_finds_the_unit_and_topic_words() {
        let w = world();
        assert_eq!(find(&w, text("dan phuong")), vec!["wages"]);
        assert_eq!(find(&w, text("tien luong")), vec!["wages"]);
    }

    #[test]
    fn a_proposal_belongs_to_its_dialogue_year_across_new_year() {
        let w = world();
        let in_year = |year| ProposalFilter {
            year: Some(year),
            ..Default::default()
        };
        assert_eq!(find(&w, in_year(2023)), vec!["bhxh"]);
        assert_eq!(find(&w, in_year(2024)), vec!["housing", "wages"]);
    }

    #[test]
    fn filters_by_unit_kind_topic_and_status() {
        let w = world();
        let unit = ProposalFilter {
            unit_id: Some("thanh-oai".into()),
            ..Default::default()
        };
        assert_eq!(find(&w, unit), vec!["bhxh", "housing"]);
        let kind = ProposalFilter {
            kind: Some(DialogueKind::LeadersWithWorkers),
            ..Default::default()
        };
        assert_eq!(find(&w, kind), vec!["housing"]);
        let topic = ProposalFilter {
            topic: Some(Topic::Wages),
            ..Default::default()
        };
        assert_eq!(find(&w, topic), vec!["wages"]);
        let status = ProposalFilter {
            status: Some(ProposalStatus::Resolved),
            ..Default::default()
        };
        assert_eq!(find(&w, status), vec!["housing"]);
        let open = ProposalFilter {
            open_only: true,
            ..Default::default()
        };
        assert_eq!(find(&w, open), vec!["bhxh", "wages"]);
    }

    #[test]
    fn overdue_only_uses_today() {
        let w = world();
        let overdue = ProposalFilter {
            overdue_only: true,
            ..Default::default()
        };
        assert_eq!(find(&w, overdue.clone()), vec!["bhxh"]);
        let on_deadline = search_proposals(&w.units, &w.dialogues, &w.proposals, &overdue, d(2024, 3, 31));
        assert!(on_deadline.is_empty());
    }

    #[test]
    fn filters_combine() {
        let w = world();
        let f = ProposalFilter {
            year: Some(2024),
            unit_id: Some("thanh-oai".into()),
            text: "cong nhan".into(),
            ..Default::default()
        };
        assert_eq!(find(&w, f), vec!["housing"]);
    }

    #[test]
    fn dialogue_search_by_year_kind_and_folded_text() {
        let w = world();
        let found = |f: DialogueFilter| -> Vec<&str> {
            search_dialogues(&w.units, &w.dialogues, &f)
                .into_iter()
                .map(|d| d.id())
                .collect()
        };
        assert_eq!(
            found(DialogueFilter {
                year: Some(2023),
                ..Default::default()
            }),
            vec!["to-2023"]
        );
        assert_eq!(
            found(DialogueFilter {
                kind: Some(DialogueKind::Periodic),
                ..Default::default()
            }),
            vec!["to-2023", "dp-2024"]
        );
        assert_eq!(
            found(DialogueFilter {
                text: "may thanh oai".into(),
                ..Default::default()
            }),
            vec!["to-2023"]
        );
        assert_eq!(
            found(DialogueFilter {
                text: "dan phuong".into(),
                unit_id: Some("dan-phuong".into()),
                ..Default::default()
            }),
            vec!["dp-2024"]
        );
    }

    #[test]
    fn ten_thousand_proposals_index_once_and_search_many_times() {
        let sample = synthetic_proposals(10_000, 2024);
        let index = ProposalIndex::new(&sample.units, &sample.dialogues, &sample.proposals);
        assert_eq!(index.len(), 10_000);
        let today = d(2025, 6, 30);
        let search = |f: &ProposalFilter| index.search(&sample.dialogues, &sample.proposals, f, today);
        let bhxh = search(&text("bhxh"));
        let mut insurance = sample
            .proposals
            .iter()
            .filter(|p| p.topic == Topic::SocialInsurance);
        assert!(insurance.clone().count() > 0);
        assert!(insurance.all(|p| bhxh.iter().any(|found| found.id() == p.id())));
        assert!(bhxh
            .iter()
            .all(|p| p.topic == Topic::SocialInsurance || fold(&p.agency).contains("bhxh")));
        let nha_o = search(&text("nha o"));
        let housing = sample
            .proposals
            .iter()
            .filter(|p| p.topic == Topic::Housing)
            .count();
        assert!(housing > 0 && nha_o.len() >= housing && nha_o.len() < sample.proposals.len() / 2);
        let overdue = ProposalFilter {
            overdue_only: true,
            ..Default::default()
        };
        assert_eq!(
            search(&overdue).len(),
            sample.proposals.iter().filter(|p| is_overdue(p, today)).count()
        );
    }
}
