//! `.json.gz` files through the browser's own `CompressionStream` / `DecompressionStream`
//! (Chromium 80+, Firefox 113+, Safari 16.4+): no compression code in the wasm.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The two bytes every gzip file starts with.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Runs `blob` through a gzip (de)compression stream; the response reads the result.
fn through(blob: &web_sys::Blob, compress: bool) -> Result<web_sys::Response, JsValue> {
    // web-sys lists these streams as unstable API: built by name instead.
    let name = if compress {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let class: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))?.dyn_into()?;
    let pair: web_sys::ReadableWritablePair =
        js_sys::Reflect::construct(&class, &js_sys::Array::of1(&JsValue::from_str("gzip")))?.unchecked_into();
    let stream = blob.stream().pipe_through(&pair);
    web_sys::Response::new_with_opt_readable_stream(Some(&stream))
}

/// The text of a `.json.gz` file; `Err` when it is not a complete gzip stream.
pub async fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    // Straight into one buffer: a city's 70 MB are not gathered into a blob first.
    let buffer = JsFuture::from(through(&blob, false)?.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// `text` compressed, as a blob ready to download.
pub async fn gzip(text: &str) -> Result<web_sys::Blob, JsValue> {
    let blob = web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&JsValue::from_str(text)))?;
    Ok(JsFuture::from(through(&blob, true)?.blob()?)
        .await?
        .unchecked_into())
}
