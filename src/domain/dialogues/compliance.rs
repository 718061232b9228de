//! Yearly dialogue compliance: every workplace must hold a periodic dialogue at least once a
//! year (Labour Code 2019 art. 63), so the federation lists the units that have not.

use super::dialogue::{Dialogue, DialogueKind};
use crate::domain::record::{self, Record};
use crate::domain::units::Unit;
use chrono::Datelike;
use std::collections::HashSet;

/// Units that were active in `year` (live, not archived, [`Unit::active_in_year`]) and organised
/// no live periodic (định kỳ) dialogue dated in that year, in stored order. Other kinds of
/// dialogue (on request, incident, leaders with workers) do not count.
pub fn units_without_periodic_dialogue<'a>(
    year: i32,
    units: &'a [Unit],
    dialogues: &[Dialogue],
) -> Vec<&'a Unit> {
    let held: HashSet<&str> = record::live(dialogues)
        .filter(|d| d.kind == DialogueKind::Periodic && d.date.year() == year)
        .map(|d| d.unit_id.as_str())
        .collect();
    record::live(units)
        .filter(|u| u.at_work_in(Some(year)) && !held.contains(u.id()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, dialogue, unit};

    fn ids(units: Vec<&Unit>) -> Vec<&str> {
        units.into_iter().map(|u| u.id()).collect()
    }

    fn cluster_four() -> Vec<Unit> {
        let mut units = vec![
            unit("phuc-tho", "LĐLĐ huyện Phúc Thọ"),
            unit("ba-vi", "LĐLĐ huyện Ba Vì"),
            unit("thach-that", "LĐLĐ huyện Thạch Thất"),
            unit("dan-phuong", "LĐLĐ huyện Đan Phượng"),
            unit("hoai-duc", "LĐLĐ huyện Hoài Đức"),
            unit("quoc-oai", "LĐLĐ huyện Quốc Oai"),
        ];
        units[2].archived = true;
        units[3].meta.deleted = true;
        units[4].active_to = Some(d(2025, 6, 30));
        units[5].active_from = Some(d(2026, 1, 1));
        units
    }

    #[test]
    fn lists_active_units_without_a_periodic_dialogue() {
        let units = cluster_four();
        let dialogues = vec![
            dialogue("pt", "phuc-tho", DialogueKind::Periodic, d(2025, 3, 1)),
            dialogue("bv", "ba-vi", DialogueKind::OnRequest, d(2025, 4, 1)),
        ];
        assert_eq!(
            ids(units_without_periodic_dialogue(2025, &units, &dialogues)),
            vec!["ba-vi", "hoai-duc"]
        );
    }

    #[test]
    fn units_outside_their_active_period_are_not_listed() {
        let units = cluster_four();
        assert_eq!(
            ids(units_without_periodic_dialogue(2026, &units, &[])),
            vec!["phuc-tho", "ba-vi", "quoc-oai"]
        );
    }

    #[test]
    fn a_periodic_dialogue_on_new_years_day_counts_for_the_new_year_only() {
        let units = vec![unit("thanh-oai", "LĐLĐ huyện Thanh Oai")];
        let dialogues = vec![dialogue("x", "thanh-oai", DialogueKind::Periodic, d(2025, 1, 1))];
        assert!(units_without_periodic_dialogue(2025, &units, &dialogues).is_empty());
        assert_eq!(
            ids(units_without_periodic_dialogue(2024, &units, &dialogues)),
            vec!["thanh-oai"]
        );
    }

    #[test]
    fn a_deleted_dialogue_does_not_count() {
        let units = vec![unit("thanh-oai", "LĐLĐ huyện Thanh Oai")];
        let mut dl = dialogue("x", "thanh-oai", DialogueKind::Periodic, d(2025, 5, 1));
        dl.meta.deleted = true;
        assert_eq!(
            ids(units_without_periodic_dialogue(2025, &units, &[dl])),
            vec!["thanh-oai"]
        );
    }
}
