import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, goTo, addUnit, storedText, storedData, waitForStored } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

test("a unit added through the form is still there after reload", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url);
  await goTo(page, "Đơn vị & Cụm");
  await addUnit(page, "LĐLĐ huyện Đan Phượng", "Đan Phượng");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Đơn vị & Cụm" }).waitFor();
  const table = page.getByRole("table", { name: "Danh sách đơn vị" });
  await table.getByRole("rowheader", { name: "LĐLĐ huyện Đan Phượng" }).waitFor();
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("a duplicate name is refused next to the name field and nothing changes", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Ba Vì");
  const before = await storedText(page);
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill("ldld huyen ba vi");
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  const error = form.getByRole("alert").filter({ hasText: "Tên đơn vị đã được dùng" });
  await error.waitFor();
  // The error is tied to the field for screen readers.
  const describedBy = await form.getByLabel("Tên đơn vị").getAttribute("aria-describedby");
  assert.equal(await error.getAttribute("id"), describedBy);
  assert.equal(await storedText(page), before);
  await context.close();
});

test("an impossible date is refused with a message naming the field", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill("LĐLĐ huyện Quốc Oai");
  await form.getByLabel("Hoạt động đến ngày").fill("30/02/2025");
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  await form.getByRole("alert").filter({ hasText: "Hoạt động đến ngày: ngày này không có trên lịch." }).waitFor();
  assert.equal(await storedText(page), null);
  await context.close();
});

test("editing, archiving and restoring a unit; search ignores diacritics", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Thạch Thất");
  await addUnit(page, "LĐLĐ huyện Hoài Đức");
  await page.getByRole("button", { name: "Sửa LĐLĐ huyện Thạch Thất" }).click();
  const edit = page.getByRole("form", { name: "Sửa đơn vị" });
  await edit.getByLabel("Tên viết tắt").fill("Thạch Thất");
  await edit.getByLabel("Hoạt động từ ngày").fill("01/01/2015");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của đơn vị" }).waitFor();
  const table = page.getByRole("table", { name: "Danh sách đơn vị" });
  await table.getByRole("cell", { name: "từ 01/01/2015" }).waitFor();

  await page.getByLabel("Tìm đơn vị").fill("hoai duc");
  await table.getByRole("rowheader", { name: "LĐLĐ huyện Hoài Đức" }).waitFor();
  assert.equal(await table.getByRole("rowheader").count(), 1);
  await page.getByLabel("Tìm đơn vị").fill("");

  await page.getByRole("button", { name: "Lưu trữ LĐLĐ huyện Hoài Đức" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã lưu trữ đơn vị "LĐLĐ huyện Hoài Đức"' }).waitFor();
  assert.equal(await table.getByRole("rowheader", { name: /Hoài Đức/ }).count(), 0);
  await page.getByLabel("Hiện cả đơn vị đã lưu trữ").check();
  await page.getByRole("button", { name: "Khôi phục LĐLĐ huyện Hoài Đức" }).click();
  await page.getByRole("status").filter({ hasText: "Đã khôi phục đơn vị" }).waitFor();
  await context.close();
});

test("hash navigation survives reload and back/forward", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url);
  await goTo(page, "Dữ liệu");
  await goTo(page, "Đơn vị & Cụm");
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Dữ liệu" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Dữ liệu" }).waitFor();
  await page.goForward();
  await page.getByRole("heading", { level: 1, name: "Đơn vị & Cụm" }).waitFor();
  await context.close();
});

test("usable at phone width: navigation and the form fit the screen", async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Phúc Thọ");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await context.close();
});

test("units are chosen by typing part of the name without diacritics, by keyboard, and cluster members by search and filters", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  await goTo(page, "Đơn vị & Cụm");

  // The parent unit: typed without diacritics, moved to with ↓, taken with Enter.
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill("CĐCS Công ty May Phúc Thọ");
  await form.getByLabel("Loại đơn vị").selectOption({ label: "Công đoàn cơ sở" });
  const parent = form.getByRole("combobox", { name: "Đơn vị cấp trên" });
  await parent.focus();
  await page.keyboard.type("phuc tho");
  assert.equal(await parent.getAttribute("aria-expanded"), "true");
  const options = page.getByRole("listbox", { name: "Kết quả tìm – Đơn vị cấp trên" }).getByRole("option");
  assert.equal(await options.count(), 1);
  assert.equal(await options.first().textContent(), "LĐLĐ huyện Phúc Thọ");
  await form.getByText("1 đơn vị khớp.").waitFor();
  await page.keyboard.press("ArrowDown");
  assert.equal(await parent.getAttribute("aria-activedescendant"), await options.first().getAttribute("id"));
  await page.keyboard.press("Enter");
  assert.equal(await parent.getAttribute("aria-expanded"), "false");
  assert.equal(await parent.inputValue(), "LĐLĐ huyện Phúc Thọ");
  // Escape while typing puts the chosen name back.
  await page.keyboard.type(" xyz");
  await page.keyboard.press("Escape");
  assert.equal(await parent.inputValue(), "LĐLĐ huyện Phúc Thọ");
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã thêm đơn vị "CĐCS Công ty May Phúc Thọ"' }).waitFor();
  const data = await waitForStored(page, (d) => d.units.some((u) => u.name === "CĐCS Công ty May Phúc Thọ"));
  const phucTho = data.units.find((u) => u.name === "LĐLĐ huyện Phúc Thọ").meta.id;
  assert.equal(data.units.find((u) => u.name === "CĐCS Công ty May Phúc Thọ").parent_id, phucTho);

  // Cluster members: filtered by kind and parent, found by words, added all at once.
  const cluster = page.getByRole("form", { name: "Thêm cụm thi đua" });
  await cluster.getByLabel("Tên cụm").fill("Cụm CĐCS Phúc Thọ");
  await cluster.getByLabel("Năm").fill("2023");
  await cluster.getByLabel("Lọc theo loại").selectOption({ label: "Công đoàn cơ sở" });
  await cluster.getByLabel("Lọc theo cấp trên").selectOption({ label: "LĐLĐ huyện Phúc Thọ" });
  await cluster.getByRole("button", { name: "Thêm tất cả 1 đơn vị đang lọc" }).click();
  await cluster.getByText("Đã chọn 1 đơn vị.").waitFor();
  await cluster.getByLabel("Tìm thành viên để thêm").fill("ba vi");
  await cluster.getByLabel("Lọc theo loại").selectOption({ label: "Mọi loại" });
  await cluster.getByLabel("Lọc theo cấp trên").selectOption({ label: "Mọi cấp trên" });
  await cluster.getByLabel("LĐLĐ huyện Ba Vì").check();
  await cluster.getByText("Đã chọn 2 đơn vị.").waitFor();
  await cluster.getByRole("button", { name: "Thêm cụm" }).click();
  await page.getByRole("status").filter({ hasText: /Đã thêm Cụm CĐCS Phúc Thọ năm \d{4}/ }).waitFor();
  const stored = (await storedData(page)).clusters.find((c) => c.name === "Cụm CĐCS Phúc Thọ");
  const names = stored.member_ids.map((id) => data.units.find((u) => u.meta.id === id).name).sort();
  assert.deepEqual(names, ["CĐCS Công ty May Phúc Thọ", "LĐLĐ huyện Ba Vì"]);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
