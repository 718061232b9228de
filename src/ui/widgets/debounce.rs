//! A text signal that follows another once typing pauses, so a search over thousands of records
//! runs once per pause instead of once per keystroke.

use leptos::prelude::*;
use std::time::Duration;

/// Pause after the last keystroke before the search runs.
pub const TYPING_PAUSE: Duration = Duration::from_millis(180);

/// Follows `source` after it has stayed unchanged for `pause`; clearing it takes effect at once.
pub fn settled(source: RwSignal<String>, pause: Duration) -> ReadSignal<String> {
    let (out, set_out) = signal(source.get_untracked());
    Effect::new(move |_| {
        let typed = source.get();
        if typed.is_empty() {
            set_out.set(typed);
            return;
        }
        set_timeout(
            move || {
                if source.with_untracked(|now| *now == typed) {
                    set_out.set(typed);
                }
            },
            pause,
        );
    });
    out
}
