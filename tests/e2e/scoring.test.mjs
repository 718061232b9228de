import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, goTo, addUnit, storedText, storedData, waitForStored, replaceStored, pick, resultRows } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

test("the sample data shows Cụm thi đua số 4 with six ranked units", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: /Đã thêm dữ liệu mẫu: .*Cụm thi đua số 4 năm 2023/ }).waitFor();
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  const rows = await resultRows(page);
  assert.equal(rows.length, 6);
  assert.deepEqual(rows.map((r) => r[0]), ["1", "2", "3", "4", "5", "6"]);
  assert.equal(rows[0][1], "LĐLĐ huyện Đan Phượng");
  assert.equal(rows[0][4], "Cờ thi đua của LĐLĐ tỉnh/thành phố");
  // Totals are vi-VN decimals and the tie between two units is explained.
  assert.ok(rows.every((r) => /^\d+(,\d)?$/.test(r[2])), JSON.stringify(rows));
  await page.getByRole("table", { name: "Kết quả xếp hạng" }).getByText(/hơn ở khối II/).waitFor();
  await page.getByRole("img", { name: /Tổng điểm cụm chấm/ }).waitFor();
  // The seed's rates appear on the indicators tab.
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Chỉ tiêu" }).click();
  const rates = page.getByRole("table", { name: "Tỷ lệ đạt chỉ tiêu của các đơn vị" });
  await rates.getByRole("cell", { name: "192,7%" }).waitFor();
  await rates.getByRole("cell", { name: "57,3%" }).waitFor();
  // Loading twice adds nothing.
  await goTo(page, "Dữ liệu");
  const before = await storedText(page);
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("alert").filter({ hasText: "nên không thêm lần nữa" }).waitFor();
  assert.equal(await storedText(page), before);
  await context.close();
});

/** Answers the refusal of an edit under final cards: who reopens them and why, then saves. */
async function reopenAndSave(page, button) {
  await page.getByRole("list", { name: "Phiếu đã chốt sẽ thay đổi" }).waitFor();
  await page.getByLabel("Người mở lại").fill("Cụm trưởng");
  await page.getByLabel("Lý do mở lại").fill("Hội nghị cụm sửa bảng điểm");
  await page.getByRole("button", { name: button }).click();
}

async function scoreCard(page, unit, manual, flags = {}) {
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: unit });
  await page.getByRole("button", { name: "Tạo phiếu chấm" }).click();
  const card = page.getByRole("table", { name: "Phiếu chấm điểm" });
  await card.waitFor();
  for (const [code, value] of Object.entries(manual)) {
    const input = card.getByRole("textbox", { name: new RegExp(`^Tự chấm – ${code.replace(".", "\\.")} `) });
    await input.fill(value);
    await input.press("Tab");
    await waitForStored(page, (d) => d.scorecards.some((s) => s.entries[code]?.self_mark));
  }
  for (const [code, on] of Object.entries(flags)) {
    if (on) await card.getByRole("checkbox", { name: new RegExp(`^Tự chấm – ${code.replace(".", "\\.")} `) }).check();
  }
  // Each step records who took it.
  await page.getByRole("button", { name: "Nộp phiếu" }).click();
  await page.getByRole("alert").filter({ hasText: "Hãy ghi người thực hiện bước này" }).waitFor();
  const actor = page.getByLabel("Người thực hiện bước tiếp theo");
  assert.equal(await actor.evaluate((el) => el === document.activeElement), true);
  await actor.fill("Chủ tịch LĐLĐ");
  await page.getByRole("button", { name: "Nộp phiếu" }).click();
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Đã nộp" }).waitFor();
  // Submitted: the unit can no longer change its self score; the cluster may send it back.
  assert.equal(await card.getByRole("textbox", { name: /^Tự chấm – I\.1 / }).isDisabled(), true);
  await page.getByRole("button", { name: "Trả lại đơn vị" }).click();
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Nháp" }).waitFor();
  await page.getByRole("button", { name: "Nộp phiếu" }).click();
  await page.getByRole("button", { name: "Xác nhận cụm đã chấm" }).click();
  // Finalising asks first.
  await page.getByRole("button", { name: "Chốt phiếu" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Xác nhận chốt phiếu" });
  await confirm.getByRole("button", { name: "Chốt phiếu" }).click();
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  await page.getByRole("list").filter({ hasText: /Chốt: Chủ tịch LĐLĐ/ }).waitFor();
}

test("a cluster of three units: indicators and scores give ranking and tiers", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  for (const name of ["LĐLĐ huyện Ba Vì", "LĐLĐ huyện Phúc Thọ", "LĐLĐ huyện Quốc Oai"]) await addUnit(page, name);
  const form = page.getByRole("form", { name: "Thêm cụm thi đua" });
  await form.getByLabel("Tên cụm").fill("Cụm thi đua số 4");
  await form.getByLabel("Năm").fill("2024");
  for (const name of ["LĐLĐ huyện Ba Vì", "LĐLĐ huyện Phúc Thọ", "LĐLĐ huyện Quốc Oai"]) await form.getByLabel(name).check();
  await pick(form, "Cụm trưởng", "LĐLĐ huyện Quốc Oai");
  await form.getByRole("button", { name: "Thêm cụm" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm Cụm thi đua số 4 năm 2024" }).waitFor();
  await page.getByRole("link", { name: "Chấm điểm Cụm thi đua số 4 năm 2024" }).click();

  const tabs = page.getByRole("navigation", { name: "Phần chấm điểm" });
  await tabs.getByRole("link", { name: "Bảng điểm" }).click();
  await page.getByRole("button", { name: "Dùng bảng điểm mặc định" }).click();
  await page.getByRole("region", { name: "Tiêu chí chấm điểm" }).waitFor();

  await tabs.getByRole("link", { name: "Chỉ tiêu" }).click();
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Phúc Thọ" });
  const indicators = page.getByRole("form", { name: "Chỉ tiêu năm của đơn vị" });
  await indicators.getByLabel("Kết nạp đoàn viên mới").fill("1.927");
  await indicators.getByLabel("Chỉ tiêu kết nạp đoàn viên", { exact: true }).fill("1000");
  await indicators.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu chỉ tiêu năm 2024 của LĐLĐ huyện Phúc Thọ" }).waitFor();
  await indicators.getByText("Phát triển đoàn viên: 192,7%").waitFor();

  await tabs.getByRole("link", { name: "Phiếu chấm" }).click();
  const full = { "I.1": "10", "I.4": "10", "I.5": "5", "II.3": "10", "III.3": "10", "III.4": "5" };
  await scoreCard(page, "LĐLĐ huyện Phúc Thọ", full, { "II.4": true });
  await scoreCard(page, "LĐLĐ huyện Ba Vì", { ...full, "I.1": "8,5" }, { "II.4": true });
  await scoreCard(page, "LĐLĐ huyện Quốc Oai", full, { "II.4": true, "L.2": true });

  await tabs.getByRole("link", { name: "Kết quả" }).click();
  const rows = await resultRows(page);
  assert.deepEqual(
    rows.map((r) => [r[0], r[1], r[2], r[3]]),
    [
      ["1", "LĐLĐ huyện Phúc Thọ", "70", "HTNV"],
      ["2", "LĐLĐ huyện Ba Vì", "53,5", "HTNV"],
      ["3", "LĐLĐ huyện Quốc Oai", "55", "KHTNV"],
    ],
  );
  await page.getByRole("table", { name: "Kết quả xếp hạng" }).getByText(/Vi phạm tiêu chí loại trừ/).waitFor();
  await context.close();
});

test("a score above the criterion's maximum is refused on the field and not saved", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Phiếu chấm" }).click();
  // The sample cards are final: reopen one, recording who and why.
  await page.getByLabel("Người mở lại").fill("Nguyễn Đức Nghĩa");
  await page.getByLabel("Lý do mở lại").fill("Sửa điểm khối I");
  await page.getByRole("button", { name: "Mở lại phiếu" }).click();
  await page.getByText(/Nguyễn Đức Nghĩa: Sửa điểm khối I/).waitFor();
  const before = await storedText(page);
  const input = page.getByRole("textbox", { name: /^Cụm chấm – I\.5 / });
  await input.fill("8");
  await input.press("Tab");
  await page.getByRole("alert").filter({ hasText: "điểm 8 vượt quá điểm tối đa 5" }).waitFor();
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.equal(await storedText(page), before);
  await input.fill("4,5");
  await input.press("Tab");
  await waitForStored(page, (d) => JSON.stringify(d) !== before);
  assert.equal(await page.getByRole("alert").filter({ hasText: "vượt quá" }).count(), 0);
  await context.close();
});

test("an office's own indicator is saved with the unit-year and can be scored by a criterion", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  const tabs = page.getByRole("navigation", { name: "Phần chấm điểm" });
  await tabs.getByRole("link", { name: "Chỉ tiêu" }).click();
  const form = page.getByRole("form", { name: "Chỉ tiêu năm của đơn vị" });
  await form.getByRole("button", { name: "Thêm chỉ tiêu riêng" }).click();
  await form.getByLabel("Tên chỉ tiêu riêng 1").fill("Mái ấm Công đoàn");
  await form.getByLabel("Giá trị chỉ tiêu riêng 1").fill("-3");
  await form.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await form.getByRole("alert").filter({ hasText: "Mái ấm Công đoàn: không được là số âm." }).waitFor();
  await form.getByLabel("Giá trị chỉ tiêu riêng 1").fill("3");
  await form.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu chỉ tiêu năm 2023" }).waitFor();
  await page.reload();
  assert.equal(await page.getByLabel("Giá trị chỉ tiêu riêng 1").inputValue(), "3");
  // Emptying the name is refused, on the name field, by the domain rule.
  const beforeEmpty = await storedText(page);
  await form.getByLabel("Tên chỉ tiêu riêng 1").fill(" ");
  await form.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  const nameError = form.getByRole("alert").filter({ hasText: "Chỉ tiêu riêng cần có tên." });
  await nameError.waitFor();
  assert.equal(await nameError.getAttribute("id"), await form.getByLabel("Tên chỉ tiêu riêng 1").getAttribute("aria-describedby"));
  assert.equal(await storedText(page), beforeEmpty);
  await form.getByLabel("Tên chỉ tiêu riêng 1").fill("Mái ấm Công đoàn");

  await tabs.getByRole("link", { name: "Bảng điểm" }).click();
  await page.getByRole("button", { name: "Thêm tiêu chí" }).click();
  const kind = page.getByLabel(/^Cách tính – tiêu chí III\.\d+$/).last();
  await kind.selectOption({ label: "Đếm × điểm" });
  const counted = page.getByLabel(/^Đếm theo – tiêu chí III\.\d+$/).last();
  await counted.selectOption({ label: "Chỉ tiêu riêng: Mái ấm Công đoàn" });
  await page.getByLabel(/^Tên – tiêu chí III\.\d+$/).last().fill("Hỗ trợ Mái ấm Công đoàn");
  await page.getByRole("button", { name: "Lưu bảng điểm" }).click();
  // The sample's cards are final: a new criterion is saved only with their recorded reopening.
  await reopenAndSave(page, "Mở lại các phiếu và lưu bảng điểm");
  await page.getByRole("status").filter({ hasText: "Đã lưu bảng điểm" }).waitFor();
  const saved = JSON.parse(await storedText(page)).templates[0].criteria.at(-1);
  assert.deepEqual(saved.indicator, { custom: "mai-am-cong-doan" });
  await context.close();
});

test("units tied on every rule share a rank until the recorded vote separates them", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  for (const name of ["LĐLĐ huyện Hoài Đức", "LĐLĐ huyện Thạch Thất"]) await addUnit(page, name);
  const form = page.getByRole("form", { name: "Thêm cụm thi đua" });
  await form.getByLabel("Tên cụm").fill("Cụm thi đua số 7");
  await form.getByLabel("Năm").fill("2024");
  for (const name of ["LĐLĐ huyện Hoài Đức", "LĐLĐ huyện Thạch Thất"]) await form.getByLabel(name).check();
  await form.getByRole("button", { name: "Thêm cụm" }).click();
  await page.getByRole("link", { name: "Chấm điểm Cụm thi đua số 7 năm 2024" }).click();
  const tabs = page.getByRole("navigation", { name: "Phần chấm điểm" });
  await tabs.getByRole("link", { name: "Bảng điểm" }).click();
  await page.getByRole("button", { name: "Dùng bảng điểm mặc định" }).click();
  await tabs.getByRole("link", { name: "Phiếu chấm" }).click();
  const same = { "I.1": "9", "I.4": "9" };
  await scoreCard(page, "LĐLĐ huyện Hoài Đức", same);
  await scoreCard(page, "LĐLĐ huyện Thạch Thất", same);
  await tabs.getByRole("link", { name: "Kết quả" }).click();
  let rows = await resultRows(page);
  assert.deepEqual(rows.map((r) => r[0]), ["1", "1"]);
  await page.getByText(/Bằng điểm hoàn toàn với .*cần bỏ phiếu/).waitFor();

  const vote = page.getByRole("form", { name: "Kết quả bỏ phiếu" });
  await vote.getByLabel("Thứ tự bỏ phiếu – LĐLĐ huyện Thạch Thất").fill("1");
  await vote.getByLabel("Thứ tự bỏ phiếu – LĐLĐ huyện Hoài Đức").fill("2");
  await vote.getByRole("button", { name: "Ghi kết quả bỏ phiếu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã ghi kết quả bỏ phiếu" }).waitFor();
  rows = await resultRows(page);
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [["1", "LĐLĐ huyện Thạch Thất"], ["2", "LĐLĐ huyện Hoài Đức"]]);
  await page.getByText(/xếp trước theo kết quả bỏ phiếu/).waitFor();
  await context.close();
});

test("the HTXSNV cap moves units down with the reason; next year copies the cluster and the table", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  const tabs = page.getByRole("navigation", { name: "Phần chấm điểm" });
  await tabs.getByRole("link", { name: "Bảng điểm" }).click();
  await page.getByLabel("Tỷ lệ HTXSNV tối đa (%)").fill("20");
  await page.getByLabel("Tên khối III").fill("Tuyên truyền, thi đua và nhiệm vụ khác");
  await page.getByRole("button", { name: "Lưu bảng điểm" }).click();
  await reopenAndSave(page, "Mở lại các phiếu và lưu bảng điểm");
  await page.getByRole("status").filter({ hasText: "Đã lưu bảng điểm" }).waitFor();
  const blocks = JSON.parse(await storedText(page)).templates[0].blocks;
  assert.equal(blocks.find((b) => b.code === "III").title, "Tuyên truyền, thi đua và nhiệm vụ khác");
  await tabs.getByRole("link", { name: "Kết quả" }).click();
  // The reopened cards rank provisionally under the new cap.
  await page.getByLabel("Xếp hạng tạm, gồm cả các phiếu chưa chốt").check();
  const rows = await resultRows(page);
  // 5 units reach HTTNV or better; 20% of 5 keeps one HTXSNV.
  assert.deepEqual(rows.map((r) => r[3]), ["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTTNV", "HTNV"]);
  assert.equal(await page.getByText("Xuống HTTNV do giới hạn tỷ lệ HTXSNV: chỉ 1/5").count(), 2);

  // Next year: same members, the head elected at the 2023 conference is proposed.
  await goTo(page, "Đơn vị & Cụm");
  await page.getByRole("button", { name: "Sang năm 2024 cho Cụm thi đua số 4 năm 2023" }).click();
  await page.getByRole("status").filter({ hasText: "Cụm trưởng đề xuất: LĐLĐ huyện Quốc Oai" }).waitFor();
  const edit = page.getByRole("form", { name: "Sửa cụm thi đua" });
  assert.equal(await edit.getByLabel("Năm").inputValue(), "2024");
  assert.equal(await edit.getByRole("combobox", { name: "Cụm trưởng", exact: true }).inputValue(), "LĐLĐ huyện Quốc Oai");
  await page.getByRole("link", { name: "Chấm điểm Cụm thi đua số 4 năm 2024" }).click();
  await tabs.getByRole("link", { name: "Bảng điểm" }).click();
  await page.getByRole("button", { name: "Sao chép bảng điểm năm 2023" }).click();
  await page.getByRole("status").filter({ hasText: "Đã sao chép bảng điểm năm 2023 sang năm 2024" }).waitFor();
  assert.equal(await page.getByLabel("Tỷ lệ HTXSNV tối đa (%)").inputValue(), "20");
  // The cluster scored last is the one Chấm điểm opens on next time (the newest otherwise).
  const chosenCluster = () => page.getByLabel("Cụm thi đua", { exact: true }).evaluate((s) => s.selectedOptions[0].textContent);
  assert.match(await chosenCluster(), /2024/);
  await page.getByLabel("Cụm thi đua", { exact: true }).selectOption({ label: (await page.getByLabel("Cụm thi đua", { exact: true }).locator("option", { hasText: "2023" }).textContent()).trim() });
  await page.waitForURL(/cham-diem\/[^/]+\//);
  await goTo(page, "Tổng quan");
  await page.reload();
  await goTo(page, "Chấm điểm");
  assert.match(await chosenCluster(), /2023/);
  await context.close();
});

test("a criterion with a fixed target shows that target in the table editor and keeps it on save", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  // A table received from another office, whose II.1 uses the same target for every unit.
  const data = await storedData(page);
  data.templates[0].criteria.find((x) => x.id === "II.1").target = { fixed: 50 };
  await replaceStored(page, data);
  await goTo(page, "Chấm điểm");
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Bảng điểm" }).click();
  const target = page.getByLabel("Chỉ tiêu giao – tiêu chí II.1");
  assert.equal(await target.locator("option:checked").textContent(), "Chỉ tiêu cố định: 50");
  await page.getByRole("button", { name: "Lưu bảng điểm" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu bảng điểm" }).waitFor();
  const saved = JSON.parse(await storedText(page)).templates[0].criteria.find((x) => x.id === "II.1");
  assert.deepEqual(saved.target, { fixed: 50 });
  await context.close();
});
