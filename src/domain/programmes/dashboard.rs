//! What the overview page shows about programmes: which are running this year, which years
//! still lack their annual review, and the totals so far of the current period.

use super::programme::Programme;
use super::review::{self, AnnualReview};
use super::totals::{period_report, PeriodReport, Scope};
use crate::domain::data::AppData;
use crate::domain::record;
use crate::domain::sorting;

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

/// Years of the period, up to and including `current_year`, without a live annual review.
/// The current year is listed too: its review is due at the year-end conference.
pub fn years_without_review(programme: &Programme, reviews: &[AnnualReview], current_year: i32) -> Vec<i32> {
    (programme.from_year..=programme.to_year.min(current_year))
        .filter(|&y| review::find_for(reviews, &programme.meta.id, y).is_none())
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
    let last = programme.to_year.min(current_year);
    (programme.from_year <= last).then(|| {
        period_report(
            &Scope::Unit(programme.unit_id.clone()),
            programme.from_year..=last,
            data,
        )
    })
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
