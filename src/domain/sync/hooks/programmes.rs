//! A programme points to its federation unit. Out of range (the form's rules,
//! [`programme::validate`]): a first or last year outside [`YEARS`], a last year before the
//! first or more than [`MAX_PERIOD_SPAN`] after it, a signing date more than a year before the
//! period or after it.

use super::{date_value, day_value, outside, Hooks, Lookup, RangeIssue, Reference};
use crate::domain::programmes::programme::{
    self, Programme, ProgrammeDraft, ProgrammeError, MAX_PERIOD_SPAN,
};
use crate::domain::scoring::cluster::YEARS;
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<Programme> = Hooks {
    references: |p| vec![Reference::new("unit_id", Collection::Units, &p.unit_id)],
    ranges,
    ..Hooks::NONE
};

fn ranges(p: &Programme, _: &Lookup<'_>) -> Vec<RangeIssue> {
    let (first, last) = (f64::from(*YEARS.start()), f64::from(*YEARS.end()));
    let (from, to) = (f64::from(p.from_year), f64::from(p.to_year));
    // No units, programmes or reviews: those rules are references or not ranges.
    programme::validate(&ProgrammeDraft::from_programme(p), &[], &[], &[], None)
        .into_iter()
        .filter_map(|e| match e {
            ProgrammeError::FromYearOutOfRange { .. } => outside("from_year", from, Some(first), Some(last)),
            ProgrammeError::ToYearOutOfRange { .. } => outside("to_year", to, Some(first), Some(last)),
            ProgrammeError::PeriodReversed | ProgrammeError::PeriodTooLong { .. } => Some(RangeIssue {
                field: "to_year".into(),
                value: to,
                min: Some(from),
                max: Some(from + f64::from(MAX_PERIOD_SPAN)),
            }),
            ProgrammeError::SignedOutsidePeriod => Some(RangeIssue {
                field: "signed_on".into(),
                value: date_value(p.signed_on),
                min: Some(day_value(p.from_year - 1, 1, 1)),
                max: Some(day_value(p.to_year, 12, 31)),
            }),
            _ => None,
        })
        .collect()
}
