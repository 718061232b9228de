//! The store: the whole data model in one reactive signal, saved at once on every committed
//! change, and never written over data it could not read.

use super::local::{self, StorageError, DATA_KEY};
use crate::domain::data::AppData;
use crate::domain::record::Stamp;
use crate::domain::schema::{self, LoadError};
use crate::domain::sync::lineage::{self, OwnSave};
use leptos::prelude::*;

/// Why the app could not start on the stored data. The stored text is kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub enum Boot {
    /// The browser refuses localStorage to this page.
    StorageBlocked,
    /// Stored text exists but cannot be read by this build.
    Unreadable { raw: String, error: LoadError },
}

/// Why the last save did not reach the storage; shown until a save succeeds.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveProblem {
    QuotaExceeded,
    Blocked,
    Other(String),
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

/// Handle to the app's data, shared by context. `Copy`, so closures can capture it freely.
#[derive(Clone, Copy)]
pub struct Store {
    data: RwSignal<AppData>,
    /// The exact text last read from or written to storage: a different text in storage means
    /// another tab saved, and this tab must start from that, never from its own stale copy.
    last_raw: StoredValue<Option<String>>,
    pub save_problem: RwSignal<Option<SaveProblem>>,
    /// Set when storage turns unreadable while running (another tab wrote a newer version).
    pub fatal: RwSignal<Option<Boot>>,
    /// Set after data was migrated from an older version at start.
    pub migrated_from: RwSignal<Option<u32>>,
    /// This tab's last save, until another tab's save shows whether it survived.
    own_save: StoredValue<Option<OwnSave>>,
}

impl Store {
    /// Loads the stored data, migrating older versions. Empty storage starts a fresh data set.
    pub fn open() -> Result<Store, Boot> {
        let raw = local::read(DATA_KEY).map_err(|_| Boot::StorageBlocked)?;
        let (data, migrated_from) = match &raw {
            None => (AppData::default(), None),
            Some(text) => {
                let loaded = schema::decode(text).map_err(|error| Boot::Unreadable {
                    raw: text.clone(),
                    error,
                })?;
                (loaded.data, loaded.migrated_from)
            }
        };
        Ok(Store {
            data: RwSignal::new(data),
            last_raw: StoredValue::new(raw),
            save_problem: RwSignal::new(None),
            fatal: RwSignal::new(None),
            migrated_from: RwSignal::new(migrated_from),
            own_save: StoredValue::new(None),
        })
    }

    /// Reactive read access: `store.with(|d| d.units.len())`.
    pub fn with<R>(&self, f: impl FnOnce(&AppData) -> R) -> R {
        self.data.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&AppData) -> R) -> R {
        self.data.with_untracked(f)
    }

    /// Applies one change and saves it at once. The change runs on the newest stored data
    /// (another tab's save included), and memory only changes once storage accepted the result.
    pub fn commit<T, E>(
        &self,
        change: impl FnOnce(&mut AppData, &Stamp) -> Result<T, E>,
    ) -> Result<T, CommitError<E>> {
        let base = self.fresh_base()?;
        let mut next = base.clone();
        let office_id = next.ensure_office(super::browser::new_id).id.clone();
        let stamp = super::browser::stamp(&office_id);
        let result = change(&mut next, &stamp).map_err(CommitError::Invalid)?;
        let own = lineage::stamp_revision(&base, &mut next, super::browser::new_id());
        self.save(next, own).map_err(CommitError::NotSaved)?;
        Ok(result)
    }

    /// Writes `next` (a save of this tab, `own` its lineage); memory follows only once storage
    /// accepted it.
    fn save(&self, next: AppData, own: OwnSave) -> Result<(), SaveProblem> {
        let text = schema::encode(&next);
        match local::write(DATA_KEY, &text) {
            Ok(()) => {
                self.last_raw.set_value(Some(text));
                self.data.set(next);
                self.own_save.set_value(Some(own));
                self.save_problem.set(None);
                Ok(())
            }
            Err(err) => {
                let problem = match err {
                    StorageError::QuotaExceeded => SaveProblem::QuotaExceeded,
                    StorageError::Unavailable => SaveProblem::Blocked,
                    StorageError::Other(detail) => SaveProblem::Other(detail),
                };
                self.save_problem.set(Some(problem.clone()));
                Err(problem)
            }
        }
    }

    /// Another tab saved. If that save replaced this tab's last one (both built on the same
    /// revision, in the same instant), this tab's records are merged back into it and saved on
    /// top, so neither tab's change is lost; otherwise the new data is simply taken.
    /// `false` when the stored data cannot be read (the recovery screen is shown).
    pub fn follow_other_tab(&self) -> bool {
        let Ok(stored) = local::read(DATA_KEY) else {
            return true;
        };
        if stored == self.last_raw.get_value() {
            // A late event for a text this tab has already seen or replaced.
            return true;
        }
        let own = self.own_save.get_value();
        self.own_save.set_value(None);
        let Some(theirs) = self.decode_or_recover(&stored) else {
            return false;
        };
        if own.is_some_and(|own| lineage::overwrote(&own, &theirs.sync)) {
            let merged = self.data.with_untracked(|mine| {
                let office_id = mine.office.as_ref().map(|o| o.id.clone()).unwrap_or_default();
                lineage::bring_back(&theirs, mine, &super::browser::stamp(&office_id))
            });
            if let Some(mut merged) = merged {
                let own = lineage::stamp_revision(&theirs, &mut merged, super::browser::new_id());
                if self.save(merged, own).is_ok() {
                    return true;
                }
            }
        }
        self.last_raw.set_value(stored);
        self.data.set(theirs);
        true
    }

    /// The data of a stored text (none stored: empty data). Unreadable text switches the app to
    /// the recovery screen, is left untouched, and gives `None`.
    fn decode_or_recover(&self, stored: &Option<String>) -> Option<AppData> {
        match stored {
            None => Some(AppData::default()),
            Some(text) => match schema::decode(text) {
                Ok(loaded) => Some(loaded.data),
                Err(error) => {
                    self.fatal.set(Some(Boot::Unreadable {
                        raw: text.clone(),
                        error,
                    }));
                    None
                }
            },
        }
    }

    /// The data to build the next change on: memory if storage still holds what this tab last
    /// saw, otherwise what another tab stored (adopted into memory first).
    fn fresh_base<E>(&self) -> Result<AppData, CommitError<E>> {
        let stored = local::read(DATA_KEY).map_err(|_| CommitError::NotSaved(SaveProblem::Blocked))?;
        if stored == self.last_raw.get_value() {
            return Ok(self.data.get_untracked());
        }
        // Another tab saved and this tab has not heard yet: follow it as the event would,
        // bringing this tab's last save back first if that save was replaced.
        if !self.follow_other_tab() {
            return Err(CommitError::Unreadable);
        }
        Ok(self.data.get_untracked())
    }

    /// Takes stored text written elsewhere (another tab) as the current data. Unreadable text
    /// switches the app to the recovery screen, is left untouched, and gives `false`.
    pub fn adopt(&self, stored: Option<String>) -> bool {
        if stored == self.last_raw.get_value() {
            return true;
        }
        let Some(data) = self.decode_or_recover(&stored) else {
            return false;
        };
        self.last_raw.set_value(stored);
        self.data.set(data);
        true
    }

    /// The exact text in storage now (what an undo must bring back), after adopting it if
    /// another tab wrote it.
    pub fn stored_text(&self) -> Result<Option<String>, StorageError> {
        let stored = local::read(DATA_KEY)?;
        let _ = self.adopt(stored.clone());
        Ok(stored)
    }

    /// Puts back a text this app stored earlier (undoing an import), exactly as it was.
    pub fn restore_text(&self, text: String) -> Result<(), SaveProblem> {
        schema::decode(&text)
            .map_err(|_| SaveProblem::Other("bản lưu để hoàn tác không còn đọc được".into()))?;
        local::write(DATA_KEY, &text).map_err(|err| match err {
            StorageError::QuotaExceeded => SaveProblem::QuotaExceeded,
            StorageError::Unavailable => SaveProblem::Blocked,
            StorageError::Other(detail) => SaveProblem::Other(detail),
        })?;
        let _ = self.adopt(Some(text));
        // The save being undone is no longer this tab's to bring back.
        self.own_save.set_value(None);
        self.save_problem.set(None);
        Ok(())
    }

    /// Size of the stored text in UTF-16 code units, as the browser counts it against the quota.
    pub fn stored_size(&self) -> usize {
        self.last_raw
            .with_value(|raw| raw.as_ref().map_or(0, |t| t.encode_utf16().count()))
    }
}
