//! Two tabs saving at the same moment. localStorage has no compare-and-swap: two tabs can both
//! read revision R, each write its own child of R, and the later write silently replaces the
//! earlier one. Every stored save therefore names its revision and the revision it was built on
//! ([`SyncState`]). A tab that sees another tab's save built on the same parent as its own last
//! save knows its save was overwritten, and brings its records back with the import's merge
//! (by id and version vector), then saves again on top.

use super::collections::{DataPlan, Overrides};
use crate::domain::data::{AppData, SyncState};
use crate::domain::record::Stamp;

/// This tab's last save, remembered until another tab's save shows whether it survived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnSave {
    pub revision: String,
    pub parent: Option<String>,
}

/// Marks `next` as a save built on `base`: a fresh revision, `base`'s as its parent.
pub fn stamp_revision(base: &AppData, next: &mut AppData, revision: String) -> OwnSave {
    next.sync.parent = base.sync.revision.clone();
    next.sync.revision = Some(revision.clone());
    OwnSave {
        revision,
        parent: next.sync.parent.clone(),
    }
}

/// Whether `stored` (another tab's save) replaced `own` instead of building on it: a sibling,
/// made from the same parent. A save built on ours, or ours itself, is not.
pub fn overwrote(own: &OwnSave, stored: &SyncState) -> bool {
    stored.revision.as_deref() != Some(own.revision.as_str())
        && stored.parent.as_deref() != Some(own.revision.as_str())
        && stored.parent == own.parent
}

/// `stored` with the records of `mine` put back where `mine` is newer or `stored` lacks them
/// (the import's merge; concurrent edits of one record keep the merge's default side). `None`
/// when `stored` already holds everything of `mine`.
pub fn bring_back(stored: &AppData, mine: &AppData, stamp: &Stamp) -> Option<AppData> {
    let plan = DataPlan::new(stored, mine);
    (!plan.is_noop()).then(|| plan.apply(stored, &Overrides::default(), stamp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dialogues::testkit::{self, stamp};

    fn unit(id: &str) -> crate::domain::units::Unit {
        testkit::unit(id, &format!("LĐLĐ {id}"))
    }

    #[test]
    fn two_saves_from_one_parent_lose_nothing_once_the_overwritten_tab_brings_its_records_back() {
        let base = AppData {
            units: vec![unit("a")],
            ..AppData::default()
        };
        let mut base = base;
        base.sync.revision = Some("r0".into());
        // Both tabs read r0 and add a unit in the same millisecond.
        let mut mine = base.clone();
        mine.units.push(unit("mine"));
        let own = stamp_revision(&base, &mut mine, "r-mine".into());
        let mut theirs = base.clone();
        theirs.units.push(unit("theirs"));
        stamp_revision(&base, &mut theirs, "r-theirs".into());
        // Theirs landed last: it is a sibling of ours.
        assert!(overwrote(&own, &theirs.sync));
        let merged = bring_back(&theirs, &mine, &stamp()).expect("our unit is missing");
        let ids: Vec<&str> = merged.units.iter().map(|u| u.meta.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "theirs", "mine"]);
        // Saved on top of theirs, our merge is not a sibling of theirs any more.
        let mut again = merged;
        let own_again = stamp_revision(&theirs, &mut again, "r-merge".into());
        assert!(!overwrote(&own_again, &theirs.sync));
        assert!(bring_back(&again, &mine, &stamp()).is_none());
    }

    #[test]
    fn a_save_built_on_ours_or_ours_itself_is_not_an_overwrite() {
        let mut base = AppData::default();
        base.sync.revision = Some("r0".into());
        let mut mine = base.clone();
        let own = stamp_revision(&base, &mut mine, "r1".into());
        assert!(!overwrote(&own, &mine.sync));
        let mut child = mine.clone();
        stamp_revision(&mine, &mut child, "r2".into());
        assert!(!overwrote(&own, &child.sync));
        // A text put back by an undo carries an older lineage: not a sibling, left alone.
        let mut old = AppData::default();
        old.sync.revision = Some("r-old".into());
        old.sync.parent = Some("r-older".into());
        assert!(!overwrote(&own, &old.sync));
    }
}
