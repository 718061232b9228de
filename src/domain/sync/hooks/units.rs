//! Units point to their parent unit.

use super::{Hooks, Reference};
use crate::domain::sync::collections::Collection;
use crate::domain::units::Unit;

pub const HOOKS: Hooks<Unit> = Hooks {
    references: |u| {
        u.parent_id
            .iter()
            .map(|p| Reference::new("parent_id", Collection::Units, p))
            .collect()
    },
    ..Hooks::NONE
};
