//! Dữ liệu mẫu: the whole story the seed articles tell, so that a newcomer sees every page
//! filled in with figures that add up:
//! - scoring: Cụm thi đua số 4, 2023, with its six district federations (seed 001,
//!   [`crate::domain::scoring::sample`]);
//! - a district's coordination programme 2016–2020 with the People's Committee of Thanh Oai,
//!   five years of indicators whose totals are the seed's (4.561 sáng kiến cấp cơ sở…), yearly
//!   leader–worker dialogues with over 300 attendances raising 35 contents, all resolved in
//!   time, and an annual review each year (seed 000, [`thanh_oai`]);
//! - the city: programme 163/CTr-UBND-LĐLĐ of 28/7/2020 and the May dialogues of the city's
//!   chairman with workers, whose proposals are in every status, some overdue ([`city`]).
//!
//! Loading only ever adds records; units that already exist (same name, diacritics and case
//! aside) are reused, and the sample is never loaded twice.

mod city;
pub mod city_scale;
mod reports;
mod thanh_oai;

pub use reports::report_requests;

use crate::domain::data::AppData;
use crate::domain::dialogues::proposal::{self, Directive, ProposalDraft, StatusUpdate};
use crate::domain::dialogues::{
    signing, AgreedPoint, Chair, Dialogue, DialogueKind, DialogueLevel, Host, HostKind, MeetingDetails,
    ProposalStatus, Topic,
};
use crate::domain::fold::fold;
use crate::domain::programmes::{starter_areas, AnnualReview, AreaResult, Outcome, Programme};
use crate::domain::record::{self, Id, Meta, Stamp};
use crate::domain::scoring::indicators::{IndicatorKey, UnitIndicators};
use crate::domain::scoring::{cluster, sample as scoring_sample};
use crate::domain::units::{Unit, UnitKind};
use chrono::NaiveDate;

/// What loading added, for the confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The sample cluster-year, for a link to its results.
    pub cluster_id: Id,
    pub new_units: usize,
    pub dialogues: usize,
    pub proposals: usize,
    pub programmes: usize,
}

/// The sample is already in the data (its cluster-year exists): nothing was added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlreadyLoaded {
    pub cluster_id: Id,
}

/// The whole sample in otherwise empty data, with ids `id-00001`, `id-00002`… in the order
/// they are made, so tests, tools and the fuzz harness see the same records every run; and the
/// sample cluster's id.
pub fn with_numbered_ids(stamp: &Stamp) -> (AppData, Id) {
    let mut data = AppData::default();
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("id-{n:05}")
    };
    let loaded = load(&mut data, &mut next, stamp).expect("the sample loads into empty data");
    (data, loaded.cluster_id)
}

/// Adds the whole sample to `data`.
pub fn load(
    data: &mut AppData,
    next_id: &mut dyn FnMut() -> Id,
    stamp: &Stamp,
) -> Result<Loaded, AlreadyLoaded> {
    if let Some(c) = cluster::find_year(&data.clusters, scoring_sample::CLUSTER_NAME, scoring_sample::YEAR) {
        return Err(AlreadyLoaded {
            cluster_id: c.meta.id.clone(),
        });
    }
    let units_before = data.units.len();
    let (dialogues, proposals, programmes) =
        (data.dialogues.len(), data.proposals.len(), data.programmes.len());
    let scoring = scoring_sample::cluster_4_2023(&data.units, &mut *next_id, stamp);
    let cluster_id = scoring.cluster.meta.id.clone();
    scoring.add_to(data);
    let mut story = Story { data, next_id, stamp };
    let city = story.unit(CITY, "LĐLĐ Thành phố", UnitKind::City, None, None);
    thanh_oai::add(&mut story, &city);
    city::add(&mut story, &city);
    // The sample's minutes were signed at their meetings: they record the contents raised.
    let data = &mut *story.data;
    for d in data.dialogues[dialogues..]
        .iter_mut()
        .filter(|d| d.minutes_signed)
    {
        signing::record_raised(d, &data.proposals);
    }
    Ok(Loaded {
        cluster_id,
        new_units: story.data.units.len() - units_before,
        dialogues: story.data.dialogues.len() - dialogues,
        proposals: story.data.proposals.len() - proposals,
        programmes: story.data.programmes.len() - programmes,
    })
}

const CITY: &str = "Liên đoàn Lao động Thành phố Hà Nội";

/// The data being added to, with the id source and the stamp of the loading.
struct Story<'a> {
    data: &'a mut AppData,
    next_id: &'a mut dyn FnMut() -> Id,
    stamp: &'a Stamp,
}

impl Story<'_> {
    fn id(&mut self) -> Id {
        (self.next_id)()
    }

    fn meta(&mut self) -> Meta {
        Meta::new(self.id(), self.stamp)
    }

    /// The live, not archived unit of this name, or a new one.
    fn unit(
        &mut self,
        name: &str,
        short: &str,
        kind: UnitKind,
        parent: Option<&Id>,
        active_to: Option<NaiveDate>,
    ) -> Id {
        let existing = record::live(&self.data.units).find(|u| !u.archived && fold(&u.name) == fold(name));
        if let Some(u) = existing {
            return u.meta.id.clone();
        }
        let meta = self.meta();
        let id = meta.id.clone();
        self.data.units.push(Unit {
            meta,
            name: name.to_string(),
            short_name: short.to_string(),
            kind,
            parent_id: parent.cloned(),
            active_from: None,
            active_to,
            archived: false,
        });
        id
    }
}

/// A dialogue of the sample, with its minutes.
struct DialogueText<'a> {
    kind: DialogueKind,
    level: DialogueLevel,
    date: NaiveDate,
    place: &'a str,
    unit_id: &'a Id,
    worker_chair: (&'a str, &'a str),
    employer_chair: (&'a str, &'a str),
    attendances: u32,
    agreed: &'a [(&'a str, &'a str)],
    /// Time, host, the two sides' participants and the minute-taker.
    meeting: MeetingDetails,
}

/// A proposal of the sample and what became of it: each step is (status, day, note).
struct ProposalText<'a> {
    content: String,
    topic: Topic,
    raised_by: &'a str,
    agency: &'a str,
    directive: Option<(&'a str, NaiveDate)>,
    deadline: NaiveDate,
    steps: &'a [(ProposalStatus, NaiveDate, &'a str)],
    response: &'a str,
}

impl Story<'_> {
    fn dialogue(&mut self, d: DialogueText<'_>) -> (Id, NaiveDate) {
        let meta = self.meta();
        let id = meta.id.clone();
        let chair = |(name, role): (&str, &str)| Chair {
            name: name.to_string(),
            role: role.to_string(),
        };
        self.data.dialogues.push(Dialogue {
            meta,
            kind: d.kind,
            level: d.level,
            date: d.date,
            place: d.place.to_string(),
            unit_id: d.unit_id.clone(),
            worker_chair: chair(d.worker_chair),
            employer_chair: chair(d.employer_chair),
            enterprises: Vec::new(),
            attendances: d.attendances,
            agreed: d
                .agreed
                .iter()
                .map(|(content, measure)| AgreedPoint {
                    content: content.to_string(),
                    measure: measure.to_string(),
                })
                .collect(),
            disagreed: Vec::new(),
            next_dialogue_on: None,
            minutes_notes: String::new(),
            minutes_signed: true,
            meeting: d.meeting,
            raised: None,
            reopenings: Vec::new(),
        });
        (id, d.date)
    }

    /// Adds a proposal through the domain's own commands, so the sample obeys every rule.
    fn proposal(&mut self, (dialogue_id, raised_on): &(Id, NaiveDate), p: ProposalText<'_>) {
        let mut draft = ProposalDraft::new(dialogue_id.clone(), p.topic);
        draft.content = p.content;
        draft.raised_by = p.raised_by.to_string();
        draft.agency = p.agency.to_string();
        if let Some((number, date)) = p.directive {
            draft.directive = Directive {
                number: number.to_string(),
                date: Some(date),
            };
        }
        draft.deadline = Some(p.deadline);
        draft.response = p.response.to_string();
        let id = self.id();
        proposal::add(
            &mut self.data.proposals,
            &self.data.dialogues,
            id.clone(),
            draft,
            self.stamp,
        )
        .expect("sample proposals are valid");
        let stored = record::find_mut(&mut self.data.proposals, &id).expect("just added");
        for (to, on, note) in p.steps {
            // Closing records the result: the proposal's own, else the step's note.
            let response = [p.response, *note]
                .into_iter()
                .find(|r| !r.is_empty())
                .unwrap_or("Đã trả lời bằng văn bản.");
            let mut update = if to.is_closed() {
                StatusUpdate::closing(*to, *on, response)
            } else {
                StatusUpdate::open(*to, *on)
            };
            update.note = note.to_string();
            proposal::change_status(stored, *raised_on, update, self.stamp)
                .expect("sample steps are in order");
        }
    }

    /// One unit's yearly indicators.
    fn indicators(&mut self, unit_id: &Id, year: i32, figures: &[(IndicatorKey, u64)]) {
        let mut report = UnitIndicators::new(self.id(), unit_id.clone(), year, self.stamp);
        for (key, value) in figures {
            key.write(&mut report, Some(*value));
        }
        self.data.indicators.push(report);
    }

    /// A programme on the starter content areas.
    fn programme(
        &mut self,
        number: &str,
        title: &str,
        authority: &str,
        unit_id: &Id,
        signed_on: NaiveDate,
        years: (i32, i32),
    ) -> Id {
        let meta = self.meta();
        let id = meta.id.clone();
        self.data.programmes.push(Programme {
            meta,
            number: number.to_string(),
            title: title.to_string(),
            authority: authority.to_string(),
            unit_id: unit_id.clone(),
            signed_on,
            from_year: years.0,
            to_year: years.1,
            areas: starter_areas(),
        });
        id
    }

    /// An annual review judging every content area; `partly` names the areas only partly done.
    fn review(
        &mut self,
        programme_id: &Id,
        year: i32,
        held_on: NaiveDate,
        partly: &[(&str, &str)],
        limitations: &[&str],
    ) {
        let results = starter_areas()
            .into_iter()
            .map(|a| {
                let part = partly.iter().find(|(id, _)| *id == a.id);
                AreaResult {
                    area_id: a.id,
                    outcome: if part.is_some() {
                        Outcome::Partly
                    } else {
                        Outcome::Done
                    },
                    note: part.map(|(_, note)| note.to_string()).unwrap_or_default(),
                }
            })
            .collect();
        let meta = self.meta();
        self.data.reviews.push(AnnualReview {
            meta,
            programme_id: programme_id.clone(),
            year,
            held_on,
            results,
            limitations: limitations.iter().map(|l| l.to_string()).collect(),
            next_tasks: Vec::new(),
        });
    }
}

/// The minutes' record of a sample meeting: its hour, who held it, the participants of each
/// side (name, position) and the minute-taker.
fn meeting(
    (hour, minute): (u32, u32),
    host: (HostKind, &str),
    employer_side: &[(&str, &str)],
    worker_side: &[(&str, &str)],
    minute_taker: (&str, &str),
) -> MeetingDetails {
    let person = |(name, role): &(&str, &str)| Chair {
        name: name.to_string(),
        role: role.to_string(),
    };
    MeetingDetails {
        start_time: chrono::NaiveTime::from_hms_opt(hour, minute, 0),
        host: Host {
            kind: host.0,
            name: host.1.to_string(),
        },
        employer_side: employer_side.iter().map(person).collect(),
        worker_side: worker_side.iter().map(person).collect(),
        minute_taker: person(&minute_taker),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("sample dates exist")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::{overdue, summarize, ProposalStatus};
    use crate::domain::programmes::{period_report, AreaMeasure, ReportScope};
    use crate::domain::scoring::indicators::IndicatorKey as K;
    use chrono::DateTime;

    fn loaded() -> (AppData, Loaded) {
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_764_000_000, 0).unwrap());
        let mut data = AppData::default();
        let mut n = 0;
        let mut next_id = || {
            n += 1;
            format!("id-{n}")
        };
        let loaded = load(&mut data, &mut next_id, &stamp).unwrap();
        (data, loaded)
    }

    #[test]
    fn the_sample_is_a_valid_file_and_loads_only_once() {
        let (mut data, loaded) = loaded();
        use crate::domain::exchange::file::{export, Office, Scope as FileScope, Selection};
        let file = export(
            &data,
            &Selection::everything(&data),
            Office {
                id: "o".into(),
                name: "LĐLĐ Thành phố Hà Nội".into(),
            },
            FileScope {
                description: "Toàn bộ".into(),
            },
            DateTime::from_timestamp(1_764_000_000, 0).unwrap(),
        )
        .to_value();
        let checked =
            crate::domain::exchange::validate::validate(file.to_string().as_bytes(), &AppData::default());
        assert!(checked.is_ok(), "{:?}", checked.err());
        let stamp = Stamp::new("o", DateTime::from_timestamp(1_764_000_000, 0).unwrap());
        let before = data.clone();
        let again = load(&mut data, &mut || "x".into(), &stamp);
        assert_eq!(
            again,
            Err(AlreadyLoaded {
                cluster_id: loaded.cluster_id
            })
        );
        assert_eq!(data, before);
    }

    #[test]
    fn thanh_oai_five_years_add_up_to_the_seed_figures() {
        let (data, _) = loaded();
        let unit = record::live(&data.units)
            .find(|u| u.short_name == "Thanh Oai")
            .unwrap();
        let report = period_report(&ReportScope::Unit(unit.meta.id.clone()), 2016..=2020, &data);
        let total = |k: K| report.total(&AreaMeasure::Indicator(k));
        assert_eq!(total(K::ImprovementsBase), Some(4_561));
        assert_eq!(total(K::ImprovementsUpper), Some(436));
        assert_eq!(total(K::GoodWorkersBase), Some(1_258));
        assert_eq!(total(K::GoodWorkersDistrict), Some(336));
        assert_eq!(total(K::GoodWorkersCapital), Some(5));
        assert_eq!(total(K::ExperienceCity), Some(322));
        assert_eq!(total(K::ExperienceDistrict), Some(2_184));
        assert_eq!(total(K::ExperienceBase), Some(4_776));
        assert!(report.total(&AreaMeasure::DialogueAttendances).unwrap() > 300);
        assert_eq!(report.total(&AreaMeasure::ProposalsRaised), Some(35));
        assert_eq!(report.total(&AreaMeasure::ProposalsResolved), Some(35));
        let theirs: Vec<_> = record::live(&data.proposals)
            .filter(|p| {
                data.dialogues
                    .iter()
                    .any(|d| d.meta.id == p.dialogue_id && d.unit_id == unit.meta.id)
            })
            .collect();
        assert_eq!(theirs.len(), 35);
        assert!(theirs.iter().all(|p| overdue::resolved_in_time(p)));
    }

    #[test]
    fn the_citys_proposals_are_in_every_status_and_some_are_overdue() {
        let (data, _) = loaded();
        for status in ProposalStatus::ALL {
            assert!(
                record::live(&data.proposals).any(|p| p.status == status),
                "no proposal is {status:?}"
            );
        }
        let today = day(2026, 11, 29);
        assert!(record::live(&data.proposals).any(|p| overdue::is_overdue(p, today)));
        let summary = summarize(2025, None, &data.dialogues, &data.proposals, today);
        assert!(summary.proposals >= 5);
        assert_eq!(data.latest_year_with_data(2026), 2025);
        let programme = record::live(&data.programmes)
            .find(|p| p.number == "163/CTr-UBND-LĐLĐ")
            .unwrap();
        assert_eq!((programme.from_year, programme.to_year), (2020, 2025));
        assert!(
            record::live(&data.reviews)
                .filter(|r| r.programme_id == programme.meta.id)
                .count()
                >= 4
        );
    }
}
