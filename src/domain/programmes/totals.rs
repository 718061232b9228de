//! Period totals (số liệu giai đoạn): what a five-year report quotes ("trong 5 năm qua: 4.561
//! sáng kiến cải tiến cấp cơ sở…", seed 000), gathered per year from the indicators and the
//! dialogue log, never typed twice.
//!
//! Rules, written down once here:
//! - **Which units.** A [`Scope`] names the units counted in each year: one unit and its direct
//!   children (units whose `parent_id` is that unit), the members of a cluster's record for
//!   that year and their direct children, or every unit. Only units active in that year
//!   ([`Unit::active_in_year`], the one active-unit rule) count, whether archived or not:
//!   archiving hides a unit from current work, it does not erase its past years. Deleted units
//!   never count.
//! - **Dialogue figures** come from [`summarize_held`], the one computation the dialogue pages
//!   use too: every dialogue of the log for all units, and the scope's named units' own
//!   dialogues in any year they hold one (the forms and the import refuse a dialogue of an
//!   inactive unit; one recorded before that rule still counts, as on *Đối thoại*).
//!   A district federation that ended on 30/6/2025 counts for 2025 and not for 2026; its
//!   children count only in the years the district itself is active.
//!   *(proposal)* Each unit's indicators are its own figures: a district enters what it did
//!   itself and its CĐCS enter theirs, so adding children does not count anything twice. An
//!   office that keeps only district-wide totals simply has no child reports to add.
//!   Parent links are not dated: a CĐCS moved to the city federation after 2025 no longer
//!   shows under its old district for the years before (the limit of an undated hierarchy).
//! - **Missing is not zero.** An indicator nobody in scope reported for a year is `None` for
//!   that year; the total adds the years that have data and says how many did. Dialogue figures
//!   come from a log, where no entry means none held, so they are known (possibly zero) for
//!   every year that has units in scope.
//! - **Proposals** count in the year of the dialogue that raised them; "resolved" uses their
//!   current status (closed: resolved or answered), as [`summarize_held`] does.

use super::programme::AreaMeasure;
use crate::domain::data::AppData;
use crate::domain::dialogues::{summarize_held, DialogueKind, Organisers, Summary};
use crate::domain::record::{self, Id, Record};
use crate::domain::scoring::cluster;
use crate::domain::scoring::indicators::{IndicatorKey, UnitIndicators};
use crate::domain::units::Unit;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

/// The units a report is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One unit and its direct children.
    Unit(Id),
    /// A cluster by name (Cụm thi đua số 4): each year takes that year's cluster record, so
    /// membership may change from year to year; a year without a record has no units.
    Cluster(String),
    /// Every unit.
    All,
}

impl Scope {
    /// The scope in a form value or an address: "*", "u:<id>", "c:<cluster name>".
    pub fn value(&self) -> String {
        match self {
            Scope::All => "*".into(),
            Scope::Unit(id) => format!("u:{id}"),
            Scope::Cluster(name) => format!("c:{name}"),
        }
    }

    /// Reads [`Scope::value`]; anything else is every unit.
    pub fn from_value(value: &str) -> Scope {
        if let Some(id) = value.strip_prefix("u:") {
            Scope::Unit(id.to_string())
        } else if let Some(name) = value.strip_prefix("c:") {
            Scope::Cluster(name.to_string())
        } else {
            Scope::All
        }
    }
}

/// The figures a five-year report quotes, in report order.
pub const REPORT_MEASURES: &[AreaMeasure] = &[
    AreaMeasure::Indicator(IndicatorKey::ImprovementsBase),
    AreaMeasure::Indicator(IndicatorKey::ImprovementsUpper),
    AreaMeasure::Indicator(IndicatorKey::ExperienceBase),
    AreaMeasure::Indicator(IndicatorKey::ExperienceDistrict),
    AreaMeasure::Indicator(IndicatorKey::ExperienceCity),
    AreaMeasure::Indicator(IndicatorKey::GoodWorkersBase),
    AreaMeasure::Indicator(IndicatorKey::GoodWorkersDistrict),
    AreaMeasure::Indicator(IndicatorKey::GoodWorkersCapital),
    AreaMeasure::Indicator(IndicatorKey::GoodCreativeWorkers),
    AreaMeasure::Indicator(IndicatorKey::GoodDeedsTown),
    AreaMeasure::Indicator(IndicatorKey::GoodDeedsCity),
    AreaMeasure::DialoguesHeld,
    AreaMeasure::DialogueAttendances,
    AreaMeasure::ProposalsRaised,
    AreaMeasure::ProposalsResolved,
    AreaMeasure::Indicator(IndicatorKey::SupervisionJoined),
    AreaMeasure::Indicator(IndicatorKey::SupervisionChaired),
    AreaMeasure::Indicator(IndicatorKey::PropagandaSessions),
    AreaMeasure::Indicator(IndicatorKey::PropagandaAttendances),
    AreaMeasure::Indicator(IndicatorKey::NewMembers),
    AreaMeasure::Indicator(IndicatorKey::NewGrassroots),
    AreaMeasure::Indicator(IndicatorKey::HealthChecks),
];

/// One measure for one year of a scope.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeasureValue {
    /// The sum over the units that have the figure; `None` when none has it.
    pub value: Option<u64>,
    /// Units whose figure is in the sum (all units in scope for dialogue measures).
    pub units_reporting: usize,
    /// Units counted in the scope that year.
    pub units_in_scope: usize,
}

impl MeasureValue {
    /// Every unit in scope has the figure (and there is at least one unit).
    pub fn complete(&self) -> bool {
        self.units_in_scope > 0 && self.units_reporting == self.units_in_scope
    }
}

/// Lookups built once per report so that large installations (thousands of CĐCS) stay fast.
struct Index<'a> {
    units: &'a [Unit],
    children: HashMap<&'a str, Vec<&'a Unit>>,
    reports: HashMap<(&'a str, i32), &'a UnitIndicators>,
    data: &'a AppData,
}

impl<'a> Index<'a> {
    fn new(data: &'a AppData) -> Self {
        let mut children: HashMap<&str, Vec<&Unit>> = HashMap::new();
        for u in record::live(&data.units) {
            if let Some(parent) = &u.parent_id {
                children.entry(parent.as_str()).or_default().push(u);
            }
        }
        let mut reports = HashMap::new();
        for r in record::live(&data.indicators) {
            // The first live report wins, as `indicators::find_for` does.
            reports.entry((r.unit_id.as_str(), r.year)).or_insert(r);
        }
        Self {
            units: &data.units,
            children,
            reports,
            data,
        }
    }

    /// The units a scope names in `year` before the active-unit rule (None: every unit).
    fn roots(&self, scope: &Scope, year: i32) -> Option<Vec<&'a Unit>> {
        match scope {
            Scope::All => None,
            Scope::Unit(id) => Some(record::find(self.units, id).into_iter().collect()),
            Scope::Cluster(name) => Some(
                cluster::find_year(&self.data.clusters, name, year)
                    .map(|c| {
                        c.member_ids
                            .iter()
                            .filter_map(|id| record::find(self.units, id))
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
        }
    }

    fn units_in_year(&self, roots: Option<&[&'a Unit]>, year: i32) -> Vec<&'a Unit> {
        let active = |u: &&Unit| u.active_in_year(year);
        let Some(roots) = roots else {
            return record::live(self.units).filter(active).collect();
        };
        let mut seen: HashSet<&str> = HashSet::new();
        let mut out = Vec::new();
        for root in roots.iter().copied().filter(active) {
            let kids = self.children.get(root.id()).into_iter().flatten().copied();
            for u in std::iter::once(root).chain(kids.filter(active)) {
                if seen.insert(u.id()) {
                    out.push(u);
                }
            }
        }
        out
    }

    fn year(&self, scope: &Scope, year: i32) -> ScopeYear<'a> {
        let roots = self.roots(scope, year);
        let units = self.units_in_year(roots.as_deref(), year);
        let reports = units
            .iter()
            .filter_map(|u| self.reports.get(&(u.id(), year)).copied())
            .collect();
        // The dialogue log is counted by the one function the dialogue pages use. The units
        // the scope names count their own dialogues in every year they hold one, as
        // *Đối thoại* counts them; children count in the years they are in scope.
        let organisers: HashSet<&str> = units
            .iter()
            .chain(roots.iter().flatten())
            .map(|u| u.id())
            .collect();
        let organisers = match &roots {
            None => Organisers::All,
            Some(_) => Organisers::Units(&organisers),
        };
        // `today` only matters for overdue counts, which no report line uses.
        let today = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        let dialogues = summarize_held(
            year..=year,
            organisers,
            &self.data.dialogues,
            &self.data.proposals,
            today,
        );
        ScopeYear {
            year,
            units,
            reports,
            dialogues,
        }
    }
}

/// Everything gathered for one scope in one year, from which any measure is read.
#[derive(Clone, Debug)]
pub struct ScopeYear<'a> {
    pub year: i32,
    /// The units counted that year.
    pub units: Vec<&'a Unit>,
    /// Their indicator reports for the year (units without one are missing here).
    pub reports: Vec<&'a UnitIndicators>,
    /// The dialogues they organised that year and the proposals raised at them.
    pub dialogues: Summary,
}

impl<'a> ScopeYear<'a> {
    /// Gathers `scope`'s units, reports and dialogues for `year`.
    pub fn gather(scope: &Scope, year: i32, data: &'a AppData) -> Self {
        Index::new(data).year(scope, year)
    }

    /// The value of `measure` this year.
    pub fn value(&self, measure: &AreaMeasure) -> MeasureValue {
        let units_in_scope = self.units.len();
        // A year with no unit in scope has no figure, unless the log holds dialogues for it.
        let logged = |n: u64| MeasureValue {
            value: (units_in_scope > 0 || n > 0).then_some(n),
            units_reporting: units_in_scope,
            units_in_scope,
        };
        let s = &self.dialogues;
        match measure {
            AreaMeasure::Indicator(key) => {
                let figures: Vec<u64> = self.reports.iter().filter_map(|r| key.read(r)).collect();
                MeasureValue {
                    value: (!figures.is_empty()).then(|| figures.iter().sum()),
                    units_reporting: figures.len(),
                    units_in_scope,
                }
            }
            AreaMeasure::DialoguesHeld => logged(s.dialogues as u64),
            AreaMeasure::PeriodicDialoguesHeld => logged(s.of_kind(DialogueKind::Periodic) as u64),
            AreaMeasure::DialogueAttendances => logged(s.attendances),
            AreaMeasure::ProposalsRaised => logged(s.proposals as u64),
            AreaMeasure::ProposalsResolved => logged(s.closed as u64),
        }
    }
}

/// One measure of a report: its value in each year of the span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    pub measure: AreaMeasure,
    /// One entry per year of the span, in order.
    pub per_year: Vec<(i32, MeasureValue)>,
}

impl ReportLine {
    /// The sum over the years that have data; `None` when no year has any.
    pub fn total(&self) -> Option<u64> {
        self.per_year
            .iter()
            .filter_map(|(_, v)| v.value)
            .fold(None, |acc, v| Some(acc.unwrap_or(0) + v))
    }

    /// Years with a value, to say "số liệu 4/5 năm" next to a total.
    pub fn years_with_data(&self) -> usize {
        self.per_year.iter().filter(|(_, v)| v.value.is_some()).count()
    }

    /// Every year of the span has the figure from every unit in scope.
    pub fn complete(&self) -> bool {
        self.per_year.iter().all(|(_, v)| v.complete())
    }

    pub fn in_year(&self, year: i32) -> Option<&MeasureValue> {
        self.per_year.iter().find(|(y, _)| *y == year).map(|(_, v)| v)
    }
}

/// Báo cáo số liệu giai đoạn for a scope and a span of years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodReport {
    pub scope: Scope,
    pub years: RangeInclusive<i32>,
    /// Units counted in each year of the span.
    pub units_per_year: Vec<(i32, usize)>,
    pub lines: Vec<ReportLine>,
}

impl PeriodReport {
    pub fn line(&self, measure: &AreaMeasure) -> Option<&ReportLine> {
        self.lines.iter().find(|l| &l.measure == measure)
    }

    /// The period total of `measure` (see [`ReportLine::total`]).
    pub fn total(&self, measure: &AreaMeasure) -> Option<u64> {
        self.line(measure).and_then(ReportLine::total)
    }

    /// The value of `measure` in `year`.
    pub fn in_year(&self, measure: &AreaMeasure, year: i32) -> Option<u64> {
        self.line(measure)
            .and_then(|l| l.in_year(year))
            .and_then(|v| v.value)
    }
}

/// The [`REPORT_MEASURES`] of `scope` over `years` (both ends included; an empty range gives
/// an empty report).
/// The longest span a period report covers (years), so a typing slip (20255) does not build a
/// huge table.
pub const MAX_REPORT_SPAN: i32 = 30;

/// Why a report's span was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanError {
    /// "Đến năm" before "Từ năm".
    EndBeforeStart,
    /// More than [`MAX_REPORT_SPAN`] years.
    TooLong,
}

/// The years of a period report from the two ends the officer chose.
pub fn report_span(from: i32, to: i32) -> Result<RangeInclusive<i32>, SpanError> {
    if to < from {
        Err(SpanError::EndBeforeStart)
    } else if to - from >= MAX_REPORT_SPAN {
        Err(SpanError::TooLong)
    } else {
        Ok(from..=to)
    }
}

pub fn period_report(scope: &Scope, years: RangeInclusive<i32>, data: &AppData) -> PeriodReport {
    period_report_of(scope, years, REPORT_MEASURES, data)
}

/// Like [`period_report`] for any list of measures (e.g. a programme's own).
pub fn period_report_of(
    scope: &Scope,
    years: RangeInclusive<i32>,
    measures: &[AreaMeasure],
    data: &AppData,
) -> PeriodReport {
    let index = Index::new(data);
    let gathered: Vec<ScopeYear> = years.clone().map(|y| index.year(scope, y)).collect();
    PeriodReport {
        scope: scope.clone(),
        years,
        units_per_year: gathered.iter().map(|g| (g.year, g.units.len())).collect(),
        lines: measures
            .iter()
            .map(|m| ReportLine {
                measure: m.clone(),
                per_year: gathered.iter().map(|g| (g.year, g.value(m))).collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_report_span_runs_forward_and_is_not_too_long() {
        assert_eq!(super::report_span(2016, 2020), Ok(2016..=2020));
        assert_eq!(super::report_span(2020, 2020), Ok(2020..=2020));
        assert_eq!(
            super::report_span(2021, 2020),
            Err(super::SpanError::EndBeforeStart)
        );
        assert_eq!(super::report_span(1990, 2020), Err(super::SpanError::TooLong));
        assert_eq!(super::report_span(1991, 2020), Ok(1991..=2020));
    }

    use super::*;
    use crate::domain::dialogues::ProposalStatus;
    use crate::domain::programmes::testkit::{d, dialogue, district, proposal, report, stamp, unit};
    use crate::domain::record::Meta;
    use crate::domain::scoring::cluster::Cluster;
    use crate::domain::units::UnitKind;
    use IndicatorKey::*;

    fn ind(key: IndicatorKey) -> AreaMeasure {
        AreaMeasure::Indicator(key)
    }

    fn cdcs(id: &str, parent: &str) -> Unit {
        unit(id, UnitKind::Grassroots, Some(parent))
    }

    /// Seed 000: Thanh Oai 2016–2020, "4.561 sáng kiến cải tiến cấp cơ sở, 436 cấp trên cơ
    /// sở; 1.258 Công nhân giỏi cấp cơ sở, 336 cấp huyện, 05 Thủ đô; 322 sáng kiến kinh
    /// nghiệm cấp thành phố, 2.184 cấp huyện, 4.776 cấp cơ sở", split between the district
    /// federation's own reports and one CĐCS; leaders met workers every May, 306 attendances
    /// raising 35 contents, all settled.
    fn thanh_oai_2016_2020() -> AppData {
        let mut data = AppData {
            units: vec![
                unit("city", UnitKind::City, None),
                district("thanh-oai"),
                cdcs("may-10", "thanh-oai"),
            ],
            ..AppData::default()
        };
        let district_years = [
            [850, 80, 230, 60, 1, 60, 420, 900],
            [860, 85, 240, 65, 1, 62, 430, 940],
            [870, 90, 250, 70, 1, 64, 440, 960],
            [880, 90, 260, 70, 1, 66, 444, 976],
            [901, 91, 278, 71, 1, 70, 450, 1000],
        ];
        let keys = [
            ImprovementsBase,
            ImprovementsUpper,
            GoodWorkersBase,
            GoodWorkersDistrict,
            GoodWorkersCapital,
            ExperienceCity,
            ExperienceDistrict,
            ExperienceBase,
        ];
        for (i, year) in (2016..=2020).enumerate() {
            let figures: Vec<(IndicatorKey, u64)> = keys.iter().cloned().zip(district_years[i]).collect();
            data.indicators.push(report("thanh-oai", year, &figures));
        }
        // The CĐCS reported its own improvements in two years only.
        data.indicators
            .push(report("may-10", 2019, &[(ImprovementsBase, 100)]));
        data.indicators
            .push(report("may-10", 2020, &[(ImprovementsBase, 100)]));
        let attendances = [62, 60, 65, 58, 61];
        for (i, year) in (2016..=2020).enumerate() {
            let id = format!("dl-{year}");
            data.dialogues.push(dialogue(
                &id,
                "thanh-oai",
                DialogueKind::LeadersWithWorkers,
                d(year, 5, 14),
                attendances[i],
            ));
            for j in 0..7 {
                let status = if j == 0 {
                    ProposalStatus::Answered
                } else {
                    ProposalStatus::Resolved
                };
                data.proposals
                    .push(proposal(&format!("p-{year}-{j}"), &id, status));
            }
        }
        data
    }

    #[test]
    fn five_years_of_thanh_oai_add_up_to_the_seed_report() {
        let data = thanh_oai_2016_2020();
        let r = period_report(&Scope::Unit("thanh-oai".into()), 2016..=2020, &data);
        assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_561));
        assert_eq!(r.total(&ind(ImprovementsUpper)), Some(436));
        assert_eq!(r.total(&ind(GoodWorkersBase)), Some(1_258));
        assert_eq!(r.total(&ind(GoodWorkersDistrict)), Some(336));
        assert_eq!(r.total(&ind(GoodWorkersCapital)), Some(5));
        assert_eq!(r.total(&ind(ExperienceCity)), Some(322));
        assert_eq!(r.total(&ind(ExperienceDistrict)), Some(2_184));
        assert_eq!(r.total(&ind(ExperienceBase)), Some(4_776));
        assert_eq!(r.total(&AreaMeasure::DialoguesHeld), Some(5));
        assert_eq!(r.total(&AreaMeasure::DialogueAttendances), Some(306));
        assert_eq!(r.total(&AreaMeasure::ProposalsRaised), Some(35));
        assert_eq!(r.total(&AreaMeasure::ProposalsResolved), Some(35));
        assert_eq!(
            r.units_per_year,
            (2016..=2020).map(|y| (y, 2)).collect::<Vec<_>>()
        );
        assert_eq!(r.lines.len(), REPORT_MEASURES.len());
        assert_eq!(
            crate::domain::format::integer(r.total(&ind(ImprovementsBase)).unwrap() as i64),
            "4.561"
        );
    }

    #[test]
    fn per_year_values_say_how_many_units_reported() {
        let data = thanh_oai_2016_2020();
        let r = period_report(&Scope::Unit("thanh-oai".into()), 2016..=2020, &data);
        let line = r.line(&ind(ImprovementsBase)).unwrap();
        let v2016 = line.in_year(2016).unwrap();
        assert_eq!(
            (v2016.value, v2016.units_reporting, v2016.units_in_scope),
            (Some(850), 1, 2)
        );
        assert!(!v2016.complete());
        assert_eq!(r.in_year(&ind(ImprovementsBase), 2020), Some(1_001));
        assert!(line.in_year(2020).unwrap().complete());
        assert!(!line.complete());
    }

    #[test]
    fn a_year_with_no_data_is_missing_not_zero() {
        let mut data = thanh_oai_2016_2020();
        data.indicators
            .push(report("thanh-oai", 2021, &[(HealthChecks, 0)]));
        let r = period_report(&Scope::Unit("thanh-oai".into()), 2016..=2021, &data);
        assert_eq!(r.in_year(&ind(ImprovementsBase), 2021), None);
        let line = r.line(&ind(ImprovementsBase)).unwrap();
        assert_eq!(line.years_with_data(), 5);
        assert_eq!(line.total(), Some(4_561));
        // A reported zero is a figure.
        assert_eq!(r.in_year(&ind(HealthChecks), 2021), Some(0));
        assert_eq!(r.total(&ind(HealthChecks)), Some(0));
        // Nothing reported in any year: no total at all.
        assert_eq!(r.total(&ind(SupervisionChaired)), None);
        // The dialogue log is complete: no dialogue in 2021 means none held.
        assert_eq!(r.in_year(&AreaMeasure::DialoguesHeld, 2021), Some(0));
    }

    #[test]
    fn a_unit_archived_mid_period_counts_for_its_active_years_only() {
        let mut data = thanh_oai_2016_2020();
        let mut closed = cdcs("closed", "thanh-oai");
        closed.active_to = Some(d(2018, 6, 30));
        closed.archived = true;
        data.units.push(closed);
        for year in 2016..=2020 {
            // A stray report after it closed must not count.
            data.indicators
                .push(report("closed", year, &[(ImprovementsBase, 10)]));
        }
        let r = period_report(&Scope::Unit("thanh-oai".into()), 2016..=2020, &data);
        assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_561 + 30));
        assert_eq!(r.units_per_year[2], (2018, 3));
        assert_eq!(r.units_per_year[3], (2019, 2));
    }

    #[test]
    fn deleted_units_and_reports_never_count() {
        let mut data = thanh_oai_2016_2020();
        data.units[2].meta.deleted = true;
        let r = period_report(&Scope::Unit("thanh-oai".into()), 2016..=2020, &data);
        assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_361));
        data.indicators[0].meta.deleted = true;
        let r = period_report(&Scope::Unit("thanh-oai".into()), 2016..=2020, &data);
        assert_eq!(r.total(&ind(ImprovementsBase)), Some(4_361 - 850));
    }

    /// Hà Nội's district federations ended on 30/6/2025; from then on the city federation
    /// manages the CĐCS directly (their parent becomes the city).
    fn hanoi_across_2025() -> AppData {
        let mut thanh_oai = district("thanh-oai");
        thanh_oai.active_to = Some(d(2025, 6, 30));
        let mut old_cdcs = cdcs("cdcs-old", "thanh-oai");
        old_cdcs.active_to = Some(d(2025, 6, 30));
        let mut new_cdcs = cdcs("cdcs-new", "city");
        new_cdcs.active_from = Some(d(2025, 7, 1));
        let mut data = AppData {
            units: vec![unit("city", UnitKind::City, None), thanh_oai, old_cdcs, new_cdcs],
            ..AppData::default()
        };
        for year in 2024..=2026 {
            for u in ["city", "thanh-oai", "cdcs-old", "cdcs-new"] {
                data.indicators.push(report(u, year, &[(NewMembers, 100)]));
            }
            data.dialogues.push(dialogue(
                &format!("dl-{year}"),
                "thanh-oai",
                DialogueKind::Periodic,
                d(year, 5, 10),
                50,
            ));
        }
        data
    }

    #[test]
    fn a_programme_spanning_2025_drops_the_dissolved_district_from_2026() {
        let data = hanoi_across_2025();
        let city = period_report(&Scope::Unit("city".into()), 2024..=2026, &data);
        // 2024: city + district; 2025: city + district + the new CĐCS; 2026: city + new CĐCS.
        assert_eq!(city.units_per_year, vec![(2024, 2), (2025, 3), (2026, 2)]);
        assert_eq!(city.in_year(&ind(NewMembers), 2025), Some(300));
        assert_eq!(city.in_year(&ind(NewMembers), 2026), Some(200));
        assert_eq!(city.in_year(&AreaMeasure::DialoguesHeld, 2026), Some(0));

        let district = period_report(&Scope::Unit("thanh-oai".into()), 2024..=2026, &data);
        assert_eq!(district.units_per_year, vec![(2024, 2), (2025, 2), (2026, 0)]);
        assert_eq!(district.in_year(&ind(NewMembers), 2026), None);
        assert_eq!(district.in_year(&AreaMeasure::DialoguesHeld, 2025), Some(1));
        // A dialogue dated after the district ended (the forms now refuse one; this one was
        // recorded before) still counts for it, as *Đối thoại* counts it: one answer.
        assert_eq!(district.in_year(&AreaMeasure::DialoguesHeld, 2026), Some(1));
        assert_eq!(district.total(&AreaMeasure::DialogueAttendances), Some(150));
        assert_eq!(district.line(&ind(NewMembers)).unwrap().years_with_data(), 2);

        let all = period_report(&Scope::All, 2025..=2026, &data);
        assert_eq!(all.units_per_year, vec![(2025, 4), (2026, 2)]);
        assert_eq!(all.total(&ind(NewMembers)), Some(600));
    }

    fn cluster(id: &str, year: i32, members: &[&str]) -> Cluster {
        Cluster {
            meta: Meta::new(id.into(), &stamp()),
            name: "Cụm thi đua số 4".into(),
            year,
            member_ids: members.iter().map(|m| m.to_string()).collect(),
            head_id: None,
            deputy_id: None,
            next_head_id: None,
            vote_order: Vec::new(),
            results_closed: None,
            tally: Vec::new(),
            meeting: None,
        }
    }

    #[test]
    fn a_cluster_scope_takes_each_years_members() {
        let mut data = AppData {
            units: ["ba-vi", "phuc-tho", "quoc-oai", "dan-phuong"]
                .into_iter()
                .map(district)
                .collect(),
            ..AppData::default()
        };
        data.units.push(cdcs("cdcs-ba-vi", "ba-vi"));
        data.clusters = vec![
            cluster("k23", 2023, &["ba-vi", "phuc-tho", "quoc-oai"]),
            cluster("k24", 2024, &["phuc-tho", "quoc-oai", "dan-phuong"]),
        ];
        for year in 2023..=2025 {
            for (u, n) in [
                ("ba-vi", 1),
                ("phuc-tho", 10),
                ("quoc-oai", 100),
                ("dan-phuong", 1000),
            ] {
                data.indicators.push(report(u, year, &[(NewGrassroots, n)]));
            }
            data.indicators
                .push(report("cdcs-ba-vi", year, &[(NewGrassroots, 10_000)]));
        }
        let r = period_report(&Scope::Cluster("cum thi dua so 4".into()), 2023..=2025, &data);
        assert_eq!(r.units_per_year, vec![(2023, 4), (2024, 3), (2025, 0)]);
        assert_eq!(r.in_year(&ind(NewGrassroots), 2023), Some(10_111));
        assert_eq!(r.in_year(&ind(NewGrassroots), 2024), Some(1_110));
        assert_eq!(
            r.in_year(&ind(NewGrassroots), 2025),
            None,
            "no cluster record for 2025"
        );
        assert_eq!(r.total(&ind(NewGrassroots)), Some(11_221));
    }

    #[test]
    fn dialogues_outside_the_scope_or_deleted_do_not_count() {
        let mut data = thanh_oai_2016_2020();
        data.units.push(district("ba-vi"));
        data.dialogues.push(dialogue(
            "ba-vi-2018",
            "ba-vi",
            DialogueKind::Periodic,
            d(2018, 6, 1),
            40,
        ));
        data.proposals
            .push(proposal("ba-vi-p", "ba-vi-2018", ProposalStatus::New));
        data.dialogues[0].meta.deleted = true;
        let year = ScopeYear::gather(&Scope::Unit("thanh-oai".into()), 2016, &data);
        assert_eq!(year.value(&AreaMeasure::DialoguesHeld).value, Some(0));
        assert_eq!(year.value(&AreaMeasure::ProposalsRaised).value, Some(0));
        let all = ScopeYear::gather(&Scope::All, 2018, &data);
        assert_eq!(all.value(&AreaMeasure::DialoguesHeld).value, Some(2));
        assert_eq!(all.value(&AreaMeasure::PeriodicDialoguesHeld).value, Some(1));
        assert_eq!(all.value(&AreaMeasure::ProposalsRaised).value, Some(8));
        assert_eq!(all.value(&AreaMeasure::ProposalsResolved).value, Some(7));
    }

    #[test]
    fn an_empty_span_gives_an_empty_report() {
        #[allow(clippy::reversed_empty_ranges)]
        let r = period_report(&Scope::All, 2021..=2020, &thanh_oai_2016_2020());
        assert!(r.units_per_year.is_empty());
        assert_eq!(r.total(&AreaMeasure::DialoguesHeld), None);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever is reported or left out, the period total of a measure is the sum of
            /// the single-year values that exist, and the all-units figure of a year is the
            /// sum of the per-unit figures (independent units, so no unit is counted twice).
            #[test]
            fn period_totals_add_up_the_years_and_the_units(
                cells in prop::collection::vec(prop::option::of(0u64..5_000), 12),
            ) {
                let ids = ["ba-vi", "phuc-tho", "quoc-oai"];
                let mut data = AppData {
                    units: ids.into_iter().map(|id| unit(id, UnitKind::District, None)).collect(),
                    ..AppData::default()
                };
                for (i, cell) in cells.iter().enumerate() {
                    if let Some(n) = cell {
                        data.indicators.push(report(ids[i % 3], 2020 + (i / 3) as i32, &[(NewMembers, *n)]));
                    }
                }
                let m = ind(NewMembers);
                let all = period_report(&Scope::All, 2020..=2023, &data);
                let by_year: Vec<Option<u64>> = (2020..=2023).map(|y| all.in_year(&m, y)).collect();
                let expected_total = by_year.iter().flatten().copied().reduce(|a, b| a + b);
                prop_assert_eq!(all.total(&m), expected_total);
                for (k, year) in (2020..=2023).enumerate() {
                    let row = &cells[k * 3..k * 3 + 3];
                    let expected = row.iter().flatten().copied().reduce(|a, b| a + b);
                    prop_assert_eq!(by_year[k], expected);
                    let per_unit: Option<u64> = ids
                        .iter()
                        .filter_map(|id| {
                            period_report(&Scope::Unit((*id).into()), year..=year, &data).total(&m)
                        })
                        .reduce(|a, b| a + b);
                    prop_assert_eq!(per_unit, by_year[k]);
                    let v = all.line(&m).unwrap().in_year(year).copied().unwrap();
                    prop_assert_eq!(v.units_reporting, row.iter().flatten().count());
                    prop_assert_eq!(v.units_in_scope, 3);
                }
            }
        }
    }
}
