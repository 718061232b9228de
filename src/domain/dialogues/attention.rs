//! What the overview lists for dialogues: the open proposals (the overdue ones apart, longest
//! overdue first; the others nearest deadline first), and the active units that held no
//! periodic dialogue in the year.

use super::compliance::units_without_periodic_dialogue;
use super::overdue::days_overdue;
use super::{Dialogue, Proposal};
use crate::domain::record::{self, Id};
use crate::domain::sorting;
use crate::domain::units::Unit;
use chrono::NaiveDate;

/// A proposal as the overview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub dialogue_id: Id,
    pub id: Id,
    pub content: String,
    pub deadline: Option<NaiveDate>,
    pub overdue_days: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attention {
    /// Open proposals in all, overdue ones included.
    pub open: usize,
    pub overdue: usize,
    /// The first `listed` overdue proposals, longest overdue first.
    pub overdue_items: Vec<Item>,
    /// The first `listed` open proposals not overdue, nearest deadline first.
    pub open_items: Vec<Item>,
    /// How many units held no periodic dialogue in the year.
    pub units_without_count: usize,
    /// The first `listed` of them: (id, name).
    pub units_without: Vec<(Id, String)>,
}

pub fn attention(
    proposals: &[Proposal],
    dialogues: &[Dialogue],
    units: &[Unit],
    year: i32,
    today: NaiveDate,
    listed: usize,
) -> Attention {
    let (mut overdue, mut open): (Vec<Item>, Vec<Item>) = record::live(proposals)
        .filter(|p| p.status.is_open())
        .map(|p| Item {
            dialogue_id: p.dialogue_id.clone(),
            id: p.meta.id.clone(),
            content: p.content.clone(),
            deadline: p.deadline,
            overdue_days: days_overdue(p, today),
        })
        .partition(|i| i.overdue_days.is_some());
    let counts = (overdue.len() + open.len(), overdue.len());
    let without = units_without_periodic_dialogue(year, units, dialogues);
    sorting::sort_by_key(&mut overdue, |i| std::cmp::Reverse(i.overdue_days));
    sorting::sort_by_key(&mut open, |i| i.deadline.unwrap_or(NaiveDate::MAX));
    Attention {
        open: counts.0,
        overdue: counts.1,
        overdue_items: overdue.into_iter().take(listed).collect(),
        open_items: open.into_iter().take(listed).collect(),
        units_without_count: without.len(),
        units_without: without
            .into_iter()
            .take(listed)
            .map(|u| (u.meta.id.clone(), u.name.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{d, dialogue, proposal, unit};
    use crate::domain::dialogues::{DialogueKind, Topic};

    #[test]
    fn overdue_first_longest_first_then_nearest_deadline_and_units_without_a_dialogue() {
        let units = vec![unit("u1", "LĐLĐ huyện Phúc Thọ"), unit("u2", "LĐLĐ huyện Ba Vì")];
        let dialogues = vec![dialogue("d1", "u1", DialogueKind::Periodic, d(2025, 3, 10))];
        let mut late = proposal("late", "d1", Topic::PublicOrder, "Lắp đèn");
        late.deadline = Some(d(2025, 4, 10));
        let mut later = proposal("later", "d1", Topic::Wages, "Trả lương");
        later.deadline = Some(d(2025, 6, 10));
        let mut soon = proposal("soon", "d1", Topic::Training, "Đào tạo");
        soon.deadline = Some(d(2025, 12, 1));
        let mut far = proposal("far", "d1", Topic::Housing, "Nhà ở");
        far.deadline = Some(d(2026, 12, 1));
        let a = attention(
            &[far, later, soon, late],
            &dialogues,
            &units,
            2025,
            d(2025, 7, 1),
            10,
        );
        assert_eq!((a.open, a.overdue), (4, 2));
        let ids = |items: &[Item]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&a.overdue_items), vec!["late", "later"]);
        assert_eq!(ids(&a.open_items), vec!["soon", "far"]);
        assert_eq!(
            a.units_without,
            vec![("u2".to_string(), "LĐLĐ huyện Ba Vì".to_string())]
        );
        assert_eq!(a.units_without_count, 1);
        let few = attention(&[], &dialogues, &units, 2025, d(2025, 7, 1), 1);
        assert_eq!(few.open, 0);
        // A year nobody held one: all are counted, only `listed` are named.
        let none = attention(&[], &dialogues, &units, 2026, d(2026, 7, 1), 1);
        assert_eq!((none.units_without_count, none.units_without.len()), (2, 1));
    }
}
