//! What the overview page shows about programmes: which are running this year, which years
//! still lack their annual review, and the totals so far of the current period.

use super::programme::Programme;
use super::review::{self, AnnualReview};
use super::totals::{period_report, PeriodReport, ReportScope};
use crate::domain::data::AppData;
use crate::domain::record;
use crate::domain::sorting;
use std::ops::RangeInclusive;

/// Live programmes whose period contains `year`, by first year then number.
pub fn active_programmes(programmes: &[Programme], year: i32) -> Vec<&Programme> {
    let mut active: Vec<&Programme> = record::live(programmes).filter(|p| p.covers(year)).collect();
    sorting::sort_by(&mut active, |a, b| {
        a.from_year
            .cmp(&b.from_year)
            .then_with(|| a.number.cmp(&b.number))
    });
    active
}

/// The years of the period so far: from its first year to `current_year`, or to the period's
/// end if earlier. `None` before the period starts.
pub fn years_so_far(programme: &Programme, current_year: i32) -> Option<RangeInclusive<i32>> {
    let last = programme.to_year.min(current_year);
    (programme.from_year <= last).then_some(programme.from_year..=last)
}

/// The years a programme's link to its period figures shows: the [`years_so_far`], or its
/// first year when the period has not started.
pub fn report_years(programme: &Programme, current_year: i32) -> RangeInclusive<i32> {
    years_so_far(programme, current_year).unwrap_or(programme.from_year..=programme.from_year)
}

/// How one year of a programme's period stands for its annual review (đánh giá hằng năm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearReview<'r> {
    /// Đã đánh giá: the live review of that year.
    Held(&'r AnnualReview),
    /// Chưa đánh giá: the year has come (the current year too: its review is due at the
    /// year-end conference) and has no review.
    Due,
    /// Chưa đến năm: a later year of the period.
    NotYet,
}

/// Every year of the period with how its review stands in `current_year`.
pub fn year_reviews<'r>(
    programme: &Programme,
    reviews: &'r [AnnualReview],
    current_year: i32,
) -> Vec<(i32, YearReview<'r>)> {
    programme
        .years()
        .map(|y| {
            let state = match review::find_for(reviews, &programme.meta.id, y) {
                Some(r) => YearReview::Held(r),
                None if y <= current_year => YearReview::Due,
                None => YearReview::NotYet,
            };
            (y, state)
        })
        .collect()
}

/// Years of the period, up to and including `current_year`, without a live annual review
/// (the years [`year_reviews`] finds due).
pub fn years_without_review(programme: &Programme, reviews: &[AnnualReview], current_year: i32) -> Vec<i32> {
    year_reviews(programme, reviews, current_year)
        .into_iter()
        .filter(|(_, r)| *r == YearReview::Due)
        .map(|(y, _)| y)
        .collect()
}

/// For every live programme with a missing review (see [`years_without_review`]), those years.
pub fn reviews_due<'p>(
    programmes: &'p [Programme],
    reviews: &[AnnualReview],
    current_year: i32,
) -> Vec<(&'p Programme, Vec<i32>)> {
    record::live(programmes)
        .map(|p| (p, years_without_review(p, reviews, current_year)))
        .filter(|(_, years)| !years.is_empty())
        .collect()
}

/// The period totals of the programme's unit (and its direct children) from the first year of
/// the period up to `current_year` (or the period's end, if earlier). `None` when the period
/// has not started yet.
pub fn current_period_totals(
    programme: &Programme,
    data: &AppData,
    current_year: i32,
) -> Option<PeriodReport> {
    years_so_far(programme, current_year)
        .map(|years| period_report(&ReportScope::Unit(programme.unit_id.clone()), years, data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programmes::testkit::{district, programme, report, review};
    use crate::domain::programmes::AreaMeasure;
    use crate::domain::scoring::indicators::IndicatorKey;

    #[test]
    fn active_programmes_are_those_whose_period_contains_the_year() {
        let mut gone = programme("gone", "thanh-oai", 2020, 2025);
        gone.meta.deleted = true;
        let programmes = vec![
            programme("b", "thanh-oai", 2020, 2025),
            programme("a", "thanh-oai", 2016, 2020),
            gone,
        ];
        let ids = |year| -> Vec<&str> {
            active_programmes(&programmes, year)
                .iter()
                .map(|p| p.meta.id.as_str())
                .collect()
        };
        assert_eq!(ids(2020), vec!["a", "b"], "2020 belongs to both periods");
        assert_eq!(ids(2023), vec!["b"]);
        assert!(ids(2026).is_empty());
    }

    #[test]
    fn years_without_review_stop_at_the_current_year() {
        let p = programme("p", "thanh-oai", 2020, 2025);
        let mut deleted = review("r22", "p", 2022);
        deleted.meta.deleted = true;
        let reviews = vec![review("r20", "p", 2020), review("r21", "p", 2021), deleted];
        assert_eq!(years_without_review(&p, &reviews, 2023), vec![2022, 2023]);
        assert_eq!(
            years_without_review(&p, &reviews, 2030),
            vec![2022, 2023, 2024, 2025]
        );
        assert!(years_without_review(&p, &reviews, 2019).is_empty());
        let programmes = vec![p, programme("q", "thanh-oai", 2026, 2030)];
        let due = reviews_due(&programmes, &reviews, 2023);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].1, vec![2022, 2023]);
    }

    #[test]
    fn each_year_of_the_period_is_reviewed_due_or_not_yet_come() {
        let p = programme("p", "thanh-oai", 2020, 2025);
        let reviews = vec![review("r21", "p", 2021), review("other", "q", 2022)];
        let states: Vec<(i32, &str)> = year_reviews(&p, &reviews, 2023)
            .into_iter()
            .map(|(y, r)| {
                let s = match r {
                    YearReview::Held(r) => r.meta.id.as_str(),
                    YearReview::Due => "due",
                    YearReview::NotYet => "not yet",
                };
                (y, s)
            })
            .collect();
        assert_eq!(
            states,
            vec![
                (2020, "due"),
                (2021, "r21"),
                (2022, "due"),
                (2023, "due"),
                (2024, "not yet"),
                (2025, "not yet")
            ]
        );
        assert!(year_reviews(&p, &reviews, 2019)
            .iter()
            .all(|(y, r)| *y == 2021 || *r == YearReview::NotYet));
    }

    #[test]
    fn the_report_runs_over_the_years_so_far_or_the_first_year_before_the_start() {
        let p = programme("p", "thanh-oai", 2020, 2025);
        assert_eq!(years_so_far(&p, 2023), Some(2020..=2023));
        assert_eq!(years_so_far(&p, 2020), Some(2020..=2020));
        assert_eq!(years_so_far(&p, 2030), Some(2020..=2025));
        assert_eq!(years_so_far(&p, 2019), None);
        assert_eq!(report_years(&p, 2023), 2020..=2023);
        assert_eq!(report_years(&p, 2030), 2020..=2025);
        assert_eq!(report_years(&p, 2019), 2020..=2020);
    }

    #[test]
    fn current_period_totals_run_from_the_first_year_to_now() {
        let p = programme("p", "thanh-oai", 2020, 2025);
        let mut data = AppData {
            units: vec![district("thanh-oai")],
            ..AppData::default()
        };
        for year in 2020..=2023 {
            data.indicators
                .push(report("thanh-oai", year, &[(IndicatorKey::HealthChecks, 1_450)]));
        }
        let totals = current_period_totals(&p, &data, 2022).unwrap();
        assert_eq!(totals.years, 2020..=2022);
        let checks = AreaMeasure::Indicator(IndicatorKey::HealthChecks);
        assert_eq!(totals.total(&checks), Some(4_350));
        assert_eq!(current_period_totals(&p, &data, 2031).unwrap().years, 2020..=2025);
        assert!(current_period_totals(&p, &data, 2019).is_none());
    }
}
