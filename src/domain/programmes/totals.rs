//! Period totals (số liệu giai đoạn): what a five-year report quotes ("trong 5 năm qua: 4.561
//! sáng kiến cải tiến cấp cơ sở…", seed 000), gathered per year from the indicators and the
//! dialogue log, never typed twice.
//!
//! Rules, written down once here:
//! - **Which units.** A [`ReportScope`] names the units counted in each year: one unit and its direct
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
pub enum ReportScope {
    /// One unit and its direct children.
    Unit(Id),
    /// A cluster by name (Cụm thi đua số 4): each year takes that year's cluster record, so
    /// membership may change from year to year; a year without a record has no units.
    Cluster(String),
    /// Every unit.
    All,
}

impl ReportScope {
    /// The scope in a form value or an address: "*", "u:<id>", "c:<cluster name>".
    pub fn value(&self) -> String {
        match self {
            ReportScope::All => "*".into(),
            ReportScope::Unit(id) => format!("u:{id}"),
            ReportScope::Cluster(name) => format!("c:{name}"),
        }
    }

    /// Reads [`ReportScope::value`]; anything else is every unit.
    pub fn from_value(value: &str) -> ReportScope {
        if let Some(id) = value.strip_prefix("u:") {
            ReportScope::Unit(id.to_string())
        } else if let Some(name) = value.strip_prefix("c:") {
            ReportScope::Cluster(name.to_string())
        } else {
            ReportScope::All
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
    fn roots(&self, scope: &ReportScope, year: i32) -> Option<Vec<&'a Unit>> {
        match scope {
            ReportScope::All => None,
            ReportScope::Unit(id) => Some(record::find(self.units, id).into_iter().collect()),
            ReportScope::Cluster(name) => Some(
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

    fn year(&self, scope: &ReportScope, year: i32) -> ScopeYear<'a> {
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
    pub fn gather(scope: &ReportScope, year: i32, data: &'a AppData) -> Self {
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
    pub scope: ReportScope,
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

pub fn period_report(scope: &ReportScope, years: RangeInclusive<i32>, data: &AppData) -> PeriodReport {
    period_report_of(scope, years, REPORT_MEASURES, data)
}

/// Like [`period_report`] for any list of measures (e.g. a programme's own).
pub fn period_report_of(
    scope: &ReportScope,
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
#[path = "totals_tests.rs"]
mod tests;
