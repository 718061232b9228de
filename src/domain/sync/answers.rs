//! Reading the server's answers (pure: text in, typed out).

use super::document::ServerDoc;

#[derive(Clone, Debug, PartialEq)]
pub enum DocOutcome {
    Stored {
        doc_id: String,
        rev: String,
    },
    Conflict {
        doc_id: String,
    },
    Refused {
        doc_id: String,
        reason: String,
    },
    Unauthorized {
        doc_id: String,
        reason: String,
    },
    Failed {
        doc_id: String,
        error: String,
        reason: String,
    },
}

/// What was not understood (for the log/alert).
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerProblem(pub String);

pub fn read_bulk_answer(text: &str) -> Result<Vec<DocOutcome>, AnswerProblem> {
    let _ = text;
    todo!()
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChangesPage {
    pub docs: Vec<ServerDoc>,
    pub last_seq: serde_json::Value,
    pub pending: Option<u64>,
}

/// `_changes?include_docs=true&conflicts=true&style=all_docs` (normal or longpoll).
pub fn read_changes(text: &str) -> Result<ChangesPage, AnswerProblem> {
    let _ = text;
    todo!()
}

/// `GET /db/<id>?open_revs=[...]` with Accept: application/json (list of {ok: doc}).
pub fn read_revisions(text: &str) -> Result<Vec<ServerDoc>, AnswerProblem> {
    let _ = text;
    todo!()
}
