//! The names of the records a record points to, looked up in the local data and in the file
//! being imported (a file may bring a new unit together with its cards), and the names of the
//! offices that sign changes. Ids stay inside: whatever cannot be named is said in words.

use super::show;
use crate::domain::collections::each_meta;
use crate::domain::data::AppData;
use crate::domain::dialogues::wording::kind_phrase;
use crate::domain::dialogues::Dialogue;
use crate::domain::fold::fold;
use crate::domain::format;
use crate::domain::programmes::Programme;
use crate::domain::record::Record;
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::template::ScoringTemplate;
use crate::domain::units::Unit;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::HashMap;

/// Said for a unit that neither side has.
pub const UNKNOWN_UNIT: &str = "một đơn vị không có trên máy này";
/// Said for an office neither the data nor the file names.
pub const UNKNOWN_OFFICE: &str = "một cơ quan khác";

/// A record a name is made from.
#[derive(Clone, Copy)]
enum Named<'a> {
    Unit(&'a Unit),
    Cluster(&'a Cluster),
    Dialogue(&'a Dialogue),
    Programme(&'a Programme),
    /// Any other record, or an office: known only so that its id is never shown.
    Id,
}

/// Lookups by id across the local data and the incoming file (the local record first).
/// One map for every kind, so the wasm carries one copy of the map's code.
pub struct Names<'a> {
    by_id: HashMap<&'a str, Named<'a>>,
    /// Scoring tables, for the names of the criteria a card scores (few: one per cluster-year).
    templates: Vec<&'a ScoringTemplate>,
    /// Office id and the name to show ("máy này (LĐLĐ huyện Ba Vì)").
    offices: Vec<(String, String)>,
    /// The officer's time zone, for the day of a reopening or a status step.
    zone: FixedOffset,
}

impl<'a> Names<'a> {
    /// `offices` are the offices the screen can name (this one and the file's sender);
    /// `utc_offset_minutes` is the officer's time zone (+420 in Việt Nam).
    pub fn new(
        local: &'a AppData,
        incoming: &'a AppData,
        offices: Vec<(String, String)>,
        utc_offset_minutes: i32,
    ) -> Self {
        let mut by_id = HashMap::new();
        for data in [incoming, local] {
            each_meta(data, &mut |_, m| {
                by_id.entry(m.id.as_str()).or_insert(Named::Id);
                for office in m.edits.keys() {
                    by_id.entry(office.as_str()).or_insert(Named::Id);
                }
            });
        }
        // Incoming first, then local over it: the officer's own copy names what both have.
        for data in [incoming, local] {
            by_id.extend(data.units.iter().map(|r| (r.id(), Named::Unit(r))));
            by_id.extend(data.clusters.iter().map(|r| (r.id(), Named::Cluster(r))));
            by_id.extend(data.dialogues.iter().map(|r| (r.id(), Named::Dialogue(r))));
            by_id.extend(data.programmes.iter().map(|r| (r.id(), Named::Programme(r))));
        }
        let templates = local
            .templates
            .iter()
            .chain(&incoming.templates)
            .filter(|t| t.is_live())
            .collect();
        Self {
            by_id,
            templates,
            offices,
            zone: FixedOffset::east_opt(utc_offset_minutes * 60)
                .unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC")),
        }
    }

    fn get(&self, id: &str) -> Named<'a> {
        self.by_id.get(id).copied().unwrap_or(Named::Id)
    }

    /// A unit's full name.
    pub fn unit(&self, id: &str) -> String {
        match self.get(id) {
            Named::Unit(u) => u.name.clone(),
            _ => UNKNOWN_UNIT.to_string(),
        }
    }

    /// An optional unit: its name, or "(không có)".
    pub fn unit_or_none(&self, id: &Option<String>) -> String {
        id.as_deref()
            .map_or_else(|| show::NONE.to_string(), |id| self.unit(id))
    }

    /// "Cụm thi đua số 4 – 2023" (the kind is added when the name does not say it).
    pub fn cluster(&self, id: &str) -> String {
        match self.get(id) {
            Named::Cluster(c) => cluster_label(&c.name, c.year),
            _ => "một cụm thi đua không có trên máy này".to_string(),
        }
    }

    /// The scoring table of a cluster-year, for the names of the criteria a card scores.
    pub fn template(&self, cluster_id: &str, year: i32) -> Option<&'a ScoringTemplate> {
        self.templates
            .iter()
            .find(|t| t.cluster_id == cluster_id && t.year == year)
            .copied()
    }

    /// "đối thoại định kỳ ngày 15/05/2025 của LĐLĐ huyện Thanh Oai".
    pub fn dialogue(&self, id: &str) -> String {
        match self.get(id) {
            Named::Dialogue(d) => dialogue_phrase(d, self),
            _ => "một cuộc đối thoại không có trên máy này".to_string(),
        }
    }

    /// The date of a dialogue, to name its proposals.
    pub fn dialogue_date(&self, id: &str) -> Option<NaiveDate> {
        match self.get(id) {
            Named::Dialogue(d) => Some(d.date),
            _ => None,
        }
    }

    pub fn programme_record(&self, id: &str) -> Option<&'a Programme> {
        match self.get(id) {
            Named::Programme(p) => Some(p),
            _ => None,
        }
    }

    /// "Chương trình phối hợp 163/CTr-UBND-LĐLĐ (2020–2025)".
    pub fn programme(&self, id: &str) -> String {
        match self.get(id) {
            Named::Programme(p) => programme_label(p),
            _ => "một chương trình phối hợp không có trên máy này".to_string(),
        }
    }

    /// The office's name, or [`UNKNOWN_OFFICE`].
    pub fn office(&self, id: &str) -> String {
        self.offices
            .iter()
            .find(|(known, _)| known == id)
            .map_or_else(|| UNKNOWN_OFFICE.to_string(), |(_, name)| name.clone())
    }

    /// The day of a moment in the officer's time zone: "15/05/2025".
    pub fn day(&self, at: DateTime<Utc>) -> String {
        format::date(at.with_timezone(&self.zone).date_naive())
    }

    /// Whether `text` is a record's or an office's id (kept out of the screen).
    pub fn is_id(&self, text: &str) -> bool {
        self.by_id.contains_key(text) || self.offices.iter().any(|(id, _)| id == text)
    }
}

/// "Cụm thi đua số 4 – 2023"; a cluster named without the word "Cụm" gets it.
pub fn cluster_label(name: &str, year: i32) -> String {
    if fold(name).starts_with("cum") {
        format!("{name} – {year}")
    } else {
        format!("Cụm thi đua {name} – {year}")
    }
}

pub fn dialogue_phrase(d: &Dialogue, names: &Names) -> String {
    format!(
        "đối thoại {} ngày {} của {}",
        kind_phrase(d.kind),
        format::date(d.date),
        names.unit(&d.unit_id)
    )
}

pub fn programme_label(p: &Programme) -> String {
    let period = if p.from_year == p.to_year {
        p.from_year.to_string()
    } else {
        format!("{}–{}", p.from_year, p.to_year)
    };
    let name = if p.number.trim().is_empty() {
        show::cut(&p.title, 80)
    } else {
        p.number.clone()
    };
    format!("Chương trình phối hợp {name} ({period})")
}
