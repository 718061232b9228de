//! Small builders for the tests of this module: records made directly, without the forms.

use super::dialogue::{Chair, Dialogue, DialogueKind, DialogueLevel};
use super::proposal::{Directive, Proposal};
use super::status::ProposalStatus;
use super::topic::Topic;
use crate::domain::record::{Meta, Stamp};
use crate::domain::units::{Unit, UnitKind};
use chrono::{DateTime, NaiveDate};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn stamp() -> Stamp {
    Stamp::new("thanh-oai", DateTime::from_timestamp(1_700_000_000, 0).unwrap())
}

pub fn unit(id: &str, name: &str) -> Unit {
    Unit {
        meta: Meta::new(id.into(), &stamp()),
        name: name.into(),
        short_name: String::new(),
        kind: UnitKind::District,
        parent_id: None,
        active_from: None,
        active_to: None,
        archived: false,
    }
}

pub fn dialogue(id: &str, unit_id: &str, kind: DialogueKind, date: NaiveDate) -> Dialogue {
    Dialogue {
        meta: Meta::new(id.into(), &stamp()),
        kind,
        level: DialogueLevel::District,
        date,
        place: "Hội trường UBND huyện".into(),
        unit_id: unit_id.into(),
        worker_chair: Chair {
            name: "Nguyễn Thị Hảo".into(),
            role: "Chủ tịch LĐLĐ huyện".into(),
        },
        employer_chair: Chair::default(),
        enterprises: Vec::new(),
        attendances: 0,
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

pub fn proposal(id: &str, dialogue_id: &str, topic: Topic, content: &str) -> Proposal {
    Proposal {
        meta: Meta::new(id.into(), &stamp()),
        dialogue_id: dialogue_id.into(),
        content: content.into(),
        topic,
        raised_by: String::new(),
        agency: String::new(),
        directive: Directive::default(),
        deadline: None,
        status: ProposalStatus::New,
        response: String::new(),
        resolved_on: None,
        history: Vec::new(),
    }
}
