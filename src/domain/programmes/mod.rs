//! Coordination programmes (chương trình phối hợp công tác) between a People's Committee and
//! the federation of the same level (domain guide §4): the programme and its content areas,
//! the annual reviews, and the period totals that five-year reports quote.
//!
//! One file per concern: [`programme`] (record, content areas, measures, validation,
//! add/update/delete), [`starter`] (the content areas of seed 002), [`review`] (annual review
//! record and validation), [`totals`] (scopes and period totals from indicators and
//! dialogues), [`figures`] (the figures of each area for an annual review), [`dashboard`]
//! (overview helpers).
//!
//! Every mutation takes a [`Stamp`](crate::domain::record::Stamp) and every rule that depends
//! on the year takes it explicitly, so all of it is pure and tested natively.

pub mod dashboard;
pub mod figures;
pub mod programme;
pub mod review;
#[cfg(test)]
mod same_figures;
pub mod starter;
pub mod totals;
pub mod wording;

#[cfg(test)]
mod testkit;

pub use dashboard::{
    active_programmes, current_period_totals, report_years, reviews_due, year_reviews, years_so_far,
    years_without_review, YearReview,
};
pub use figures::{figures_for_review, review_figures, AreaFigures};
pub use programme::{
    AreaMeasure, ContentArea, Lead, Programme, ProgrammeDraft, ProgrammeError, ProgrammeField,
};
pub use review::{AnnualReview, AreaResult, Outcome, ReviewDraft, ReviewError, ReviewField};
pub use starter::starter_areas;
pub use totals::{
    period_report, period_report_of, report_span, MeasureValue, PeriodReport, ReportLine, ReportScope,
    ScopeYear, SpanError, MAX_REPORT_SPAN, REPORT_MEASURES,
};
