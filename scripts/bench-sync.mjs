// Sync at city scale (issue 25): the city's data (examples/city_data.rs, 70.853 records) imported
// from its file by one office and sent up to a CouchDB-protocol server (PouchDB Server in memory,
// as the tests run it), then downloaded by a fresh office; with the file import of the same data
// for comparison, the server's own time to hand the documents over, and the longest frame in the
// downloading page (requestAnimationFrame gaps: the page must stay responsive).
// Run after scripts/build.sh:  node scripts/bench-sync.mjs     Figures go in the README; nothing fails.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startApp, openApp, goTo, nameOffice, storedData, ROOT } from "../tests/e2e/helpers.mjs";
import { startCouch, setupDatabase, couchRequest } from "../tests/e2e/couch.mjs";

const LONG = 1_800_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-sync-bench-"));
const json = path.join(dir, "thidua_ha-noi.json");
execFileSync("cargo", ["run", "--offline", "--release", "--quiet", "--example", "city_data", "--", json], { cwd: ROOT, stdio: "inherit" });
const file = JSON.parse(fs.readFileSync(json, "utf8"));
const records = Object.values(file.data).reduce((n, list) => n + list.length, 0);

// In the page: the longest gap between two animation frames since `frameWatch.reset()`.
const IN_PAGE = () => {
  window.frameWatch = { max: 0, frames: 0, reset() { this.max = 0; this.frames = 0; } };
  let last = performance.now();
  const tick = (t) => {
    const gap = t - last;
    last = t;
    window.frameWatch.frames += 1;
    if (gap > window.frameWatch.max) window.frameWatch.max = gap;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

const seconds = (ms) => `${(ms / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} s`;
const count = (n) => n.toLocaleString("vi-VN");

const app = await startApp(process.env.THIDUA_DIST || undefined);
const couch = await startCouch({ origins: [app.url] });
const dbUrl = `${couch.url}/thidua`;
const federation = { name: "ldld", password: "mat-khau-ldld", federation: true };
await setupDatabase(couch, [federation]);

async function office(name) {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(IN_PAGE);
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, name);
  return { context, page };
}

async function connect(page) {
  await goTo(page, "Dữ liệu");
  const s = page.getByRole("region", { name: "Đồng bộ qua máy chủ" });
  await s.getByLabel("Địa chỉ cơ sở dữ liệu").fill(dbUrl);
  await s.getByLabel("Tên đăng nhập").fill(federation.name);
  await s.getByLabel("Mật khẩu", { exact: true }).fill(federation.password);
  const t0 = Date.now();
  await s.getByRole("button", { name: "Kết nối" }).click();
  return { t0, status: (text) => s.getByRole("status").filter({ hasText: text }) };
}

async function serverCount() {
  const info = await couchRequest(couch, "GET", "/thidua");
  return info.json.doc_count - 1; // the design document
}

try {
  // 1. The file import, as bench-city does it: chosen → preview, then confirmed → saved.
  const up = await office("Liên đoàn Lao động thành phố Hà Nội");
  let t0 = Date.now();
  await up.page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles(json);
  await up.page.getByRole("button", { name: "Xác nhận nhập" }).waitFor({ timeout: LONG });
  const preview = Date.now() - t0;
  t0 = Date.now();
  await up.page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await up.page.getByRole("status").filter({ hasText: "Đã nhập tệp" }).waitFor({ timeout: LONG });
  const save = Date.now() - t0;
  console.log(`nhập tệp: xem trước ${seconds(preview)}, lưu ${seconds(save)}`);

  // 2. Up: from "Kết nối" until the server holds every record.
  const sent = await connect(up.page);
  for (;;) {
    if ((await serverCount()) >= records) break;
    if (Date.now() - sent.t0 > LONG) throw new Error(`the server has ${await serverCount()} of ${records} records`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const upload = Date.now() - sent.t0;
  await sent.status(/Đã đồng bộ lúc/).waitFor({ timeout: LONG });
  const uploadDone = Date.now() - sent.t0;
  console.log(`gửi lên: ${seconds(upload)} (máy chủ đủ ${count(records)} bản ghi), ${seconds(uploadDone)} đến "Đã đồng bộ"`);

  // 3. The server's own time to hand the documents over, as the app asks for them (pages of changes).
  t0 = Date.now();
  let since = "0";
  let handed = 0;
  for (;;) {
    const page = await couchRequest(couch, "GET", `/thidua/_changes?include_docs=true&conflicts=true&style=all_docs&limit=1000&since=${encodeURIComponent(since)}`);
    handed += page.json.results.length;
    since = page.json.last_seq;
    if (page.json.results.length < 1000) break;
  }
  const server = Date.now() - t0;
  console.log(`máy chủ trao ${count(handed)} tài liệu (_changes, trang 1.000): ${seconds(server)}`);

  // 4. Down: a fresh office, from "Kết nối" until synced, with the longest frame meanwhile.
  await up.context.close();
  const down = await office("LĐLĐ huyện Ba Vì");
  await down.page.evaluate(() => window.frameWatch.reset());
  const got = await connect(down.page);
  await got.status(/Đang tải về/).waitFor({ timeout: LONG });
  await got.status(/Đã đồng bộ lúc/).waitFor({ timeout: LONG });
  const download = Date.now() - got.t0;
  const frames = await down.page.evaluate(() => ({ max: window.frameWatch.max, frames: window.frameWatch.frames }));
  const stored = await storedData(down.page);
  const have = Object.values(stored).filter(Array.isArray).reduce((n, list) => n + list.length, 0);
  console.log(`tải về: ${seconds(download)} (${count(have)} bản ghi trên máy mới); khung hình dài nhất ${Math.round(frames.max)} ms trong ${count(frames.frames)} khung`);

  const importTotal = preview + save;
  console.log(`\n| đo (${count(records)} bản ghi) | thời gian |`);
  console.log("| --- | ---: |");
  console.log(`| nhập tệp .json (chọn tệp → xem trước → đã lưu) | ${seconds(importTotal)} (${seconds(preview)} + ${seconds(save)}) |`);
  console.log(`| gửi lên (Kết nối → máy chủ đủ bản ghi) | ${seconds(upload)} |`);
  console.log(`| máy chủ trao tài liệu (_changes include_docs, trang 1.000) | ${seconds(server)} |`);
  console.log(`| tải về máy mới (Kết nối → Đã đồng bộ) | ${seconds(download)} (${(download / (3 * importTotal + server)).toLocaleString("vi-VN", { maximumFractionDigits: 2 })} lần mục tiêu: 3× nhập tệp + máy chủ = ${seconds(3 * importTotal + server)}) |`);
  console.log(`| khung hình dài nhất khi tải về | ${Math.round(frames.max)} ms |`);
} finally {
  await app.close();
  await couch.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
