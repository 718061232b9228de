// Final means final: with the sample cluster (Cụm thi đua số 4, 2023, every card Chốt), edits
// of the scoring table, of a unit's figures or a file bringing them never move a final card's
// total, tier or award; they are refused naming the cards, unless the officer reopens them,
// which each card records with its total before and after.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startApp, openApp, goTo, storedData, storedText, waitForStored, resultRows } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function withSample(context) {
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("table", { name: "Kết quả xếp hạng" }).waitFor();
  return page;
}

const tab = (page, name) => page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name }).click();

/** Goes to another tab with typed input left unsaved: the app asks, the officer agrees. */
async function leaveDroppingInput(page, name) {
  const asked = new Promise((ok) =>
    page.once("dialog", async (d) => {
      ok(d.message());
      await d.accept();
    }),
  );
  await tab(page, name);
  assert.match(await asked, /dữ liệu đang nhập dở/);
}

/** Raises "Điểm mỗi lần" of criterion I.3 by one, as the officer of the issue did, and saves. */
async function raiseSupervisionPoints(page) {
  await tab(page, "Bảng điểm");
  const each = page.getByLabel("Điểm mỗi lần – tiêu chí I.3");
  const value = Number((await each.inputValue()).replace(",", "."));
  await each.fill(String(value + 1).replace(".", ","));
  await page.getByRole("button", { name: "Lưu bảng điểm" }).click();
}

test("a scoring-table edit under final cards is refused naming them, and results stay as finalised", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  const finalised = await resultRows(page);
  const stored = await storedText(page);

  await raiseSupervisionPoints(page);
  const refusal = page.getByRole("alert").filter({ hasText: "thay đổi kết quả của 6 phiếu đã chốt" });
  await refusal.waitFor();
  const named = page.getByRole("list", { name: "Phiếu đã chốt sẽ thay đổi" });
  for (const unit of ["LĐLĐ huyện Ba Vì", "LĐLĐ huyện Hoài Đức", "LĐLĐ huyện Quốc Oai"]) {
    await named
      .getByText(new RegExp(`^${unit} \\(Cụm thi đua số 4 – 2023\\): \\d+(,\\d)? điểm(, bảng điểm thay đổi| khi chốt → \\d+(,\\d)? điểm)$`))
      .waitFor();
  }
  // Focus goes to the choice, and nothing was saved.
  assert.equal(await page.locator("#phieu-da-chot-se-doi").evaluate((el) => el.contains(document.activeElement)), true);
  assert.equal(await storedText(page), stored);
  await page.getByRole("button", { name: "Giữ nguyên các phiếu đã chốt" }).click();
  await named.waitFor({ state: "detached" });

  // The typed change stays in the form until the officer agrees to drop it.
  await leaveDroppingInput(page, "Kết quả");
  assert.deepEqual(await resultRows(page), finalised);
  await context.close();
});

test("a figures edit that moves the cluster's best is refused; reopening recomputes and records old and new totals", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  const finalised = await resultRows(page);
  const stored = await storedText(page);

  await tab(page, "Chỉ tiêu");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Ba Vì" });
  const form = page.getByRole("form", { name: "Chỉ tiêu năm của đơn vị" });
  await form.getByLabel("Kết nạp đoàn viên mới").fill("2.500");
  await form.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await page.getByRole("alert").filter({ hasText: /thay đổi kết quả của \d+ phiếu đã chốt/ }).waitFor();
  const named = page.getByRole("list", { name: "Phiếu đã chốt sẽ thay đổi" });
  const lines = await named.getByRole("listitem").allTextContents();
  assert.ok(lines.length > 1, "the best rate moves other units too: " + lines.join(" | "));
  assert.ok(lines.some((l) => l.startsWith("LĐLĐ huyện Ba Vì (Cụm thi đua số 4 – 2023)")));
  assert.equal(await storedText(page), stored);
  await leaveDroppingInput(page, "Kết quả");
  assert.deepEqual(await resultRows(page), finalised);

  // Reopening is a recorded choice: who and why are required.
  await tab(page, "Chỉ tiêu");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Ba Vì" });
  await form.getByLabel("Kết nạp đoàn viên mới").fill("2.500");
  await form.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await page.getByRole("button", { name: "Mở lại các phiếu và lưu chỉ tiêu" }).click();
  await page.getByRole("alert").filter({ hasText: "Hãy ghi người mở lại phiếu." }).waitFor();
  assert.equal(await storedText(page), stored);
  await page.getByLabel("Người mở lại").fill("Nguyễn Đức Nghĩa");
  await page.getByLabel("Lý do mở lại").fill("Sửa số kết nạp đoàn viên theo báo cáo của LĐLĐ Ba Vì");
  await page.getByRole("button", { name: "Mở lại các phiếu và lưu chỉ tiêu" }).click();
  await page.getByRole("status").filter({ hasText: /Đã lưu chỉ tiêu năm 2023 của LĐLĐ huyện Ba Vì\. Đã mở lại \d+ phiếu đã chốt/ }).waitFor();
  const data = await waitForStored(page, (d) => d.scorecards.some((c) => c.status === "reviewed"));
  const reopened = data.scorecards.filter((c) => c.status === "reviewed");
  assert.equal(reopened.length, lines.length);
  for (const c of reopened) {
    const r = c.reopenings.at(-1);
    assert.equal(r.by, "Nguyễn Đức Nghĩa");
    assert.ok(Number.isInteger(r.total_before) && Number.isInteger(r.total_after));
    assert.equal(c.seal, undefined, "a reopened card follows the live data");
  }

  // The card says so in its history, with the totals in vi-VN form.
  await tab(page, "Phiếu chấm");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Ba Vì" });
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Cụm đã chấm" }).waitFor();
  await page
    .getByRole("listitem")
    .filter({ hasText: /Nguyễn Đức Nghĩa: Sửa số kết nạp đoàn viên .* \(tổng cụm chấm \d+(,\d)? khi chốt → \d+(,\d)? sau khi mở lại\)/ })
    .waitFor();
  // The results say which cards are no longer final.
  await tab(page, "Kết quả");
  await page.getByText(/phiếu chưa chốt|TẠM TÍNH|chưa chốt/).first().waitFor();
  await context.close();
});

test("a final card reads as a record: no boxes to type in, the kept marks and notes as text", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  await tab(page, "Phiếu chấm");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Hoài Đức" });
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  const card = page.getByRole("table", { name: "Phiếu chấm điểm" });
  assert.equal(await card.getByRole("textbox").count(), 0);
  assert.equal(await card.getByRole("checkbox").count(), 0);
  assert.equal(await card.getByPlaceholder("Nhận xét").count(), 0);
  await card.getByRole("row", { name: /^I\.1 / }).getByText(/^\d+(,\d)?$/).first().waitFor();
  await context.close();
});

test("a file whose scoring table would move final cards needs the same recorded choice", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  await goTo(page, "Dữ liệu");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Xuất dữ liệu", exact: true }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), "utf8"));
  // Another office raises I.3's points per session in its copy of the table.
  file.office = { id: "quoc-oai", name: "LĐLĐ huyện Quốc Oai" };
  const t = file.data.templates[0];
  const i3 = t.criteria.find((c) => c.code === "I.3");
  i3.points_each += 10;
  i3.max += 50;
  t.meta.changed_by = "quoc-oai";
  t.meta.changed_at = "2026-11-20T03:00:00Z";
  t.meta.edits["quoc-oai"] = (t.meta.edits["quoc-oai"] ?? 0) + 1;
  const buffer = Buffer.from(JSON.stringify(file));
  const choose = () =>
    page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles({ name: "cum4-quoc-oai.json", mimeType: "application/json", buffer });
  const stored = await storedText(page);

  await choose();
  await page.getByRole("alert").filter({ hasText: "Tệp này có bảng điểm, chỉ tiêu hoặc cụm khác với dữ liệu đã dùng để chốt 6 phiếu" }).waitFor();
  await page.getByRole("list", { name: "Phiếu đã chốt sẽ thay đổi" }).getByText(/^LĐLĐ huyện Đan Phượng /).waitFor();
  assert.equal(await page.getByRole("button", { name: "Xác nhận nhập" }).count(), 0, "no way past without the choice");
  await page.getByRole("button", { name: "Không nhập tệp này" }).click();
  await page.getByRole("status").filter({ hasText: /hủy/i }).waitFor();
  assert.equal(await storedText(page), stored);

  await choose();
  await page.getByLabel("Người mở lại").fill("Cụm trưởng Nguyễn Văn Hùng");
  await page.getByLabel("Lý do mở lại").fill("Nhận bảng điểm cụm đã sửa tại hội nghị");
  await page.getByRole("button", { name: "Mở lại các phiếu và nhập tệp" }).click();
  await page.getByRole("status").filter({ hasText: "cum4-quoc-oai.json" }).waitFor();
  const data = await storedData(page);
  assert.ok(data.scorecards.every((c) => c.status === "reviewed" && c.reopenings.at(-1).reason === "Nhận bảng điểm cụm đã sửa tại hội nghị"));
  await context.close();
});
