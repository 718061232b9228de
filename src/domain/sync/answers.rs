//! Reading the server's answers (pure: text in, typed out). CouchDB and PouchDB Server answer
//! alike; what either may add is ignored, what is missing is said in [`AnswerProblem`].

use super::document::{read_doc, ServerDoc};
use serde_json::Value;

/// What the server said of one document of a `_bulk_docs`.
#[derive(Clone, Debug, PartialEq)]
pub enum DocOutcome {
    Stored {
        doc_id: String,
        rev: String,
    },
    /// `409`: the server holds a revision this upload did not know; fetch, merge, send again.
    Conflict {
        doc_id: String,
    },
    /// `forbidden`: the design document refused it, with its Vietnamese reason.
    Refused {
        doc_id: String,
        reason: String,
    },
    /// `unauthorized`: the session ended, or the account may not write.
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

fn json(text: &str, what: &str) -> Result<Value, AnswerProblem> {
    serde_json::from_str(text).map_err(|e| AnswerProblem(format!("{what}: không phải JSON ({e})")))
}

fn text_of(item: &Value, key: &str) -> String {
    item.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The answer to `POST <db>/_bulk_docs`: one outcome per document sent, in order.
pub fn read_bulk_answer(text: &str) -> Result<Vec<DocOutcome>, AnswerProblem> {
    const WHAT: &str = "Câu trả lời của máy chủ khi gửi lên";
    let Value::Array(items) = json(text, WHAT)? else {
        return Err(AnswerProblem(format!("{WHAT} không phải một danh sách.")));
    };
    items
        .iter()
        .map(|item| {
            let doc_id = text_of(item, "id");
            let error = text_of(item, "error");
            let reason = text_of(item, "reason");
            if doc_id.is_empty() {
                return Err(AnswerProblem(format!(
                    "{WHAT} có một mục không ghi mã tài liệu: {item}"
                )));
            }
            Ok(match error.as_str() {
                "" => match item.get("rev").and_then(Value::as_str) {
                    Some(rev) => DocOutcome::Stored {
                        doc_id,
                        rev: rev.to_string(),
                    },
                    None => return Err(AnswerProblem(format!("{WHAT} không ghi phiên bản của {doc_id}."))),
                },
                "conflict" => DocOutcome::Conflict { doc_id },
                "forbidden" => DocOutcome::Refused { doc_id, reason },
                "unauthorized" => DocOutcome::Unauthorized { doc_id, reason },
                _ => DocOutcome::Failed {
                    doc_id,
                    error,
                    reason,
                },
            })
        })
        .collect()
}

/// One page of the `_changes` feed.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesPage {
    /// Every document of the page, design documents and CouchDB deletions included (absorbing
    /// sorts them out), in feed order.
    pub docs: Vec<ServerDoc>,
    /// Where the next page starts (a number for PouchDB, a text for CouchDB: kept as it came).
    pub last_seq: Value,
    /// Changes after this page, when the server says (CouchDB 2+, not longpoll's empty answer).
    pub pending: Option<u64>,
}

/// `_changes?include_docs=true&conflicts=true&style=all_docs` (normal or longpoll).
pub fn read_changes(text: &str) -> Result<ChangesPage, AnswerProblem> {
    const WHAT: &str = "Danh sách thay đổi của máy chủ";
    let answer = json(text, WHAT)?;
    let (Some(results), Some(last_seq)) = (
        answer.get("results").and_then(Value::as_array),
        answer.get("last_seq"),
    ) else {
        return Err(AnswerProblem(format!(
            "{WHAT} thiếu \"results\" hoặc \"last_seq\"."
        )));
    };
    let mut docs = Vec::with_capacity(results.len());
    for change in results {
        match change.get("doc").filter(|d| !d.is_null()) {
            Some(doc) => docs.push(read_doc(doc.clone()).ok_or_else(|| {
                AnswerProblem(format!("{WHAT} có một tài liệu thiếu _id hoặc _rev: {doc}"))
            })?),
            // Without its body only a deletion can be understood.
            None if change.get("deleted").and_then(Value::as_bool) == Some(true) => {
                let rev = change
                    .pointer("/changes/0/rev")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                docs.push(ServerDoc {
                    doc_id: text_of(change, "id"),
                    rev: rev.to_string(),
                    deleted: true,
                    conflicts: Vec::new(),
                    body: Value::Object(Default::default()),
                });
            }
            None => {
                return Err(AnswerProblem(format!(
                    "{WHAT} không kèm nội dung tài liệu {} (cần include_docs=true).",
                    text_of(change, "id")
                )))
            }
        }
    }
    Ok(ChangesPage {
        docs,
        last_seq: last_seq.clone(),
        pending: answer.get("pending").and_then(Value::as_u64),
    })
}

/// `GET /db/<id>?open_revs=[...]` with `Accept: application/json`: `[{ok: doc} | {missing: rev}]`;
/// the revisions found, missing ones left out.
pub fn read_revisions(text: &str) -> Result<Vec<ServerDoc>, AnswerProblem> {
    const WHAT: &str = "Các phiên bản xung đột của máy chủ";
    let Value::Array(items) = json(text, WHAT)? else {
        return Err(AnswerProblem(format!("{WHAT} không phải một danh sách.")));
    };
    let mut docs = Vec::new();
    for item in items {
        if let Some(doc) = item.get("ok") {
            docs.push(
                read_doc(doc.clone())
                    .ok_or_else(|| AnswerProblem(format!("{WHAT}: một phiên bản thiếu _id hoặc _rev.")))?,
            );
        } else if item.get("missing").is_none() {
            return Err(AnswerProblem(format!("{WHAT}: mục không hiểu được {item}")));
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulk_answer_says_each_documents_fate() {
        let answer = r#"[
            {"ok": true, "id": "units:a", "rev": "2-x"},
            {"id": "units:b", "error": "conflict", "reason": "Document update conflict."},
            {"id": "units:c", "error": "forbidden", "reason": "Bản ghi do đơn vị khác sửa lần cuối (mã X)."},
            {"id": "units:d", "error": "unauthorized", "reason": "You are not authorized."},
            {"id": "units:e", "error": "bad_request", "reason": "Invalid rev format"}
        ]"#;
        assert_eq!(
            read_bulk_answer(answer).unwrap(),
            vec![
                DocOutcome::Stored {
                    doc_id: "units:a".into(),
                    rev: "2-x".into()
                },
                DocOutcome::Conflict {
                    doc_id: "units:b".into()
                },
                DocOutcome::Refused {
                    doc_id: "units:c".into(),
                    reason: "Bản ghi do đơn vị khác sửa lần cuối (mã X).".into()
                },
                DocOutcome::Unauthorized {
                    doc_id: "units:d".into(),
                    reason: "You are not authorized.".into()
                },
                DocOutcome::Failed {
                    doc_id: "units:e".into(),
                    error: "bad_request".into(),
                    reason: "Invalid rev format".into()
                },
            ]
        );
        // PouchDB Server leaves out `ok`.
        assert_eq!(
            read_bulk_answer(r#"[{"id": "units:a", "rev": "1-y"}]"#).unwrap(),
            vec![DocOutcome::Stored {
                doc_id: "units:a".into(),
                rev: "1-y".into()
            }]
        );
    }

    #[test]
    fn a_bulk_answer_that_is_not_a_list_is_a_problem() {
        assert!(read_bulk_answer(r#"{"error": "unauthorized", "reason": "x"}"#).is_err());
        assert!(read_bulk_answer("<html>").is_err());
        assert!(read_bulk_answer(r#"[{"ok": true}]"#).is_err());
    }

    #[test]
    fn a_changes_page_brings_documents_design_documents_and_deletions() {
        let page = r#"{"results": [
            {"seq": 1, "id": "_design/thidua", "changes": [{"rev": "1-d"}],
             "doc": {"_id": "_design/thidua", "_rev": "1-d", "validate_doc_update": "function(){}"}},
            {"seq": 2, "id": "units:a", "changes": [{"rev": "3-a"}, {"rev": "3-b"}],
             "doc": {"_id": "units:a", "_rev": "3-a", "_conflicts": ["3-b"], "meta": {"id": "a"}}},
            {"seq": 3, "id": "units:gone", "deleted": true, "changes": [{"rev": "2-g"}],
             "doc": {"_id": "units:gone", "_rev": "2-g", "_deleted": true}},
            {"seq": 4, "id": "units:bare", "deleted": true, "changes": [{"rev": "5-z"}]}
        ], "last_seq": "4-g1AAAA", "pending": 70}"#;
        let page = read_changes(page).unwrap();
        let ids: Vec<&str> = page.docs.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["_design/thidua", "units:a", "units:gone", "units:bare"]);
        assert_eq!(page.docs[1].conflicts, vec!["3-b"]);
        assert!(page.docs[2].deleted && page.docs[3].deleted);
        assert_eq!(page.docs[3].rev, "5-z");
        assert_eq!(page.last_seq, serde_json::json!("4-g1AAAA"));
        assert_eq!(page.pending, Some(70));

        let empty = read_changes(r#"{"results": [], "last_seq": 17}"#).unwrap();
        assert!(empty.docs.is_empty());
        assert_eq!(empty.last_seq, serde_json::json!(17));
        assert_eq!(empty.pending, None);
    }

    #[test]
    fn a_changes_page_without_results_or_bodies_is_a_problem() {
        assert!(read_changes(r#"{"last_seq": 1}"#).is_err());
        assert!(
            read_changes(r#"{"results": [{"seq": 1, "id": "units:a", "changes": []}], "last_seq": 1}"#)
                .is_err()
        );
        assert!(read_changes("<!doctype html>").is_err());
    }

    #[test]
    fn open_revisions_are_read_missing_ones_left_out() {
        let answer = r#"[
            {"ok": {"_id": "units:a", "_rev": "3-b", "_revisions": {"start": 3, "ids": ["b"]}, "meta": {"id": "a"}}},
            {"missing": "3-c"}
        ]"#;
        let docs = read_revisions(answer).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].rev, "3-b");
        assert_eq!(docs[0].body, serde_json::json!({"meta": {"id": "a"}}));
        assert!(read_revisions(r#"{"_id": "units:a"}"#).is_err());
    }
}
