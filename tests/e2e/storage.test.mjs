import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, addUnit, storedText, DATA_KEY } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function withStored(text) {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, text]);
  await page.reload();
  return { context, page };
}

test("corrupt stored JSON shows the recovery screen and is left untouched", async () => {
  const corrupt = '{"schema_version":1,"units":[{"meta":{"id":"x"';
  const { context, page } = await withStored(corrupt);
  await page.getByRole("heading", { name: "Không đọc được dữ liệu đã lưu" }).waitFor();
  await page.getByRole("alert").filter({ hasText: "văn bản dữ liệu bị lỗi ở dòng" }).waitFor();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải xuống dữ liệu gốc" }).click();
  const file = await download;
  const chunks = [];
  for await (const c of await file.createReadStream()) chunks.push(c);
  assert.equal(Buffer.concat(chunks).toString("utf8"), corrupt);
  await page.reload();
  await page.getByRole("heading", { name: "Không đọc được dữ liệu đã lưu" }).waitFor();
  assert.equal(await storedText(page), corrupt);
  await context.close();
});

test("data from a newer version is refused, not overwritten", async () => {
  const newer = JSON.stringify({ schema_version: 999, units: [] });
  const { context, page } = await withStored(newer);
  await page.getByRole("alert").filter({ hasText: "phiên bản mới hơn" }).waitFor();
  assert.equal(await storedText(page), newer);
  await context.close();
});

test("data of the wrong shape is refused, not overwritten", async () => {
  const wrong = JSON.stringify({ schema_version: 1, units: "không phải danh sách" });
  const { context, page } = await withStored(wrong);
  // Said in Vietnamese, naming where; no raw English decoder message on screen.
  const alert = page.getByRole("alert").filter({ hasText: "sai kiểu, tại vị trí units" });
  await alert.waitFor();
  assert.doesNotMatch(await alert.textContent(), /invalid type|expected/);
  assert.equal(await storedText(page), wrong);
  await context.close();
});

test("a second tab sees a unit added in the first and never writes back a stale copy", async () => {
  const context = await app.browser.newContext();
  const first = await openApp(context, app.url, "#/don-vi");
  const second = await openApp(context, app.url, "#/don-vi");
  await addUnit(first, "LĐLĐ huyện Ba Vì");
  await second.getByRole("table", { name: "Danh sách đơn vị" }).getByRole("rowheader", { name: "LĐLĐ huyện Ba Vì" }).waitFor();
  // The second tab's own change builds on the first tab's data: both units survive.
  await addUnit(second, "LĐLĐ huyện Quốc Oai");
  await first.getByRole("rowheader", { name: "LĐLĐ huyện Quốc Oai" }).waitFor();
  const stored = JSON.parse(await storedText(first));
  assert.deepEqual(stored.units.map((u) => u.name).sort(), ["LĐLĐ huyện Ba Vì", "LĐLĐ huyện Quốc Oai"]);
  await context.close();
});

test("a full storage quota is reported and the stored data stays intact", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Hoài Đức");
  const before = await storedText(page);
  // Fill the rest of the origin's quota with another key, as a large data set would.
  await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    for (let i = 0; chunk.length > 0; ) {
      try {
        localStorage.setItem("filler" + i, chunk);
        i++;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill("LĐLĐ huyện Thạch Thất với một cái tên rất dài để vượt hạn mức");
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  await page.getByRole("alert").filter({ hasText: "Bộ nhớ của trình duyệt đã đầy" }).waitFor();
  assert.equal(await storedText(page), before);
  // The unit already saved is still shown, and the typed name is kept for a retry.
  await page.getByRole("rowheader", { name: "LĐLĐ huyện Hoài Đức" }).waitFor();
  assert.match(await form.getByLabel("Tên đơn vị").inputValue(), /Thạch Thất/);
  await context.close();
});

test("the backup download on Dữ liệu holds exactly the stored data", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Mê Linh");
  await page.goto(app.url + "#/du-lieu");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải bản sao lưu" }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^thidua-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
  const chunks = [];
  for await (const c of await file.createReadStream()) chunks.push(c);
  assert.deepEqual(JSON.parse(Buffer.concat(chunks).toString("utf8")), JSON.parse(await storedText(page)));
  await page.getByRole("status").filter({ hasText: "Đã tải xuống bản sao lưu" }).waitFor();
  await context.close();
});

test("two tabs adding units in the same instant, round after round, lose nothing", async () => {
  const context = await app.browser.newContext();
  const tabs = [await openApp(context, app.url, "#/don-vi"), await openApp(context, app.url, "#/don-vi")];
  const rounds = 40;
  for (let i = 0; i < rounds; i++) {
    for (const [t, page] of tabs.entries()) {
      await page.getByRole("form", { name: "Thêm đơn vị" }).getByLabel("Tên đơn vị").fill(`LĐLĐ thẻ ${t + 1} lần ${i + 1}`);
    }
    // Both tabs press "Thêm đơn vị" at the same planned instant.
    const at = Date.now() + 40;
    await Promise.all(
      tabs.map((page) =>
        page.evaluate(
          (when) =>
            new Promise((done) =>
              setTimeout(() => {
                document.querySelector('form[aria-label="Thêm đơn vị"] button[type="submit"]').click();
                done();
              }, Math.max(0, when - Date.now())),
            ),
          at,
        ),
      ),
    );
    for (const [t, page] of tabs.entries()) {
      await page.getByRole("status").filter({ hasText: `Đã thêm đơn vị "LĐLĐ thẻ ${t + 1} lần ${i + 1}"` }).waitFor();
    }
  }
  // Every unit either tab reported as added is stored, and both tabs show them all.
  const all = rounds * 2;
  await tabs[0].waitForFunction((n) => JSON.parse(localStorage.getItem("thidua:data")).units.length === n, all, { timeout: 10_000 });
  for (const page of tabs) {
    await page.waitForFunction(
      (n) => document.querySelectorAll('table[aria-label="Danh sách đơn vị"] tbody tr').length === n,
      all,
      { timeout: 10_000 },
    );
  }
  const names = JSON.parse(await storedText(tabs[0])).units.map((u) => u.name);
  assert.equal(new Set(names).size, all);
  await context.close();
});
