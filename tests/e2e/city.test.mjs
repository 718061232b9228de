// The city federation's data (issue 11): 6.349 CĐCS, five years of indicators, two years of
// dialogues, 20.000 proposals, 50 clusters, made by `examples/city_data.rs`, sent as .json.gz,
// imported, kept across a reload and usable on every page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { startApp, openApp, goTo, waitForStored, ROOT } from "./helpers.mjs";

let app;
let gz;
before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-city-"));
  const json = path.join(dir, "thidua_ha-noi.json");
  execFileSync("cargo", ["run", "--offline", "--release", "--quiet", "--example", "city_data", "--", json], { cwd: ROOT });
  gz = json + ".gz";
  fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(json)));
  fs.rmSync(json);
  app = await startApp();
});
after(async () => {
  await app?.close();
  if (gz) fs.rmSync(path.dirname(gz), { recursive: true });
});

test("the city data set imports from .json.gz, survives a reload and is usable on every page", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  // Every step of a large import is announced (watched in the page: the checking step holds
  // the page while it runs, so it is seen as it is drawn, not by polling).
  await page.evaluate(() => {
    window.steps = [];
    new MutationObserver(() => {
      const bar = document.querySelector('progress[aria-label="Tiến trình nhập tệp"]');
      const said = bar?.parentElement.querySelector("[role=status]")?.textContent;
      if (said && window.steps.at(-1) !== said) window.steps.push(said);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles(gz);
  const counts = page.getByRole("table", { name: "Số bản ghi sẽ nhập" });
  await counts.getByRole("row", { name: "Đơn vị 6.360 0 0 0" }).waitFor({ timeout: 120_000 });
  await counts.getByRole("row", { name: "Kiến nghị 20.000 0 0 0" }).waitFor();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã nhập tệp "thidua_ha-noi.json.gz": 70.853 bản ghi mới' }).waitFor({ timeout: 120_000 });
  const steps = await page.evaluate(() => window.steps);
  assert.deepEqual(
    steps.map((s) => s.slice(0, 9)),
    ["Bước 1/4:", "Bước 2/4:", "Bước 3/4:", "Bước 4/4:"],
    steps.join(" | "),
  );
  assert.match(steps[2], /Đang kiểm tra từng bản ghi của tệp \(\d+,\d MB\)/);
  assert.equal(await page.getByRole("progressbar", { name: "Tiến trình nhập tệp" }).count(), 0, "the bar goes when done");
  await waitForStored(page, (d) => d.units.length === 6360 && d.proposals.length === 20000, 60_000);

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Dữ liệu" }).waitFor({ timeout: 60_000 });
  // Units: found by typing part of a name without diacritics.
  await goTo(page, "Đơn vị & Cụm");
  await page.getByLabel("Tìm đơn vị").fill("cong ty tnhh may dong da so 1");
  const units = page.getByRole("table", { name: "Danh sách đơn vị" });
  await units.getByRole("rowheader", { name: "CĐCS Công ty TNHH May Đống Đa số 1", exact: true }).waitFor({ timeout: 30_000 });
  assert.ok((await units.locator("tbody tr").count()) < 6360);
  await goTo(page, "Chấm điểm");
  const cluster = page.getByLabel("Cụm thi đua", { exact: true });
  await cluster.waitFor({ timeout: 30_000 });
  assert.equal(await cluster.locator("option").count(), 50);
  assert.equal((await cluster.locator("option:checked").textContent()).trim(), "Cụm thi đua CĐCS số 1 – năm 2026");
  await goTo(page, "Đối thoại");
  await page.getByRole("table").first().waitFor({ timeout: 30_000 });
  await goTo(page, "Phối hợp");
  await goTo(page, "Tổng quan");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
