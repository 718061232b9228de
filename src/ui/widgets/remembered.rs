//! A choice the officer expects to find as they left it (a list filter, the cluster being
//! scored): a signal that starts from the kept setting and keeps every change.

use crate::store::settings;
use leptos::prelude::*;

/// A text signal kept as the setting `name`. A `preset` (a choice made by the link that opened
/// the page, such as one unit's proposals) is used for this visit only and not kept.
pub fn remembered(name: &'static str, preset: Option<String>) -> RwSignal<String> {
    remembered_where(name, preset, |_| true)
}

/// Like [`remembered`], starting from the kept value only if `still_valid` says it is (a unit
/// that was deleted since is not chosen again).
pub fn remembered_where(
    name: &'static str,
    preset: Option<String>,
    still_valid: impl FnOnce(&str) -> bool,
) -> RwSignal<String> {
    if let Some(preset) = preset {
        return RwSignal::new(preset);
    }
    let kept = settings::get(name).filter(|v| still_valid(v));
    let value = RwSignal::new(kept.unwrap_or_default());
    Effect::new(move |_| {
        let now = value.get();
        let _ = settings::set(name, &now);
    });
    value
}

/// The same for an on/off choice.
pub fn remembered_flag(name: &'static str) -> RwSignal<bool> {
    let value = RwSignal::new(settings::get(name).as_deref() == Some("1"));
    Effect::new(move |_| {
        let on = value.get();
        let _ = settings::set(name, if on { "1" } else { "" });
    });
    value
}
