//! Yearly dialogue statistics for one unit or all units: how many dialogues, how many people
//! took part, what was proposed and how much of it was settled ("trên 300 lượt … 35 nội dung …
//! đã giải quyết kịp thời", seed 000).

use super::dialogue::{Dialogue, DialogueKind};
use super::overdue::{is_overdue, resolved_in_time};
use super::proposal::Proposal;
use super::status::ProposalStatus;
use super::topic::Topic;
use crate::domain::record::{self, Record};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;
use std::ops::RangeInclusive;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Số cuộc đối thoại.
    pub dialogues: usize,
    /// Per kind, indexed by position in [`DialogueKind::ALL`].
    pub dialogues_by_kind: [usize; DialogueKind::ALL.len()],
    /// Tổng lượt người tham dự.
    pub attendances: u64,
    /// Số kiến nghị (nội dung) raised at those dialogues.
    pub proposals: usize,
    /// Indexed by [`ProposalStatus::index`].
    pub by_status: [usize; ProposalStatus::ALL.len()],
    /// Indexed by [`Topic::index`].
    pub by_topic: [usize; Topic::ALL.len()],
    /// Closed (Resolved or Answered).
    pub closed: usize,
    /// Closed on or before the deadline, or closed without one (kịp thời).
    pub closed_in_time: usize,
    /// Open (New, InProgress, Escalated).
    pub open: usize,
    /// Open and past the deadline as of the summary's `today`.
    pub overdue: usize,
}

impl Summary {
    pub fn with_status(&self, status: ProposalStatus) -> usize {
        self.by_status[status.index()]
    }

    pub fn with_topic(&self, topic: Topic) -> usize {
        self.by_topic[topic.index()]
    }

    pub fn of_kind(&self, kind: DialogueKind) -> usize {
        self.dialogues_by_kind[kind as usize]
    }

    /// Tỷ lệ đã giải quyết: closed (Resolved or Answered) as a percentage of all proposals,
    /// `None` when there were none. Format with [`crate::domain::format::percent`].
    pub fn resolved_rate(&self) -> Option<f64> {
        crate::domain::format::rate(self.closed as f64, self.proposals as f64)
    }

    /// Closed in time as a percentage of all proposals.
    pub fn in_time_rate(&self) -> Option<f64> {
        crate::domain::format::rate(self.closed_in_time as f64, self.proposals as f64)
    }
}

/// Whose dialogues a figure counts (đơn vị tổ chức).
#[derive(Clone, Copy, Debug)]
pub enum Organisers<'a> {
    /// Every dialogue of the log, whoever organised it.
    All,
    /// The dialogues one unit organised itself.
    One(&'a str),
    /// The dialogues any of these units organised.
    Units(&'a HashSet<&'a str>),
}

impl Organisers<'_> {
    fn include(&self, unit_id: &str) -> bool {
        match self {
            Organisers::All => true,
            Organisers::One(id) => *id == unit_id,
            Organisers::Units(ids) => ids.contains(unit_id),
        }
    }
}

/// Statistics of the live dialogues held in `year` (by dialogue date) by `unit_id`, or by all
/// units when `None`, and of the proposals raised at them. Statuses are the current ones;
/// overdue is judged as of `today`.
pub fn summarize(
    year: i32,
    unit_id: Option<&str>,
    dialogues: &[Dialogue],
    proposals: &[Proposal],
    today: NaiveDate,
) -> Summary {
    summarize_years(year..=year, unit_id, dialogues, proposals, today)
}

/// [`summarize`] over several years, for reports such as "trong 5 năm qua" (2016–2020).
pub fn summarize_years(
    years: RangeInclusive<i32>,
    unit_id: Option<&str>,
    dialogues: &[Dialogue],
    proposals: &[Proposal],
    today: NaiveDate,
) -> Summary {
    let organisers = unit_id.map_or(Organisers::All, Organisers::One);
    summarize_held(years, organisers, dialogues, proposals, today)
}

/// THE computation of the dialogue figures (số cuộc, lượt tham dự, kiến nghị, đã giải quyết)
/// every page shows: *Đối thoại › Tổng hợp*, *Phối hợp › Số liệu giai đoạn*, the annual
/// reviews, the overview and the printed reports all come here, so one unit, year and kind of
/// figure has one answer. The log is counted as it is: a dialogue counts in the year it was
/// held, for the unit that organised it (whether that unit was active then is the forms' and
/// the import's rule, [`super::dialogue::unit_inactive`], not a filter that would hide it).
pub fn summarize_held(
    years: RangeInclusive<i32>,
    organisers: Organisers<'_>,
    dialogues: &[Dialogue],
    proposals: &[Proposal],
    today: NaiveDate,
) -> Summary {
    let mut s = Summary::default();
    let mut held = HashSet::new();
    for d in
        record::live(dialogues).filter(|d| years.contains(&d.date.year()) && organisers.include(&d.unit_id))
    {
        s.dialogues += 1;
        s.dialogues_by_kind[d.kind as usize] += 1;
        s.attendances += u64::from(d.attendances);
        held.insert(d.id());
    }
    for p in record::live(proposals).filter(|p| held.contains(p.dialogue_id.as_str())) {
        s.proposals += 1;
        s.by_status[p.status.index()] += 1;
        s.by_topic[p.topic.index()] += 1;
        if p.status.is_closed() {
            s.closed += 1;
        } else {
            s.open += 1;
        }
        if resolved_in_time(p) {
            s.closed_in_time += 1;
        }
        if is_overdue(p, today) {
            s.overdue += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, dialogue, proposal};
    use crate::domain::format;

    /// Seed 000: Thanh Oai's leaders met workers every year 2016–2020; "trên 300 lượt" raised
    /// 35 contents, all resolved in time.
    fn thanh_oai_2016_2020() -> (Vec<Dialogue>, Vec<Proposal>) {
        let attendances = [62, 60, 65, 58, 61];
        let mut dialogues = Vec::new();
        let mut proposals = Vec::new();
        for (i, year) in (2016..=2020).enumerate() {
            let id = format!("to-{year}");
            let mut dl = dialogue(&id, "thanh-oai", DialogueKind::LeadersWithWorkers, d(year, 5, 14));
            dl.attendances = attendances[i];
            dialogues.push(dl);
            for j in 0..7 {
                let topic = Topic::ALL[(i * 7 + j) % Topic::ALL.len()];
                let mut p = proposal(&format!("p-{year}-{j}"), &id, topic, "Kiến nghị của công nhân");
                p.deadline = Some(d(year, 9, 30));
                p.status = if j == 0 {
                    ProposalStatus::Answered
                } else {
                    ProposalStatus::Resolved
                };
                p.resolved_on = Some(d(year, 9, 30));
                proposals.push(p);
            }
        }
        (dialogues, proposals)
    }

    #[test]
    fn five_years_of_thanh_oai_dialogues_match_the_report() {
        let (dialogues, proposals) = thanh_oai_2016_2020();
        let s = summarize_years(
            2016..=2020,
            Some("thanh-oai"),
            &dialogues,
            &proposals,
            d(2021, 3, 1),
        );
        assert_eq!(s.dialogues, 5);
        assert_eq!(s.of_kind(DialogueKind::LeadersWithWorkers), 5);
        assert_eq!(s.attendances, 306);
        assert!(s.attendances > 300);
        assert_eq!(s.proposals, 35);
        assert_eq!(s.closed, 35);
        assert_eq!(s.closed_in_time, 35);
        assert_eq!(s.with_status(ProposalStatus::Resolved), 30);
        assert_eq!(s.with_status(ProposalStatus::Answered), 5);
        assert_eq!((s.open, s.overdue), (0, 0));
        assert_eq!(s.by_topic.iter().sum::<usize>(), 35);
        assert_eq!(s.resolved_rate().map(format::percent), Some("100%".to_string()));
    }

    #[test]
    fn one_year_counts_only_that_years_dialogues() {
        let (dialogues, proposals) = thanh_oai_2016_2020();
        let s = summarize(2018, None, &dialogues, &proposals, d(2021, 3, 1));
        assert_eq!((s.dialogues, s.attendances, s.proposals), (1, 65, 7));
        assert_eq!(
            summarize(2018, Some("ba-vi"), &dialogues, &proposals, d(2021, 3, 1)),
            Summary::default()
        );
    }

    #[test]
    fn a_dialogue_on_new_years_eve_counts_in_the_old_year() {
        let dialogues = vec![
            dialogue("eve", "thanh-oai", DialogueKind::Periodic, d(2023, 12, 31)),
            dialogue("new", "thanh-oai", DialogueKind::Periodic, d(2024, 1, 1)),
        ];
        let proposals = vec![proposal("p", "eve", Topic::Housing, "Nhà ở")];
        let s2023 = summarize(2023, None, &dialogues, &proposals, d(2024, 6, 1));
        let s2024 = summarize(2024, None, &dialogues, &proposals, d(2024, 6, 1));
        assert_eq!((s2023.dialogues, s2023.proposals), (1, 1));
        assert_eq!((s2024.dialogues, s2024.proposals), (1, 0));
    }

    #[test]
    fn open_overdue_late_and_rate_with_mixed_statuses() {
        let dialogues = vec![dialogue(
            "dl",
            "thanh-oai",
            DialogueKind::Periodic,
            d(2024, 5, 14),
        )];
        let make = |id: &str, status: ProposalStatus, resolved: Option<NaiveDate>| {
            let mut p = proposal(id, "dl", Topic::SocialInsurance, "Nợ BHXH");
            p.deadline = Some(d(2024, 9, 30));
            p.status = status;
            p.resolved_on = resolved;
            p
        };
        let mut deleted = make("gone", ProposalStatus::New, None);
        deleted.meta.deleted = true;
        let proposals = vec![
            make("on-deadline", ProposalStatus::Resolved, Some(d(2024, 9, 30))),
            make("late", ProposalStatus::Resolved, Some(d(2024, 10, 2))),
            make("escalated", ProposalStatus::Escalated, None),
            make("new", ProposalStatus::New, None),
            deleted,
        ];
        let s = summarize(2024, Some("thanh-oai"), &dialogues, &proposals, d(2024, 10, 1));
        assert_eq!(s.proposals, 4);
        assert_eq!((s.closed, s.closed_in_time, s.open, s.overdue), (2, 1, 2, 2));
        assert_eq!(s.resolved_rate(), Some(50.0));
        assert_eq!(s.in_time_rate(), Some(25.0));
        let on_deadline_day = summarize(2024, None, &dialogues, &proposals, d(2024, 9, 30));
        assert_eq!(on_deadline_day.overdue, 0);
    }

    #[test]
    fn no_proposals_means_no_rate() {
        assert_eq!(Summary::default().resolved_rate(), None);
    }
}
