//! An annual review points to its programme. Out of range (the form's rules,
//! [`review::validate`], against the programme of the file, else of local data): a year outside
//! the programme's period, a conference held before the reviewed year or after the next one,
//! and a result for an area the programme does not have or a second result for one area
//! (field `results[i].area_id`). Without a known live programme only the conference date is
//! checked. Two live reviews of one programme-year are not refused: two offices may each have
//! recorded one, and refusing the file would block the exchange.

use super::{date_value, day_value, not_allowed, Hooks, Lookup, RangeIssue, Reference};
use crate::domain::collections::Collection;
use crate::domain::programmes::review::{self, AnnualReview, ReviewDraft, ReviewError};
use crate::domain::record;

pub const HOOKS: Hooks<AnnualReview> = Hooks {
    references: |r| {
        vec![Reference::new(
            "programme_id",
            Collection::Programmes,
            &r.programme_id,
        )]
    },
    ranges,
    ..Hooks::NONE
};

fn ranges(r: &AnnualReview, lookup: &Lookup<'_>) -> Vec<RangeIssue> {
    let programme = lookup.find(|d| record::find(&d.programmes, &r.programme_id));
    let programmes = programme.map(std::slice::from_ref).unwrap_or_default();
    review::validate(&ReviewDraft::from_review(r), programmes, &[], None)
        .into_iter()
        .filter_map(|e| match e {
            ReviewError::YearOutsidePeriod { from, to } => Some(RangeIssue {
                field: "year".into(),
                value: f64::from(r.year),
                min: Some(f64::from(from)),
                max: Some(f64::from(to)),
            }),
            ReviewError::HeldBeforeYear | ReviewError::HeldTooLate => Some(RangeIssue {
                field: "held_on".into(),
                value: date_value(r.held_on),
                min: Some(day_value(r.year, 1, 1)),
                max: Some(day_value(r.year.saturating_add(1), 12, 31)),
            }),
            ReviewError::UnknownArea { index } | ReviewError::DuplicateArea { index } => {
                Some(not_allowed(format!("results[{index}].area_id")))
            }
            _ => None,
        })
        .collect()
}
