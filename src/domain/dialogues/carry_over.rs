//! Carry-over (chuyển kỳ): the next dialogue of the same organising unit reviews every proposal
//! from its earlier dialogues that was still open on its date.

use super::dialogue::Dialogue;
use super::proposal::Proposal;
use crate::domain::record::{self, Record};
use crate::domain::sorting;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Proposals from earlier dialogues (dated strictly before) of `dialogue`'s organising unit that
/// were still open at the end of `dialogue.date`, judged by their status history: one resolved
/// after that date was still open then, even if it is closed now; one resolved on that very day
/// is not carried over. Oldest dialogue first, then in stored order.
pub fn carried_over_to<'a>(
    dialogue: &Dialogue,
    dialogues: &[Dialogue],
    proposals: &'a [Proposal],
) -> Vec<&'a Proposal> {
    let earlier: HashMap<&str, NaiveDate> = record::live(dialogues)
        .filter(|d| d.unit_id == dialogue.unit_id && d.date < dialogue.date)
        .map(|d| (d.id(), d.date))
        .collect();
    let mut found: Vec<(NaiveDate, usize, &Proposal)> = record::live(proposals)
        .enumerate()
        .filter_map(|(i, p)| earlier.get(p.dialogue_id.as_str()).map(|date| (*date, i, p)))
        .filter(|(_, _, p)| p.open_on(dialogue.date))
        .collect();
    sorting::sort_by_key(&mut found, |(date, i, _)| (*date, *i));
    found.into_iter().map(|(_, _, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, dialogue, proposal};
    use crate::domain::dialogues::{DialogueKind, ProposalStatus, StatusChange, Topic};

    fn change(from: ProposalStatus, to: ProposalStatus, on: NaiveDate) -> StatusChange {
        StatusChange {
            from,
            to,
            on,
            by: "thanh-oai".into(),
            note: String::new(),
        }
    }

    fn ids(found: Vec<&Proposal>) -> Vec<&str> {
        found.into_iter().map(|p| p.id()).collect()
    }

    /// Thanh Oai meets in May 2023 and May 2024; Ba Vì meets in 2023 too.
    fn setting() -> (Vec<Dialogue>, Vec<Proposal>) {
        let dialogues = vec![
            dialogue(
                "to-2023",
                "thanh-oai",
                DialogueKind::LeadersWithWorkers,
                d(2023, 5, 10),
            ),
            dialogue(
                "to-2024",
                "thanh-oai",
                DialogueKind::LeadersWithWorkers,
                d(2024, 5, 14),
            ),
            dialogue("bv-2023", "ba-vi", DialogueKind::Periodic, d(2023, 6, 1)),
        ];
        let mut still_open = proposal("open", "to-2023", Topic::Housing, "Nhà ở cho công nhân");
        still_open.status = ProposalStatus::InProgress;
        let mut closed_before = proposal("closed-before", "to-2023", Topic::Wages, "Trả lương đúng hạn");
        closed_before.status = ProposalStatus::Resolved;
        closed_before.resolved_on = Some(d(2023, 12, 1));
        closed_before.history = vec![change(
            ProposalStatus::New,
            ProposalStatus::Resolved,
            d(2023, 12, 1),
        )];
        let mut closed_after = proposal("closed-after", "to-2023", Topic::SocialInsurance, "Nợ BHXH");
        closed_after.status = ProposalStatus::Resolved;
        closed_after.resolved_on = Some(d(2024, 6, 1));
        closed_after.history = vec![
            change(ProposalStatus::New, ProposalStatus::InProgress, d(2023, 7, 1)),
            change(
                ProposalStatus::InProgress,
                ProposalStatus::Resolved,
                d(2024, 6, 1),
            ),
        ];
        let mut closed_that_day = proposal("closed-that-day", "to-2023", Topic::Schools, "Trường mầm non");
        closed_that_day.status = ProposalStatus::Answered;
        closed_that_day.resolved_on = Some(d(2024, 5, 14));
        let other_unit = proposal("ba-vi-open", "bv-2023", Topic::Health, "Khám sức khỏe");
        let raised_at_the_later_one = proposal("new-2024", "to-2024", Topic::Training, "Đào tạo nghề");
        let proposals = vec![
            still_open,
            closed_before,
            closed_after,
            closed_that_day,
            other_unit,
            raised_at_the_later_one,
        ];
        (dialogues, proposals)
    }

    #[test]
    fn next_dialogue_reviews_what_was_still_open_on_its_date() {
        let (dialogues, proposals) = setting();
        let found = carried_over_to(&dialogues[1], &dialogues, &proposals);
        assert_eq!(ids(found), vec!["open", "closed-after"]);
    }

    #[test]
    fn the_first_dialogue_of_a_unit_has_nothing_carried_over() {
        let (dialogues, proposals) = setting();
        assert!(carried_over_to(&dialogues[0], &dialogues, &proposals).is_empty());
    }

    #[test]
    fn reopened_proposals_are_carried_over_again() {
        let (dialogues, mut proposals) = setting();
        let p = &mut proposals[1];
        p.status = ProposalStatus::InProgress;
        p.resolved_on = None;
        p.history.push(change(
            ProposalStatus::Resolved,
            ProposalStatus::InProgress,
            d(2024, 3, 1),
        ));
        let found = carried_over_to(&dialogues[1], &dialogues, &proposals);
        assert_eq!(ids(found), vec!["open", "closed-before", "closed-after"]);
    }

    #[test]
    fn deleted_dialogues_and_proposals_are_not_carried_over() {
        let (mut dialogues, mut proposals) = setting();
        proposals[0].meta.deleted = true;
        assert_eq!(
            ids(carried_over_to(&dialogues[1], &dialogues, &proposals)),
            vec!["closed-after"]
        );
        dialogues[0].meta.deleted = true;
        assert!(carried_over_to(&dialogues[1], &dialogues, &proposals).is_empty());
    }

    #[test]
    fn carried_over_across_two_years_oldest_first() {
        let (mut dialogues, mut proposals) = setting();
        dialogues.push(dialogue(
            "to-2025",
            "thanh-oai",
            DialogueKind::LeadersWithWorkers,
            d(2025, 5, 12),
        ));
        let mut p = proposal("open-2024", "to-2024", Topic::PublicOrder, "An ninh khu nhà trọ");
        p.status = ProposalStatus::Escalated;
        proposals.insert(0, p);
        let found = carried_over_to(&dialogues[3], &dialogues, &proposals);
        assert_eq!(ids(found), vec!["open", "open-2024", "new-2024"]);
    }
}
