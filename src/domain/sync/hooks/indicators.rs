//! A unit's yearly figures point to the unit. Counts cannot be negative by their type.

use super::{Hooks, Reference};
use crate::domain::scoring::indicators::UnitIndicators;
use crate::domain::sync::collections::Collection;

pub const HOOKS: Hooks<UnitIndicators> = Hooks {
    references: |r| vec![Reference::new("unit_id", Collection::Units, &r.unit_id)],
    ..Hooks::NONE
};
