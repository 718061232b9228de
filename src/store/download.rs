//! Saving text as a file the officer downloads (exports, backups, raw copies from the recovery
//! screen); large JSON files go out gzip-compressed.

use wasm_bindgen::JsCast;

/// The browser refused to make the file (no document, or a blocked object URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadFailed;

impl std::fmt::Display for DownloadFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("trình duyệt không cho tạo tệp tải xuống; hãy thử lại, hoặc dùng trình duyệt khác")
    }
}

pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), DownloadFailed> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| DownloadFailed)?;
    download_blob(file_name, &blob)
}

/// Above this size a JSON file is offered compressed (`.json.gz`, about a tenth of the size),
/// so a city's data still fits an e-mail attachment.
const COMPRESS_FROM_BYTES: usize = 4 * 1024 * 1024;

/// Downloads a JSON file (an export, a backup), gzip-compressed when large; gives the file name
/// used (`….json.gz` then).
pub async fn download_json(name: String, json: &str) -> Result<String, DownloadFailed> {
    if json.len() < COMPRESS_FROM_BYTES {
        return download_text(&name, json, "application/json").map(|()| name);
    }
    let blob = super::gzip::gzip(json).await.map_err(|_| DownloadFailed)?;
    let name = format!("{name}.gz");
    download_blob(&name, &blob).map(|()| name)
}

/// Downloads a JSON file compressed whatever its size, under `name` (which ends in `.gz`): a
/// file meant to travel as an attachment (a card sent alone).
pub async fn download_gzipped(name: String, json: &str) -> Result<String, DownloadFailed> {
    let blob = super::gzip::gzip(json).await.map_err(|_| DownloadFailed)?;
    download_blob(&name, &blob).map(|()| name)
}

/// Downloads bytes made in the page (a Word or Excel file).
pub fn download_bytes(file_name: &str, bytes: &js_sys::Uint8Array, mime: &str) -> Result<(), DownloadFailed> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(bytes), &options)
        .map_err(|_| DownloadFailed)?;
    download_blob(file_name, &blob)
}

pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), DownloadFailed> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| DownloadFailed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadFailed)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadFailed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
