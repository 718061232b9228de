//! The served edition's service worker (`public/sw.js`): registering it, noticing a new
//! version, and switching to it only when the officer asks.
//!
//! A new version installs in the background and then *waits*; the app shows a notice. On
//! "Cập nhật" the page posts `skip-waiting` and reloads once the new worker is active. Other
//! open tabs then learn (via `controllerchange`) that they run an old version and show the
//! same notice. Nothing is registered on `file://` (the single-file edition), where browsers
//! have no service workers.
//!
//! Futures run on `wasm_bindgen_futures` directly: `start` runs before Leptos mounts and sets
//! up its executor.

use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Whether a newer version of the app than the running one is ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Update {
    /// Nothing newer known.
    None,
    /// A new version is installed and waits for the officer.
    Waiting,
    /// Another tab switched to a new version; this tab still runs the old one.
    Active,
}

/// How often an open app asks the server for a new version (also on every return to the tab).
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

/// This tab asked for the update, so the worker change is its own and it reloads.
static REQUESTED: AtomicBool = AtomicBool::new(false);
static RELOADING: AtomicBool = AtomicBool::new(false);

fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    // Absent on plain-http origins other than localhost (not a secure context).
    let navigator = window.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!has.is_undefined()).then(|| navigator.service_worker())
}

fn listen(target: &web_sys::EventTarget, event: &str, handler: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // These listeners live as long as the page.
    closure.forget();
}

fn reload() {
    if !RELOADING.swap(true, Ordering::SeqCst) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }
}

/// Registers the service worker (http/https only) and returns the update state to show.
pub fn start() -> RwSignal<Update> {
    let update = RwSignal::new(Update::None);
    let Some(container) = container() else {
        return update;
    };

    listen(&container.clone().into(), "controllerchange", move || {
        if REQUESTED.load(Ordering::SeqCst) {
            reload();
        } else {
            update.set(Update::Active);
        }
    });

    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            // No offline copy (private mode, blocked by policy): the app still works online.
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch(&registration, update);
        check_regularly(registration);
    });
    update
}

/// Sets `Waiting` as soon as a new version finishes installing next to an active one
/// (a first install has no active worker yet, and is no "new version").
fn watch(registration: &ServiceWorkerRegistration, update: RwSignal<Update>) {
    if registration.waiting().is_some() && registration.active().is_some() {
        update.set(Update::Waiting);
    }
    let follow = {
        let registration = registration.clone();
        move |worker: ServiceWorker| {
            let registration = registration.clone();
            let seen = worker.clone();
            listen(&worker.into(), "statechange", move || {
                if seen.state() == ServiceWorkerState::Installed && registration.active().is_some() {
                    update.set(Update::Waiting);
                }
            });
        }
    };
    if let Some(installing) = registration.installing() {
        follow(installing);
    }
    let reg = registration.clone();
    listen(&registration.clone().into(), "updatefound", move || {
        if let Some(installing) = reg.installing() {
            follow(installing);
        }
    });
}

/// Asks the server for a new `sw.js` every half hour and whenever the tab becomes visible
/// again; offline, the check simply fails and is retried later.
fn check_regularly(registration: ServiceWorkerRegistration) {
    let check = move || {
        if let Ok(promise) = registration.update() {
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    };
    let Some(window) = web_sys::window() else { return };
    let every = check.clone();
    let tick = Closure::<dyn FnMut()>::new(every);
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        CHECK_EVERY_MS,
    );
    tick.forget();
    if let Some(document) = window.document() {
        let doc = document.clone();
        listen(&document.into(), "visibilitychange", move || {
            if !doc.hidden() {
                check();
            }
        });
    }
}

/// Switches to the new version and reloads the page. The caller makes sure no typed input
/// would be lost (see `ui::widgets::update_banner`).
pub fn apply_update() {
    REQUESTED.store(true, Ordering::SeqCst);
    let Some(container) = container() else {
        return reload();
    };
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let seen = worker.clone();
                listen(&worker.clone().into(), "statechange", move || {
                    // An uncontrolled page (the very first visit) gets no controllerchange.
                    if seen.state() == ServiceWorkerState::Activated {
                        reload();
                    }
                });
                if worker.post_message(&JsValue::from_str("skip-waiting")).is_err() {
                    reload();
                }
            }
            // Another tab already switched: the new version is active, a reload shows it.
            None => reload(),
        }
    });
}
