//! The page's side of the office worker (public/office-worker.js): Word and Excel files are
//! made by a second wasm module that only loads when first asked for, so the app's start does
//! not pay for the writers. One worker serves the session; requests are matched to answers by
//! number.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Where the served edition keeps the worker (beside the module's glue and wasm).
const WORKER_URL: &str = "office/office-worker.js";
/// The single-file edition's blocks: the worker's source (glue in front) and its packed wasm.
const INLINE_WORKER: &str = "thidua-office-worker";
const INLINE_WASM: &str = "thidua-office-wasm";

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<HashMap<u32, (Function, Function)>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// The kinds of file the module makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeFile {
    Word,
    Excel,
}

impl OfficeFile {
    fn kind(self) -> &'static str {
        match self {
            OfficeFile::Word => "docx",
            OfficeFile::Excel => "xlsx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            OfficeFile::Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            OfficeFile::Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    pub fn extension(self) -> &'static str {
        self.kind()
    }
}

/// The file's bytes, made from `json` (a document or a workbook), or what went wrong, in
/// Vietnamese.
pub async fn make(file: OfficeFile, json: String) -> Result<Uint8Array, String> {
    let request = js_sys::Object::new();
    let _ = Reflect::set(&request, &"kind".into(), &file.kind().into());
    let _ = Reflect::set(&request, &"json".into(), &json.into());
    let answer = ask(request).await?;
    Reflect::get(&answer, &"bytes".into())
        .ok()
        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
        .ok_or_else(|| "phần tạo tệp trả về dữ liệu lạ".to_string())
}

/// A spreadsheet (.xlsx, .csv) read into a grid, as JSON, or what went wrong, in Vietnamese.
pub async fn read_sheet(name: &str, bytes: &[u8]) -> Result<String, String> {
    let read = js_sys::Object::new();
    let _ = Reflect::set(&read, &"name".into(), &name.into());
    let _ = Reflect::set(&read, &"bytes".into(), &Uint8Array::from(bytes).into());
    let request = js_sys::Object::new();
    let _ = Reflect::set(&request, &"read".into(), &read.into());
    let answer = ask(request).await?;
    Reflect::get(&answer, &"text".into())
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "phần đọc bảng tính trả về dữ liệu lạ".to_string())
}

/// Why an export file that failed to decode cannot be imported, with the failing field named
/// (the office module traces fields, the start bundle does not); `Ok(None)` if it reads there.
pub async fn import_problem(bytes: &[u8]) -> Result<Option<String>, String> {
    let request = js_sys::Object::new();
    let _ = Reflect::set(&request, &"check".into(), &Uint8Array::from(bytes).into());
    let answer = ask(request).await?;
    let text = Reflect::get(&answer, &"text".into())
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "phần kiểm tra tệp trả về dữ liệu lạ".to_string())?;
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// Sends `request` to the worker (numbered, with the packed wasm in the single file) and waits
/// for its answer.
async fn ask(request: js_sys::Object) -> Result<JsValue, String> {
    let worker = worker()?;
    let id = NEXT.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let answer = Promise::new(&mut |resolve, reject| {
        PENDING.with(|p| p.borrow_mut().insert(id, (resolve, reject)));
    });
    let _ = Reflect::set(&request, &"id".into(), &id.into());
    if let Some(packed) = inline_text(INLINE_WASM) {
        let _ = Reflect::set(&request, &"packedWasm".into(), &packed.into());
    }
    if worker.post_message(&request).is_err() {
        PENDING.with(|p| p.borrow_mut().remove(&id));
        return Err("không gửi được yêu cầu tới phần tạo tệp".into());
    }
    JsFuture::from(answer)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "phần tạo tệp gặp lỗi".into()))
}

fn inline_text(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// The session's worker, started on first use.
fn worker() -> Result<Worker, String> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let started = match inline_text(INLINE_WORKER) {
        Some(source) => blob_url(&source).and_then(|url| Worker::new(&url).ok()),
        None => Worker::new(WORKER_URL).ok(),
    };
    let worker = started.ok_or("trình duyệt không cho chạy phần tạo tệp (Web Worker)")?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let id = Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|v| v.as_f64())
            .map(|v| v as u32);
        let Some((resolve, reject)) = id.and_then(|id| PENDING.with(|p| p.borrow_mut().remove(&id))) else {
            return;
        };
        match Reflect::get(&data, &"error".into())
            .ok()
            .filter(|e| !e.is_undefined())
        {
            Some(error) => {
                let _ = reject.call1(&JsValue::NULL, &error);
            }
            None => {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        }
    });
    // The worker's script could not load (offline before the first visit cached it…): every
    // waiting request fails with a message, and the next one starts a new worker.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        WORKER.with(|w| w.borrow_mut().take()).inspect(Worker::terminate);
        let message = JsValue::from_str(
            "không tải được phần tạo tệp Word/Excel; hãy mở ứng dụng khi có mạng một lần rồi thử lại",
        );
        for (_, (_, reject)) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
            let _ = reject.call1(&JsValue::NULL, &message);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page.
    on_message.forget();
    on_error.forget();
    WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
    Ok(worker)
}

fn blob_url(source: &str) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&JsValue::from_str(source));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
