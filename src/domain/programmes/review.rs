//! The annual review (hội nghị sơ kết / tổng kết hằng năm) of a programme: held once a year
//! by both parties, it judges each content area, records limitations (hạn chế) and sets the
//! next year's tasks (nhiệm vụ năm tới).

use super::programme::Programme;
use crate::domain::record::{self, Id, Meta, Record, Stamp};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Kết quả thực hiện of one content area in the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Hoàn thành
    Done,
    /// Hoàn thành một phần
    Partly,
    /// Chưa hoàn thành
    NotDone,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Done, Outcome::Partly, Outcome::NotDone];

    /// Position in [`Outcome::ALL`], for per-outcome counters.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The result of one content area, pointing to the area by its stable id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaResult {
    pub area_id: String,
    pub outcome: Outcome,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualReview {
    pub meta: Meta,
    pub programme_id: Id,
    /// The year reviewed (within the programme's period).
    pub year: i32,
    /// Ngày tổ chức hội nghị.
    pub held_on: NaiveDate,
    /// One result per assessed area; areas not yet assessed are absent.
    #[serde(default)]
    pub results: Vec<AreaResult>,
    /// Hạn chế, one per line.
    #[serde(default)]
    pub limitations: Vec<String>,
    /// Nhiệm vụ năm tới, one per line.
    #[serde(default)]
    pub next_tasks: Vec<String>,
}
crate::impl_record!(AnnualReview);

impl AnnualReview {
    pub fn result_for(&self, area_id: &str) -> Option<&AreaResult> {
        self.results.iter().find(|r| r.area_id == area_id)
    }

    /// How many areas were judged Done, Partly and NotDone, indexed by [`Outcome::index`].
    pub fn outcome_counts(&self) -> [usize; Outcome::ALL.len()] {
        let mut counts = [0; Outcome::ALL.len()];
        for r in &self.results {
            counts[r.outcome.index()] += 1;
        }
        counts
    }
}

/// The live review of `programme_id` for `year`.
pub fn find_for<'a>(reviews: &'a [AnnualReview], programme_id: &str, year: i32) -> Option<&'a AnnualReview> {
    record::live(reviews).find(|r| r.programme_id == programme_id && r.year == year)
}

/// What the review form submits, before validation.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewDraft {
    pub programme_id: Option<Id>,
    pub year: i32,
    pub held_on: Option<NaiveDate>,
    pub results: Vec<AreaResult>,
    pub limitations: Vec<String>,
    pub next_tasks: Vec<String>,
}

impl ReviewDraft {
    /// An empty form for the review of `programme_id`'s `year`.
    pub fn new(programme_id: Id, year: i32) -> Self {
        Self {
            programme_id: Some(programme_id),
            year,
            held_on: None,
            results: Vec::new(),
            limitations: Vec::new(),
            next_tasks: Vec::new(),
        }
    }

    pub fn from_review(r: &AnnualReview) -> Self {
        Self {
            programme_id: Some(r.programme_id.clone()),
            year: r.year,
            held_on: Some(r.held_on),
            results: r.results.clone(),
            limitations: r.limitations.clone(),
            next_tasks: r.next_tasks.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewField {
    Programme,
    Year,
    HeldOn,
    /// The result at this position in the list.
    Result(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewError {
    ProgrammeRequired,
    /// Not a live programme.
    ProgrammeUnknown,
    YearOutsidePeriod {
        from: i32,
        to: i32,
    },
    /// The programme already has a live review for this year.
    AlreadyReviewed,
    HeldOnRequired,
    /// The conference is dated before the year it reviews starts.
    HeldBeforeYear,
    /// The conference is dated after the end of the following year.
    HeldTooLate,
    /// A result for an area the programme does not have.
    UnknownArea {
        index: usize,
    },
    /// A second result for the same area.
    DuplicateArea {
        index: usize,
    },
    NotFound,
}

impl ReviewError {
    pub fn field(&self) -> Option<ReviewField> {
        use ReviewError::*;
        match self {
            ProgrammeRequired | ProgrammeUnknown => Some(ReviewField::Programme),
            YearOutsidePeriod { .. } | AlreadyReviewed => Some(ReviewField::Year),
            HeldOnRequired | HeldBeforeYear | HeldTooLate => Some(ReviewField::HeldOn),
            UnknownArea { index } | DuplicateArea { index } => Some(ReviewField::Result(*index)),
            NotFound => None,
        }
    }
}

/// Checks a draft; `editing` is the id of the review being edited.
///
/// The conference may be held from 1 January of the reviewed year (a mid-year review) to
/// 31 December of the next year (reviews of year N are often held in early N+1).
pub fn validate(
    draft: &ReviewDraft,
    programmes: &[Programme],
    reviews: &[AnnualReview],
    editing: Option<&str>,
) -> Vec<ReviewError> {
    use ReviewError::*;
    let mut errors = Vec::new();
    let programme = match draft.programme_id.as_deref().map(str::trim) {
        None | Some("") => {
            errors.push(ProgrammeRequired);
            None
        }
        Some(id) => {
            let p = record::find(programmes, id);
            if p.is_none() {
                errors.push(ProgrammeUnknown);
            }
            p
        }
    };
    if let Some(p) = programme {
        if !p.covers(draft.year) {
            errors.push(YearOutsidePeriod {
                from: p.from_year,
                to: p.to_year,
            });
        } else if record::live(reviews)
            .any(|r| Some(r.id()) != editing && r.programme_id == p.id() && r.year == draft.year)
        {
            errors.push(AlreadyReviewed);
        }
    }
    match draft.held_on {
        None => errors.push(HeldOnRequired),
        Some(d) if d.year() < draft.year => errors.push(HeldBeforeYear),
        Some(d) if d.year() > draft.year.saturating_add(1) => errors.push(HeldTooLate),
        Some(_) => {}
    }
    for (index, r) in draft.results.iter().enumerate() {
        if draft.results[..index].iter().any(|o| o.area_id == r.area_id) {
            errors.push(DuplicateArea { index });
        } else if programme.is_some_and(|p| p.area(&r.area_id).is_none()) {
            errors.push(UnknownArea { index });
        }
    }
    errors
}

fn non_empty_trimmed(items: Vec<String>) -> Vec<String> {
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn build(meta: Meta, draft: ReviewDraft) -> Result<AnnualReview, Vec<ReviewError>> {
    let held_on = draft.held_on.ok_or_else(|| vec![ReviewError::HeldOnRequired])?;
    Ok(AnnualReview {
        meta,
        programme_id: draft.programme_id.unwrap_or_default().trim().to_string(),
        year: draft.year,
        held_on,
        results: draft
            .results
            .into_iter()
            .map(|r| AreaResult {
                note: r.note.trim().to_string(),
                ..r
            })
            .collect(),
        limitations: non_empty_trimmed(draft.limitations),
        next_tasks: non_empty_trimmed(draft.next_tasks),
    })
}

pub fn add(
    reviews: &mut Vec<AnnualReview>,
    programmes: &[Programme],
    id: Id,
    draft: ReviewDraft,
    stamp: &Stamp,
) -> Result<(), Vec<ReviewError>> {
    crate::domain::record::checked(validate(&draft, programmes, reviews, None))?;
    reviews.push(build(Meta::new(id, stamp), draft)?);
    Ok(())
}

pub fn update(
    reviews: &mut [AnnualReview],
    programmes: &[Programme],
    id: &str,
    draft: ReviewDraft,
    stamp: &Stamp,
) -> Result<(), Vec<ReviewError>> {
    crate::domain::record::checked(validate(&draft, programmes, reviews, Some(id)))?;
    let existing = record::find_mut(reviews, id).ok_or_else(|| vec![ReviewError::NotFound])?;
    let mut meta = existing.meta.clone();
    meta.touch(stamp);
    *existing = build(meta, draft)?;
    Ok(())
}

/// Deletes one review. Returns false when no live review had the id.
pub fn delete(reviews: &mut [AnnualReview], id: &str, stamp: &Stamp) -> bool {
    record::delete(reviews, id, stamp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programmes::testkit::{d, programme, review, stamp};

    fn programmes() -> Vec<Programme> {
        vec![programme("p", "thanh-oai", 2020, 2025)]
    }

    fn draft(year: i32) -> ReviewDraft {
        let mut draft = ReviewDraft::new("p".into(), year);
        draft.held_on = Some(d(year, 12, 18));
        draft.results = vec![
            AreaResult {
                area_id: "emulation".into(),
                outcome: Outcome::Done,
                note: String::new(),
            },
            AreaResult {
                area_id: "inspection".into(),
                outcome: Outcome::Partly,
                note: " Chưa thường xuyên, ở một số nơi còn hình thức ".into(),
            },
        ];
        draft.limitations = vec![" Nợ, trốn BHXH ở một số doanh nghiệp ".into(), "  ".into()];
        draft.next_tasks = vec!["Kiểm tra liên ngành về BHXH".into()];
        draft
    }

    #[test]
    fn a_review_is_stored_with_trimmed_notes_and_no_empty_lines() {
        let mut reviews = Vec::new();
        add(&mut reviews, &programmes(), "r".into(), draft(2021), &stamp()).unwrap();
        let r = &reviews[0];
        assert_eq!(r.limitations, vec!["Nợ, trốn BHXH ở một số doanh nghiệp"]);
        assert_eq!(
            r.result_for("inspection").unwrap().note,
            "Chưa thường xuyên, ở một số nơi còn hình thức"
        );
        assert_eq!(r.outcome_counts(), [1, 1, 0]);
        assert_eq!(find_for(&reviews, "p", 2021).map(|r| r.id()), Some("r"));
    }

    #[test]
    fn the_year_must_lie_in_the_period() {
        let errors = validate(&draft(2026), &programmes(), &[], None);
        assert_eq!(
            errors,
            vec![ReviewError::YearOutsidePeriod { from: 2020, to: 2025 }]
        );
        assert_eq!(errors[0].field(), Some(ReviewField::Year));
    }

    #[test]
    fn one_review_per_programme_and_year() {
        let reviews = vec![review("r", "p", 2021)];
        assert_eq!(
            validate(&draft(2021), &programmes(), &reviews, None),
            vec![ReviewError::AlreadyReviewed]
        );
        assert!(validate(&draft(2021), &programmes(), &reviews, Some("r")).is_empty());
        let mut deleted = reviews.clone();
        deleted[0].meta.deleted = true;
        assert!(validate(&draft(2021), &programmes(), &deleted, None).is_empty());
    }

    #[test]
    fn the_conference_falls_in_the_year_or_the_next() {
        let mut early_next_year = draft(2021);
        early_next_year.held_on = Some(d(2022, 1, 15));
        assert!(validate(&early_next_year, &programmes(), &[], None).is_empty());
        let mut before = draft(2021);
        before.held_on = Some(d(2020, 12, 31));
        assert_eq!(
            validate(&before, &programmes(), &[], None),
            vec![ReviewError::HeldBeforeYear]
        );
        let mut late = draft(2021);
        late.held_on = Some(d(2023, 1, 1));
        assert_eq!(
            validate(&late, &programmes(), &[], None),
            vec![ReviewError::HeldTooLate]
        );
        let mut missing = draft(2021);
        missing.held_on = None;
        assert_eq!(
            validate(&missing, &programmes(), &[], None)[0].field(),
            Some(ReviewField::HeldOn)
        );
    }

    #[test]
    fn results_for_unknown_or_repeated_areas_are_refused() {
        let mut draft = draft(2021);
        draft.results.push(AreaResult {
            area_id: "housing".into(),
            outcome: Outcome::NotDone,
            note: String::new(),
        });
        draft.results.push(draft.results[0].clone());
        let errors = validate(&draft, &programmes(), &[], None);
        assert_eq!(
            errors,
            vec![
                ReviewError::UnknownArea { index: 2 },
                ReviewError::DuplicateArea { index: 3 }
            ]
        );
        assert_eq!(errors[0].field(), Some(ReviewField::Result(2)));
    }

    #[test]
    fn the_programme_must_exist() {
        let mut draft = draft(2021);
        draft.programme_id = Some("gone".into());
        assert_eq!(
            validate(&draft, &programmes(), &[], None),
            vec![ReviewError::ProgrammeUnknown]
        );
        draft.programme_id = None;
        assert_eq!(
            validate(&draft, &programmes(), &[], None),
            vec![ReviewError::ProgrammeRequired]
        );
    }

    #[test]
    fn editing_a_deleted_review_is_not_found() {
        let mut reviews = vec![review("r", "p", 2021)];
        assert!(delete(&mut reviews, "r", &stamp()));
        assert_eq!(
            update(&mut reviews, &programmes(), "r", draft(2021), &stamp()),
            Err(vec![ReviewError::NotFound])
        );
    }
}
