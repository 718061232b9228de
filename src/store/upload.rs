//! Reading a file the officer chose or dropped. The size is known before reading, so files
//! over the import limit are refused without reading a byte.

/// The browser could not read the file (moved or deleted meanwhile, or no permission).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadFailed;

impl std::fmt::Display for ReadFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("trình duyệt không đọc được tệp (có thể tệp vừa bị chuyển, xóa hoặc không có quyền đọc)")
    }
}

/// The file's bytes, read asynchronously (`File.arrayBuffer()`).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ReadFailed> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadFailed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Every file chosen in a file input's `change` event (an input with `multiple`), in the
/// order the browser gives them; the input is emptied as [`take_chosen_file`] does.
pub fn take_chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map(|list| files_of(&list)).unwrap_or_default();
    input.set_value("");
    files
}

/// The files of a `FileList` (chosen or dropped).
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The file chosen in a file input's `change` event, if any. The input is emptied, so that
/// choosing the same file again fires `change` again.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}
