//! Requests to the sync server: one non-generic function over the browser's `fetch`, with the
//! session cookie (`credentials: include`, the server is usually on another origin). A request
//! the browser did not complete is told apart as unreachable or blocked by CORS.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, RequestMode, Response};

/// What the server answered: its status and body text.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub text: String,
}

/// Why no answer came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// Nothing answered at that address (offline, wrong host, server down).
    Unreachable,
    /// The server answered but the browser withheld the answer (CORS not set for this app).
    Blocked,
    /// This tab stopped waiting (a long poll cut short by a local change).
    Aborted,
}

/// Sends one request with the session cookie; `body` is JSON. `abort` cuts it short.
pub async fn send(
    method: &str,
    url: &str,
    body: Option<&str>,
    abort: Option<&AbortSignal>,
) -> Result<Answer, NoAnswer> {
    let window = web_sys::window().ok_or(NoAnswer::Unreachable)?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Include);
    let headers = Object::new();
    let _ = Reflect::set(&headers, &"Accept".into(), &"application/json".into());
    if let Some(body) = body {
        let _ = Reflect::set(&headers, &"Content-Type".into(), &"application/json".into());
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    init.set_signal(abort);
    let response = match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(response) => response,
        Err(_) if abort.is_some_and(AbortSignal::aborted) => return Err(NoAnswer::Aborted),
        Err(_) => return Err(why_no_answer(&window, url).await),
    };
    let response: Response = response.unchecked_into();
    let status = response.status();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    match text {
        Some(text) => Ok(Answer { status, text }),
        None if abort.is_some_and(AbortSignal::aborted) => Err(NoAnswer::Aborted),
        None => Err(NoAnswer::Unreachable),
    }
}

/// A request failed without an answer: the same address asked again without CORS (an opaque
/// answer, unreadable but proof that the server is there) tells a blocked request from an
/// unreachable server.
async fn why_no_answer(window: &web_sys::Window, url: &str) -> NoAnswer {
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(_) => NoAnswer::Blocked,
        Err(_) => NoAnswer::Unreachable,
    }
}
