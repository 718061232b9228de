//! The one way a refused save reaches its fields: messages keyed by the form's field (a domain
//! `…Field` enum, a row index, a criterion id), each field reading its own, and the notice that
//! says the save was refused and moves focus to the first field in error.

use super::status::Notice;
use crate::store::CommitError;
use leptos::prelude::*;

/// Field-keyed messages of one form.
pub struct FieldErrors<F: Clone + PartialEq + Send + Sync + 'static>(RwSignal<Vec<(F, String)>>);

impl<F: Clone + PartialEq + Send + Sync + 'static> Clone for FieldErrors<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Clone + PartialEq + Send + Sync + 'static> Copy for FieldErrors<F> {}

impl<F: Clone + PartialEq + Send + Sync + 'static> Default for FieldErrors<F> {
    fn default() -> Self {
        Self(RwSignal::new(Vec::new()))
    }
}

impl<F: Clone + PartialEq + Send + Sync + 'static> FieldErrors<F> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn clear(&self) {
        self.0.set(Vec::new());
    }

    /// Adds a message to `field` (several messages of one field are shown together).
    pub fn add(&self, field: F, message: impl Into<String>) {
        self.0.update(|list| list.push((field, message.into())));
    }

    /// Removes the messages of `field` (e.g. once the officer changed it).
    pub fn remove(&self, field: &F) {
        self.0.update(|list| list.retain(|(f, _)| f != field));
    }

    /// Keeps only the messages of fields `keep` accepts.
    pub fn retain(&self, keep: impl Fn(&F) -> bool) {
        self.0.update(|list| list.retain(|(f, _)| keep(f)));
    }

    pub fn is_empty(&self) -> bool {
        self.0.with_untracked(Vec::is_empty)
    }

    /// The messages of `field`, joined, for its input's `error`.
    pub fn of(&self, field: F) -> Signal<Option<String>> {
        let list = self.0;
        Signal::derive(move || {
            list.with(|l| {
                let mine: Vec<&str> = l
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, m)| m.as_str())
                    .collect();
                (!mine.is_empty()).then(|| mine.join(" "))
            })
        })
    }

    /// Records a parse result's message on `field`; the value when it parsed.
    pub fn check<T>(&self, field: F, parsed: Result<T, String>) -> Option<T> {
        parsed.map_err(|m| self.add(field, m)).ok()
    }

    /// Shows a refused save's messages: each on its field, those of no field in the notice (or
    /// "fix the marked fields" when all have one); focus goes to the first field in error.
    pub fn refuse(
        &self,
        messages: impl IntoIterator<Item = (Option<F>, String)>,
        notice: RwSignal<Option<Notice>>,
    ) {
        let mut general = Vec::new();
        for (field, message) in messages {
            match field {
                Some(field) => self.add(field, message),
                None => general.push(message),
            }
        }
        if general.is_empty() {
            self.refuse_if_any(notice);
        } else {
            notice.set(Some(Notice::Failed(general.join(" "))));
            super::focus::first_invalid();
        }
    }

    /// Shows a failed commit: the domain's refusal, turned into messages by `messages`, on its
    /// fields ([`Self::refuse`]); a storage failure in the notice.
    pub fn commit_failed<E, M>(
        &self,
        error: CommitError<E>,
        messages: impl FnOnce(E) -> M,
        notice: RwSignal<Option<Notice>>,
    ) where
        M: IntoIterator<Item = (Option<F>, String)>,
    {
        match error {
            CommitError::Invalid(e) => self.refuse(messages(e), notice),
            other => notice.set(Notice::from_commit(&other)),
        }
    }

    /// Says the save was refused (if any field has a message) and moves focus to the first
    /// field in error. True when refused.
    pub fn refuse_if_any(&self, notice: RwSignal<Option<Notice>>) -> bool {
        if self.is_empty() {
            return false;
        }
        notice.set(Some(Notice::refused()));
        true
    }
}
