// City-scale benchmark (issue 11), side by side for an empty app, a district's data (the sample
// data) and the city's (examples/city_data.rs: 6.349 CĐCS, 70.853 records), in headless
// Chromium on a release build. Run after scripts/build.sh:  node scripts/bench-city.mjs
// Every change is timed inside the page, from the click to the next drawn frame showing its
// result, so Playwright's round trips are not counted. Figures go in the README; nothing fails.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { startApp, openApp, storedData, ROOT } from "../tests/e2e/helpers.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-city-"));
const json = path.join(dir, "thidua_ha-noi.json");
execFileSync("cargo", ["run", "--offline", "--release", "--quiet", "--example", "city_data", "--", json], { cwd: ROOT, stdio: "inherit" });
const gz = json + ".gz";
fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(json)));

// In the page: waits for `check` on drawn frames, and the label → control lookup an officer's
// eye does.
const IN_PAGE = () => {
  window.until = (check) =>
    new Promise((done, fail) => {
      const give_up = performance.now() + 120_000;
      const look = () => {
        if (check()) requestAnimationFrame(() => done());
        else if (performance.now() > give_up) fail(new Error("the expected result never showed"));
        else requestAnimationFrame(look);
      };
      look();
    });
  window.control = (scope, label) => {
    const l = [...scope.querySelectorAll("label")].find((x) => x.textContent.trim().replace(" *", "") === label);
    return document.getElementById(l.htmlFor);
  };
  // The wasm instance, for its memory.
  addEventListener("TrunkApplicationStarted", (e) => (window.wasmInstance = e.detail.wasm));
  // Start, from the navigation (the page's time origin): the shell drawn, then the "Đơn vị & Cụm"
  // page usable (its form and its list, or the list's empty line, drawn). Watched on frames.
  window.startTimes = new Promise((done) => {
    let shell;
    const look = () => {
      const t = performance.now();
      if (shell === undefined && document.querySelector('nav[aria-label="Chính"]')) shell = t;
      const main = document.querySelector("main");
      const usable =
        main?.querySelector("h1")?.textContent.trim() === "Đơn vị & Cụm" &&
        main.querySelector('form[aria-label="Thêm đơn vị"]') &&
        main.querySelector('table[aria-label="Danh sách đơn vị"] tbody tr, p.empty');
      if (usable) requestAnimationFrame(() => done({ shell, usable: performance.now() }));
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  window.statusSays = (text) => [...document.querySelectorAll("[role=status]")].some((s) => s.textContent.includes(text));
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const addUnit = async (name) => {
  const form = document.querySelector('form[aria-label="Thêm đơn vị"]');
  const input = control(form, "Tên đơn vị");
  input.value = name;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const t0 = performance.now();
  form.querySelector("button[type=submit]").click();
  await until(() => statusSays(`Đã thêm đơn vị "${name}"`));
  return performance.now() - t0;
};

async function measure(label, prepare) {
  // THIDUA_DIST: another build to measure (a copy of dist/, e.g. the one before a change).
  const app = await startApp(process.env.THIDUA_DIST || undefined);
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(IN_PAGE);
  const page = await openApp(context, app.url, "#/du-lieu");
  console.log("đo:", label);
  const row = { label };
  await prepare(page, row);

  // Start: a fresh page on the stored data until the "Đơn vị & Cụm" page is usable, timed in the
  // page from the navigation; the median of five, since the first reload after a large save
  // also pays for the browser settling its storage.
  await page.goto(app.url + "#/don-vi");
  row.starts = [];
  row.shells = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    const t = await page.evaluate(() => window.startTimes);
    row.starts.push(t.usable);
    row.shells.push(t.shell);
  }
  row.start = median(row.starts);
  row.shell = median(row.shells);

  // Five units, one after another: a single change is a few frames, and one frame more or less
  // (the browser's own work) is most of the spread.
  row.adds = [];
  for (let i = 1; i <= 5; i++) row.adds.push(await page.evaluate(addUnit, `CĐCS Công ty đo thời gian ${i}`));
  row.addUnit = median(row.adds);

  // Every page, from the click on its link to its heading drawn; five rounds, the median.
  row.pages = {};
  row.pageRuns = {};
  const names = ["Tổng quan", "Đơn vị & Cụm", "Chấm điểm", "Đối thoại", "Phối hợp", "Dữ liệu"];
  for (const name of Array.from({ length: 5 }, () => names).flat()) {
    (row.pageRuns[name] ??= []).push(await page.evaluate(async (name) => {
      const link = [...document.querySelectorAll('nav[aria-label="Chính"] a')].find((a) => a.textContent.trim() === name);
      const t0 = performance.now();
      link.click();
      await until(() => document.querySelector("main h1")?.textContent.trim() === name);
      return performance.now() - t0;
    }, name));
  }
  for (const [name, runs] of Object.entries(row.pageRuns)) row.pages[name] = median(runs);

  const data = await storedData(page);
  const proposal = data?.proposals.find((p) => p.status === "new");
  if (proposal) {
    await page.goto(`${app.url}#/doi-thoai`);
    await page.getByLabel("Tìm kiến nghị").waitFor();
    // Filtering proposals: typing a search (the list waits 180 ms after the last key).
    row.filter = await page.evaluate(async () => {
      const input = control(document, "Tìm kiến nghị");
      const count = input.closest("section").querySelector("p.count");
      const before = count.textContent;
      input.value = "bhxh";
      const t0 = performance.now();
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await until(() => count.textContent !== before);
      return performance.now() - t0;
    });
    await page.goto(`${app.url}#/doi-thoai/${proposal.dialogue_id}/${proposal.meta.id}`);
    await page.getByRole("form", { name: "Cập nhật trạng thái kiến nghị" }).waitFor();
    row.status = await page.evaluate(async () => {
      const form = document.querySelector('form[aria-label="Cập nhật trạng thái kiến nghị"]');
      const select = control(form, "Trạng thái mới");
      select.value = [...select.options].find((o) => o.textContent.trim() === "Đang xử lý").value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      const t0 = performance.now();
      form.querySelector("button[type=submit]").click();
      await until(() => statusSays("Đã chuyển kiến nghị sang"));
      return performance.now() - t0;
    });
  }
  if (row.sampleLink) row.scoreMark = await saveScoreMark(page, row.sampleLink);
  row.heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  row.wasm = await page.evaluate(() => window.wasmInstance?.memory?.buffer.byteLength ?? 0);
  await app.close();
  return row;
}

const loadSample = async (page, row) => {
  await page.goto(page.url().replace(/#.*/, "#/du-lieu"));
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor({ timeout: 600_000 });
  row.sampleLink = await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).getAttribute("href");
};

// One mark of a scorecard of the sample cluster (reopened first: the sample's cards are final),
// from the change to the card's totals drawn again.
async function saveScoreMark(page, sampleLink) {
  await page.goto(page.url().replace(/#.*/, "") + sampleLink);
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Phiếu chấm" }).click();
  await page.getByLabel("Người mở lại").fill("Người đo");
  await page.getByLabel("Lý do mở lại").fill("Đo thời gian");
  await page.getByRole("button", { name: "Mở lại phiếu" }).click();
  await page.getByText(/Người đo: Đo thời gian/).waitFor();
  const input = await page.getByRole("textbox", { name: /^Cụm chấm – I\.5 / }).elementHandle();
  return page.evaluate(async (input) => {
    const totals = () => document.querySelector("p.totals")?.textContent;
    const before = totals();
    input.value = input.value === "4,5" ? "4" : "4,5";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const t0 = performance.now();
    input.dispatchEvent(new Event("change", { bubbles: true }));
    await until(() => totals() !== before);
    return performance.now() - t0;
  }, input);
}

// From the file chosen (the input's change) to the preview's table drawn, inside the page.
async function previewTime(page, file) {
  await page.evaluate(() => {
    window.previewShown = new Promise((resolve) => {
      const input = document.querySelector('input[type="file"]');
      input.addEventListener(
        "change",
        () => {
          const t0 = performance.now();
          until(() => document.querySelector('table[aria-label="Số bản ghi sẽ nhập"]')).then(() => resolve(performance.now() - t0));
        },
        { capture: true, once: true },
      );
    });
  });
  await page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles(file);
  return page.evaluate(() => window.previewShown);
}

const empty = await measure("trống", async () => {});
const district = await measure("huyện (dữ liệu mẫu)", loadSample);
let importFigures = {};
const city = await measure("thành phố (+ dữ liệu mẫu)", async (page, row) => {
  const text = fs.readFileSync(json, "utf8");
  importFigures.parses = [];
  for (let i = 0; i < 5; i++) {
    importFigures.parses.push(
      await page.evaluate((t) => {
        const t0 = performance.now();
        JSON.parse(t);
        return performance.now() - t0;
      }, text),
    );
  }
  importFigures.parse = median(importFigures.parses);
  // Each file is previewed three times, as the VM's noise moves a single run by a tenth: the
  // plain .json (the very text JSON.parse reads) and the .json.gz (unpacked by the browser
  // first). Every preview but the last is cancelled; the last is imported below.
  importFigures.plain = [];
  importFigures.packed = [];
  let shown = false;
  for (const [file, runs] of [[json, importFigures.plain], [gz, importFigures.packed]]) {
    for (let i = 0; i < 3; i++) {
      if (shown) await page.getByRole("button", { name: "Hủy" }).click();
      runs.push(await previewTime(page, file));
      shown = true;
    }
  }
  await page.getByRole("button", { name: "Xác nhận nhập" }).waitFor({ timeout: 600_000 });
  const t0 = Date.now();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: "Đã nhập tệp" }).waitFor({ timeout: 600_000 });
  importFigures.save = Date.now() - t0;
  // The sample cluster on top, for a scorecard to mark.
  await loadSample(page, row);
});

const ms = (v) => (v === undefined ? "–" : `${Math.round(v).toLocaleString("vi-VN")} ms`);
const rows = [empty, district, city];
const line = (name, f) => console.log(`| ${name} | ${rows.map((r) => f(r)).join(" | ")} |`);
console.log(`\n| đo | ${rows.map((r) => r.label).join(" | ")} |`);
console.log(`| --- | ${rows.map(() => "---:").join(" | ")} |`);
const each = (values) => values.map((v) => Math.round(v).toLocaleString("vi-VN")).join(" / ");
line("mở ứng dụng → khung trang hiện (trung vị của 5 lần)", (r) => `${ms(r.shell)} (${each(r.shells)})`);
line("mở ứng dụng → trang Đơn vị & Cụm dùng được (trung vị của 5 lần)", (r) => `${ms(r.start)} (${each(r.starts)})`);
line("thêm một đơn vị → thông báo hiện (trung vị của 5 lần)", (r) => `${ms(r.addUnit)} (${r.adds.map((v) => Math.round(v).toLocaleString("vi-VN")).join(" / ")})`);
line("chuyển trạng thái một kiến nghị → thông báo hiện", (r) => ms(r.status));
line("lưu một điểm chấm → tổng điểm hiện", (r) => ms(r.scoreMark));
line("lọc kiến nghị \"bhxh\" (gồm 180 ms chờ gõ)", (r) => ms(r.filter));
for (const name of Object.keys(empty.pages)) line(`mở trang ${name} (trung vị của 5 lần)`, (r) => `${ms(r.pages[name])} (${each(r.pageRuns[name])})`);
line("bộ nhớ JS (heap)", (r) => `${(r.heap / 1e6).toFixed(0)} MB`);
line("bộ nhớ wasm", (r) => `${(r.wasm / 1e6).toFixed(0)} MB`);
console.log(`\nTệp thành phố: ${(fs.statSync(json).size / 1e6).toFixed(1)} MB JSON, ${(fs.statSync(gz).size / 1e6).toFixed(1)} MB .json.gz`);
const runs = (values) => values.map((v) => Math.round(v).toLocaleString("vi-VN")).join(" / ");
const times = (values) => `${ms(median(values))} (${(median(values) / importFigures.parse).toFixed(1)}×; ${runs(values)})`;
console.log(`JSON.parse của trình duyệt: ${ms(importFigures.parse)} (trung vị của 5; ${runs(importFigures.parses)})`);
console.log(`chọn tệp → xem trước (trung vị của 3): .json ${times(importFigures.plain)}; .json.gz ${times(importFigures.packed)}`);
console.log(`xác nhận → đã lưu: ${ms(importFigures.save)}`);
fs.rmSync(dir, { recursive: true });
