//! One tab syncs: it holds the Web Lock `thidua-sync` while it runs; the others wait in the
//! lock's queue and follow its saves through the tab mechanism (`store::tabs`). When it closes
//! the browser hands the lock to the next tab. Reached through `Reflect`: web-sys' LockManager
//! is unstable. Without Web Locks (an old browser) every tab syncs: still safe, since the
//! merge makes repeated uploads and downloads harmless.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "thidua-sync";

/// The lock, held until dropped.
pub struct Held(Option<Function>);

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(release) = self.0.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Takes the lock; `waiting` is called first if another tab holds it.
pub async fn take(waiting: &dyn Fn()) -> Held {
    let Some(locks) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| l.is_object())
    else {
        return Held(None);
    };
    if let Some(held) = request(&locks, true).await {
        return held;
    }
    waiting();
    request(&locks, false).await.unwrap_or(Held(None))
}

/// `navigator.locks.request`: `None` when `if_available` and another tab holds it. A browser
/// that refuses the request (an opaque origin) gives a lock that holds nothing.
async fn request(locks: &JsValue, if_available: bool) -> Option<Held> {
    let mut granted = None;
    let answer = Promise::new(&mut |resolve, _| granted = Some(resolve));
    let Some(granted) = granted else {
        return Some(Held(None));
    };
    let refused = granted.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        if lock.is_null() {
            let _ = granted.call1(&JsValue::NULL, &JsValue::NULL);
            return JsValue::UNDEFINED;
        }
        // The lock is held until this promise resolves: its resolve function is the release.
        let mut release = JsValue::NULL;
        let holding = Promise::new(&mut |resolve, _| release = resolve.into());
        let _ = granted.call1(&JsValue::NULL, &release);
        holding.into()
    });
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::from_bool(if_available));
    let asked = Reflect::get(locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|request| request.call3(locks, &LOCK_NAME.into(), &options, &callback).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok());
    let Some(asked) = asked else {
        return Some(Held(None));
    };
    let on_refusal = Closure::once(move |_: JsValue| {
        let _ = refused.call1(&JsValue::NULL, &JsValue::TRUE);
    });
    let _ = asked.catch(&on_refusal);
    on_refusal.forget();
    match JsFuture::from(answer).await {
        Ok(release) if release.is_function() => Some(Held(Some(release.unchecked_into()))),
        Ok(busy) if busy.is_null() => None,
        _ => Some(Held(None)),
    }
}
