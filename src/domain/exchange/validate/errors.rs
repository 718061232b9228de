//! What a refused file is told with: where the problem is ([`At`]), what a field should have
//! held ([`Expected`]), and why the file cannot be imported ([`ImportError`]). The Vietnamese
//! words for each are made at the edge, in [`wording`](super::super::wording).

use crate::domain::collections::Collection;
use crate::domain::exchange::text_problem::TextProblem;
use crate::domain::record::Id;

/// Where a problem is: the collection (None: the envelope), the record's position and id in it
/// (when known), and the field path inside the record (`meta.changed_at`, `rows[3].score`;
/// empty for the record or collection itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    pub kind: Option<Collection>,
    pub index: Option<usize>,
    pub id: Option<Id>,
    pub field: String,
}

impl At {
    pub(super) fn envelope(field: &str) -> Self {
        At {
            kind: None,
            index: None,
            id: None,
            field: field.to_string(),
        }
    }
}

/// What a field should have held, for a message such as "cần một số nguyên".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    WholeNumber,
    Number,
    Boolean,
    List,
    Object,
    /// A date `yyyy-mm-dd`.
    Date,
    /// A date and time in RFC 3339, e.g. `2026-11-23T08:00:00Z`.
    DateTime,
    /// One of these values (an enum such as a unit kind).
    OneOf(Vec<String>),
    /// Anything else, in serde's words.
    Other(String),
}

/// Why a file cannot be imported. The UI turns each into a Vietnamese message.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]; nothing was read.
    TooLarge {
        size: usize,
        limit: usize,
    },
    /// Not JSON (edited by hand, another kind of file).
    NotJson {
        line: usize,
        column: usize,
    },
    /// The JSON stops early: the file was cut off (incomplete download or copy).
    Truncated,
    /// JSON, but not a thidua export (no `"format": "thidua-export"`).
    NotOurFormat,
    /// Made by a newer version of the app: update this one first.
    NewerVersion {
        found: u32,
        supported: u32,
    },
    /// An older version that no migration step could bring up to date.
    MigrationFailed {
        from: u32,
        detail: String,
    },
    WrongType {
        at: At,
        expected: Expected,
    },
    MissingField {
        at: At,
    },
    /// Two records of one collection in the file share an id.
    DuplicateId {
        kind: Collection,
        id: Id,
    },
    /// A record points to one that exists neither in the file nor locally.
    UnknownReference {
        kind: Collection,
        id: Id,
        field: String,
        target: Collection,
        target_id: Id,
    },
    /// A number outside its allowed range (a negative count, a score above its maximum).
    OutOfRange {
        at: At,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A date that does not exist (2024-02-30) or cannot be read.
    BadDate {
        at: At,
        value: String,
    },
    /// Nothing in the file (or only blanks).
    EmptyFile,
    /// The text cannot be read as JSON for a reason that can be named.
    Unreadable(TextProblem),
    /// `schema_version` names a version that never existed (0).
    UnknownVersion {
        found: u64,
    },
    /// The record breaks a rule its form enforces; `rule` is the form's own message.
    BreaksRule {
        at: At,
        rule: String,
    },
    /// A record that does not decode, named without the field inside it: the app's own build
    /// cannot trace fields (see `trace`), so the page asks the office module, which can, to
    /// check the file again. Never made where fields are traced (native builds, the office
    /// module).
    Untraced(Box<ImportError>),
}
