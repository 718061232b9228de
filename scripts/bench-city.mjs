// City-scale benchmark (issue 11): makes the city data set (examples/city_data.rs), gzips it,
// imports it through the file input in headless Chromium, and times the preview, the save, a
// fresh start on the stored city data, one change, and the browser's own JSON.parse of the same
// text. Run after scripts/build.sh:  node scripts/bench-city.mjs
// Figures are measurements for the README, not tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { startApp, openApp, addUnit, ROOT } from "../tests/e2e/helpers.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-city-"));
const json = path.join(dir, "thidua_ha-noi.json");
execFileSync("cargo", ["run", "--offline", "--release", "--quiet", "--example", "city_data", "--", json], { cwd: ROOT, stdio: "inherit" });
const gz = json + ".gz";
fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(json)));
console.log(`city file: ${(fs.statSync(json).size / 1e6).toFixed(1)} MB JSON, ${(fs.statSync(gz).size / 1e6).toFixed(1)} MB .json.gz`);

const app = await startApp();
const context = await app.browser.newContext();
const page = await openApp(context, app.url, "#/du-lieu");
const text = fs.readFileSync(json, "utf8");
const parseMs = await page.evaluate((t) => {
  const start = performance.now();
  JSON.parse(t);
  return performance.now() - start;
}, text);

let start = Date.now();
await page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles(gz);
await page.getByRole("button", { name: "Xác nhận nhập" }).waitFor({ timeout: 600_000 });
const previewMs = Date.now() - start;
start = Date.now();
await page.getByRole("button", { name: "Xác nhận nhập" }).click();
await page.getByRole("status").filter({ hasText: "Đã nhập tệp" }).waitFor({ timeout: 600_000 });
const saveMs = Date.now() - start;

start = Date.now();
await page.goto(app.url + "#/don-vi");
await page.getByRole("navigation", { name: "Chính" }).waitFor({ timeout: 600_000 });
const startMs = Date.now() - start;
start = Date.now();
await addUnit(page, "CĐCS Công ty mới thêm");
const addMs = Date.now() - start;
const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);

console.log(`JSON.parse of the text: ${parseMs.toFixed(0)} ms`);
console.log(`choose .json.gz → preview: ${previewMs} ms (${(previewMs / parseMs).toFixed(1)}× JSON.parse)`);
console.log(`Xác nhận nhập → saved: ${saveMs} ms`);
console.log(`start on the stored city data → shell shown: ${startMs} ms`);
console.log(`add one unit (click → confirmation, playwright round trips included): ${addMs} ms`);
console.log(`JS heap after: ${(memory / 1e6).toFixed(0)} MB`);
await app.close();
fs.rmSync(dir, { recursive: true });
