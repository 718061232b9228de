//! What wakes the engine from a pause or a long poll: a local save (in this tab or another,
//! after a short pause so a burst of saves goes up together), the network coming back or going,
//! "Đồng bộ ngay", connecting. A wake while the engine works is kept for its next pause.

use crate::store::Store;
use js_sys::{Function, Promise};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::JsValue;
use web_sys::AbortController;

/// How long after a save the upload starts: the saves of one form go up together.
const AFTER_SAVE: Duration = Duration::from_millis(300);

thread_local! {
    static WOKEN: Cell<bool> = const { Cell::new(false) };
    static PAUSED: RefCell<Option<Function>> = const { RefCell::new(None) };
    static POLLING: RefCell<Option<AbortController>> = const { RefCell::new(None) };
}

pub fn wake() {
    WOKEN.with(|w| w.set(true));
    if let Some(resume) = PAUSED.with(|p| p.borrow_mut().take()) {
        let _ = resume.call0(&JsValue::NULL);
    }
    if let Some(poll) = POLLING.with(|p| p.borrow_mut().take()) {
        poll.abort();
    }
}

/// Waits `ms` (`None`: until woken), or less if woken meanwhile or since the last pause.
pub async fn pause(ms: Option<u32>) {
    if WOKEN.with(|w| w.replace(false)) {
        return;
    }
    let mut resume = None;
    let promise = Promise::new(&mut |resolve, _| resume = Some(resolve));
    if let (Some(resume), Some(window)) = (&resume, web_sys::window()) {
        if let Some(ms) = ms {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resume, ms as i32);
        }
    }
    PAUSED.with(|p| *p.borrow_mut() = resume);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    PAUSED.with(|p| p.borrow_mut().take());
    WOKEN.with(|w| w.set(false));
}

/// An abort signal for a long poll that a wake cuts short; `None` if woken already.
pub fn poll_signal() -> Option<web_sys::AbortSignal> {
    if WOKEN.with(|w| w.replace(false)) {
        return None;
    }
    let controller = AbortController::new().ok()?;
    let signal = controller.signal();
    POLLING.with(|p| *p.borrow_mut() = Some(controller));
    Some(signal)
}

/// The long poll ended: a later wake has nothing to cut short.
pub fn poll_ended() {
    POLLING.with(|p| p.borrow_mut().take());
}

/// Wakes the engine on every local save (after [`AFTER_SAVE`]) and on network changes.
pub fn on_network_and_saves(store: Store) {
    // The listeners live as long as the app.
    std::mem::forget(window_event_listener(leptos::ev::online, |_| wake()));
    std::mem::forget(window_event_listener(leptos::ev::offline, |_| wake()));
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        store.track_every_change();
        let this = latest.get_value().wrapping_add(1);
        latest.set_value(this);
        set_timeout(
            move || {
                if latest.get_value() == this {
                    wake();
                }
            },
            AFTER_SAVE,
        );
    });
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
