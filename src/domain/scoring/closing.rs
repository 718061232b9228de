//! Chốt kết quả cụm: the cluster closes its year's results once every member's card is final.
//! Until then the ranking is provisional (tạm tính). The closing keeps what the ranking read
//! beyond the cards (the members, the recorded vote order and the vote tally); each final card
//! keeps its own inputs (see [`super::seal`]). A card reopened or changed after closing, or a
//! change of the members, of the vote order or of the tally, makes the closing stale: the results
//! must be closed again.

use super::cluster::Cluster;
use super::scorecard::{self, CardStatus, Scorecard};
use super::vote_tally::VoteCount;
use crate::domain::record::{Id, Stamp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Who closed the results, from which office, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsClosing {
    pub by: String,
    pub office_id: String,
    pub at: DateTime<Utc>,
    /// The members as closed (None: closed by a version that did not keep them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_ids: Option<Vec<Id>>,
    /// Kết quả bỏ phiếu as closed: the ranking's last tie-break.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_order: Option<Vec<Id>>,
    /// Kết quả bỏ phiếu suy tôn as closed (None: closed by a version that did not keep it, or
    /// with no tally recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tally: Option<Vec<VoteCount>>,
}

/// A member whose card is not final: no card yet (`None`) or the card's status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unfinished {
    pub unit_id: Id,
    pub status: Option<CardStatus>,
}

/// Members without a final card, in member order.
pub fn unfinished(cluster: &Cluster, cards: &[Scorecard]) -> Vec<Unfinished> {
    cluster
        .member_ids
        .iter()
        .filter_map(|u| {
            let status = scorecard::find_for(cards, &cluster.meta.id, cluster.year, u).map(|c| c.status);
            (status != Some(CardStatus::Final)).then(|| Unfinished {
                unit_id: u.clone(),
                status,
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosingState {
    /// Not closed: the ranking is provisional.
    Open,
    Closed(ResultsClosing),
    /// Closed, but these members' cards were reopened or changed since, or (`regrouped`) the
    /// members, the recorded vote order or the vote tally changed.
    Stale {
        closing: ResultsClosing,
        changed: Vec<Id>,
        regrouped: bool,
    },
}

pub fn state(cluster: &Cluster, cards: &[Scorecard]) -> ClosingState {
    let Some(closing) = cluster.results_closed.clone() else {
        return ClosingState::Open;
    };
    let changed: Vec<Id> = cluster
        .member_ids
        .iter()
        .filter(
            |u| match scorecard::find_for(cards, &cluster.meta.id, cluster.year, u) {
                Some(card) => card.status != CardStatus::Final || card.meta.changed_at > closing.at,
                None => true,
            },
        )
        .cloned()
        .collect();
    let regrouped = closing
        .member_ids
        .as_ref()
        .is_some_and(|m| *m != cluster.member_ids)
        || closing
            .vote_order
            .as_ref()
            .is_some_and(|v| *v != cluster.vote_order)
        || closing.tally.as_deref().unwrap_or_default() != cluster.tally.as_slice();
    if changed.is_empty() && !regrouped {
        ClosingState::Closed(closing)
    } else {
        ClosingState::Stale {
            closing,
            changed,
            regrouped,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosingError {
    /// Chốt kết quả records who closed them.
    ActorRequired,
    /// Some members' cards are not final yet.
    Unfinished(Vec<Unfinished>),
    /// The cluster no longer exists (deleted in another tab).
    NotFound,
}

/// Closes the results (again, if a stale closing is replaced).
pub fn close(
    cluster: &mut Cluster,
    cards: &[Scorecard],
    by: &str,
    stamp: &Stamp,
) -> Result<(), ClosingError> {
    let open = unfinished(cluster, cards);
    if !open.is_empty() {
        return Err(ClosingError::Unfinished(open));
    }
    if crate::domain::fold::is_blank(by) {
        return Err(ClosingError::ActorRequired);
    }
    cluster.results_closed = Some(ResultsClosing {
        by: by.trim().to_string(),
        office_id: stamp.office_id.clone(),
        at: stamp.at,
        member_ids: Some(cluster.member_ids.clone()),
        vote_order: Some(cluster.vote_order.clone()),
        tally: (!cluster.tally.is_empty()).then(|| cluster.tally.clone()),
    });
    cluster.meta.touch(stamp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::AppData;
    use crate::domain::scoring::sample;

    fn sample_data() -> (AppData, Stamp) {
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_700_000_000, 0).unwrap());
        (sample::cluster_4_2023_data(&stamp), stamp)
    }

    #[test]
    fn closes_only_when_every_members_card_is_final() {
        let (mut data, stamp) = sample_data();
        data.clusters[0].results_closed = None;
        let cluster_id = data.clusters[0].meta.id.clone();
        let reopened = data.scorecards[0].unit_id.clone();
        scorecard::reopen(&mut data.scorecards[0], "Cụm trưởng", "Sai số liệu", &stamp).unwrap();
        let cards = data.scorecards.clone();
        let c = data
            .clusters
            .iter_mut()
            .find(|c| c.meta.id == cluster_id)
            .unwrap();
        assert_eq!(
            close(c, &cards, "Cụm trưởng", &stamp),
            Err(ClosingError::Unfinished(vec![Unfinished {
                unit_id: reopened,
                status: Some(CardStatus::Reviewed)
            }]))
        );
        assert_eq!(state(c, &cards), ClosingState::Open);
    }

    #[test]
    fn a_card_reopened_after_closing_makes_the_closing_stale() {
        let (mut data, stamp) = sample_data();
        let cards = data.scorecards.clone();
        let c = &mut data.clusters[0];
        assert_eq!(close(c, &cards, " ", &stamp), Err(ClosingError::ActorRequired));
        close(c, &cards, "Cụm trưởng", &stamp).unwrap();
        assert!(matches!(state(c, &cards), ClosingState::Closed(ref r) if r.by == "Cụm trưởng"));
        let later = Stamp::new("o", DateTime::from_timestamp(1_700_100_000, 0).unwrap());
        let mut cards = cards;
        scorecard::reopen(&mut cards[2], "Cụm trưởng", "Sai số liệu", &later).unwrap();
        let ClosingState::Stale { changed, .. } = state(c, &cards) else {
            panic!("a reopened card must make the closing stale")
        };
        assert_eq!(changed, vec![cards[2].unit_id.clone()]);
    }

    #[test]
    fn a_new_vote_after_closing_makes_the_closing_stale() {
        let (mut data, stamp) = sample_data();
        let cards = data.scorecards.clone();
        let c = &mut data.clusters[0];
        close(c, &cards, "Cụm trưởng", &stamp).unwrap();
        c.vote_order = vec![c.member_ids[1].clone()];
        assert!(matches!(
            state(c, &cards),
            ClosingState::Stale { regrouped: true, ref changed, .. } if changed.is_empty()
        ));
    }

    #[test]
    fn a_changed_tally_after_closing_makes_the_closing_stale() {
        let (mut data, stamp) = sample_data();
        let cards = data.scorecards.clone();
        let c = &mut data.clusters[0];
        close(c, &cards, "Cụm trưởng", &stamp).unwrap();
        assert!(matches!(state(c, &cards), ClosingState::Closed(_)));
        c.tally[0].votes_for -= 1;
        assert!(matches!(
            state(c, &cards),
            ClosingState::Stale { regrouped: true, .. }
        ));
        c.tally.clear();
        assert!(
            matches!(state(c, &cards), ClosingState::Stale { regrouped: true, .. }),
            "a tally removed is a change too"
        );
    }
}
