//! Server documents merged into local data with the file import's merge.
//!
//! Each document is checked as an import checks a record (decoded by the same decoder, duplicate
//! ids, each collection's rules and ranges); one that fails is skipped with its reason and the
//! rest of the page goes on. References are the one check left out: the feed sends documents in
//! the order of their last change, so a unit can come a page before the parent edited after
//! it, and refusing it would lose it (the checkpoint moves on).
//!
//! The merge is the exchange's without choices ([`merged`](crate::domain::exchange::merge::merged)):
//! the newer version by version vector, else the default winner with both vectors joined, so
//! two offices end with the same record whichever way it travelled. It works in place: a page
//! every second into a city's 70.853 records copies no list.
//!
//! A document CouchDB keeps in conflict (nodes replicating among themselves) has its revisions
//! merged the same way with the local copy; the result is to be written on the revision the
//! server shows and the others deleted ([`Resolution`]). Final cards the page would move are
//! reopened with a record ([`final_guard::guarded`]), never moved silently.

use super::bookkeeping::KnownRev;
use super::document::{doc_id, parse_doc_id, record_json, ServerDoc};
use super::fields;
use super::wording;
use crate::domain::collections::{check_received, decode_into, merge_page, meta_of, put_stored, Collection};
use crate::domain::data::AppData;
use crate::domain::exchange::validate::ImportError;
use crate::domain::record::{Id, Stamp};
use crate::domain::scoring::final_guard::{self, Reopener};
use crate::domain::sorting;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Absorbed {
    /// Local records changed (the store writes exactly these).
    pub written: Vec<(Collection, Id)>,
    /// Server revisions now known (record version vector as on the server). Also for a
    /// skipped document of ours, so that the local version goes up on its revision.
    pub known: Vec<(String, KnownRev)>,
    /// Docs with `_conflicts`: write the merged record on `rev`, delete `losing`.
    pub resolutions: Vec<Resolution>,
    /// doc_id, Vietnamese reason (not a valid record; design docs are silently ignored).
    pub skipped: Vec<(String, String)>,
    /// Final cards reopened (recorded) because a server version moved them.
    pub reopened: Vec<Id>,
}

impl Absorbed {
    /// Adds what a later slice of the same page absorbed.
    pub fn append(&mut self, later: Absorbed) {
        self.written.extend(later.written);
        self.known.extend(later.known);
        self.resolutions.extend(later.resolutions);
        self.skipped.extend(later.skipped);
        self.reopened.extend(later.reopened);
    }
}

/// A document CouchDB keeps in conflict, settled: the merged record (now the local one, which
/// [`super::document::to_doc`] makes into a document) is written on `rev`, the revision the
/// server shows, and the `losing` revisions, all merged into it, are deleted.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    pub doc_id: String,
    pub rev: String,
    pub losing: Vec<String>,
}

/// One version of one record the page brings.
struct Candidate<'a> {
    doc: &'a ServerDoc,
    collection: Collection,
    id: &'a str,
    /// The document's body, or the record merged field by field with the local one.
    body: Cow<'a, Value>,
}

/// `docs` = one page of changes; the bodies of the revisions in conflict with a document, if
/// any, are in `revisions` under its doc_id. `stamp` records the reopening of final cards.
pub fn absorb(
    data: &mut AppData,
    docs: &[ServerDoc],
    revisions: &BTreeMap<String, Vec<ServerDoc>>,
    stamp: &Stamp,
) -> Absorbed {
    absorb_with_bases(data, docs, revisions, &BTreeMap::new(), stamp)
}

/// [`absorb`], with `bases`: by doc_id, the server's revision this office last knew of a
/// record it changed since ([`super::bookkeeping::bases_wanted`]), so that a record edited on
/// both sides is merged field by field ([`super::fields`]) and neither office's edit is lost.
/// Without a base, the later version is kept whole, as a file import does by default.
pub fn absorb_with_bases(
    data: &mut AppData,
    docs: &[ServerDoc],
    revisions: &BTreeMap<String, Vec<ServerDoc>>,
    bases: &BTreeMap<String, ServerDoc>,
    stamp: &Stamp,
) -> Absorbed {
    let mut out = Absorbed::default();
    // Final cards are computed from tables, yearly figures, clusters and cards (see
    // `final_guard`): a page without any (a city's 20.000 proposals) skips computing them twice.
    let may_move_cards = docs.iter().any(|d| {
        parse_doc_id(&d.doc_id).is_some_and(|(c, _)| {
            matches!(
                c,
                Collection::Templates
                    | Collection::Indicators
                    | Collection::Clusters
                    | Collection::Scorecards
            )
        })
    });
    if !may_move_cards {
        absorb_unguarded(data, docs, revisions, bases, stamp, &mut out);
        return out;
    }
    let reopener = Reopener::new(wording::REOPENED_BY, wording::REOPEN_REASON);
    let guarded = final_guard::guarded(data, Some(&reopener), stamp, |data| {
        absorb_unguarded(data, docs, revisions, bases, stamp, &mut out);
        Ok::<(), std::convert::Infallible>(())
    });
    // The reopener names who and why, and every moved card is final, so reopening cannot be
    // refused; were it, the merge would stand and nothing be listed as reopened.
    if let Ok(((), moved)) = guarded {
        for card in moved {
            let written = (Collection::Scorecards, card.card_id.clone());
            if !out.written.contains(&written) {
                out.written.push(written);
            }
            out.reopened.push(card.card_id);
        }
    }
    out
}

/// After a 409 on upload: the server's current version merged into local (same rules); the
/// caller uploads again with the server's rev.
pub fn absorb_one(data: &mut AppData, server: &ServerDoc, stamp: &Stamp) -> Absorbed {
    absorb(data, std::slice::from_ref(server), &BTreeMap::new(), stamp)
}

/// [`absorb_one`] with the server's revision this office last knew (`GET <db>/<id>?rev=<known
/// rev>`), for the field-by-field merge.
pub fn absorb_one_with_base(
    data: &mut AppData,
    server: &ServerDoc,
    base: Option<&ServerDoc>,
    stamp: &Stamp,
) -> Absorbed {
    let bases = base
        .map(|b| BTreeMap::from([(server.doc_id.clone(), b.clone())]))
        .unwrap_or_default();
    absorb_with_bases(
        data,
        std::slice::from_ref(server),
        &BTreeMap::new(),
        &bases,
        stamp,
    )
}

/// The document's body, or, when this office changed the record since `base` and the server's
/// version is a concurrent edit, the two merged field by field — if that makes a valid record.
fn body_with_base<'a>(
    data: &AppData,
    doc: &'a ServerDoc,
    collection: Collection,
    id: &str,
    base: Option<&ServerDoc>,
    stamp: &Stamp,
) -> Cow<'a, Value> {
    let Some(base) = base.filter(|b| !b.deleted && b.doc_id == doc.doc_id) else {
        return Cow::Borrowed(&doc.body);
    };
    let merged = record_json(data, collection, id)
        .and_then(|local| fields::merge_fields(&base.body, &local, &doc.body, stamp));
    let Some(merged) = merged else {
        return Cow::Borrowed(&doc.body);
    };
    let mut alone = AppData::default();
    let valid =
        decode_into(&mut alone, collection, merged.clone()).is_ok() && check_received(&alone, data).is_ok();
    if valid {
        Cow::Owned(merged)
    } else {
        Cow::Borrowed(&doc.body)
    }
}

/// The version vector a document's body claims, read leniently (a skipped document's too).
fn edits_of(body: &Value) -> BTreeMap<String, u64> {
    body.pointer("/meta/edits")
        .and_then(|edits| serde_json::from_value(edits.clone()).ok())
        .unwrap_or_default()
}

fn absorb_unguarded(
    data: &mut AppData,
    docs: &[ServerDoc],
    revisions: &BTreeMap<String, Vec<ServerDoc>>,
    bases: &BTreeMap<String, ServerDoc>,
    stamp: &Stamp,
    out: &mut Absorbed,
) {
    let mut written: HashSet<(Collection, Id)> = HashSet::new();
    let mut first = Vec::new();
    let known_from = out.known.len();
    let skipped_from = out.skipped.len();
    for doc in docs {
        let Some((collection, id)) = parse_doc_id(&doc.doc_id) else {
            if !doc.doc_id.starts_with("_design/") {
                out.skipped
                    .push((doc.doc_id.clone(), wording::NOT_A_RECORD.to_string()));
            }
            continue;
        };
        out.known.push((
            doc.doc_id.clone(),
            KnownRev::held(doc.rev.clone(), edits_of(&doc.body)),
        ));
        if doc.deleted {
            out.skipped
                .push((doc.doc_id.clone(), wording::DELETED_OUTSIDE.to_string()));
            continue;
        }
        let body = body_with_base(data, doc, collection, id, bases.get(&doc.doc_id), stamp);
        first.push(Candidate {
            doc,
            collection,
            id,
            body,
        });
    }
    let accepted = absorb_round(data, first, &mut written, out);
    // The revisions in conflict, one round each (a record appears once per page), merged
    // into what the documents left: a join, so the order does not matter.
    let mut losing: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut round = 0;
    loop {
        let candidates: Vec<Candidate> = accepted
            .iter()
            .filter_map(|c| {
                let revision = revisions.get(&c.doc.doc_id)?.get(round)?;
                let valid = !revision.deleted
                    && revision.doc_id == c.doc.doc_id
                    && revision.rev != c.doc.rev
                    && c.doc.conflicts.contains(&revision.rev);
                valid.then_some(Candidate {
                    doc: revision,
                    collection: c.collection,
                    id: c.id,
                    body: Cow::Borrowed(&revision.body),
                })
            })
            .collect();
        if revisions.values().all(|r| r.len() <= round) {
            break;
        }
        for c in absorb_round(data, candidates, &mut written, out) {
            losing
                .entry(c.doc.doc_id.as_str())
                .or_default()
                .push(c.doc.rev.clone());
        }
        round += 1;
    }
    // Said in the page's order, whichever check found them.
    let order: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .rev()
        .map(|(i, d)| (d.doc_id.as_str(), i))
        .collect();
    sorting::sort_by_key(&mut out.skipped, |(doc_id, _)| {
        order.get(doc_id.as_str()).copied()
    });
    keep_skipped_local(
        data,
        docs,
        &accepted,
        &mut out.known[known_from..],
        &out.skipped[skipped_from..],
    );
    for c in &accepted {
        if let Some(losing) = losing.remove(c.doc.doc_id.as_str()) {
            out.resolutions.push(Resolution {
                doc_id: c.doc.doc_id.clone(),
                rev: c.doc.rev.clone(),
                losing,
            });
        }
    }
}

/// A server version this office could not take in (it failed the checks) is known by its
/// revision but with the local record's version vector: the local record is then not pending
/// because of it, and does not go up over the version it could not read (which would drop
/// that office's edit, again at every round). A local edit sends it up as usual. Documents
/// deleted by another tool keep their empty vector: the local record goes back up.
fn keep_skipped_local(
    data: &AppData,
    docs: &[ServerDoc],
    accepted: &[Candidate],
    known: &mut [(String, KnownRev)],
    skipped: &[(String, String)],
) {
    let skipped: HashSet<&str> = skipped.iter().map(|(doc_id, _)| doc_id.as_str()).collect();
    let accepted: HashSet<&str> = accepted.iter().map(|c| c.doc.doc_id.as_str()).collect();
    let deleted: HashSet<&str> = docs
        .iter()
        .filter(|d| d.deleted)
        .map(|d| d.doc_id.as_str())
        .collect();
    for (doc_id, rev) in known.iter_mut() {
        let id = doc_id.as_str();
        if !skipped.contains(id) || accepted.contains(id) || deleted.contains(id) {
            continue;
        }
        if let Some(meta) = parse_doc_id(id).and_then(|(c, record)| meta_of(data, c, record)) {
            rev.edits = meta.edits.clone();
        }
    }
}

/// Checks the candidates as an import checks a file's records, merges those that pass into
/// `data`, and returns them; the others are skipped with their reason.
fn absorb_round<'a>(
    data: &mut AppData,
    candidates: Vec<Candidate<'a>>,
    written: &mut HashSet<(Collection, Id)>,
    out: &mut Absorbed,
) -> Vec<Candidate<'a>> {
    let mut page = AppData::default();
    let mut accepted = Vec::with_capacity(candidates.len());
    for c in candidates {
        let named = c.body.pointer("/meta/id").and_then(Value::as_str);
        if named.is_some_and(|named| named != c.id) {
            out.skipped
                .push((c.doc.doc_id.clone(), wording::other_id(named.unwrap_or_default())));
            continue;
        }
        match decode_into(&mut page, c.collection, c.body.as_ref().clone()) {
            Ok(()) => accepted.push(c),
            Err(e) => out.skipped.push((c.doc.doc_id.clone(), wording::invalid(&e))),
        }
    }
    // The checks stop at the first record that fails: it leaves the page, and they run again.
    while let Err(e) = check_received(&page, data) {
        let reason = wording::invalid(&e);
        let failed = culprit(&e)
            .and_then(|(kind, id)| accepted.iter().position(|c| c.collection == kind && c.id == id));
        let Some(at) = failed else {
            // Not traced to one record: none of the page is taken rather than a wrong one.
            for c in accepted {
                out.skipped.push((c.doc.doc_id.clone(), reason.clone()));
            }
            return Vec::new();
        };
        let c = accepted.remove(at);
        // Taking a record out of the page cannot fail.
        let _ = put_stored(&mut page, c.collection, c.id, None);
        out.skipped.push((c.doc.doc_id.clone(), reason));
    }
    let (changed, ahead) = merge_page(data, page);
    for changed in changed {
        if written.insert(changed.clone()) {
            out.written.push(changed);
        }
    }
    // The server holds another version under the same version vector: known as holding none,
    // so that this office's version goes up and both sides end alike.
    for (collection, id) in ahead {
        let ahead_doc = doc_id(collection, &id);
        if let Some((_, known)) = out.known.iter_mut().find(|(d, _)| *d == ahead_doc) {
            known.edits.clear();
        }
    }
    accepted
}

/// The record a check's error is about.
fn culprit(e: &ImportError) -> Option<(Collection, &str)> {
    match e {
        ImportError::DuplicateId { kind, id } | ImportError::UnknownReference { kind, id, .. } => {
            Some((*kind, id.as_str()))
        }
        ImportError::OutOfRange { at, .. }
        | ImportError::BreaksRule { at, .. }
        | ImportError::BadDate { at, .. } => Some((at.kind?, at.id.as_deref()?)),
        ImportError::Untraced(e) => culprit(e),
        _ => None,
    }
}
