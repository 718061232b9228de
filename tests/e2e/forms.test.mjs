// The form kit: every create form saves once however often it is pressed (a double press, or a
// press while a slow save runs), its button says it is saving meanwhile, and text that is no
// number is named as such on its field instead of being read as 0.
//
// A slow save is made by holding the app's IndexedDB from the test: a readwrite transaction on
// the stores a commit writes, kept busy with a chain of requests, makes the app's commit wait
// until it is released (IndexedDB never runs two overlapping readwrite transactions at once).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startApp, openApp, addUnit, storedData, storedText, pick, DATA_KEY, ROOT } from "./helpers.mjs";
import { unit, dialogue, appData, openWith } from "./dialogue-data.mjs";

const FIXTURE = JSON.parse(readFileSync(path.join(ROOT, "tests/e2e/fixtures/thanh-oai-2016-2020.json"), "utf8"));
/** Where to keep screenshots of the busy button (for a person to look at), when set. */
const SHOTS = process.env.FORMS_SHOTS;

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** Holds the app's database: its next commit waits until `release`. */
async function hold(page) {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === "thidua"));
  await page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open("thidua");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction(["head", "buckets", "log"], "readwrite");
    const head = tx.objectStore("head");
    const held = { go: true };
    // Never held for long, whatever happens to the test.
    setTimeout(() => (held.go = false), 10_000);
    const spin = () => {
      if (held.go) head.get("head").onsuccess = spin;
    };
    spin();
    held.done = new Promise((ok) => (tx.oncomplete = tx.onabort = () => (db.close(), ok())));
    window.heldStore = held;
  });
}

async function release(page) {
  await page.evaluate(() => {
    window.heldStore.go = false;
    return window.heldStore.done;
  });
}

/**
 * Presses `button` while the database is held: the first press starts the save, which waits;
 * the button shows it is busy; a second press meanwhile; then the save may go on.
 */
async function pressTwiceDuringSlowSave(page, button, shot) {
  await hold(page);
  await button.click();
  const busy = page.locator("button[aria-busy='true']");
  await busy.waitFor();
  assert.match(await busy.textContent(), /\(đang lưu…\)/);
  if (SHOTS && shot) await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
  await button.click();
  await release(page);
}

const count = async (page, collection) => ((await storedData(page))?.[collection] ?? []).length;

test("unit: a double press adds one unit, and so does a press during a slow save", async () => {
  for (const [width, height] of [[1366, 800], [375, 740]]) {
    const context = await app.browser.newContext({ viewport: { width, height } });
    const page = await openApp(context, app.url, "#/don-vi");
    const form = page.getByRole("form", { name: "Thêm đơn vị" });
    const button = form.getByRole("button", { name: "Thêm đơn vị" });
    await form.getByLabel("Tên đơn vị").fill("LĐLĐ huyện Ba Vì");
    await button.dblclick();
    await page.getByRole("status").filter({ hasText: 'Đã thêm đơn vị "LĐLĐ huyện Ba Vì"' }).waitFor();
    assert.equal(await count(page, "units"), 1);

    await form.getByLabel("Tên đơn vị").fill("LĐLĐ huyện Sơn Tây");
    await pressTwiceDuringSlowSave(page, button, `don-vi-${width}`);
    await page.getByRole("status").filter({ hasText: 'Đã thêm đơn vị "LĐLĐ huyện Sơn Tây"' }).waitFor();
    assert.equal(await count(page, "units"), 2);
    // No second save was tried (it would be refused as a name already used).
    assert.equal(await form.getByRole("alert").count(), 0);
    assert.equal(await button.getAttribute("aria-busy"), null);
    assert.deepEqual(page.jsErrors, []);
    await context.close();
  }
});

test("dialogue: a double press records one dialogue, and so does a press during a slow save", async () => {
  const context = await app.browser.newContext();
  const data = appData({ units: [unit("u1", "LĐLĐ huyện Thanh Oai")] });
  const page = await openWith(context, app.url, data, "#/doi-thoai/moi");
  const fill = async (day) => {
    const form = page.getByRole("form", { name: "Ghi cuộc đối thoại mới" });
    await form.getByLabel("Ngày đối thoại").fill(day);
    await form.getByLabel("Địa điểm").fill("Hội trường UBND huyện Thanh Oai");
    await pick(form, "Đơn vị tổ chức", "LĐLĐ huyện Thanh Oai");
    await form.getByLabel("Số lượt tham dự").fill("1.250");
    return form.getByRole("button", { name: "Ghi đối thoại" });
  };
  await (await fill("14/05/2024")).dblclick();
  await page.getByRole("heading", { level: 2, name: "Đối thoại ngày 14/05/2024 — LĐLĐ huyện Thanh Oai" }).waitFor();
  assert.equal(await count(page, "dialogues"), 1);

  await page.goto(app.url + "#/doi-thoai/moi");
  await pressTwiceDuringSlowSave(page, await fill("20/05/2024"), "doi-thoai-1366");
  await page.getByRole("heading", { level: 2, name: "Đối thoại ngày 20/05/2024 — LĐLĐ huyện Thanh Oai" }).waitFor();
  assert.equal(await count(page, "dialogues"), 2);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("dialogue: attendances typed as words are named as not a number, and nothing is saved", async () => {
  const context = await app.browser.newContext();
  const data = appData({ units: [unit("u1", "LĐLĐ huyện Thanh Oai")] });
  const page = await openWith(context, app.url, data, "#/doi-thoai/moi");
  const before = await storedText(page);
  const form = page.getByRole("form", { name: "Ghi cuộc đối thoại mới" });
  await form.getByLabel("Ngày đối thoại").fill("14/05/2024");
  await form.getByLabel("Địa điểm").fill("Hội trường UBND huyện Thanh Oai");
  await pick(form, "Đơn vị tổ chức", "LĐLĐ huyện Thanh Oai");
  await form.getByLabel("Số lượt tham dự").fill("abc");
  await form.getByRole("button", { name: "Ghi đối thoại" }).click();
  const error = form.getByRole("alert").filter({ hasText: 'Số lượt tham dự: "abc" không phải là số' });
  await error.waitFor();
  assert.equal(await error.getAttribute("id"), await form.getByLabel("Số lượt tham dự").getAttribute("aria-describedby"));
  assert.equal(await storedText(page), before);
  await context.close();
});

test("proposal: a double press adds one proposal, and so does a press during a slow save", async () => {
  const context = await app.browser.newContext();
  const data = appData({ units: [unit("u1", "LĐLĐ huyện Quốc Oai")], dialogues: [dialogue("d1", "u1", "2024-05-14")] });
  const page = await openWith(context, app.url, data, "#/doi-thoai/d1");
  const form = page.getByRole("form", { name: "Thêm kiến nghị" });
  const button = form.getByRole("button", { name: "Thêm kiến nghị" });
  const fill = async (content) => {
    await form.getByLabel("Nội dung kiến nghị").fill(content);
    await form.getByLabel("Lĩnh vực").selectOption({ label: "Khác" });
  };
  await fill("Mở thêm trường mầm non");
  await button.dblclick();
  await page.getByRole("status").filter({ hasText: 'Đã thêm kiến nghị "Mở thêm trường mầm non"' }).waitFor();
  assert.equal(await count(page, "proposals"), 1);

  await fill("Xây dựng nhà ở xã hội");
  await pressTwiceDuringSlowSave(page, button);
  await page.getByRole("status").filter({ hasText: 'Đã thêm kiến nghị "Xây dựng nhà ở xã hội"' }).waitFor();
  assert.equal(await count(page, "proposals"), 2);
  assert.equal(await form.getByRole("alert").count(), 0);
  await context.close();
});

/** Opens the app on `hash` with the Thanh Oai figures stored. */
async function openWithFixture(context, hash) {
  const page = await openApp(context, app.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, JSON.stringify(FIXTURE)]);
  await page.goto(app.url + hash);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Phối hợp" }).waitFor();
  return page;
}

async function fillProgramme(page, number) {
  const form = page.getByRole("form", { name: "Thêm chương trình" });
  await form.getByLabel("Số hiệu").fill(number);
  await form.getByLabel("UBND ký chương trình").fill("UBND huyện Thanh Oai");
  await pick(form, "LĐLĐ ký chương trình", "LĐLĐ huyện Thanh Oai");
  await form.getByLabel("Ngày ký").fill("15/03/2016");
  await form.getByLabel("Từ năm").fill("2016");
  await form.getByLabel("Đến năm").fill("2020");
  return form;
}

test("programme and review: a double press records one, and so does a press during a slow save", async () => {
  const context = await app.browser.newContext();
  const page = await openWithFixture(context, "#/phoi-hop/moi");
  const programmes = await count(page, "programmes");
  let form = await fillProgramme(page, "01/CTr-UBND-LĐLĐ");
  await form.getByRole("button", { name: "Thêm chương trình" }).dblclick();
  await page.getByRole("heading", { level: 2, name: "Chương trình số 01/CTr-UBND-LĐLĐ" }).waitFor();
  assert.equal(await count(page, "programmes"), programmes + 1);

  // Its annual reviews: 2016 pressed twice, 2017 pressed during a slow save.
  await page.getByRole("link", { name: "Đánh giá năm 2016" }).click();
  let review = page.getByRole("form", { name: "Đánh giá năm 2016" });
  await review.getByLabel("Ngày tổ chức hội nghị").fill("20/12/2016");
  await review.getByRole("button", { name: "Lưu đánh giá" }).dblclick();
  await page.getByRole("status").filter({ hasText: "Đã lưu đánh giá năm 2016." }).waitFor();
  assert.equal(await count(page, "reviews"), 1);
  await page.getByRole("link", { name: "Đánh giá năm 2017" }).click();
  review = page.getByRole("form", { name: "Đánh giá năm 2017" });
  await review.getByLabel("Ngày tổ chức hội nghị").fill("20/12/2017");
  await pressTwiceDuringSlowSave(page, review.getByRole("button", { name: "Lưu đánh giá" }));
  await page.getByRole("status").filter({ hasText: "Đã lưu đánh giá năm 2017." }).waitFor();
  assert.equal(await count(page, "reviews"), 2);

  await page.goto(app.url + "#/phoi-hop/moi");
  form = await fillProgramme(page, "02/CTr-UBND-LĐLĐ");
  await pressTwiceDuringSlowSave(page, form.getByRole("button", { name: "Thêm chương trình" }));
  await page.getByRole("heading", { level: 2, name: "Chương trình số 02/CTr-UBND-LĐLĐ" }).waitFor();
  assert.equal(await count(page, "programmes"), programmes + 2);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("programme: an area number typed as words is named as not a number, and nothing is saved", async () => {
  const context = await app.browser.newContext();
  const page = await openWithFixture(context, "#/phoi-hop/moi");
  const before = await storedText(page);
  const form = await fillProgramme(page, "03/CTr-UBND-LĐLĐ");
  // The group is named after the number typed in it, so it is found by place.
  const area = form.getByRole("group", { name: /^Nội dung số / }).first();
  await area.getByLabel("Số thứ tự").fill("abc");
  await form.getByRole("button", { name: "Thêm chương trình" }).click();
  const error = area.getByRole("alert").filter({ hasText: 'Số thứ tự: "abc" không phải là số nguyên.' });
  await error.waitFor();
  assert.equal(await error.getAttribute("id"), await area.getByLabel("Số thứ tự").getAttribute("aria-describedby"));
  assert.equal(await storedText(page), before);
  await context.close();
});

test("cluster: a year typed as words is named as not a number, and nothing is saved", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Hoài Đức");
  const before = await storedText(page);
  const form = page.getByRole("form", { name: "Thêm cụm thi đua" });
  await form.getByLabel("Tên cụm").fill("Cụm thi đua số 7");
  await form.getByLabel("Năm").fill("abc");
  await form.getByRole("button", { name: "Thêm cụm" }).click();
  const error = form.getByRole("alert").filter({ hasText: 'Năm: "abc" không phải là số' });
  await error.waitFor();
  assert.equal(await error.getAttribute("id"), await form.getByLabel("Năm").getAttribute("aria-describedby"));
  assert.equal(await storedText(page), before);
  await context.close();
});
