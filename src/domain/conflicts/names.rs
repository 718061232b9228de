//! The names of the records a record points to, looked up in the local data and in the file
//! being imported (a file may bring a new unit together with its cards), and the names of the
//! offices that sign changes. Ids stay inside: whatever cannot be named is said in words.

use super::show;
use crate::domain::data::AppData;
use crate::domain::dialogues::wording::kind_phrase;
use crate::domain::dialogues::Dialogue;
use crate::domain::fold::fold;
use crate::domain::format;
use crate::domain::programmes::Programme;
use crate::domain::record::Record;
use crate::domain::scoring::cluster::Cluster;
use crate::domain::scoring::template::ScoringTemplate;
use crate::domain::sync::collections::each_meta;
use crate::domain::units::Unit;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};

/// Said for a unit that neither side has.
pub const UNKNOWN_UNIT: &str = "một đơn vị không có trên máy này";
/// Said for an office neither the data nor the file names.
pub const UNKNOWN_OFFICE: &str = "một cơ quan khác";

/// Lookups by id across the local data and the incoming file (the local record first).
pub struct Names<'a> {
    units: HashMap<&'a str, &'a Unit>,
    clusters: HashMap<&'a str, &'a Cluster>,
    templates: HashMap<(&'a str, i32), &'a ScoringTemplate>,
    dialogues: HashMap<&'a str, &'a Dialogue>,
    programmes: HashMap<&'a str, &'a Programme>,
    /// Every record id and office id, so that a field this version does not know never shows one.
    ids: HashSet<&'a str>,
    /// Office id and the name to show ("máy này (LĐLĐ huyện Ba Vì)").
    offices: Vec<(String, String)>,
    /// The officer's time zone, for the day of a reopening or a status step.
    zone: FixedOffset,
}

fn index<T: Record>(lists: [&[T]; 2]) -> HashMap<&str, &T> {
    // Incoming first, then local over it: the officer's own copy names what both have.
    lists
        .into_iter()
        .rev()
        .flat_map(|l| l.iter())
        .map(|r| (r.id(), r))
        .collect()
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
        let mut ids = HashSet::new();
        for data in [local, incoming] {
            each_meta(data, &mut |_, m| {
                ids.insert(m.id.as_str());
                for office in m.edits.keys() {
                    ids.insert(office.as_str());
                }
            });
        }
        let mut templates = HashMap::new();
        for t in incoming.templates.iter().chain(&local.templates) {
            if t.is_live() {
                templates.insert((t.cluster_id.as_str(), t.year), t);
            }
        }
        Self {
            units: index([local.units.as_slice(), incoming.units.as_slice()]),
            clusters: index([local.clusters.as_slice(), incoming.clusters.as_slice()]),
            templates,
            dialogues: index([local.dialogues.as_slice(), incoming.dialogues.as_slice()]),
            programmes: index([local.programmes.as_slice(), incoming.programmes.as_slice()]),
            ids,
            offices,
            zone: FixedOffset::east_opt(utc_offset_minutes * 60)
                .unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC")),
        }
    }

    /// A unit's full name.
    pub fn unit(&self, id: &str) -> String {
        self.units
            .get(id)
            .map_or_else(|| UNKNOWN_UNIT.to_string(), |u| u.name.clone())
    }

    /// An optional unit: its name, or "(không có)".
    pub fn unit_or_none(&self, id: &Option<String>) -> String {
        id.as_deref()
            .map_or_else(|| show::NONE.to_string(), |id| self.unit(id))
    }

    /// "Cụm thi đua số 4 – 2023" (the kind is added when the name does not say it).
    pub fn cluster(&self, id: &str) -> String {
        match self.clusters.get(id) {
            Some(c) => cluster_label(&c.name, c.year),
            None => "một cụm thi đua không có trên máy này".to_string(),
        }
    }

    /// The scoring table of a cluster-year, for the names of the criteria a card scores.
    pub fn template(&self, cluster_id: &str, year: i32) -> Option<&'a ScoringTemplate> {
        self.templates.get(&(cluster_id, year)).copied()
    }

    /// "đối thoại định kỳ ngày 15/05/2025 của LĐLĐ huyện Thanh Oai".
    pub fn dialogue(&self, id: &str) -> String {
        match self.dialogues.get(id) {
            Some(d) => dialogue_phrase(d, self),
            None => "một cuộc đối thoại không có trên máy này".to_string(),
        }
    }

    /// The date of a dialogue, to name its proposals.
    pub fn dialogue_date(&self, id: &str) -> Option<NaiveDate> {
        self.dialogues.get(id).map(|d| d.date)
    }

    pub fn programme_record(&self, id: &str) -> Option<&'a Programme> {
        self.programmes.get(id).copied()
    }

    /// "Chương trình phối hợp 163/CTr-UBND-LĐLĐ (2020–2025)".
    pub fn programme(&self, id: &str) -> String {
        match self.programmes.get(id) {
            Some(p) => programme_label(p),
            None => "một chương trình phối hợp không có trên máy này".to_string(),
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
        self.ids.contains(text) || self.offices.iter().any(|(id, _)| id == text)
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
