//! The engine, in the one tab that syncs: rounds of upload (pending local records in batches)
//! then download (one page of the changes feed, merged and stored in its own task), until
//! caught up; then long polls, cut short by a local save. Failures pause it for the domain's
//! retry delay, or until woken when the officer must act (password, rights, address).

use super::books;
use super::http::{send, Answer};
use super::session::no_answer;
use super::wake::{self, online, pause};
use super::{address, running_url, Status, Sync};
use crate::domain::collections::Collection;
use crate::domain::record::Id;
use crate::domain::sync::absorb::{absorb_one_with_base, absorb_with_bases, Absorbed, Resolution};
use crate::domain::sync::answers::{
    read_bulk_answer, read_changes, read_revisions, AnswerProblem, DocOutcome,
};
use crate::domain::sync::bookkeeping::{
    bases_wanted, pending, pending_count, refused_records, Checkpoint, Known, KnownRev,
};
use crate::domain::sync::document::{parse_doc_id, read_doc, to_doc, to_docs, ServerDoc};
use crate::domain::sync::problems::{
    classify, retry_delay_ms, ServerProblem, Step, DOWNLOAD_BATCH, UPLOAD_BATCH,
};
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use web_sys::IdbDatabase;

/// How long the server holds a long poll open when nothing changes (ms).
const LONG_POLL_MS: u32 = 25_000;
/// Documents merged in one go: a page's merge is cut in slices this long, so that no slice
/// keeps the page from drawing for long.
const ABSORB_SLICE: usize = 250;
/// How long to wait after this browser's storage refused a page.
const STORAGE_RETRY_MS: u32 = 30_000;

/// Why a round stopped before its end.
enum Halt {
    Problem(ServerProblem),
    /// Woken during a long poll: go round again (a local save to upload).
    Woken,
    /// This browser's storage refused to save (the store's banner says why).
    Storage,
}

impl From<ServerProblem> for Halt {
    fn from(problem: ServerProblem) -> Self {
        Halt::Problem(problem)
    }
}

impl From<AnswerProblem> for Halt {
    fn from(problem: AnswerProblem) -> Self {
        Halt::Problem(ServerProblem::Server {
            status: 200,
            reason: problem.0,
        })
    }
}

struct Engine {
    sync: Sync,
    url: String,
    books: IdbDatabase,
    known: Known,
    checkpoint: Checkpoint,
    /// Whether the last page reached the end of the feed: the next one is a long poll.
    caught_up: bool,
    /// Records downloaded since the feed was last caught up with (for the progress).
    downloaded: usize,
    /// What a download without the server's count of what is left is likely to bring.
    estimate: usize,
}

/// Syncs with `url` until sync is turned off or pointed elsewhere.
pub(super) async fn run(sync: Sync, url: String) {
    let opened = match books::open().await {
        Ok(db) => books::load(&db, &url)
            .await
            .map(|(known, checkpoint)| (db, known, checkpoint)),
        Err(e) => Err(e),
    };
    let Ok((books, known, checkpoint)) = opened else {
        sync.status.set(Status::NoStorage);
        pause(None).await;
        return;
    };
    sync.refused.set(refused_records(&known));
    let mut engine = Engine {
        sync,
        url,
        books,
        known,
        checkpoint,
        caught_up: false,
        downloaded: 0,
        estimate: 0,
    };
    let mut attempt = 0;
    while running_url().as_deref() == Some(engine.url.as_str()) {
        if !online() {
            let waiting = sync
                .store
                .with_untracked(|data| pending_count(data, &engine.known));
            sync.status.set(Status::Offline { waiting });
            pause(None).await;
            continue;
        }
        match engine.round().await {
            Ok(()) | Err(Halt::Woken) => {
                attempt = 0;
            }
            Err(Halt::Storage) => pause(Some(STORAGE_RETRY_MS)).await,
            Err(Halt::Problem(problem)) => {
                if !online() {
                    continue;
                }
                let delay = retry_delay_ms(&problem, attempt);
                attempt = attempt.saturating_add(1);
                sync.problem.set(Some(problem));
                sync.status.set(Status::Paused);
                pause(delay).await;
            }
        }
    }
}

/// The document an answer of `_bulk_docs` is about.
fn outcome_id(outcome: &DocOutcome) -> &str {
    match outcome {
        DocOutcome::Stored { doc_id, .. }
        | DocOutcome::Conflict { doc_id }
        | DocOutcome::Refused { doc_id, .. }
        | DocOutcome::Unauthorized { doc_id, .. }
        | DocOutcome::Failed { doc_id, .. } => doc_id,
    }
}

impl Engine {
    /// Uploads what is pending, then takes one page of the server's changes.
    async fn round(&mut self) -> Result<(), Halt> {
        // While a first download runs, local changes wait for its end: finding them means
        // looking at every record, too much to do between each of its pages.
        if self.downloaded == 0 {
            self.upload().await?;
            if self.caught_up {
                // Sent: what stands now, not the upload's count, while the long poll waits.
                self.sync.status.set(Status::Synced {
                    at: crate::store::browser::now(),
                });
            }
        }
        let caught_up = self.download().await?;
        if self.sync.problem.with_untracked(Option::is_some) {
            self.sync.problem.set(None);
        }
        if caught_up {
            self.downloaded = 0;
            self.sync.status.set(Status::Synced {
                at: crate::store::browser::now(),
            });
        } else {
            // The page is stored; the browser draws and the officer works before the next one.
            crate::store::browser::after_paint().await;
        }
        Ok(())
    }

    /// Sends pending records in batches. A conflict takes in the server's version (merged),
    /// which goes up again in the next pass; a refusal is remembered and not retried.
    async fn upload(&mut self) -> Result<(), Halt> {
        // Conflicts make a record pending again: a few passes, so a server that keeps changing
        // under us does not hold the round forever (the next round goes on).
        for _ in 0..3 {
            // Found once a pass: a city's records are many, the batches' own check is the
            // server's answer.
            let waiting = self.sync.store.with_untracked(|data| pending(data, &self.known));
            if waiting.is_empty() {
                return Ok(());
            }
            let mut conflicted = false;
            for (number, batch) in waiting.chunks(UPLOAD_BATCH).enumerate() {
                self.sync.status.set(Status::Uploading {
                    done: number * UPLOAD_BATCH,
                    total: waiting.len(),
                });
                conflicted |= self.upload_batch(batch).await?;
            }
            if !conflicted {
                return Ok(());
            }
        }
        Ok(())
    }

    /// One `_bulk_docs` of pending records; whether any conflicted (and was merged).
    async fn upload_batch(&mut self, batch: &[(Collection, Id)]) -> Result<bool, Halt> {
        let docs: Vec<Value> = self
            .sync
            .store
            .with_untracked(|data| to_docs(data, batch, &self.known));
        if docs.is_empty() {
            return Ok(false);
        }
        let outcomes = self.bulk(docs).await?;
        let mut learned = Vec::new();
        let mut conflicts = Vec::new();
        let mut session_ended = false;
        for (outcome, edits) in outcomes {
            // A write outside this user's rights, or one the server fails for this document
            // alone (too large…), is refused: kept here, shown with the server's words, not sent
            // again until edited, so it never holds back the others nor the download.
            let refused = match outcome {
                DocOutcome::Stored { doc_id, rev } => {
                    learned.push((doc_id, KnownRev::held(rev, edits)));
                    continue;
                }
                DocOutcome::Conflict { doc_id } => {
                    conflicts.push(doc_id);
                    continue;
                }
                // Our design document refuses with `forbidden`; `unauthorized` for a document
                // means the request went without a session (it ended): nothing is marked, the
                // officer logs in again and the records go up then.
                DocOutcome::Unauthorized { .. } => {
                    session_ended = true;
                    continue;
                }
                DocOutcome::Refused { doc_id, reason } => (doc_id, reason),
                DocOutcome::Failed {
                    doc_id,
                    error,
                    reason,
                } => (doc_id, format!("{error}: {reason}")),
            };
            let (doc_id, reason) = refused;
            let rev = self.rev_of(&doc_id).unwrap_or_default().to_string();
            learned.push((
                doc_id,
                KnownRev {
                    rev,
                    edits,
                    refused: Some(reason),
                },
            ));
        }
        let refused_any = learned.iter().any(|(_, k)| k.refused.is_some());
        self.remember(learned, None).await?;
        if refused_any {
            self.sync.refused.set(refused_records(&self.known));
        }
        if session_ended {
            return Err(ServerProblem::SessionEnded.into());
        }
        for doc_id in &conflicts {
            self.take_server_version(doc_id).await?;
        }
        Ok(!conflicts.is_empty())
    }

    /// The server's current version of a document that conflicted on upload, merged in.
    async fn take_server_version(&mut self, doc_id: &str) -> Result<(), Halt> {
        let answer = send("GET", &address::document(&self.url, doc_id), None, None).await;
        if answer.as_ref().is_ok_and(|a| a.status == 404) {
            // Deleted on the server by another tool: the local record goes up as a new document.
            let forgotten = KnownRev::default();
            return self.remember(vec![(doc_id.to_string(), forgotten)], None).await;
        }
        let answer = self.checked(answer, Step::Download)?;
        let server = serde_json::from_str(&answer.text)
            .ok()
            .and_then(read_doc)
            .ok_or_else(|| AnswerProblem(format!("không đọc được tài liệu {doc_id}")))?;
        let base = match self.rev_of(doc_id).map(str::to_string) {
            Some(rev) => self.revision(doc_id, &rev).await,
            None => None,
        };
        let absorbed = self
            .store_merged(1, &mut |data, stamp, _| {
                absorb_one_with_base(data, &server, base.as_ref(), stamp)
            })
            .await?;
        self.remember(absorbed.known, None).await
    }

    /// One page of the changes feed since the checkpoint (a long poll once caught up), merged
    /// and stored, then the checkpoint moved past it. Whether the feed is caught up.
    async fn download(&mut self) -> Result<bool, Halt> {
        let since = match &self.checkpoint.since {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let mut url = format!(
            "{}/_changes?style=all_docs&include_docs=true&conflicts=true&limit={DOWNLOAD_BATCH}&since={}",
            self.url,
            String::from(js_sys::encode_uri_component(&since)),
        );
        let answer = if self.caught_up {
            url.push_str(&format!("&feed=longpoll&timeout={LONG_POLL_MS}"));
            let signal = wake::poll_signal().ok_or(Halt::Woken)?;
            let answer = send("GET", &url, None, Some(&signal)).await;
            wake::poll_ended();
            match answer {
                Err(super::http::NoAnswer::Aborted) => return Err(Halt::Woken),
                other => self.checked(other, Step::Download)?,
            }
        } else {
            self.get(&url).await?
        };
        let mut page = read_changes(&answer.text)?;
        let fetched = page.docs.len();
        // What this browser sent itself comes back on the feed: already known at that revision,
        // nothing to merge (a first upload of a city would download it all again).
        page.docs
            .retain(|d| !d.conflicts.is_empty() || self.known.get(&d.doc_id).is_none_or(|k| k.rev != d.rev));
        let mut revisions = BTreeMap::new();
        for doc in page.docs.iter().filter(|d| !d.conflicts.is_empty()) {
            revisions.insert(doc.doc_id.clone(), self.conflicting(doc).await?);
        }
        let absorbed = if page.docs.is_empty() {
            Absorbed::default()
        } else {
            // Records changed here since the server's revision this office knew: that revision
            // too, so edits of different fields on both sides both survive.
            let wanted = self
                .sync
                .store
                .with_untracked(|data| bases_wanted(data, &self.known, &page.docs));
            let mut bases = BTreeMap::new();
            for (doc_id, rev) in wanted {
                if let Some(base) = self.revision(&doc_id, &rev).await {
                    bases.insert(doc_id, base);
                }
            }
            // Merged a slice at a time, the page drawing in between, and stored at once.
            let slices: Vec<&[ServerDoc]> = page.docs.chunks(ABSORB_SLICE).collect();
            self.store_merged(slices.len(), &mut |data, stamp, step| {
                absorb_with_bases(data, slices[step], &revisions, &bases, stamp)
            })
            .await?
        };
        let mut learned = absorbed.known;
        learned.extend(self.resolve(&absorbed.resolutions).await?);
        self.checkpoint.since = page.last_seq;
        let checkpoint = self.checkpoint.clone();
        self.remember(learned, Some(&checkpoint)).await?;
        if !absorbed.skipped.is_empty() {
            self.sync.skipped.update(|s| s.extend(absorbed.skipped));
        }
        let pending = page.pending.map(|p| p as usize);
        self.caught_up = pending.unwrap_or(0) == 0 && fetched < DOWNLOAD_BATCH;
        let first = self.downloaded == 0;
        self.downloaded += fetched;
        if !self.caught_up {
            let total = match pending {
                Some(pending) => self.downloaded + pending,
                // A server that does not say what is left (PouchDB Server): a first download
                // from the start is about as long as the database.
                None => {
                    if first {
                        self.estimate = self.document_count().await;
                    }
                    self.estimate.max(self.downloaded + 1)
                }
            };
            self.sync.status.set(Status::Downloading {
                done: self.downloaded,
                total,
            });
        }
        Ok(self.caught_up)
    }

    /// One earlier revision of a document, if the server still has it (compaction drops old
    /// bodies: then the merge keeps the later version whole, as a file import does).
    async fn revision(&self, doc_id: &str, rev: &str) -> Option<ServerDoc> {
        let url = format!(
            "{}?rev={}",
            address::document(&self.url, doc_id),
            String::from(js_sys::encode_uri_component(rev))
        );
        let answer = send("GET", &url, None, None)
            .await
            .ok()
            .filter(|a| a.status == 200)?;
        serde_json::from_str(&answer.text).ok().and_then(read_doc)
    }

    /// How many documents the database holds (its `doc_count`), 0 if not said.
    async fn document_count(&self) -> usize {
        let Ok(answer) = send("GET", &self.url, None, None).await else {
            return 0;
        };
        serde_json::from_str::<Value>(&answer.text)
            .ok()
            .and_then(|v| v.get("doc_count").and_then(Value::as_u64))
            .unwrap_or(0) as usize
    }

    /// The bodies of a document's conflicting revisions.
    async fn conflicting(&self, doc: &ServerDoc) -> Result<Vec<ServerDoc>, Halt> {
        let revs = serde_json::to_string(&doc.conflicts).unwrap_or_default();
        let url = format!(
            "{}?open_revs={}",
            address::document(&self.url, &doc.doc_id),
            String::from(js_sys::encode_uri_component(&revs))
        );
        Ok(read_revisions(&self.get(&url).await?.text)?)
    }

    /// Writes the merged body of each conflicted document on its winning revision, then
    /// removes the losing ones (two requests: a server may answer out of order, and a body and
    /// its stubs share an id); gives the revisions the merged bodies got.
    async fn resolve(&self, resolutions: &[Resolution]) -> Result<Vec<(String, KnownRev)>, Halt> {
        if resolutions.is_empty() {
            return Ok(Vec::new());
        }
        let merged: Vec<Value> = self.sync.store.with_untracked(|data| {
            resolutions
                .iter()
                .filter_map(|r| {
                    let (c, id) = parse_doc_id(&r.doc_id)?;
                    to_doc(data, c, id, Some(&r.rev))
                })
                .collect()
        });
        let mut learned = Vec::new();
        for (outcome, edits) in self.bulk(merged).await? {
            if let DocOutcome::Stored { doc_id, rev } = outcome {
                learned.push((doc_id, KnownRev::held(rev, edits)));
            }
        }
        let stubs: Vec<Value> = resolutions
            .iter()
            .flat_map(|r| {
                r.losing
                    .iter()
                    .map(|losing| serde_json::json!({ "_id": r.doc_id, "_rev": losing, "_deleted": true }))
            })
            .collect();
        // A stub the server refuses (a revision another office made) stays a conflict on the
        // server, merged again whenever the document changes: nothing is lost.
        self.bulk(stubs).await?;
        Ok(learned)
    }

    /// `POST _bulk_docs`: each answer with the version vector of the document it answers
    /// (found by id: PouchDB Server does not answer in the order sent).
    async fn bulk(&self, docs: Vec<Value>) -> Result<Vec<(DocOutcome, BTreeMap<String, u64>)>, Halt> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let body = format!(
            "{{\"docs\":{}}}",
            serde_json::to_string(&docs).unwrap_or_default()
        );
        let url = format!("{}/_bulk_docs", self.url);
        let answer = send("POST", &url, Some(&body), None).await;
        let answer = self.checked(answer, Step::Upload)?;
        let outcomes = read_bulk_answer(&answer.text)?;
        Ok(outcomes
            .into_iter()
            .map(|outcome| {
                let id = outcome_id(&outcome);
                let edits = docs
                    .iter()
                    .find(|d| d.get("_id").and_then(Value::as_str) == Some(id))
                    .and_then(|d| d.pointer("/meta/edits"))
                    .and_then(|e| serde_json::from_value(e.clone()).ok())
                    .unwrap_or_default();
                (outcome, edits)
            })
            .collect())
    }

    async fn get(&self, url: &str) -> Result<Answer, Halt> {
        let answer = send("GET", url, None, None).await;
        self.checked(answer, Step::Download)
    }

    /// An answer, or the problem it shows.
    fn checked(&self, answer: Result<Answer, super::http::NoAnswer>, during: Step) -> Result<Answer, Halt> {
        let answer = answer.map_err(no_answer)?;
        match classify(answer.status, &answer.text, during) {
            None => Ok(answer),
            Some(problem) => Err(problem.into()),
        }
    }

    /// Runs a merge in `steps` on the newest data and stores exactly the records it wrote, in
    /// one transaction.
    async fn store_merged(
        &self,
        steps: usize,
        merge: &mut dyn FnMut(
            &mut crate::domain::data::AppData,
            &crate::domain::record::Stamp,
            usize,
        ) -> Absorbed,
    ) -> Result<Absorbed, Halt> {
        let mut absorbed = Absorbed::default();
        self.sync
            .store
            .commit_named(steps, &mut |data, stamp, step| {
                let slice = merge(data, stamp, step);
                let written = slice.written.clone();
                absorbed.append(slice);
                written
            })
            .await
            .map_err(|_| Halt::Storage)?;
        Ok(absorbed)
    }

    /// Keeps what was learned of the server, in memory and in the bookkeeping (with the
    /// checkpoint, if it moved: only after the records of its page are stored).
    async fn remember(
        &mut self,
        learned: Vec<(String, KnownRev)>,
        checkpoint: Option<&Checkpoint>,
    ) -> Result<(), Halt> {
        if learned.is_empty() && checkpoint.is_none() {
            return Ok(());
        }
        books::save(&self.books, &learned, checkpoint)
            .await
            .map_err(|_| Halt::Storage)?;
        self.known.extend(learned);
        Ok(())
    }

    /// The server's revision of a document as last known (none for a document never stored).
    fn rev_of(&self, doc_id: &str) -> Option<&str> {
        self.known
            .get(doc_id)
            .map(|k| k.rev.as_str())
            .filter(|r| !r.is_empty())
    }
}
