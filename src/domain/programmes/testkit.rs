//! Small builders for the tests of this module: records made directly, without the forms.

use super::programme::{Programme, ProgrammeDraft};
use super::review::AnnualReview;
use crate::domain::dialogues::{
    Chair, Dialogue, DialogueKind, DialogueLevel, Directive, Proposal, ProposalStatus, Topic,
};
use crate::domain::record::{Meta, Stamp};
use crate::domain::scoring::indicators::{IndicatorKey, UnitIndicators};
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, NaiveDate};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn stamp() -> Stamp {
    Stamp::new("thanh-oai", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
}

pub fn unit(id: &str, kind: UnitKind, parent: Option<&str>) -> Unit {
    Unit {
        meta: Meta::new(id.into(), &stamp()),
        name: format!("Đơn vị {id}"),
        short_name: String::new(),
        kind,
        parent_id: parent.map(Into::into),
        active_from: None,
        active_to: None,
        archived: false,
    }
}

pub fn district(id: &str) -> Unit {
    unit(id, UnitKind::District, Some("city"))
}

/// Thanh Oai's programme 2020–2025 with the starter areas, signed in 2020.
pub fn draft() -> ProgrammeDraft {
    let mut draft = ProgrammeDraft::new(2020, 2025);
    draft.number = " 01/CTr-UBND-LĐLĐ ".into();
    draft.authority = "UBND huyện Thanh Oai".into();
    draft.unit_id = Some("thanh-oai".into());
    draft.signed_on = Some(d(2020, 9, 26));
    draft
}

pub fn programme(id: &str, unit_id: &str, from: i32, to: i32) -> Programme {
    let mut draft = draft();
    draft.unit_id = Some(unit_id.into());
    draft.from_year = from;
    draft.to_year = to;
    Programme {
        meta: Meta::new(id.into(), &stamp()),
        number: format!("{id}/CTr-UBND-LĐLĐ"),
        title: String::new(),
        authority: draft.authority,
        unit_id: unit_id.into(),
        signed_on: d(from, 7, 28),
        from_year: from,
        to_year: to,
        areas: draft.areas,
    }
}

pub fn review(id: &str, programme_id: &str, year: i32) -> AnnualReview {
    AnnualReview {
        meta: Meta::new(id.into(), &stamp()),
        programme_id: programme_id.into(),
        year,
        held_on: d(year, 12, 20),
        results: Vec::new(),
        limitations: Vec::new(),
        next_tasks: Vec::new(),
    }
}

/// A report of `unit_id` for `year` with the given figures.
pub fn report(unit_id: &str, year: i32, figures: &[(IndicatorKey, u64)]) -> UnitIndicators {
    let mut r = UnitIndicators::new(format!("ind-{unit_id}-{year}"), unit_id.into(), year, &stamp());
    for (key, value) in figures {
        key.write(&mut r, Some(*value));
    }
    r
}

pub fn dialogue(id: &str, unit_id: &str, kind: DialogueKind, date: NaiveDate, attendances: u32) -> Dialogue {
    Dialogue {
        meta: Meta::new(id.into(), &stamp()),
        kind,
        level: DialogueLevel::District,
        date,
        place: "Hội trường UBND huyện".into(),
        unit_id: unit_id.into(),
        worker_chair: Chair::default(),
        employer_chair: Chair::default(),
        enterprises: Vec::new(),
        attendances,
        agreed: Vec::new(),
        disagreed: Vec::new(),
        next_dialogue_on: None,
        minutes_notes: String::new(),
        minutes_signed: true,
        meeting: Default::default(),
        raised: None,
        reopenings: Vec::new(),
    }
}

pub fn proposal(id: &str, dialogue_id: &str, status: ProposalStatus) -> Proposal {
    Proposal {
        meta: Meta::new(id.into(), &stamp()),
        dialogue_id: dialogue_id.into(),
        content: "Kiến nghị của công nhân".into(),
        topic: Topic::SocialInsurance,
        raised_by: String::new(),
        agency: String::new(),
        directive: Directive::default(),
        deadline: None,
        status,
        response: String::new(),
        resolved_on: None,
        history: Vec::new(),
    }
}
