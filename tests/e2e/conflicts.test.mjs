// A conflict in the officer's words: two offices reopen the same final card of the sample and
// mark one criterion differently; the office importing the other's file sees the card named by
// its unit and cluster, only what differs, the marks as 7,0 and 6,0, the reopenings in words,
// and no JSON or id anywhere. The preview takes the focus and names the records it adds.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { startApp, openApp, goTo, addUnit, storedData, waitForStored, nameOffice, importFile, exportAll } from "./helpers.mjs";

const CARD = "Phiếu chấm của LĐLĐ huyện Hoài Đức, Cụm thi đua số 4 – 2023";
const CRITERION = "I.1. Chăm lo đời sống, đại diện, bảo vệ quyền lợi hợp pháp của đoàn viên, NLĐ";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** The reviewed mark of I.1 on Hoài Đức's card, in the stored tenths. */
async function storedMark(page) {
  const data = await storedData(page);
  const unit = data.units.find((u) => u.name === "LĐLĐ huyện Hoài Đức");
  const card = data.scorecards.find((c) => c.unit_id === unit.meta.id);
  return card.entries["I.1"]?.reviewed_mark?.points;
}

/** Opens Hoài Đức's final card, reopens it recording who and why, and sets I.1's reviewed mark. */
async function reopenAndMark(page, who, mark, tenths) {
  await goTo(page, "Chấm điểm");
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Phiếu chấm" }).click();
  const unit = page.getByLabel("Đơn vị", { exact: true });
  await unit.selectOption(await unit.locator("option", { hasText: "Hoài Đức" }).getAttribute("value"));
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  await page.getByLabel("Người mở lại").fill(who);
  await page.getByLabel("Lý do mở lại").fill("Sửa điểm I.1 theo minh chứng");
  await page.getByRole("button", { name: "Mở lại phiếu" }).click();
  await page.getByText(`${who}: Sửa điểm I.1 theo minh chứng`, { exact: false }).waitFor();
  const input = page.getByRole("textbox", { name: /^Cụm chấm – I\.1 / });
  await input.fill(mark);
  await input.press("Tab");
  await waitForStored(page, (d) => {
    const u = d.units.find((x) => x.name === "LĐLĐ huyện Hoài Đức");
    return d.scorecards.find((c) => c.unit_id === u.meta.id).entries["I.1"]?.reviewed_mark?.points === tenths;
  });
}

test("a conflict between two offices' edits of one card is shown in the officer's words", async () => {
  // Quốc Oai's office loads the sample (every card final) and sends it to Hoài Đức.
  const here = await app.browser.newContext();
  const a = await openApp(here, app.url, "#/du-lieu");
  await nameOffice(a, "LĐLĐ huyện Quốc Oai");
  await a.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await a.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  const sample = await exportAll(a);

  // Hoài Đức takes it in, reopens its card and marks I.1 at 6, adds a grassroots union, sends back.
  const there = await app.browser.newContext();
  const b = await openApp(there, app.url, "#/du-lieu");
  await nameOffice(b, "LĐLĐ huyện Hoài Đức");
  await importFile(b, { name: sample.name, mimeType: "application/json", buffer: Buffer.from(sample.text) });
  await b.getByRole("button", { name: "Xác nhận nhập" }).click();
  await b.getByRole("status").filter({ hasText: `Đã nhập tệp "${sample.name}"` }).waitFor();
  await reopenAndMark(b, "Trần Thị Bình", "6", 60);
  await goTo(b, "Đơn vị & Cụm");
  await addUnit(b, "CĐCS Công ty May Hoài Đức");
  await goTo(b, "Dữ liệu");
  const theirs = await exportAll(b);
  await there.close();

  // Meanwhile Quốc Oai reopened the same card and marked I.1 at 7: a conflict.
  await reopenAndMark(a, "Nguyễn Văn An", "7", 70);
  await goTo(a, "Dữ liệu");
  await importFile(a, { name: theirs.name, mimeType: "application/json", buffer: Buffer.from(theirs.text) });

  // The preview takes the focus, so the officer is taken to it.
  const preview = a.getByRole("region", { name: "Xem trước khi nhập" });
  await preview.waitFor();
  await a.waitForFunction(() => document.activeElement?.id === "xem-truoc");

  // Each kind opens to the names of what it adds.
  await preview.getByText("Đơn vị: 1 mới").click();
  await preview.getByRole("listitem").filter({ hasText: "Đơn vị CĐCS Công ty May Hoài Đức" }).waitFor();

  // The card is named by its unit and cluster; only what differs, ours then theirs.
  const conflict = a.getByRole("group", { name: CARD });
  const row = (label) => conflict.getByRole("row").filter({ has: a.getByRole("rowheader", { name: label, exact: true }) });
  assert.deepEqual(await row(CRITERION).getByRole("cell").allInnerTexts(), [
    "Tự chấm: 9,5; Cụm chấm: 7,0",
    "Tự chấm: 9,5; Cụm chấm: 6,0",
  ]);
  const reopenings = await row("Mở lại phiếu").getByRole("cell").allInnerTexts();
  assert.match(reopenings[0], /^Chỉ bản này có: mở lại ngày \d\d\/\d\d\/\d{4} bởi Nguyễn Văn An, lý do Sửa điểm I\.1 theo minh chứng \(tổng cụm chấm \d+,\d khi chốt\)$/);
  assert.match(reopenings[1], /^Chỉ bản này có: mở lại ngày \d\d\/\d\d\/\d{4} bởi Trần Thị Bình, lý do Sửa điểm I\.1 theo minh chứng \(tổng cụm chấm \d+,\d khi chốt\)$/);
  await conflict.getByText("Bản của máy này: sửa lần cuối bởi máy này (LĐLĐ huyện Quốc Oai)", { exact: false }).waitFor();
  await conflict.getByText("Bản trong tệp: sửa lần cuối bởi LĐLĐ huyện Hoài Đức", { exact: false }).waitFor();

  // Never JSON, ids or stored units.
  const text = await preview.innerText();
  const data = await storedData(a);
  const ids = [data.office.id, ...data.units.map((u) => u.meta.id), ...data.scorecards.map((c) => c.meta.id)];
  assert.ok(!text.includes('{"'), "no JSON");
  assert.ok(!/points|reviewed_mark|reopenings/.test(text), "no field keys");
  for (const id of ids) assert.ok(!text.includes(id), `no id ${id}`);

  if (process.env.THIDUA_SHOTS) {
    const dir = process.env.THIDUA_SHOTS === "1" ? os.tmpdir() : process.env.THIDUA_SHOTS;
    await a.setViewportSize({ width: 1366, height: 900 });
    await preview.screenshot({ path: path.join(dir, "preview-1366.png") });
    await a.setViewportSize({ width: 375, height: 800 });
    await conflict.screenshot({ path: path.join(dir, "conflict-375.png") });
    await preview.screenshot({ path: path.join(dir, "preview-375.png") });
    await a.setViewportSize({ width: 1366, height: 900 });
  }

  // The officer takes the file's mark; the choice is what is saved.
  await conflict.getByRole("radio", { name: "Lấy bản trong tệp" }).check();
  await a.getByRole("button", { name: "Xác nhận nhập" }).click();
  await a.getByRole("status").filter({ hasText: `Đã nhập tệp "${theirs.name}"` }).waitFor();
  assert.equal(await storedMark(a), 60);
  assert.deepEqual(a.jsErrors, []);
  await here.close();
});
