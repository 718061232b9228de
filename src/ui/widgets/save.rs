//! The one save path of every form: one save at a time, and a submit button that says so.
//!
//! A press starts the save (the form's commit, as a future) unless one is already running;
//! while it runs the button is marked `aria-busy` and reads "… (đang lưu…)", and further presses
//! are ignored, so a double press or a press during a slow save records one thing, not two;
//! the second click of a double click is never a press of its own.
//! Presses are ignored rather than the button disabled: a disabled button drops keyboard focus.
//!
//! ```ignore
//! let saving = Saving::new();
//! let submit = move |ev: SubmitEvent| {
//!     ev.prevent_default();
//!     if saving.busy() { return; }          // before validation touches the fields
//!     …
//!     saving.run(async move { match store.commit(…).await { … } });
//! };
//! view! { <form on:submit=submit> … <SaveButton saving label="Ghi đối thoại" /> </form> }
//! ```
//!
//! Leptos' `Action` would do the same, but is generic over its input and output: this is one
//! boxed future behind one non-generic function, instantiated once for every form (size).

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// Whether a form's save is running.
#[derive(Clone, Copy)]
pub struct Saving(RwSignal<bool>);

impl Default for Saving {
    fn default() -> Self {
        Saving(RwSignal::new(false))
    }
}

impl Saving {
    pub fn new() -> Self {
        Self::default()
    }

    /// True while a save runs (untracked: for press handlers).
    pub fn busy(self) -> bool {
        self.0.get_untracked()
    }

    /// True while a save runs (tracked: for views).
    pub fn pending(self) -> bool {
        self.0.get()
    }

    /// Starts `save` unless a save is running (then the press is ignored).
    pub fn run(self, save: impl Future<Output = ()> + 'static) {
        self.run_boxed(Box::pin(save));
    }

    fn run_boxed(self, save: Pin<Box<dyn Future<Output = ()>>>) {
        if self.0.get_untracked() {
            return;
        }
        self.0.set(true);
        leptos::task::spawn_local(async move {
            save.await;
            // The form may be gone (a save that moves to another page): nothing to mark then.
            self.0.try_set(false);
        });
    }
}

/// The form's submit button (or, with `on_press`, a plain button that starts a save), busy
/// while `saving` runs.
#[component]
pub fn SaveButton(
    saving: Saving,
    /// A plain button calling this, instead of the form's submit.
    #[prop(optional, into)]
    on_press: Option<Callback<()>>,
    #[prop(optional)] class: &'static str,
    /// Its text (a text, or a closure for one that changes): a prop, not children, so every
    /// save button is one view type (size).
    #[prop(into)]
    label: TextProp,
) -> impl IntoView {
    let kind = if on_press.is_some() { "button" } else { "submit" };
    view! {
        <button
            type=kind
            class=class
            aria-busy=move || saving.pending().then_some("true")
            on:click=move |ev| {
                // The second click of a double click is not a second press, even when the
                // first save was quick enough to have finished (it would submit the emptied
                // form again). Keyboard presses have no click count (0).
                if saving.busy() || ev.detail() > 1 {
                    ev.prevent_default();
                } else if let Some(press) = on_press {
                    press.run(());
                }
            }
        >
            {move || label.get()}
            {move || saving.pending().then(|| view! { <span class="saving">" (đang lưu…)"</span> })}
        </button>
    }
}
