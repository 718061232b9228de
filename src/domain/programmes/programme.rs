//! A coordination programme (chương trình phối hợp công tác) signed between a People's
//! Committee (UBND) and the federation of the same level for a period of years, with numbered
//! content areas (nội dung phối hợp), each led by one party or both and judged by measures
//! that are read from data already kept elsewhere (indicators, dialogues).

use crate::domain::record::{self, Id, Meta, Record, Stamp};
use crate::domain::scoring::cluster::YEARS;
use crate::domain::scoring::indicators::IndicatorKey;
use crate::domain::sorting;
use crate::domain::units::Unit;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use super::review::AnnualReview;

/// The longest period accepted, in years between the first and the last year (five-year
/// programmes such as 2020–2025 span 5; anything far longer is a typing mistake).
pub const MAX_PERIOD_SPAN: i32 = 10;

/// Who leads a content area (đơn vị chủ trì).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lead {
    /// UBND chủ trì
    PeopleCommittee,
    /// LĐLĐ chủ trì
    Federation,
    /// Hai bên cùng chủ trì
    Joint,
}

impl Lead {
    pub const ALL: [Lead; 3] = [Lead::PeopleCommittee, Lead::Federation, Lead::Joint];
}

/// What a content area is judged by: a figure read from existing data, never typed twice.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaMeasure {
    /// A yearly indicator (chỉ tiêu) of the units concerned.
    Indicator(IndicatorKey),
    /// Số cuộc đối thoại (all kinds).
    DialoguesHeld,
    /// Số cuộc đối thoại định kỳ.
    PeriodicDialoguesHeld,
    /// Lượt người tham dự đối thoại.
    DialogueAttendances,
    /// Số kiến nghị (nội dung) nêu tại đối thoại.
    ProposalsRaised,
    /// Số kiến nghị đã giải quyết hoặc đã trả lời (closed).
    ProposalsResolved,
}

impl AreaMeasure {
    /// The dialogue-derived measures, in report order.
    pub const DIALOGUE: [AreaMeasure; 5] = [
        AreaMeasure::DialoguesHeld,
        AreaMeasure::PeriodicDialoguesHeld,
        AreaMeasure::DialogueAttendances,
        AreaMeasure::ProposalsRaised,
        AreaMeasure::ProposalsResolved,
    ];

    /// Whether the figure comes from the dialogue log (where no entry means none held) rather
    /// than from reported indicators (where no entry means not reported).
    pub fn from_dialogues(&self) -> bool {
        !matches!(self, AreaMeasure::Indicator(_))
    }
}

/// Nội dung phối hợp: one numbered content area of a programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentArea {
    /// Stable within the programme: reviews point to it, so renumbering keeps their results.
    pub id: String,
    /// The number shown ("Thứ nhất", 1, 2…); unique within the programme.
    pub number: u32,
    pub title: String,
    pub lead: Lead,
    #[serde(default)]
    pub measures: Vec<AreaMeasure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub meta: Meta,
    /// Số hiệu, e.g. "163/CTr-UBND-LĐLĐ".
    pub number: String,
    /// Trích yếu, e.g. "Phối hợp công tác giai đoạn 2020–2025".
    #[serde(default)]
    pub title: String,
    /// The People's Committee side as written, e.g. "UBND huyện Thanh Oai".
    pub authority: String,
    /// The federation side: a unit of this installation.
    pub unit_id: Id,
    /// Ngày ký.
    pub signed_on: NaiveDate,
    /// Giai đoạn: first and last year, both included.
    pub from_year: i32,
    pub to_year: i32,
    /// In display order (sorted by number when saved).
    #[serde(default)]
    pub areas: Vec<ContentArea>,
}
crate::impl_record!(Programme);

impl Programme {
    /// The years of the period, both ends included.
    pub fn years(&self) -> RangeInclusive<i32> {
        self.from_year..=self.to_year
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years().contains(&year)
    }

    pub fn area(&self, area_id: &str) -> Option<&ContentArea> {
        self.areas.iter().find(|a| a.id == area_id)
    }
}

/// What the programme form submits, before validation.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeDraft {
    pub number: String,
    pub title: String,
    pub authority: String,
    pub unit_id: Option<Id>,
    pub signed_on: Option<NaiveDate>,
    pub from_year: i32,
    pub to_year: i32,
    pub areas: Vec<ContentArea>,
}

impl ProgrammeDraft {
    /// The form for a new programme made in `this_year`: its period runs from this year to five
    /// years on, with the [`starter_areas`](super::starter_areas).
    pub fn starting_in(this_year: i32) -> Self {
        Self::new(this_year, this_year + 5)
    }

    /// A new form for `from_year`–`to_year` with the [`starter_areas`](super::starter_areas).
    pub fn new(from_year: i32, to_year: i32) -> Self {
        Self {
            number: String::new(),
            title: String::new(),
            authority: String::new(),
            unit_id: None,
            signed_on: None,
            from_year,
            to_year,
            areas: super::starter::starter_areas(),
        }
    }

    pub fn from_programme(p: &Programme) -> Self {
        Self {
            number: p.number.clone(),
            title: p.title.clone(),
            authority: p.authority.clone(),
            unit_id: Some(p.unit_id.clone()),
            signed_on: Some(p.signed_on),
            from_year: p.from_year,
            to_year: p.to_year,
            areas: p.areas.clone(),
        }
    }
}

/// The form field an error belongs to, so the UI shows it next to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProgrammeField {
    Number,
    Authority,
    Unit,
    SignedOn,
    FromYear,
    ToYear,
    /// The period as a whole (both years).
    Period,
    /// The list of content areas as a whole.
    Areas,
    /// The content area at this position in the list: its number, title or measures.
    AreaNumber(usize),
    AreaTitle(usize),
    AreaMeasures(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgrammeError {
    NumberRequired,
    /// Another live programme of the same federation unit has this number.
    NumberTaken,
    AuthorityRequired,
    UnitRequired,
    /// The federation unit is not a live unit.
    UnitUnknown,
    SignedOnRequired,
    /// Signed more than a year before the period starts, or after it ends.
    SignedOutsidePeriod,
    FromYearOutOfRange {
        year: i32,
    },
    ToYearOutOfRange {
        year: i32,
    },
    /// The last year is before the first.
    PeriodReversed,
    /// More than [`MAX_PERIOD_SPAN`] years between first and last year.
    PeriodTooLong {
        span: i32,
    },
    /// Editing would leave an annual review outside the period.
    ReviewedYearOutside {
        year: i32,
    },
    AreasRequired,
    /// A content area without its stable id (the form always gives one: a programming error).
    AreaIdRequired {
        index: usize,
    },
    DuplicateAreaId {
        index: usize,
    },
    /// Area numbers start at 1.
    AreaNumberRequired {
        index: usize,
    },
    AreaNumberTaken {
        index: usize,
        number: u32,
    },
    AreaTitleRequired {
        index: usize,
    },
    DuplicateMeasure {
        index: usize,
    },
    /// A content area removed from the form still has results in an annual review.
    AreaReviewed {
        area_id: String,
    },
    /// Editing a programme that no longer exists (e.g. deleted in another tab).
    NotFound,
}

impl ProgrammeError {
    pub fn field(&self) -> Option<ProgrammeField> {
        use ProgrammeError::*;
        match self {
            NumberRequired | NumberTaken => Some(ProgrammeField::Number),
            AuthorityRequired => Some(ProgrammeField::Authority),
            UnitRequired | UnitUnknown => Some(ProgrammeField::Unit),
            SignedOnRequired | SignedOutsidePeriod => Some(ProgrammeField::SignedOn),
            FromYearOutOfRange { .. } => Some(ProgrammeField::FromYear),
            ToYearOutOfRange { .. } => Some(ProgrammeField::ToYear),
            PeriodReversed | PeriodTooLong { .. } | ReviewedYearOutside { .. } => {
                Some(ProgrammeField::Period)
            }
            AreasRequired | AreaReviewed { .. } => Some(ProgrammeField::Areas),
            AreaIdRequired { index } | DuplicateAreaId { index } | AreaNumberRequired { index } => {
                Some(ProgrammeField::AreaNumber(*index))
            }
            AreaNumberTaken { index, .. } => Some(ProgrammeField::AreaNumber(*index)),
            AreaTitleRequired { index } => Some(ProgrammeField::AreaTitle(*index)),
            DuplicateMeasure { index } => Some(ProgrammeField::AreaMeasures(*index)),
            NotFound => None,
        }
    }
}

/// Checks a draft against the units, the other programmes and the reviews; `editing` is the id
/// of the programme being edited.
pub fn validate(
    draft: &ProgrammeDraft,
    units: &[Unit],
    programmes: &[Programme],
    reviews: &[AnnualReview],
    editing: Option<&str>,
) -> Vec<ProgrammeError> {
    use ProgrammeError::*;
    let mut errors = Vec::new();
    let number = crate::domain::fold::fold(&draft.number);
    let unit_id = draft.unit_id.as_deref().map(str::trim).unwrap_or("");
    if number.is_empty() {
        errors.push(NumberRequired);
    } else if record::live(programmes).any(|p| {
        Some(p.id()) != editing && p.unit_id == unit_id && crate::domain::fold::fold(&p.number) == number
    }) {
        errors.push(NumberTaken);
    }
    if crate::domain::fold::is_blank(&draft.authority) {
        errors.push(AuthorityRequired);
    }
    if unit_id.is_empty() {
        errors.push(UnitRequired);
    } else if record::find(units, unit_id).is_none() {
        errors.push(UnitUnknown);
    }
    let (from, to) = (draft.from_year, draft.to_year);
    let years_ok = YEARS.contains(&from) && YEARS.contains(&to);
    if !YEARS.contains(&from) {
        errors.push(FromYearOutOfRange { year: from });
    }
    if !YEARS.contains(&to) {
        errors.push(ToYearOutOfRange { year: to });
    }
    let period_ok = years_ok && from <= to;
    if years_ok && to < from {
        errors.push(PeriodReversed);
    } else if years_ok && to - from > MAX_PERIOD_SPAN {
        errors.push(PeriodTooLong { span: to - from });
    }
    match draft.signed_on {
        None => errors.push(SignedOnRequired),
        // Judged only against a sensible period, so one typing mistake shows one error.
        Some(d) if period_ok && (d.year() < from - 1 || d.year() > to) => errors.push(SignedOutsidePeriod),
        Some(_) => {}
    }
    if let Some(me) = editing {
        let mine: Vec<&AnnualReview> = record::live(reviews).filter(|r| r.programme_id == me).collect();
        let mut outside: Vec<i32> = mine
            .iter()
            .map(|r| r.year)
            .filter(|y| !(from..=to).contains(y))
            .collect();
        sorting::sort(&mut outside);
        outside.dedup();
        errors.extend(outside.into_iter().map(|year| ReviewedYearOutside { year }));
        let kept: BTreeSet<&str> = draft.areas.iter().map(|a| a.id.as_str()).collect();
        let mut removed: BTreeSet<&str> = BTreeSet::new();
        for r in &mine {
            for res in &r.results {
                if !kept.contains(res.area_id.as_str()) {
                    removed.insert(res.area_id.as_str());
                }
            }
        }
        errors.extend(removed.into_iter().map(|a| AreaReviewed {
            area_id: a.to_string(),
        }));
    }
    validate_areas(&draft.areas, &mut errors);
    errors
}

fn validate_areas(areas: &[ContentArea], errors: &mut Vec<ProgrammeError>) {
    use ProgrammeError::*;
    if areas.is_empty() {
        errors.push(AreasRequired);
    }
    for (index, area) in areas.iter().enumerate() {
        let before = &areas[..index];
        if crate::domain::fold::is_blank(&area.id) {
            errors.push(AreaIdRequired { index });
        } else if before.iter().any(|a| a.id == area.id) {
            errors.push(DuplicateAreaId { index });
        }
        if area.number == 0 {
            errors.push(AreaNumberRequired { index });
        } else if before.iter().any(|a| a.number == area.number) {
            errors.push(AreaNumberTaken {
                index,
                number: area.number,
            });
        }
        if crate::domain::fold::is_blank(&area.title) {
            errors.push(AreaTitleRequired { index });
        }
        if area
            .measures
            .iter()
            .enumerate()
            .any(|(i, m)| area.measures[..i].contains(m))
        {
            errors.push(DuplicateMeasure { index });
        }
    }
}

fn build(meta: Meta, draft: ProgrammeDraft) -> Result<Programme, Vec<ProgrammeError>> {
    let signed_on = draft
        .signed_on
        .ok_or_else(|| vec![ProgrammeError::SignedOnRequired])?;
    let mut areas: Vec<ContentArea> = draft
        .areas
        .into_iter()
        .map(|a| ContentArea {
            id: a.id.trim().to_string(),
            title: a.title.trim().to_string(),
            ..a
        })
        .collect();
    sorting::sort_by_key(&mut areas, |a| a.number);
    Ok(Programme {
        meta,
        number: draft.number.trim().to_string(),
        title: draft.title.trim().to_string(),
        authority: draft.authority.trim().to_string(),
        unit_id: draft.unit_id.unwrap_or_default().trim().to_string(),
        signed_on,
        from_year: draft.from_year,
        to_year: draft.to_year,
        areas,
    })
}

pub fn add(
    programmes: &mut Vec<Programme>,
    units: &[Unit],
    reviews: &[AnnualReview],
    id: Id,
    draft: ProgrammeDraft,
    stamp: &Stamp,
) -> Result<(), Vec<ProgrammeError>> {
    crate::domain::record::checked(validate(&draft, units, programmes, reviews, None))?;
    programmes.push(build(Meta::new(id, stamp), draft)?);
    Ok(())
}

pub fn update(
    programmes: &mut [Programme],
    units: &[Unit],
    reviews: &[AnnualReview],
    id: &str,
    draft: ProgrammeDraft,
    stamp: &Stamp,
) -> Result<(), Vec<ProgrammeError>> {
    crate::domain::record::checked(validate(&draft, units, programmes, reviews, Some(id)))?;
    let existing = record::find_mut(programmes, id).ok_or_else(|| vec![ProgrammeError::NotFound])?;
    let mut meta = existing.meta.clone();
    meta.touch(stamp);
    *existing = build(meta, draft)?;
    Ok(())
}

/// Deletes a programme together with its annual reviews (they make no sense without it).
/// Returns false when no live programme had the id.
pub fn delete_with_reviews(
    programmes: &mut [Programme],
    reviews: &mut [AnnualReview],
    id: &str,
    stamp: &Stamp,
) -> bool {
    if !record::delete(programmes, id, stamp) {
        return false;
    }
    for r in reviews.iter_mut().filter(|r| r.is_live() && r.programme_id == id) {
        r.meta.deleted = true;
        r.meta.touch(stamp);
    }
    true
}

#[cfg(test)]
#[path = "programme_tests.rs"]
mod tests;
