//! Xếp hạng chính thức và tạm tính: only final (Chốt) cards rank for good. Cards still Nháp,
//! Đã nộp or Cụm đã chấm are kept apart, unless the officer asks to see them ranked
//! provisionally beside the final ones (each row then carries its card's status).

use super::compute::{CardResult, ClusterResults};
use super::ranking::{rank, RankedRow};
use super::scorecard::CardStatus;
use super::template::ScoringTemplate;
use crate::domain::record::Id;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The ranking, with the status of each row's card.
    pub ranked: Vec<(RankedRow, CardStatus)>,
    /// Cards not final and not ranked (when unfinished cards are kept apart).
    pub apart: Vec<CardResult>,
    /// Members with no card yet.
    pub without_card: Vec<Id>,
}

impl Standing {
    /// Whether any ranked row comes from a card that is not final: the ranking is provisional.
    pub fn provisional(&self) -> bool {
        self.ranked.iter().any(|(_, s)| *s != CardStatus::Final)
    }

    /// Every member has a final card: the results can be closed.
    pub fn complete(&self) -> bool {
        !self.provisional() && self.apart.is_empty() && self.without_card.is_empty()
    }
}

/// Ranks the final cards, or every card with `include_unfinished`.
pub fn standing(
    results: &ClusterResults,
    template: &ScoringTemplate,
    vote_order: &[Id],
    include_unfinished: bool,
) -> Standing {
    let (ranked_cards, apart): (Vec<CardResult>, Vec<CardResult>) = results
        .cards
        .iter()
        .cloned()
        .partition(|c| include_unfinished || c.status == CardStatus::Final);
    let ranked = rank(&ranked_cards, template, vote_order)
        .into_iter()
        .map(|row| {
            let status = ranked_cards
                .iter()
                .find(|c| c.card_id == row.card_id)
                .map(|c| c.status)
                .unwrap_or_default();
            (row, status)
        })
        .collect();
    Standing {
        ranked,
        apart,
        without_card: results.without_card.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::ranking::tests::{card, template};

    fn results() -> ClusterResults {
        let mut a = card("a", 950, 0, 0, 0);
        a.status = CardStatus::Final;
        let mut b = card("b", 990, 0, 0, 0);
        b.status = CardStatus::Draft;
        let mut c = card("c", 800, 0, 0, 0);
        c.status = CardStatus::Final;
        ClusterResults {
            cards: vec![a, b, c],
            without_card: vec!["d".into()],
            template: template(),
        }
    }

    #[test]
    fn draft_cards_are_kept_apart_from_the_ranking() {
        let s = standing(&results(), &template(), &[], false);
        let ranked: Vec<(&str, usize)> = s
            .ranked
            .iter()
            .map(|(r, _)| (r.unit_id.as_str(), r.rank))
            .collect();
        assert_eq!(ranked, vec![("a", 1), ("c", 2)]);
        assert_eq!(s.apart.len(), 1);
        assert_eq!(s.apart[0].unit_id, "b");
        assert!(!s.provisional());
        assert!(!s.complete());
    }

    #[test]
    fn a_provisional_ranking_marks_the_unfinished_cards() {
        let s = standing(&results(), &template(), &[], true);
        let ranked: Vec<(&str, CardStatus)> =
            s.ranked.iter().map(|(r, st)| (r.unit_id.as_str(), *st)).collect();
        assert_eq!(
            ranked,
            vec![
                ("b", CardStatus::Draft),
                ("a", CardStatus::Final),
                ("c", CardStatus::Final)
            ]
        );
        assert!(s.apart.is_empty());
        assert!(s.provisional());
        assert!(!s.complete());
    }
}
