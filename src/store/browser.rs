//! Small facts from the browser that the pure domain receives as plain values.

use crate::domain::record::Stamp;
use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The officer's local calendar day of an instant (steps and closings are stored in UTC; one
/// taken at 06:00 in Hà Nội belongs to that day, not the one before).
pub fn local_date(at: DateTime<Utc>) -> chrono::NaiveDate {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| at.date_naive())
}

pub fn today() -> chrono::NaiveDate {
    // The officer's local calendar day, not UTC: a dialogue held at 06:00 in Hà Nội is "today".
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// A fresh random record id: time-ordered prefix plus 64 random bits, so ids made in different
/// offices at the same moment still differ.
pub fn new_id() -> String {
    let rand = || (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!("{:x}-{:08x}{:08x}", js_sys::Date::now() as u64, rand(), rand())
}

pub fn stamp(office_id: &str) -> Stamp {
    Stamp::new(office_id, now())
}

/// Resolves once the browser has drawn a frame: long work started after it does not hide
/// the message that announces it.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let later = window.clone();
        let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            // A task after the frame, so the frame has been painted when work resumes.
            let _ = later.set_timeout_with_callback(&resolve);
        });
        let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&frame));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
