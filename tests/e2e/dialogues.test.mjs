import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, addUnit, storedText, pick } from "./helpers.mjs";
import { unit, dialogue, proposal, appData, openWith } from "./dialogue-data.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const YEAR = new Date().getFullYear();

/** The number shown next to a summary heading such as "Kiến nghị". */
async function summaryValue(page, name) {
  const stat = page.locator("dl.summary .stat", { has: page.locator("dt", { hasText: new RegExp(`^${name}$`) }) });
  return (await stat.locator("dd").textContent()).trim();
}

async function addProposal(page, content, topic, deadline) {
  const form = page.getByRole("form", { name: "Thêm kiến nghị" });
  await form.getByLabel("Nội dung kiến nghị").fill(content);
  await form.getByLabel("Lĩnh vực").selectOption({ label: topic });
  await form.getByLabel("Hạn giải quyết").fill(deadline);
  await form.getByRole("button", { name: "Thêm kiến nghị" }).click();
  await page.getByRole("status").filter({ hasText: `Đã thêm kiến nghị "${content}"` }).waitFor();
}

test("a dialogue with three proposals; resolving one changes the summary", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/don-vi");
  await addUnit(page, "LĐLĐ huyện Thanh Oai");
  await page.getByRole("navigation", { name: "Chính" }).getByRole("link", { name: "Đối thoại" }).click();
  await page.getByRole("link", { name: "Ghi cuộc đối thoại mới" }).click();

  const form = page.getByRole("form", { name: "Ghi cuộc đối thoại mới" });
  await form.getByLabel("Hình thức đối thoại").selectOption({ label: "Định kỳ" });
  await form.getByLabel("Ngày đối thoại").fill(`02/01/${YEAR}`);
  await form.getByLabel("Địa điểm").fill("Hội trường UBND huyện Thanh Oai");
  await pick(form, "Đơn vị tổ chức", "LĐLĐ huyện Thanh Oai");
  await form.getByLabel("Số lượt tham dự").fill("1.250");
  await form.getByLabel("Chủ trì phía người lao động: họ tên").fill("Nguyễn Thị Hảo");
  await form.getByLabel("Nội dung thống nhất 1").fill("Trả lương đúng hạn");
  await form.getByLabel("Biện pháp 1").fill("Phòng LĐTBXH kiểm tra hằng quý");
  await form.getByLabel("Biên bản đã có chữ ký của hai bên").check();
  await form.getByRole("button", { name: "Ghi đối thoại" }).click();
  await page.getByRole("heading", { level: 2, name: `Đối thoại ngày 02/01/${YEAR} — LĐLĐ huyện Thanh Oai` }).waitFor();

  await addProposal(page, "Xử lý doanh nghiệp nợ đóng BHXH", "BHXH, nợ đóng BHXH", `31/12/${YEAR}`);
  await addProposal(page, "Xây dựng nhà ở xã hội cho công nhân", "Nhà ở", `31/12/${YEAR}`);
  await addProposal(page, "Mở thêm trường mầm non", "Trường học, nhà trẻ", `31/12/${YEAR}`);
  const own = page.getByRole("table", { name: "Kiến nghị tại cuộc đối thoại này" });
  assert.equal(await own.getByRole("rowheader").count(), 3);

  await page.goto(app.url + "#/doi-thoai");
  await page.getByRole("heading", { level: 2, name: "Tổng hợp đối thoại" }).waitFor();
  assert.equal(await summaryValue(page, "Cuộc đối thoại"), "1");
  assert.equal(await summaryValue(page, "Lượt tham dự"), "1.250");
  assert.equal(await summaryValue(page, "Kiến nghị"), "3");
  assert.equal(await summaryValue(page, "Tỷ lệ đã giải quyết"), "0%");
  assert.equal(await summaryValue(page, "Còn mở"), "3");
  // The unit has held its periodic dialogue, so it is not in the compliance list.
  assert.equal(await page.getByRole("list", { name: "Đơn vị chưa đối thoại định kỳ" }).count(), 0);

  // Open a proposal from the list and resolve it.
  await page.getByRole("table", { name: "Danh sách kiến nghị" }).getByRole("link", { name: "Xây dựng nhà ở xã hội cho công nhân" }).click();
  await page.getByRole("heading", { level: 2, name: "Kiến nghị: Xây dựng nhà ở xã hội cho công nhân" }).waitFor();
  const status = page.getByRole("form", { name: "Cập nhật trạng thái kiến nghị" });
  await status.getByLabel("Trạng thái mới").selectOption({ label: "Đã giải quyết" });
  await status.getByLabel("Ghi chú trạng thái").fill("Công văn 45/UBND");
  // Closing needs its result and its date, on the proposal's own fields, not only in the note.
  await status.getByLabel("Ngày chuyển trạng thái").fill(`05/01/${YEAR}`);
  await status.getByLabel("Ngày giải quyết").fill("");
  await status.getByRole("button", { name: "Cập nhật trạng thái" }).click();
  await status.getByRole("alert").filter({ hasText: "Hãy ghi kết quả trả lời, giải quyết của kiến nghị." }).waitFor();
  await status.getByRole("alert").filter({ hasText: "Hãy nhập ngày giải quyết." }).waitFor();
  await status.getByLabel("Kết quả trả lời, giải quyết").fill("UBND huyện giao quỹ đất xây 200 căn nhà ở xã hội");
  await status.getByLabel("Ngày giải quyết").fill(`04/01/${YEAR}`);
  await status.getByRole("button", { name: "Cập nhật trạng thái" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã chuyển kiến nghị sang "Đã giải quyết"' }).waitFor();
  const facts = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Kiến nghị: Xây dựng nhà ở xã hội cho công nhân" }) });
  const fact = (name) => facts.locator("dt", { hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::dd[1]");
  assert.equal((await fact("Kết quả trả lời, giải quyết").textContent()).trim(), "UBND huyện giao quỹ đất xây 200 căn nhà ở xã hội");
  assert.equal((await fact("Ngày giải quyết").textContent()).trim(), `04/01/${YEAR}`);
  const history = page.getByRole("table", { name: "Lịch sử trạng thái" });
  await history.getByRole("cell", { name: "Công văn 45/UBND" }).waitFor();
  assert.equal(await history.getByRole("cell", { name: "Đã giải quyết" }).count(), 1);

  // The deep link survives a reload.
  await page.reload();
  await page.getByRole("heading", { level: 2, name: "Kiến nghị: Xây dựng nhà ở xã hội cho công nhân" }).waitFor();

  await page.goto(app.url + "#/doi-thoai");
  await page.getByRole("heading", { level: 2, name: "Tổng hợp đối thoại" }).waitFor();
  assert.equal(await summaryValue(page, "Tỷ lệ đã giải quyết"), "33,3%");
  assert.equal(await summaryValue(page, "Còn mở"), "2");
  const byStatus = page.getByRole("table", { name: "Kiến nghị theo trạng thái" });
  assert.equal((await byStatus.getByRole("row", { name: /Đã giải quyết/ }).getByRole("cell").textContent()).trim(), "1");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

function searchData() {
  return appData({
    units: [unit("u1", "LĐLĐ huyện Đan Phượng")],
    // Not signed: the deletion test deletes it (signed minutes are locked: minutes.test.mjs).
    dialogues: [dialogue("d1", "u1", `${YEAR}-03-10`, { minutes_signed: false })],
    proposals: [
      proposal("p1", "d1", "Xử lý doanh nghiệp nợ đóng BHXH kéo dài", "social_insurance"),
      proposal("p2", "d1", "Xây dựng nhà ở xã hội cho công nhân", "housing"),
      proposal("p3", "d1", "Trả lương đúng hạn", "wages"),
    ],
  });
}

test("search ignores diacritics and case", async () => {
  const context = await app.browser.newContext();
  const page = await openWith(context, app.url, searchData(), "#/doi-thoai");
  const list = page.getByRole("table", { name: "Danh sách kiến nghị" });
  await list.getByRole("rowheader").first().waitFor();
  assert.equal(await list.getByRole("rowheader").count(), 3);
  await page.getByLabel("Tìm kiến nghị").fill("bhxh");
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 3)").waitFor();
  await list.getByRole("link", { name: "Xử lý doanh nghiệp nợ đóng BHXH kéo dài" }).waitFor();
  await page.getByLabel("Tìm kiến nghị").fill("nha o");
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 3)").waitFor();
  await list.getByRole("link", { name: "Xây dựng nhà ở xã hội cho công nhân" }).waitFor();
  await page.getByLabel("Tìm đối thoại").fill("dan phuong");
  await page.getByText("Hiển thị 1/1 cuộc đối thoại").waitFor();
  await page.getByLabel("Tìm đối thoại").fill("ba vi");
  await page.getByText("Hiển thị 0/0 cuộc đối thoại (tổng số 1)").waitFor();
  await context.close();
});

test("the list filters are as the officer left them after a reload; a unit link's filter is not kept", async () => {
  const context = await app.browser.newContext();
  const page = await openWith(context, app.url, searchData(), "#/doi-thoai");
  const filters = page.getByRole("search", { name: "Lọc kiến nghị" });
  await filters.getByLabel("Lĩnh vực").selectOption({ label: "Nhà ở" });
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 3)").waitFor();
  await page.reload();
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 3)").waitFor();
  assert.equal(await filters.getByLabel("Lĩnh vực").inputValue(), "nha-o");
  // Opened from a unit's link, the unit filter holds for that visit only.
  await page.goto(app.url + "#/doi-thoai/don-vi/u1");
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 3)").waitFor();
  assert.equal(await filters.getByRole("combobox", { name: "Đơn vị" }).inputValue(), "LĐLĐ huyện Đan Phượng");
  await page.goto(app.url + "#/doi-thoai");
  await page.reload();
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 3)").waitFor();
  assert.equal(await filters.getByRole("combobox", { name: "Đơn vị" }).inputValue(), "Tất cả đơn vị");
  await filters.getByLabel("Lĩnh vực").selectOption({ index: 0 });
  await page.getByText("Hiển thị 3/3 kiến nghị").waitFor();
  await context.close();
});

function overdueData() {
  const last = YEAR - 1;
  return appData({
    units: [unit("u1", "LĐLĐ huyện Phúc Thọ"), unit("u2", "LĐLĐ huyện Ba Vì")],
    dialogues: [dialogue("d1", "u1", `${last}-03-10`)],
    proposals: [
      proposal("late", "d1", "Lắp đèn chiếu sáng đường về khu công nghiệp", "public_order", { deadline: `${last}-04-10` }),
      proposal("fine", "d1", "Mở lớp đào tạo nghề", "training", { deadline: `${YEAR + 1}-01-10` }),
    ],
  });
}

test("an open proposal past its deadline is marked Quá hạn in words, in the list, its page and the dashboard", async () => {
  const context = await app.browser.newContext();
  const page = await openWith(context, app.url, overdueData(), "#/doi-thoai");
  const list = page.getByRole("table", { name: "Danh sách kiến nghị" });
  const late = list.getByRole("row", { name: /Lắp đèn chiếu sáng/ });
  await late.getByText(/Quá hạn \d+ ngày/).waitFor();
  assert.match(await late.getAttribute("class"), /overdue/);
  assert.equal(await list.getByRole("row", { name: /Mở lớp đào tạo nghề/ }).getByText("Quá hạn").count(), 0);
  await page.getByLabel("Chỉ kiến nghị quá hạn").check();
  await page.getByText("Hiển thị 1/1 kiến nghị (tổng số 2)").waitFor();

  // Dashboard: the overdue proposal and the units without a periodic dialogue this year. The
  // overview opens on the latest year with data (last year here), so switch to this year.
  await page.goto(app.url + "#/");
  await page.getByLabel("Năm xem số liệu").selectOption(String(YEAR));
  const overdueList = page.getByRole("list", { name: "Kiến nghị quá hạn" });
  await overdueList.getByText(/Quá hạn \d+ ngày/).waitFor();
  const missing = page.getByRole("list", { name: "Đơn vị chưa đối thoại định kỳ" });
  await missing.getByRole("link", { name: "LĐLĐ huyện Ba Vì" }).waitFor();
  await missing.getByRole("link", { name: "LĐLĐ huyện Phúc Thọ" }).waitFor();
  await overdueList.getByRole("link", { name: "Lắp đèn chiếu sáng đường về khu công nghiệp" }).click();
  const heading = page.getByRole("heading", { level: 2, name: "Kiến nghị: Lắp đèn chiếu sáng đường về khu công nghiệp" });
  await heading.waitFor();
  assert.match(page.url(), /#\/doi-thoai\/d1\/late$/);
  await page.reload();
  await heading.waitFor();
  await page.locator("article.proposal-open").getByText(/Quá hạn \d+ ngày/).waitFor();

  // A unit link from the dashboard opens the lists filtered to that unit.
  await page.goto(app.url + "#/");
  await page.getByLabel("Năm xem số liệu").selectOption(String(YEAR));
  await missing.getByRole("link", { name: "LĐLĐ huyện Ba Vì" }).click();
  await page.getByText("Hiển thị 0/0 kiến nghị (tổng số 2)").waitFor();
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("refusals are shown on their field and nothing is saved", async () => {
  const context = await app.browser.newContext();
  // Minutes not yet signed, so the dialogue form still edits (signed ones are locked: minutes.test.mjs).
  const data = appData({ units: [unit("u1", "LĐLĐ huyện Quốc Oai")], dialogues: [dialogue("d1", "u1", "2024-05-14", { minutes_signed: false })] });
  const page = await openWith(context, app.url, data, "#/doi-thoai/d1");
  const before = await storedText(page);
  const form = page.getByRole("form", { name: "Thêm kiến nghị" });
  await form.getByLabel("Lĩnh vực").selectOption({ label: "Khác" });
  await form.getByLabel("Hạn giải quyết").fill("01/05/2024");
  await form.getByRole("button", { name: "Thêm kiến nghị" }).click();
  const deadlineError = form.getByRole("alert").filter({ hasText: "Hạn giải quyết không được trước ngày đối thoại." });
  await deadlineError.waitFor();
  assert.equal(await deadlineError.getAttribute("id"), await form.getByLabel("Hạn giải quyết").getAttribute("aria-describedby"));
  const contentError = form.getByRole("alert").filter({ hasText: "Hãy nhập nội dung kiến nghị." });
  assert.equal(await contentError.getAttribute("id"), await form.getByLabel("Nội dung kiến nghị").getAttribute("aria-describedby"));
  assert.equal(await storedText(page), before);

  // A negative attendance count in the dialogue form. Leaving the refused proposal form asks
  // first, since its typed deadline is not saved; the officer chooses to leave.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("link", { name: "Sửa đối thoại" }).click();
  const edit = page.getByRole("form", { name: "Sửa cuộc đối thoại" });
  await edit.getByLabel("Số lượt tham dự").fill("-5");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  const attError = edit.getByRole("alert").filter({ hasText: "Số lượt tham dự: không được là số âm." });
  await attError.waitFor();
  assert.equal(await attError.getAttribute("id"), await edit.getByLabel("Số lượt tham dự").getAttribute("aria-describedby"));
  assert.equal(await storedText(page), before);
  await context.close();
});

test("deleting a dialogue asks first and takes its proposals with it", async () => {
  const context = await app.browser.newContext();
  const page = await openWith(context, app.url, searchData(), "#/doi-thoai/d1");
  await page.getByRole("button", { name: "Xóa đối thoại" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Xác nhận xóa đối thoại" });
  await confirm.getByText("cùng 3 kiến nghị").waitFor();
  await confirm.getByRole("button", { name: "Không xóa" }).click();
  assert.equal(await confirm.count(), 0);
  await page.getByRole("button", { name: "Xóa đối thoại" }).click();
  await confirm.getByRole("button", { name: "Xóa hẳn" }).click();
  await page.getByRole("status").filter({ hasText: "Đã xóa cuộc đối thoại" }).waitFor();
  await page.getByText("Hiển thị 0/0 kiến nghị").waitFor();
  const stored = JSON.parse(await storedText(page));
  assert.ok(stored.dialogues[0].meta.deleted && stored.proposals.every((p) => p.meta.deleted));
  await context.close();
});
