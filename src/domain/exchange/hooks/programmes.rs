//! A programme points to its federation unit. Out of range (the form's rules,
//! [`programme::validate`]): a first or last year outside [`YEARS`], a last year before the
//! first or more than [`MAX_PERIOD_SPAN`] after it, a signing date more than a year before the
//! period or after it. Its other form rules are rules here, with the form's messages: a number,
//! an authority, at least one content area, each with an id, a number and a title used once,
//! and no measure chosen twice. Another programme of the unit with the same number is not
//! refused: two offices may each have recorded the programme, and refusing would block the
//! exchange.
use super::{date_value, day_value, outside, Hooks, Lookup, RangeIssue, Reference, RuleIssue};
use crate::domain::collections::Collection;
use crate::domain::programmes::programme::{
    self, Programme, ProgrammeDraft, ProgrammeError, MAX_PERIOD_SPAN,
};
use crate::domain::programmes::wording::programme_error;
use crate::domain::scoring::cluster::YEARS;

pub const HOOKS: Hooks<Programme> = Hooks {
    references: |p| vec![Reference::new("unit_id", Collection::Units, &p.unit_id)],
    ranges,
    rules,
};

fn rules(p: &Programme, _: &Lookup<'_>) -> Vec<RuleIssue> {
    use ProgrammeError::*;
    let area_title = |id: &str| p.area(id).map_or_else(|| id.to_string(), |a| a.title.clone());
    programme::validate(&ProgrammeDraft::from_programme(p), &[], &[], &[], None)
        .iter()
        .filter_map(|e| {
            let field = match e {
                NumberRequired => "number".to_string(),
                AuthorityRequired => "authority".into(),
                AreasRequired => "areas".into(),
                AreaIdRequired { index } | DuplicateAreaId { index } => format!("areas[{index}].id"),
                AreaNumberRequired { index } | AreaNumberTaken { index, .. } => {
                    format!("areas[{index}].number")
                }
                AreaTitleRequired { index } => format!("areas[{index}].title"),
                DuplicateMeasure { index } => format!("areas[{index}].measures"),
                // The unit is a reference, the years and signing date are ranges; the number
                // used twice and the reviewed areas are judged against other records (see above).
                _ => return None,
            };
            Some(RuleIssue {
                field,
                message: programme_error(e, area_title),
            })
        })
        .collect()
}

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
