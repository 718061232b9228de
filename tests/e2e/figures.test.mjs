// Each figure has one answer and the sharing status tells the truth (issue 22, §3 and §4):
// a dialogue of a unit that has ended is refused with the reason; "Chưa chia sẻ" counts the
// records in no exported file, after loading the sample, after exporting one part and after
// exporting everything.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startApp, openApp, storedData, pick } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const COLLECTIONS = ["units", "clusters", "indicators", "templates", "scorecards", "dialogues", "proposals", "programmes", "reviews"];

/** How many records a set of collections holds. */
function records(data) {
  return COLLECTIONS.reduce((n, c) => n + (data[c]?.length ?? 0), 0);
}

async function loadSample(page) {
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
}

/** Exports the part chosen in the picker and returns the file's JSON. */
async function exportPart(page, typed, option) {
  const part = page.getByRole("combobox", { name: "Phần dữ liệu cần xuất" });
  await part.fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Xuất dữ liệu", exact: true }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), "utf8"));
  await page.getByRole("status").filter({ hasText: "Đã xuất" }).waitFor();
  return file;
}

function sharingPanel(page) {
  return page.getByRole("region", { name: "Chưa chia sẻ" });
}

test("the sharing status says never, partly and everything, counting exactly the records in no file", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  const total = records(await storedData(page));
  const panel = sharingPanel(page);
  await panel.getByText("Máy này chưa xuất dữ liệu lần nào.").waitFor();
  await panel.getByText(`Cả ${total} bản ghi chưa có trong tệp xuất nào.`).waitFor();
  assert.equal(await panel.getByText("từ đó").count(), 0, "never exported: no 'since then'");

  // Only the cluster: the rest is still in no file.
  const part = await exportPart(page, "cum thi dua so 4", "Cụm thi đua số 4 - 2023");
  const carried = records(part.data);
  assert.ok(carried > 0 && carried < total, `${carried} of ${total}`);
  await panel.getByText(`chỉ một phần: Cụm thi đua số 4 - 2023 (${carried} bản ghi).`).waitFor();
  await panel.getByText(`${total - carried} trên ${total} bản ghi chưa có trong tệp xuất nào`).waitFor();
  assert.equal(await panel.getByText("Mọi bản ghi").count(), 0);
  assert.equal(await panel.getByText("Mọi thay đổi").count(), 0);

  // What the part covered is kept: a reload says the same.
  await page.reload();
  await sharingPanel(page).getByText(`${total - carried} trên ${total} bản ghi chưa có trong tệp xuất nào`).waitFor();

  // Everything: nothing left out.
  const all = await exportPart(page, "toan bo", "Toàn bộ dữ liệu");
  assert.equal(records(all.data), total);
  await sharingPanel(page).getByText(`toàn bộ dữ liệu (${total} bản ghi).`).waitFor();
  await sharingPanel(page).getByText(`Mọi bản ghi (${total}) đã có trong tệp xuất`).waitFor();
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("a dialogue of a unit that has ended is refused with the reason, and nothing is saved", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  const before = (await storedData(page)).dialogues.length;
  await page.goto(app.url + "#/doi-thoai");
  await page.getByRole("link", { name: "Ghi cuộc đối thoại mới" }).click();
  const form = page.getByRole("form", { name: "Ghi cuộc đối thoại mới" });
  await form.getByLabel("Ngày đối thoại").fill("12/03/2026");
  await form.getByLabel("Địa điểm").fill("Hội trường UBND huyện Ba Vì");
  await pick(form, "Đơn vị tổ chức", "LĐLĐ huyện Ba Vì");
  await form.getByLabel("Số lượt tham dự").fill("1.250");
  await form.getByRole("button", { name: "Ghi đối thoại" }).click();
  await form
    .getByRole("alert")
    .filter({ hasText: "LĐLĐ huyện Ba Vì đã kết thúc hoạt động ngày 30/06/2025, trước ngày 12/03/2026." })
    .waitFor();
  assert.equal((await storedData(page)).dialogues.length, before, "nothing saved");

  // On a day the unit was still active, the same dialogue is saved.
  await form.getByLabel("Ngày đối thoại").fill("15/05/2025");
  await form.getByRole("button", { name: "Ghi đối thoại" }).click();
  await page.getByRole("heading", { level: 2, name: "Đối thoại ngày 15/05/2025 — LĐLĐ huyện Ba Vì" }).waitFor();
  assert.equal((await storedData(page)).dialogues.length, before + 1);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
