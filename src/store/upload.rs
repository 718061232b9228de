//! Reading a file the officer chose or dropped. The size is known before reading, so files
//! over the import limit are refused without reading a byte.

use wasm_bindgen::JsCast;

/// The file's bytes, read asynchronously (`File.arrayBuffer()`).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
