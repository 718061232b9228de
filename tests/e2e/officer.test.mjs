// What a new district officer meets (issue 10): figures never saved under the wrong unit, drafts
// never ranked as final, focus that keeps the officer's place, and a sample that fills every page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, goTo, storedText, storedData, waitForStored } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

async function loadSample(page) {
  await page.goto(app.url + "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
}

function stored(text) {
  return JSON.parse(text);
}

test("figures typed for one unit are never saved under another: switching asks, and stays on Hủy", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Chỉ tiêu" }).click();
  const picker = page.getByLabel("Đơn vị", { exact: true });
  await picker.selectOption({ label: "LĐLĐ huyện Quốc Oai" });
  const form = page.getByRole("form", { name: "Chỉ tiêu năm của đơn vị" });
  await form.getByRole("heading", { name: "Chỉ tiêu năm 2023 – LĐLĐ huyện Quốc Oai" }).waitFor();
  await form.getByLabel("Khám sức khỏe").fill("777");
  const before = await storedText(page);

  // Switching unit with unsaved figures asks; staying keeps the officer on Quốc Oai with the figure.
  const here = await page.evaluate(() => location.hash);
  const asked = new Promise((resolve) =>
    page.once("dialog", (d) => {
      resolve(d.message());
      d.dismiss();
    }),
  );
  await picker.selectOption({ label: "LĐLĐ huyện Thạch Thất" });
  assert.match(await asked, /đang nhập dở/);
  assert.equal(await page.evaluate(() => location.hash), here);
  const quocOai = (await storedData(page)).units.find((u) => u.name === "LĐLĐ huyện Quốc Oai").meta.id;
  assert.equal(await picker.inputValue(), quocOai);
  await form.getByRole("heading", { name: "Chỉ tiêu năm 2023 – LĐLĐ huyện Quốc Oai" }).waitFor();
  assert.equal(await form.getByLabel("Khám sức khỏe").inputValue(), "777");

  // Leaving the tab asks too, and staying keeps the address and the figure.
  const askedOnLeave = new Promise((resolve) =>
    page.once("dialog", (d) => {
      resolve(d.message());
      d.dismiss();
    }),
  );
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Kết quả" }).click();
  assert.match(await askedOnLeave, /đang nhập dở/);
  assert.equal(await page.evaluate(() => location.hash), here);
  assert.equal(await form.getByLabel("Khám sức khỏe").inputValue(), "777");
  // Closing or reloading the tab asks the browser to confirm.
  const unload = await page.evaluate(() => {
    const ev = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(unload, true);

  // Agreeing drops the typing: Thạch Thất's form shows Thạch Thất's own figures.
  page.once("dialog", (d) => d.accept());
  await picker.selectOption({ label: "LĐLĐ huyện Thạch Thất" });
  await form.getByRole("heading", { name: "Chỉ tiêu năm 2023 – LĐLĐ huyện Thạch Thất" }).waitFor();
  assert.notEqual(await form.getByLabel("Khám sức khỏe").inputValue(), "777");
  assert.equal(await storedText(page), before);

  // Saved figures are not "unsaved": after saving, switching does not ask.
  await form.getByLabel("Khám sức khỏe").fill("250");
  await form.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu chỉ tiêu năm 2023 của LĐLĐ huyện Thạch Thất" }).waitFor();
  let askedAgain = false;
  page.once("dialog", (d) => {
    askedAgain = true;
    d.dismiss();
  });
  await picker.selectOption({ label: "LĐLĐ huyện Ba Vì" });
  await form.getByRole("heading", { name: "Chỉ tiêu năm 2023 – LĐLĐ huyện Ba Vì" }).waitFor();
  assert.equal(askedAgain, false);
  const data = stored(await storedText(page));
  const unitId = (name) => data.units.find((u) => u.name === name).meta.id;
  const checks = (name) => data.indicators.find((r) => r.unit_id === unitId(name) && r.year === 2023).figures.health_checks;
  assert.equal(checks("LĐLĐ huyện Thạch Thất"), 250);
  assert.notEqual(checks("LĐLĐ huyện Quốc Oai"), 777);
  await context.close();
});

test("a save from another tab refreshes the indicators form but keeps the figure being typed", async () => {
  const context = await app.browser.newContext();
  const first = await openApp(context, app.url, "#/du-lieu");
  await loadSample(first);
  await first.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await first.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Chỉ tiêu" }).click();
  const form1 = first.getByRole("form", { name: "Chỉ tiêu năm của đơn vị" });
  await form1.getByLabel("Khám sức khỏe").fill("777");
  const second = await openApp(context, app.url, await first.evaluate(() => location.hash));
  const form2 = second.getByRole("form", { name: "Chỉ tiêu năm của đơn vị" });
  await form2.getByLabel("Suất quà trao tặng").fill("1.234");
  await form2.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await second.getByRole("status").filter({ hasText: "Đã lưu chỉ tiêu năm 2023" }).waitFor();
  // The first tab shows the other tab's figure and still holds its own typing.
  await first.waitForFunction(() =>
    [...document.querySelectorAll("label")].some((l) => l.textContent.startsWith("Suất quà trao tặng") && document.getElementById(l.htmlFor)?.value === "1.234"),
  );
  assert.equal(await form1.getByLabel("Khám sức khỏe").inputValue(), "777");
  await context.close();
});

test("results keep unfinished cards apart, show each card's status, and close only when all are final", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  const tabs = page.getByRole("navigation", { name: "Phần chấm điểm" });
  await tabs.getByRole("link", { name: "Phiếu chấm" }).click();
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Đan Phượng" });
  // A final card shows the reviewed score that counts, even where the box was left blank.
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  await page.getByLabel("Người mở lại").fill("Nguyễn Đức Nghĩa");
  await page.getByLabel("Lý do mở lại").fill("Sửa điểm khối I");
  await page.getByRole("button", { name: "Mở lại phiếu" }).click();
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Cụm đã chấm" }).waitFor();

  await tabs.getByRole("link", { name: "Kết quả" }).click();
  const ranked = page.getByRole("table", { name: "Kết quả xếp hạng" });
  await ranked.waitFor();
  assert.equal(await ranked.locator("tbody tr").count(), 5);
  // Five of six final: not official, and the awards are only proposed.
  await page.getByText(/Kết quả CHƯA CHÍNH THỨC: 1 đơn vị chưa có phiếu chốt/).waitFor();
  await ranked.getByText(/\(dự kiến\)/).first().waitFor();
  assert.equal(await ranked.getByText("LĐLĐ huyện Đan Phượng").count(), 0);
  const apart = page.getByRole("table", { name: "Phiếu chưa chốt" });
  await apart.getByRole("rowheader", { name: "LĐLĐ huyện Đan Phượng" }).waitFor();
  await apart.getByText("Cụm đã chấm").waitFor();
  // Every ranked row says its card is final.
  const statuses = await ranked.locator("tbody tr td:nth-child(3)").allTextContents();
  assert.deepEqual([...new Set(statuses)], ["Chốt"]);

  // Asked for, the unfinished card is ranked provisionally and marked so.
  await page.getByLabel("Xếp hạng tạm, gồm cả các phiếu chưa chốt").check();
  await page.getByText(/Xếp hạng TẠM TÍNH/).waitFor();
  assert.equal(await ranked.locator("tbody tr").count(), 6);
  await ranked.locator("tr", { hasText: "LĐLĐ huyện Đan Phượng" }).getByText("Cụm đã chấm").waitFor();

  // Closing the results is refused while a card is not final, naming it.
  const before = await storedText(page);
  await page.getByLabel("Người chốt kết quả").fill("Cụm trưởng Ba Vì");
  await page.getByRole("button", { name: "Chốt kết quả cụm" }).click();
  await page.getByRole("alertdialog", { name: "Xác nhận chốt kết quả cụm" }).getByRole("button", { name: "Chốt kết quả" }).click();
  await page.getByRole("alert").filter({ hasText: "còn phiếu chưa chốt của LĐLĐ huyện Đan Phượng (Cụm đã chấm)" }).waitFor();
  assert.equal(await storedText(page), before);

  // Finalise the card again (with confirmation), then the results close, recording who.
  await tabs.getByRole("link", { name: "Phiếu chấm" }).click();
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Đan Phượng" });
  await page.getByLabel("Người thực hiện bước tiếp theo").fill("Cụm trưởng Ba Vì");
  await page.getByRole("button", { name: "Chốt phiếu" }).click();
  await page.getByRole("alertdialog", { name: "Xác nhận chốt phiếu" }).getByRole("button", { name: "Chốt phiếu" }).click();
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  await tabs.getByRole("link", { name: "Kết quả" }).click();
  await page.getByLabel("Người chốt kết quả").fill("Cụm trưởng Ba Vì");
  await page.getByRole("button", { name: "Chốt kết quả cụm" }).click();
  await page.getByRole("alertdialog", { name: "Xác nhận chốt kết quả cụm" }).getByRole("button", { name: "Chốt kết quả" }).click();
  await page.getByRole("status").filter({ hasText: "Đã chốt kết quả Cụm thi đua số 4 năm 2023" }).waitFor().catch(async (e) => {
    console.log(await page.locator("main").innerText());
    throw e;
  });
  await page.getByRole("status").filter({ hasText: /Kết quả đã chốt ngày \d\d\/\d\d\/\d{4} bởi Cụm trưởng Ba Vì/ }).waitFor();
  const cluster = stored(await storedText(page)).clusters[0];
  assert.equal(cluster.results_closed.by, "Cụm trưởng Ba Vì");
  await context.close();
});

test("a blank reviewed score shows the self score that counts", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  // Clear one reviewed mark in storage-independent way: reopen, blank it, finalise again.
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Phiếu chấm" }).click();
  await page.getByLabel("Người mở lại").fill("Cụm trưởng");
  await page.getByLabel("Lý do mở lại").fill("Đồng ý điểm tự chấm I.1");
  await page.getByRole("button", { name: "Mở lại phiếu" }).click();
  const reviewed = page.getByRole("textbox", { name: /^Cụm chấm – I\.1 / });
  const own = await page.getByRole("textbox", { name: /^Tự chấm – I\.1 / }).inputValue();
  await reviewed.fill("");
  await reviewed.press("Tab");
  await waitForStored(page, (d) => d.scorecards.some((c) => c.entries["I.1"] && !c.entries["I.1"].reviewed_mark));
  assert.equal(await reviewed.getAttribute("placeholder"), own);
  // Focus stayed in the table after the change (the card was not rebuilt).
  assert.equal(await page.evaluate(() => document.activeElement?.closest("table")?.getAttribute("aria-label")), "Phiếu chấm điểm");
  // Finalised again, the read-only card still shows the self score that counts, and the total counts it.
  await page.getByLabel("Người thực hiện bước tiếp theo").fill("Cụm trưởng");
  await page.getByRole("button", { name: "Chốt phiếu" }).click();
  await page.getByRole("alertdialog", { name: "Xác nhận chốt phiếu" }).getByRole("button", { name: "Chốt phiếu" }).click();
  await page.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  // A final card reads as a record: no box to type in, the self score that counts in words.
  assert.equal(await reviewed.count(), 0);
  const card = page.getByRole("table", { name: "Phiếu chấm điểm" });
  await card.getByRole("row", { name: /^I\.1 / }).getByText(`${own} (theo tự chấm)`, { exact: true }).waitFor();
  // The yes/no criterion left blank on the reviewed side shows the self answer.
  await card.getByRole("row", { name: /^II\.4 / }).getByText("Có (theo tự chấm)", { exact: true }).waitFor();
  await context.close();
});

test("opening a proposal brings its detail into view with the focus on its heading", async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 700 } });
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  await goTo(page, "Đối thoại");
  const list = page.getByRole("table", { name: "Danh sách kiến nghị" });
  await list.getByRole("link").last().click();
  await page.waitForFunction(() => document.activeElement?.tagName === "H2" && document.activeElement.textContent.startsWith("Kiến nghị: "));
  // Scrolled to the top of the window (sub-pixel rounding aside).
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= innerHeight;
  });
  assert.equal(inView, true);
  await context.close();
});

test("a second cluster with the same name and year is refused on the name field, which gets the focus", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  await goTo(page, "Đơn vị & Cụm");
  const before = await storedText(page);
  const form = page.getByRole("form", { name: "Thêm cụm thi đua" });
  await form.getByLabel("Tên cụm").fill("cum thi dua so 4");
  await form.getByLabel("Năm").fill("2023");
  await form.getByRole("button", { name: /^Thêm tất cả [\d.]+ đơn vị đang lọc$/ }).click();
  await form.getByText(/Đã chọn [1-9]\d* đơn vị/).waitFor();
  await form.getByRole("button", { name: "Thêm cụm" }).click();
  await form.getByRole("alert").filter({ hasText: "Đã có một cụm cùng tên trong năm 2023" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent.startsWith("Tên cụm"));
  assert.equal(await storedText(page), before);
  await context.close();
});

test("keyboard: skip link, page titles, focus on the new heading after navigating", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/");
  assert.equal(await page.title(), "Tổng quan – Thi đua");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Bỏ qua đến nội dung" });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "noi-dung");
  assert.equal(await page.evaluate(() => location.hash), "#/");
  await goTo(page, "Chấm điểm");
  assert.equal(await page.title(), "Chấm điểm – Thi đua");
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Chấm điểm");
  await context.close();
});

test("a refused save moves focus to the first field in error and brings it into view", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/phoi-hop/moi");
  await page.getByRole("heading", { level: 1 }).waitFor();
  const save = page.getByRole("button", { name: /^Lưu|^Thêm chương trình/ }).last();
  await save.click();
  await page.getByRole("alert").first().waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-invalid") === "true");
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.equal(inView, true);
  await context.close();
});

test("a refused scoring table brings the wrong criterion, far down the page, into view with the focus", async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Bảng điểm" }).click();
  const before = await storedText(page);
  await page.getByLabel("Điểm tối đa – tiêu chí L.3").fill("năm");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole("button", { name: "Lưu bảng điểm" }).click();
  await page.getByRole("alert").filter({ hasText: "Chưa lưu bảng điểm" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest("fieldset.criterion.invalid"));
  const where = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { inView: r.top >= -1 && r.bottom <= innerHeight, scrolled: scrollY };
  });
  assert.equal(where.inView, true);
  assert.ok(where.scrolled > 1000, JSON.stringify(where));
  assert.equal(await storedText(page), before);
  await context.close();
});

test("the sample fills every page, and the overview opens on the latest year with data", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await loadSample(page);
  await goTo(page, "Tổng quan");
  assert.equal(await page.getByLabel("Năm xem số liệu").inputValue(), "2025");
  const cards = page.getByRole("region", { name: "Số liệu chính" });
  const active = await cards.locator(".stat .num").first().textContent();
  assert.ok(Number(active.replace(/\./g, "")) >= 8, active);
  await page.getByText(/163\/CTr-UBND-LĐLĐ/).first().waitFor();
  const overdue = page.locator(".stat", { hasText: "kiến nghị quá hạn" }).locator(".num");
  assert.ok(Number(await overdue.textContent()) > 0);
  await page.getByLabel("Năm xem số liệu").selectOption("2023");
  await page.getByText("đơn vị hoạt động năm 2023").waitFor();

  await goTo(page, "Đối thoại");
  assert.equal(await page.getByLabel("Năm tổng hợp").inputValue(), "2025");
  await page.getByRole("table", { name: "Danh sách đối thoại" }).getByRole("row").nth(1).waitFor();

  await goTo(page, "Phối hợp");
  await page.getByText("163/CTr-UBND-LĐLĐ").first().waitFor();
  await page.getByText("01/CTPH-UBND-LĐLĐ").first().waitFor();
  await page.getByRole("link", { name: "01/CTPH-UBND-LĐLĐ" }).click();
  await page.getByRole("link", { name: "Số liệu giai đoạn của đơn vị" }).click();
  // Thanh Oai's five years add up to the seed's figures.
  await page.getByRole("cell", { name: "4.561" }).first().waitFor();
  await page.getByRole("cell", { name: "2.184" }).first().waitFor();

  await goTo(page, "Chấm điểm");
  await page.getByRole("table", { name: "Kết quả xếp hạng" }).waitFor();
  await goTo(page, "Đơn vị & Cụm");
  await page.getByRole("table", { name: "Danh sách đơn vị" }).getByRole("rowheader", { name: "Liên đoàn Lao động huyện Thanh Oai" }).waitFor();
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
