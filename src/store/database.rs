//! The store: the data model in memory, its records in IndexedDB (`buckets`: in groups), and
//! every change written as the records it changed, in one transaction, never over data it could not read.
//!
//! Two tabs never lose a save: every change runs inside an IndexedDB readwrite transaction
//! (the browser runs those one after another across tabs), and inside it the tab first takes
//! in what other tabs wrote since it last looked (the change log), then applies its own change
//! to that, then writes. Memory is only announced to readers once storage accepted the change.
//!
//! Readers wake only for what they read: each names its collections ([`Store::tracked`]), the
//! head ([`Store::head`]: office and sharing state), one record ([`Store::tracked_record`]) or the
//! not-yet-shared count ([`Store::unshared`]); a change announces the keys it wrote. The count
//! is kept up to date from those keys ([`Tally`]). Records are decoded from their stored text
//! when a reader first names their collection, and the rest right after the first page is
//! drawn: a start on a city's data decodes only what its page shows.

use super::buckets::{self, Groups};
use super::idb::{self, DbError, BUCKETS, HEAD, HEAD_KEY, LOG, UNDO, UNDO_KEY};
use super::{legacy, tabs};
use crate::domain::collections::Collection;
use crate::domain::data::AppData;
use crate::domain::exchange::unshared::{Tally, Unshared};
use crate::domain::record::Stamp;
use crate::domain::schema::{LoadError, CURRENT_VERSION};
use crate::domain::sorting;
use crate::domain::storage_format::{self, Head, StoredRecord, Undecoded};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransaction};

/// Why the app could not start on the stored data. What is stored is kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub enum Boot {
    /// The browser refuses storage to this page.
    StorageBlocked,
    /// Stored data exists but cannot be read by this build; `raw` is exactly what is stored.
    Unreadable { raw: String, error: LoadError },
}

/// Why the last save did not reach the storage; shown until a save succeeds.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    /// The origin's quota is full.
    QuotaExceeded,
    /// The browser refuses storage to this page (private mode, a site setting).
    Unavailable,
    /// A newer version of the app holds the database (opened in another tab).
    Blocked,
    /// Anything else the browser reported, by its name.
    Other(String),
}

impl From<DbError> for SaveProblem {
    fn from(err: DbError) -> Self {
        match err {
            DbError::QuotaExceeded => SaveProblem::QuotaExceeded,
            DbError::Unavailable => SaveProblem::Unavailable,
            DbError::Blocked => SaveProblem::Blocked,
            DbError::Other(name) => SaveProblem::Other(name),
        }
    }
}

/// Why storage work failed, inside the store: the non-generic steps all give this, and the
/// public calls turn it into their [`CommitError`].
#[derive(Clone, Debug, PartialEq)]
enum Failure {
    /// Storage refused the work; `Store::save_problem` already says why.
    NotSaved(SaveProblem),
    /// Another tab stored data this build cannot read; the app is on the recovery screen.
    Unreadable,
}

impl<E> From<Failure> for CommitError<E> {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::NotSaved(problem) => CommitError::NotSaved(problem),
            Failure::Unreadable => CommitError::Unreadable,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum CommitError<E> {
    /// The domain refused the change; nothing was saved.
    Invalid(E),
    /// The change is valid but could not be stored; memory and storage keep the previous data.
    NotSaved(SaveProblem),
    /// Another tab stored data this build cannot read; the app switched to the recovery screen.
    Unreadable,
}

/// Readers subscribe per collection, to the head (office, sharing state), and to the count of
/// records not yet shared; a page showing one record subscribes to that record alone.
const TOPICS: usize = Collection::ALL.len() + 2;
const HEAD_TOPIC: usize = Collection::ALL.len();
const SHARING_TOPIC: usize = HEAD_TOPIC + 1;

fn topic(collection: Collection) -> usize {
    Collection::ALL
        .iter()
        .position(|c| *c == collection)
        .unwrap_or(HEAD_TOPIC)
}

/// The topics of the collections the stored records of `keys` belong to.
fn topics_of<'k, K: IntoIterator<Item = &'k str> + 'k>(keys: K) -> impl Iterator<Item = usize> + 'k {
    keys.into_iter()
        .filter_map(storage_format::parse_key)
        .map(|(c, _)| topic(c))
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// The end of this tab's queue of storage work: each commit waits for the one before it.
    static QUEUE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn db() -> Result<IdbDatabase, DbError> {
    DB.with(|db| db.borrow().clone()).ok_or(DbError::Unavailable)
}

/// This tab's turn at storage, held until dropped.
struct Turn(Option<js_sys::Function>);

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(release) = self.0.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

async fn take_turn() -> Turn {
    let mut release = None;
    let mine = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let before = QUEUE.with(|q| q.borrow_mut().replace(mine));
    if let Some(before) = before {
        let _ = wasm_bindgen_futures::JsFuture::from(before).await;
    }
    Turn(release)
}

/// A change that names the records it changed, made in steps ([`Store::commit_named`]): called
/// with each step's number.
pub type NamedChange<'a> =
    dyn FnMut(&mut AppData, &Stamp, usize) -> Vec<(Collection, crate::domain::record::Id)> + 'a;

/// What a commit writes: its records with their keys, their stored versions before it (to put
/// memory back if the write fails), and the head before and after.
struct Written<'a> {
    records: &'a [StoredRecord],
    keys: &'a [String],
    before: &'a [(String, Option<(u32, String)>)],
    old_head: Option<&'a str>,
    head: &'a str,
}

/// Handle to the app's data, shared by context. `Copy`, so closures can capture it freely.
#[derive(Clone, Copy)]
pub struct Store {
    data: StoredValue<AppData>,
    topics: [Trigger; TOPICS],
    /// One topic per record a page shows alone, by storage key, made when first read. The
    /// map only grows with the records opened in this session; a topic nobody reads costs a
    /// notify when its record changes.
    records: StoredValue<Vec<(String, ArcTrigger)>>,
    /// The records in no exported file, made on first read and then kept up to date from the
    /// keys each change wrote (counted again only when the sharing state changes).
    tally: StoredValue<Option<Tally>>,
    /// Stored records not decoded yet: a collection is decoded when a reader first names it,
    /// and the rest after the first page is drawn ([`Store::decode_the_rest`]).
    undecoded: StoredValue<Undecoded>,
    /// The number of the last logged change this tab has taken in.
    seen: StoredValue<f64>,
    /// The instant of this tab's last stamp: every commit's stamp is unique, so the records
    /// carrying it are exactly the ones it changed.
    last_stamp: StoredValue<DateTime<Utc>>,
    pub save_problem: RwSignal<Option<SaveProblem>>,
    /// Set when storage turns unreadable while running (another tab wrote a newer version).
    pub fatal: RwSignal<Option<Boot>>,
    /// Set after data was migrated from an older version at start.
    pub migrated_from: RwSignal<Option<u32>>,
}

/// What the database holds: the head text, every record, and the last change's number.
struct Stored {
    head: Option<String>,
    records: Vec<StoredRecord>,
    last_change: f64,
}

impl Store {
    /// Opens the database, moving data kept by earlier versions (one localStorage text) into it
    /// first, and loads everything. Empty storage starts a fresh data set.
    pub async fn open() -> Result<Store, Boot> {
        let db = idb::open().await.map_err(|_| Boot::StorageBlocked)?;
        buckets::move_from_single_records(&db)
            .await
            .map_err(|_| Boot::StorageBlocked)?;
        tabs::close_when_upgraded(&db);
        DB.with(|slot| *slot.borrow_mut() = Some(db));
        let mut stored = read_all().await.map_err(|_| Boot::StorageBlocked)?;
        let mut migrated_from = None;
        if let Some(moved) = legacy::move_into_records(&stored.head, &stored.records).await? {
            migrated_from = moved.migrated_from;
            stored = read_all().await.map_err(|_| Boot::StorageBlocked)?;
            let read_back = load(&stored)?;
            legacy::verified(&moved.data, &read_back.data);
        }
        let last_change = stored.last_change;
        let (loaded, undecoded) = load_later(stored).await?;
        let store = Store {
            data: StoredValue::new(loaded.data),
            topics: std::array::from_fn(|_| Trigger::new()),
            records: StoredValue::new(Vec::new()),
            tally: StoredValue::new(None),
            undecoded: StoredValue::new(undecoded),
            seen: StoredValue::new(last_change),
            last_stamp: StoredValue::new(DateTime::<Utc>::MIN_UTC),
            save_problem: RwSignal::new(None),
            fatal: RwSignal::new(None),
            migrated_from: RwSignal::new(migrated_from.or(loaded.migrated_from)),
        };
        wasm_bindgen_futures::spawn_local(store.decode_the_rest());
        Ok(store)
    }

    /// Decodes the records of `collections` that still wait (see [`Store::undecoded`]). One
    /// that cannot be read stops the app on the recovery screen, which names it.
    fn decode(&self, collections: &[Collection]) {
        let waiting = self
            .undecoded
            .with_value(|u| collections.iter().any(|c| u.waits(*c)));
        if !waiting {
            return;
        }
        let mut readable = true;
        self.undecoded.update_value(|undecoded| {
            self.data.update_value(|data| {
                for c in collections {
                    readable &= undecoded.decode(*c, data).is_ok();
                }
            })
        });
        if !readable {
            let store = *self;
            leptos::task::spawn_local(async move {
                if let Ok(stored) = read_all().await {
                    if let Err(boot) = load(&stored) {
                        store.fatal.set(Some(boot));
                    }
                }
            });
        }
    }

    /// After the first page is drawn, decodes what no reader asked for yet, one collection a
    /// task so the page stays responsive; then every reader reads once more (one that read a
    /// collection it did not name saw it empty until now) and the unshared count is made.
    async fn decode_the_rest(self) {
        for c in Collection::ALL {
            super::browser::after_paint().await;
            self.decode(&[*c]);
        }
        self.changed(None, true);
    }

    /// Subscribes the running reader to every change, without reading: for work that follows
    /// every save (the storage use measured again).
    pub fn track_every_change(&self) {
        for t in &self.topics {
            t.track();
        }
    }

    /// Reactive read access to everything, re-run on every change: only for a reader that
    /// truly reads everything. Others name what they read: [`Store::tracked`], [`Store::head`],
    /// [`Store::tracked_record`], [`Store::unshared`].
    pub fn tracked_all<R>(&self, f: impl FnOnce(&AppData) -> R) -> R {
        self.track_every_change();
        self.with_untracked(f)
    }

    /// Reactive read access that re-runs only when one of `collections` changes: a list of
    /// proposals does not recompute when a score mark is saved.
    pub fn tracked<R>(&self, collections: &[Collection], f: impl FnOnce(&AppData) -> R) -> R {
        for c in collections {
            self.topics[topic(*c)].track();
        }
        self.untracked(collections, f)
    }

    /// Read access to `collections` that subscribes to nothing (a row drawn once).
    pub fn untracked<R>(&self, collections: &[Collection], f: impl FnOnce(&AppData) -> R) -> R {
        self.decode(collections);
        self.data.with_value(f)
    }

    /// Reactive read access to the head alone (`d.office`, `d.sync`): the header's office name
    /// does not wake when a record is saved.
    pub fn head<R>(&self, f: impl FnOnce(&AppData) -> R) -> R {
        self.topics[HEAD_TOPIC].track();
        self.data.with_value(f)
    }

    /// Reactive read access that re-runs only when record `id` of `collection` changes
    /// (appears, is edited, goes): a page showing one dialogue does not recompute when another
    /// is saved. `f` should read only that record.
    pub fn tracked_record<R>(&self, collection: Collection, id: &str, f: impl FnOnce(&AppData) -> R) -> R {
        self.track_record(storage_format::key(collection, id));
        self.untracked(&[collection], f)
    }

    fn track_record(&self, key: String) {
        // A page shows a handful of records alone in a session: a list is enough.
        let topic = self.records.try_update_value(|records| {
            if let Some((_, t)) = records.iter().find(|(k, _)| *k == key) {
                return t.clone();
            }
            let t = ArcTrigger::new();
            records.push((key, t.clone()));
            t
        });
        if let Some(topic) = topic {
            topic.track();
        }
    }

    /// What is not yet shared (chưa chia sẻ), reactive: re-runs when a change may have moved
    /// the count, which is kept up to date instead of counted again over every record. `None`
    /// while records are still being decoded after the start (it counts every record).
    pub fn unshared(&self, now: DateTime<Utc>) -> Option<Unshared> {
        self.topics[SHARING_TOPIC].track();
        if !self.undecoded.with_value(Undecoded::is_empty) {
            return None;
        }
        self.data.with_value(|data| {
            self.tally
                .try_update_value(|tally| tally.get_or_insert_with(|| Tally::new(data)).unshared(data, now))
        })
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&AppData) -> R) -> R {
        self.decode(Collection::ALL);
        self.data.with_value(f)
    }

    /// Tells the readers of what a change wrote: the collections and records of `keys`
    /// (`None`: everything was read again), and the head when `head_changed`. The unshared
    /// tally follows first, so the readers it wakes see the new count.
    fn changed(&self, keys: Option<&[String]>, head_changed: bool) {
        self.data.with_value(|data| {
            self.tally.update_value(|tally| match (tally.as_mut(), keys) {
                // A new sharing state (an export) moves records in and out of files: count again.
                (Some(t), Some(keys)) if !head_changed => t.update(data, keys.iter().map(String::as_str)),
                (Some(_), _) => *tally = None,
                (None, _) => {}
            })
        });
        match keys {
            None => {
                for t in &self.topics {
                    t.notify();
                }
                self.records
                    .with_value(|records| records.iter().for_each(|(_, t)| t.notify()));
            }
            Some(keys) => {
                for t in topics_of(keys.iter().map(String::as_str)) {
                    self.topics[t].notify();
                }
                self.records.with_value(|records| {
                    for key in keys {
                        if let Some((_, t)) = records.iter().find(|(k, _)| k == key) {
                            t.notify();
                        }
                    }
                });
                if head_changed {
                    self.topics[HEAD_TOPIC].notify();
                }
                if head_changed || !keys.is_empty() {
                    self.topics[SHARING_TOPIC].notify();
                }
            }
        }
    }

    fn unique_stamp(&self, office_id: &str) -> Stamp {
        let mut at = super::browser::now();
        let last = self.last_stamp.get_value();
        if at <= last {
            at = last + chrono::Duration::milliseconds(1);
        }
        self.last_stamp.set_value(at);
        Stamp::new(office_id, at)
    }

    /// Applies one change and saves what it changed. The change runs on the newest stored data
    /// (other tabs' saves included), and readers see it only once storage accepted it.
    pub async fn commit<T, E>(
        &self,
        change: impl FnOnce(&mut AppData, &Stamp) -> Result<T, E>,
    ) -> Result<T, CommitError<E>> {
        // The storage work is one non-generic function: instantiated once, not once per form.
        let mut change = Some(change);
        let mut result = None;
        let saved = self
            .commit_dyn(&mut |data, stamp| {
                let outcome = change.take().map(|f| f(data, stamp));
                let accepted = matches!(outcome, Some(Ok(_)));
                result = outcome;
                accepted
            })
            .await;
        match (saved, result) {
            (_, Some(Err(refused))) => Err(CommitError::Invalid(refused)),
            (Ok(()), Some(Ok(value))) => Ok(value),
            (Err(failure), _) => Err(failure.into()),
            // The change always runs when storage did not fail before it.
            (Ok(()), None) => Err(CommitError::Unreadable),
        }
    }

    /// `change` says whether the domain accepted it; a refused change is not saved (`Ok`).
    async fn commit_dyn(&self, change: &mut dyn FnMut(&mut AppData, &Stamp) -> bool) -> Result<(), Failure> {
        let _turn = take_turn().await;
        let tx = self.begin(&[HEAD, BUCKETS, LOG])?;
        let outcome = idb::committed(&tx);
        let old_head = self.take_in_changes(&tx).await?;
        let stamp = self.commit_stamp()?;
        let accepted = self
            .data
            .try_update_value(|data| change(data, &stamp))
            .unwrap_or(false);
        let written = self.data.with_value(|data| storage_format::stamped(data, &stamp));
        let keys: Vec<String> = written.iter().map(|r| r.key.clone()).collect();
        let mut groups = Groups::load(&tx, &keys).await.map_err(|e| self.not_saved(e))?;
        let before = groups.versions(&keys);
        if !accepted {
            // A refused change may have touched records before refusing: put them back.
            self.bring_back(&before, old_head.as_deref());
            let _ = tx.abort();
            return Ok(());
        }
        let head = self.data.with_value(|data| Head::of(data).to_json());
        let change = Written {
            records: &written,
            keys: &keys,
            before: &before,
            old_head: old_head.as_deref(),
            head: &head,
        };
        self.save_written(&tx, outcome, &mut groups, change).await
    }

    /// Writes a change's records and the head in `tx`, logged for other tabs; readers hear of
    /// it once it landed, and memory goes back to the stored versions if it did not.
    async fn save_written(
        &self,
        tx: &IdbTransaction,
        outcome: impl std::future::Future<Output = Result<(), DbError>>,
        groups: &mut Groups,
        change: Written<'_>,
    ) -> Result<(), Failure> {
        let queued = write(
            tx,
            groups,
            change.records,
            change.head,
            Some(change.keys),
            None,
            self.seen.get_value(),
        )
        .await;
        match self.landed(tx, outcome, queued).await {
            Ok(()) => {
                self.after_save().await;
                self.changed(Some(change.keys), change.old_head != Some(change.head));
                Ok(())
            }
            Err(e) => {
                self.bring_back(change.before, change.old_head);
                Err(self.not_saved(e))
            }
        }
    }

    /// A stamp unique to this commit, the office made on the first save.
    fn commit_stamp(&self) -> Result<Stamp, Failure> {
        self.data
            .try_update_value(|data| {
                let office_id = data.ensure_office(super::browser::new_id).id.clone();
                self.unique_stamp(&office_id)
            })
            // Only after the app was taken down: there is no storage to save to.
            .ok_or(Failure::NotSaved(SaveProblem::Unavailable))
    }

    /// Applies a change that names the records it changed, and writes exactly those (live
    /// sync: a page of the server's documents merged in, which keeps each record's own stamp,
    /// so the stamp cannot find them). Like [`Store::commit`] otherwise: `change` runs on the
    /// newest stored data (other tabs' saves taken in first) with a stamp unique to it (for
    /// records it reopens), the records and the head are written in one transaction and logged
    /// for other tabs, no undo copy is kept, and readers see the change once storage accepted
    /// it. When storage refuses, memory goes back to the stored versions of those records.
    ///
    /// `change` runs `steps` times (step 0, 1, …) in the same transaction, and the page draws
    /// between two steps: a page of thousands of server documents is merged a slice a step.
    pub async fn commit_named(
        &self,
        steps: usize,
        change: &mut NamedChange<'_>,
    ) -> Result<(), CommitError<std::convert::Infallible>> {
        let _turn = take_turn().await;
        let tx = self.begin(&[HEAD, BUCKETS, LOG])?;
        let outcome = idb::committed(&tx);
        let old_head = self.take_in_changes(&tx).await?;
        let stamp = self.commit_stamp()?;
        let mut names = Vec::new();
        for step in 0..steps {
            if step > 0 {
                self.between_steps(&tx).await?;
            }
            if let Some(more) = self.data.try_update_value(|data| change(data, &stamp, step)) {
                names.extend(more);
            }
        }
        let written = self.data.with_value(|data| storage_format::named(data, &names));
        let head = self.data.with_value(|data| Head::of(data).to_json());
        let head_changed = old_head.as_deref() != Some(head.as_str());
        if written.is_empty() && !head_changed {
            let _ = tx.abort();
            return Ok(());
        }
        let keys: Vec<String> = written.iter().map(|r| r.key.clone()).collect();
        let mut groups = Groups::load(&tx, &keys)
            .await
            .map_err(|e| CommitError::from(self.not_saved(e)))?;
        let before = groups.versions(&keys);
        let change = Written {
            records: &written,
            keys: &keys,
            before: &before,
            old_head: old_head.as_deref(),
            head: &head,
        };
        Ok(self.save_written(&tx, outcome, &mut groups, change).await?)
    }

    /// Lets the browser draw between two steps of a change without ending its transaction
    /// (which commits by itself once no request is pending at the end of a task): a read of
    /// the head, whose answer comes in a task of its own.
    async fn between_steps(&self, tx: &IdbTransaction) -> Result<(), Failure> {
        let fail = |e| self.not_saved(e);
        let store = idb::store(tx, HEAD).map_err(fail)?;
        let read = idb::req(store.get(&JsValue::from_str(HEAD_KEY))).map_err(fail)?;
        idb::done(&read).await.map(|_| ()).map_err(fail)
    }

    /// Replaces the data with what `change` makes of it (an import), writing the records that
    /// differ and keeping their stored versions so the import can be undone exactly.
    pub async fn replace<E>(
        &self,
        file_name: &str,
        change: impl FnOnce(&AppData, &Stamp) -> Result<AppData, E>,
    ) -> Result<(), CommitError<E>> {
        let _turn = take_turn().await;
        let tx = self.begin(&[HEAD, BUCKETS, LOG, UNDO])?;
        let outcome = idb::committed(&tx);
        let old_head = self.take_in_changes(&tx).await?;
        let office_id = self
            .data
            .with_value(|d| d.office.as_ref().map(|o| o.id.clone()))
            .unwrap_or_else(super::browser::new_id);
        let stamp = self.unique_stamp(&office_id);
        let next = match self.data.with_value(|data| change(data, &stamp)) {
            Ok(mut next) => {
                next.ensure_office(|| office_id.clone());
                next
            }
            Err(refused) => {
                let _ = tx.abort();
                return Err(CommitError::Invalid(refused));
            }
        };
        let written = self
            .data
            .with_value(|data| storage_format::changed_by(data, &next));
        let keys: Vec<String> = written.iter().map(|r| r.key.clone()).collect();
        let head = Head::of(&next).to_json();
        let head_changed = old_head.as_deref() != Some(head.as_str());
        if keys.is_empty() && !head_changed {
            // Nothing to store (the same file imported again): the undo copy of the import
            // that did change something stays, instead of an empty one taking its place.
            let _ = tx.abort();
            return Ok(());
        }
        let mut groups = Groups::load(&tx, &keys).await.map_err(|e| self.not_saved(e))?;
        let before = groups.versions(&keys);
        let undo = super::undo::UndoCopy {
            imported_at: super::browser::now(),
            file_name: file_name.to_string(),
            head: old_head.unwrap_or_default(),
            records: before,
        };
        let logged = (keys.len() <= CATCH_UP_ONE_BY_ONE).then_some(keys.as_slice());
        let queued = write(
            &tx,
            &mut groups,
            &written,
            &head,
            logged,
            Some(&undo),
            self.seen.get_value(),
        )
        .await;
        match self.landed(&tx, outcome, queued).await {
            Ok(()) => {
                self.data.set_value(next);
                self.after_save().await;
                // Only the records it wrote changed: a page of other records does not redraw.
                self.changed(Some(&keys), head_changed);
                Ok(())
            }
            Err(e) => Err(self.not_saved(e).into()),
        }
    }

    /// What the last import replaced, if it can still be undone.
    pub async fn undo_copy(&self) -> Option<super::undo::UndoCopy> {
        let tx = idb::transaction(&db().ok()?, &[UNDO], false).ok()?;
        let text = idb::get_text(&idb::store(&tx, UNDO).ok()?, UNDO_KEY)
            .await
            .ok()??;
        serde_json::from_str(&text).ok()
    }

    /// Puts back every record the last import wrote, exactly as stored before it, and forgets
    /// the copy. Changes made since to other records stay.
    pub async fn undo_import(&self) -> Result<(), SaveProblem> {
        let _turn = take_turn().await;
        let tx = idb::transaction(&db()?, &[HEAD, BUCKETS, LOG, UNDO], true)?;
        let outcome = idb::committed(&tx);
        let undo_store = idb::store(&tx, UNDO)?;
        let text = idb::get_text(&undo_store, UNDO_KEY).await?;
        let copy: super::undo::UndoCopy = text
            .and_then(|t| serde_json::from_str(&t).ok())
            .ok_or_else(|| SaveProblem::Other("không còn bản lưu để hoàn tác".into()))?;
        let keys: Vec<String> = copy.records.iter().map(|(key, _)| key.clone()).collect();
        let mut groups = Groups::load(&tx, &keys).await?;
        for (key, old) in &copy.records {
            groups.set(key, old.as_ref().map(|(order, json)| (*order, json.as_str())));
        }
        groups.put(&tx).await?;
        if copy.head.is_empty() {
            idb::req(idb::store(&tx, HEAD)?.delete(&JsValue::from_str(HEAD_KEY)))?;
        } else {
            idb::req(
                idb::store(&tx, HEAD)?
                    .put_with_key(&JsValue::from_str(&copy.head), &JsValue::from_str(HEAD_KEY)),
            )?;
        }
        idb::req(undo_store.delete(&JsValue::from_str(UNDO_KEY)))?;
        let queued = log_change(&tx, None, self.seen.get_value());
        self.landed(&tx, outcome, queued).await?;
        self.after_save().await;
        // Its own log entry says "everything": read it all again.
        let tx = idb::transaction(&db()?, &[HEAD, BUCKETS], false)?;
        let head = idb::get_text(&idb::store(&tx, HEAD)?, HEAD_KEY).await?;
        let _ = self.reload_within(&tx, head, self.seen.get_value()).await;
        Ok(())
    }

    /// Takes in what other tabs saved since this tab last looked (called when they say so).
    pub async fn follow_other_tabs(&self) {
        let _turn = take_turn().await;
        if let Ok(tx) = db().and_then(|db| idb::transaction(&db, &[HEAD, BUCKETS, LOG], false)) {
            let _ = self.take_in_changes(&tx).await;
        }
    }

    /// Whether any data is stored yet (the browser is only asked to keep data that exists).
    pub fn has_data(&self) -> bool {
        self.head(|d| d.office.is_some())
    }

    fn begin(&self, stores: &[&str]) -> Result<IdbTransaction, Failure> {
        db().and_then(|db| idb::transaction(&db, stores, true))
            .map_err(|e| self.not_saved(e))
    }

    /// A storage failure, said in the banner until a save succeeds.
    fn not_saved(&self, err: DbError) -> Failure {
        let problem = SaveProblem::from(err);
        self.save_problem.set(Some(problem.clone()));
        Failure::NotSaved(problem)
    }

    /// Waits for a transaction whose writes were queued (`queued`: the log request, or why
    /// queueing failed, in which case it is aborted). Once landed, this tab has seen its own change.
    async fn landed(
        &self,
        tx: &IdbTransaction,
        outcome: impl std::future::Future<Output = Result<(), DbError>>,
        queued: Result<web_sys::IdbRequest, DbError>,
    ) -> Result<(), DbError> {
        let logged = match queued {
            Ok(logged) => logged,
            Err(e) => {
                let _ = tx.abort();
                let _ = outcome.await;
                return Err(e);
            }
        };
        outcome.await?;
        if let Some(number) = logged.result().ok().and_then(|n| n.as_f64()) {
            self.seen.set_value(number);
        }
        Ok(())
    }

    async fn after_save(&self) {
        self.save_problem.set(None);
        tabs::tell_other_tabs(self.seen.get_value());
    }

    /// Inside `tx`: reads the changes other tabs logged since this tab last looked and puts
    /// them into memory. Gives the stored head as it is now.
    async fn take_in_changes(&self, tx: &IdbTransaction) -> Result<Option<String>, Failure> {
        // Records are put in their lists by id: the lists must be whole first.
        self.decode(Collection::ALL);
        let fail = |e| self.not_saved(e);
        let head = idb::get_text(&idb::store(tx, HEAD).map_err(fail)?, HEAD_KEY)
            .await
            .map_err(fail)?;
        let log = idb::store(tx, LOG).map_err(fail)?;
        let since =
            web_sys::IdbKeyRange::lower_bound_with_open(&JsValue::from_f64(self.seen.get_value()), true)
                .map_err(|e| fail(idb::classify(&e)))?;
        let numbers = idb::done(&idb::req(log.get_all_keys_with_key(&since)).map_err(fail)?);
        let entries = idb::done(&idb::req(log.get_all_with_key(&since)).map_err(fail)?);
        let numbers: js_sys::Array = numbers.await.map_err(fail)?.unchecked_into();
        let entries: js_sys::Array = entries.await.map_err(fail)?.unchecked_into();
        if numbers.length() == 0 {
            return Ok(head);
        }
        let first = numbers.get(0).as_f64().unwrap_or(0.0);
        let last = numbers.get(numbers.length() - 1).as_f64().unwrap_or(0.0);
        // A gap (entries dropped from the log), a bulk change or a head this build cannot read:
        // everything is read again (and an unreadable store stops on the recovery screen).
        let mut everything = first != self.seen.get_value() + 1.0
            || !head.as_deref().is_none_or(|h| {
                serde_json::from_str::<Head>(h).is_ok_and(|h| h.schema_version == CURRENT_VERSION)
            });
        let mut keys = Vec::new();
        for entry in entries.iter() {
            match js_sys::Reflect::get(&entry, &JsValue::from_str("k"))
                .ok()
                .filter(|k| k.is_object())
            {
                Some(list) => keys.extend(js_sys::Array::from(&list).iter().filter_map(|k| k.as_string())),
                None => everything = true,
            }
        }
        sorting::sort(&mut keys);
        keys.dedup();
        if everything || keys.len() > CATCH_UP_ONE_BY_ONE {
            self.reload_within(tx, head.clone(), last).await?;
            return Ok(head);
        }
        let records = Groups::load(tx, &keys).await.map_err(fail)?.versions(&keys);
        let mut head_changed = false;
        let mut readable = true;
        self.data.update_value(|data| {
            if let Some(head) = head.as_deref().and_then(|h| serde_json::from_str::<Head>(h).ok()) {
                head_changed = data.office != head.office || data.sync != head.sync;
                data.office = head.office;
                data.sync = head.sync;
            }
            for (key, record) in &records {
                if storage_format::apply_stored(data, key, record.as_ref().map(|(_, json)| json.as_str()))
                    .is_err()
                {
                    readable = false;
                }
            }
        });
        if !readable {
            // Read as a whole, the store names the bad record on the recovery screen.
            self.reload_within(tx, head.clone(), last).await?;
            return Err(Failure::Unreadable);
        }
        self.seen.set_value(last);
        self.changed(Some(&keys), head_changed);
        Ok(head)
    }

    /// Inside `tx`: everything stored becomes the data in memory; what cannot be read stops the
    /// app on the recovery screen instead.
    async fn reload_within(
        &self,
        tx: &IdbTransaction,
        head: Option<String>,
        last: f64,
    ) -> Result<(), Failure> {
        let stored = read_all_in(tx, head, last).await.map_err(|e| self.not_saved(e))?;
        match load(&stored) {
            Ok(loaded) => {
                self.data.set_value(loaded.data);
                self.undecoded.set_value(Undecoded::default());
                self.seen.set_value(last);
                self.changed(None, true);
                Ok(())
            }
            Err(boot) => {
                self.fatal.set(Some(boot));
                Err(Failure::Unreadable)
            }
        }
    }

    /// Memory back to the stored versions of `records` (a write failed or a change was refused).
    fn bring_back(&self, records: &[(String, Option<(u32, String)>)], head: Option<&str>) {
        self.data.update_value(|data| {
            for (key, record) in records {
                let _ =
                    storage_format::apply_stored(data, key, record.as_ref().map(|(_, json)| json.as_str()));
            }
            let head = head.and_then(|h| serde_json::from_str::<Head>(h).ok());
            data.office = head.as_ref().and_then(|h| h.office.clone());
            data.sync = head.map(|h| h.sync).unwrap_or_default();
        });
        // A reader that ran while the change was in memory (a list re-sorted because its
        // filter changed) saw records that are now gone: it reads again.
        let keys: Vec<String> = records.iter().map(|(key, _)| key.clone()).collect();
        self.changed(Some(&keys), true);
    }
}

/// Writes every record of `data` and its head (the move from the old single text).
pub(super) async fn store_whole(data: &AppData) -> Result<(), DbError> {
    let tx = idb::transaction(&db()?, &[HEAD, BUCKETS, LOG], true)?;
    let outcome = idb::committed(&tx);
    let records = storage_format::whole(data);
    let keys: Vec<String> = records.iter().map(|r| r.key.clone()).collect();
    let mut groups = Groups::load(&tx, &keys).await?;
    let queued = write(
        &tx,
        &mut groups,
        &records,
        &Head::of(data).to_json(),
        None,
        None,
        0.0,
    )
    .await;
    if let Err(e) = queued {
        let _ = tx.abort();
        return Err(e);
    }
    outcome.await
}

/// Above this many changed records, other tabs reload everything instead of record by record.
const CATCH_UP_ONE_BY_ONE: usize = 500;
/// How many logged changes are kept for tabs that have not looked yet.
const LOG_KEPT: f64 = 1000.0;

/// The head of `stored`, with its records kept to be decoded when first needed. What cannot be
/// read is refused with exactly what is stored (read again for the recovery screen).
async fn load_later(stored: Stored) -> Result<(crate::domain::schema::Loaded, Undecoded), Boot> {
    match storage_format::assemble_later(stored.head.as_deref(), stored.records) {
        Ok(loaded) => Ok(loaded),
        Err(error) => {
            let again = read_all().await.map_err(|_| Boot::StorageBlocked)?;
            Err(Boot::Unreadable {
                raw: storage_format::dump(again.head.as_deref(), &again.records),
                error,
            })
        }
    }
}

fn load(stored: &Stored) -> Result<crate::domain::schema::Loaded, Boot> {
    storage_format::assemble(stored.head.as_deref(), &stored.records).map_err(|error| Boot::Unreadable {
        raw: storage_format::dump(stored.head.as_deref(), &stored.records),
        error,
    })
}

/// Puts `records` and the head, keeps `undo` if given, and logs the change (`None`: reload
/// everything). Only queues the requests: the transaction's outcome says whether they landed.
async fn write(
    tx: &IdbTransaction,
    groups: &mut Groups,
    records: &[StoredRecord],
    head: &str,
    logged: Option<&[String]>,
    undo: Option<&super::undo::UndoCopy>,
    seen: f64,
) -> Result<web_sys::IdbRequest, DbError> {
    for record in records {
        groups.set(&record.key, Some((record.order, &record.json)));
    }
    groups.put(tx).await?;
    idb::req(idb::store(tx, HEAD)?.put_with_key(&JsValue::from_str(head), &JsValue::from_str(HEAD_KEY)))?;
    if let Some(undo) = undo {
        let text = serde_json::to_string(undo).unwrap_or_default();
        idb::req(
            idb::store(tx, UNDO)?.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(UNDO_KEY)),
        )?;
    }
    log_change(tx, logged, seen)
}

/// Logs which keys a change wrote (`None`: everything), after dropping entries old enough that
/// every open tab has taken them in. The request's result is the change's number.
fn log_change(
    tx: &IdbTransaction,
    keys: Option<&[String]>,
    seen: f64,
) -> Result<web_sys::IdbRequest, DbError> {
    let log = idb::store(tx, LOG)?;
    if seen > LOG_KEPT {
        let old = web_sys::IdbKeyRange::upper_bound(&JsValue::from_f64(seen - LOG_KEPT))
            .map_err(|e| idb::classify(&e))?;
        idb::req(log.delete(&old))?;
    }
    let entry = js_sys::Object::new();
    let list = match keys {
        Some(keys) => keys
            .iter()
            .map(|k| JsValue::from_str(k))
            .collect::<js_sys::Array>()
            .into(),
        None => JsValue::NULL,
    };
    let _ = js_sys::Reflect::set(&entry, &JsValue::from_str("k"), &list);
    idb::req(log.add(&entry))
}

/// Everything stored, in one read-only transaction.
async fn read_all() -> Result<Stored, DbError> {
    let tx = idb::transaction(&db()?, &[HEAD, BUCKETS, LOG], false)?;
    let head = idb::get_text(&idb::store(&tx, HEAD)?, HEAD_KEY).await?;
    let numbers: js_sys::Array = idb::done(&idb::req(idb::store(&tx, LOG)?.get_all_keys())?)
        .await?
        .unchecked_into();
    let last = numbers.iter().filter_map(|n| n.as_f64()).fold(0.0, f64::max);
    read_all_in(&tx, head, last).await
}

async fn read_all_in(tx: &IdbTransaction, head: Option<String>, last_change: f64) -> Result<Stored, DbError> {
    Ok(Stored {
        head,
        records: buckets::read_all(tx).await?,
        last_change,
    })
}
