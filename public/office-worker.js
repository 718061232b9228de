// Thi đua's office worker: makes Word (.docx) and Excel (.xlsx) files, reads spreadsheets for
// the import, and names the field of a file's record that does not read, with the office wasm module (office/), off the page's thread, loaded only
// the first time an officer needs it.
//
// Served edition: this file sits in office/ beside the module's wasm-bindgen glue
// (thidua_office.js) and wasm, which the service worker caches with the rest of the app.
// Single-file edition: the glue is put in front of this text, the worker starts from a blob:
// URL, and each request carries the wasm (gzip, base64) from the page, since file:// pages
// may fetch nothing.
/* global wasm_bindgen */
if (typeof wasm_bindgen === "undefined") importScripts("thidua_office.js");

let ready = null;

async function unpack(base64) {
  const packed = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

function start(packedWasm) {
  const module_or_path = packedWasm ? unpack(packedWasm) : Promise.resolve("thidua_office_bg.wasm");
  return module_or_path.then((source) => wasm_bindgen({ module_or_path: source }));
}

self.onmessage = async (event) => {
  const { id, kind, json, read, check, packedWasm } = event.data;
  try {
    ready ??= start(packedWasm);
    try {
      await ready;
    } catch (error) {
      ready = null; // the next request tries again
      throw new Error(`không tải được phần tạo tệp Word/Excel (${error}); hãy mở ứng dụng khi có mạng một lần rồi thử lại`);
    }
    if (read) {
      self.postMessage({ id, text: wasm_bindgen.read(read.name, read.bytes) });
    } else if (check) {
      self.postMessage({ id, text: wasm_bindgen.check(check) });
    } else {
      const bytes = wasm_bindgen.make(kind, json);
      self.postMessage({ id, bytes }, [bytes.buffer]);
    }
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
