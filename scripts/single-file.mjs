// Builds the single-file edition from trunk's dist/: one HTML file with the JavaScript glue,
// the wasm, the CSS and the icon inlined, that opens by double-click from file:// with no
// server and no network.
//
// - Browsers block module and wasm fetches from file://, so nothing may be fetched: the
//   wasm-bindgen glue goes into an inline <script type="module"> (its `export`s dropped) and the
//   wasm into a data block, gzip-compressed and base64-encoded (base64 of gzip is ~40% of the
//   raw wasm's base64). DecompressionStream unpacks it (Chromium 80+, Firefox 113+, Safari 16.4+).
// - The async `__wbg_init({ module_or_path: bytes })` compiles it: Chromium refuses the
//   synchronous `initSync` for modules this large on the main thread.
// - The CSP allows exactly the inline script and style by hash and no connection at all.
// Usage: node scripts/single-file.mjs [dist] [out]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { inlineScripts, singleFilePolicy, withPolicy } from "./csp.mjs";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "dist-single/thidua.html";

function fail(message) {
  throw new Error(`single-file: ${message}`);
}

/** The one file in dist/ whose name matches, e.g. the hashed glue `thidua-<hash>.js`. */
function distFile(pattern) {
  const names = fs.readdirSync(dist).filter((n) => pattern.test(n));
  if (names.length !== 1) fail(`cần đúng một tệp ${pattern} trong ${dist}, thấy ${names.length}`);
  return path.join(dist, names[0]);
}

/** The wasm-bindgen glue as a classic script body: every `export` dropped, nothing imported. */
function glueWithoutExports(js) {
  if (/^\s*import\b/m.test(js)) fail("phần JS của wasm-bindgen có lệnh import (snippets?) nên chưa gộp được");
  const out = js
    .replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, "")
    .replace(/^export\s+(?=(?:async\s+)?(?:class|function|const|let|var)\b)/gm, "");
  if (/^\s*export\b/m.test(out)) fail("còn lệnh export trong phần JS của wasm-bindgen");
  return out;
}

function noScriptEnd(text, what) {
  if (/<\/script/i.test(text)) fail(`${what} chứa "</script", không nhúng được`);
  return text;
}

const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
const glue = glueWithoutExports(fs.readFileSync(distFile(/^thidua-[0-9a-f]+\.js$/), "utf8"));
const wasm = fs.readFileSync(distFile(/^thidua-[0-9a-f]+_bg\.wasm$/));
const css = fs.readFileSync(distFile(/^main-[0-9a-f]+\.css$/), "utf8");
const icon = fs.readFileSync(path.join(dist, "icons/icon.svg"));

const packed = zlib.gzipSync(wasm, { level: 9 }).toString("base64");

// The office module (Word and Excel files) rides along unstarted: the worker's source with the
// glue in front, and its wasm packed like the app's. The page starts it from a blob: URL on the
// first download (src/store/office.rs) and hands it the wasm.
const officeDir = path.join(dist, "office");
const officeWorker = noScriptEnd(
  fs.readFileSync(path.join(officeDir, "thidua_office.js"), "utf8") + "\n" + fs.readFileSync(path.join(officeDir, "office-worker.js"), "utf8"),
  "phần tạo tệp Word/Excel",
);
const officePacked = zlib.gzipSync(fs.readFileSync(path.join(officeDir, "thidua_office_bg.wasm")), { level: 9 }).toString("base64");

// Runs after the page is parsed (module scripts are deferred), so the data block exists.
// Failures are shown as text (textContent, never HTML) instead of a blank page.
const loader = `
${noScriptEnd(glue, "phần JS của wasm-bindgen")}
try {
  if (typeof DecompressionStream === "undefined") throw new Error("trình duyệt không có DecompressionStream");
  const block = document.getElementById("thidua-wasm");
  const packed = Uint8Array.from(atob(block.textContent.trim()), (c) => c.charCodeAt(0));
  block.remove();
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  await __wbg_init({ module_or_path: await new Response(stream).arrayBuffer() });
} catch (error) {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = "Không mở được ứng dụng Thi đua trong trình duyệt này (" + error + "). " +
    "Hãy dùng bản mới của Chrome, Edge hoặc Firefox.";
  document.getElementById("dang-mo")?.remove();
  document.body.append(p);
}
`;

let page = html
  .replace(/\s*<!--[\s\S]*?-->/g, "")
  // Only meaningful when served: the manifest, the home-screen icon, preloads of separate files.
  .replace(/\s*<link rel="(?:manifest|apple-touch-icon|modulepreload|preload)"[^>]*>/g, "")
  .replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" href="data:image/svg+xml;base64,${icon.toString("base64")}" />`);

const scripts = inlineScripts(page);
if (scripts.length !== 1) fail(`cần đúng một đoạn script nạp của trunk trong index.html, thấy ${scripts.length}`);
page = page.replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${loader}</script>`);

const stylesheet = /<link rel="stylesheet"[^>]*>/;
if (!stylesheet.test(page)) fail("không thấy <link rel=\"stylesheet\"> trong index.html");
page = page.replace(stylesheet, () => `<style>${noScriptEnd(css, "CSS")}</style>`);

if (!page.includes("</body>")) fail("không thấy </body> trong index.html");
page = page.replace(
  "</body>",
  () =>
    `<script type="application/gzip;base64" id="thidua-wasm">${packed}</script>\n` +
    `<script type="text/plain" id="thidua-office-worker">${officeWorker}</script>\n` +
    `<script type="application/gzip;base64" id="thidua-office-wasm">${officePacked}</script>\n</body>`,
);

page = withPolicy(page, singleFilePolicy({ scripts: [loader], styles: [css] }));
if (/\b(?:src|href)="(?!data:|#)/.test(page)) fail("còn tham chiếu tới tệp ngoài");

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, page);
console.log(`Bản một tệp: ${out}`);
