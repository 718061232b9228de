//! The folded search indexes of dialogues and proposals, kept for the whole session: folding
//! every text of a city's 20.000 proposals takes a noticeable moment, so it is done once per
//! data change (lazily, when a list first needs it), not every time the page opens.

use crate::domain::collections::Collection;
use crate::domain::dialogues::{DialogueIndex, ProposalIndex};
use crate::store::Store;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SearchIndexes {
    pub dialogues: Memo<DialogueIndex>,
    pub proposals: Memo<ProposalIndex>,
}

/// Called once by the app shell, so the indexes outlive the page.
pub fn provide_search_indexes(store: Store) {
    let dialogues = Memo::new(move |_| {
        store.tracked(&[Collection::Units, Collection::Dialogues], |d| {
            DialogueIndex::new(&d.units, &d.dialogues)
        })
    });
    let proposals = Memo::new(move |_| {
        store.tracked(
            &[Collection::Units, Collection::Dialogues, Collection::Proposals],
            |d| ProposalIndex::new(&d.units, &d.dialogues, &d.proposals),
        )
    });
    provide_context(SearchIndexes { dialogues, proposals });
}

pub fn use_search_indexes() -> SearchIndexes {
    expect_context()
}
