// Dialogue minutes are the record of the meeting (issue 22 §2): they carry the time, the host's
// letterhead, both sides' participants and the minute-taker, with the three signature blocks at
// one height; a proposal's later follow-up never changes them; once signed they are locked and
// only a recorded reopening unlocks them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, storedData, waitForStored } from "./helpers.mjs";
import { unit, dialogue, proposal, appData, openWith } from "./dialogue-data.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const data = () =>
  appData({
    units: [unit("u1", "LĐLĐ huyện Thanh Oai")],
    dialogues: [dialogue("d1", "u1", "2025-05-15", { minutes_signed: false, place: "Hội trường Công ty TNHH May Thanh Oai" })],
    proposals: [
      proposal("p1", "d1", "Xử lý doanh nghiệp nợ đóng BHXH kéo dài", "social_insurance", { raised_by: "Chị Vũ Thị Kiêm, công nhân", deadline: "2025-09-30" }),
      proposal("p2", "d1", "Xây dựng nhà ở xã hội cho công nhân", "housing", { deadline: "2025-12-31" }),
    ],
  });

/** The printed minutes' text, as they print (print media). */
async function printedMinutes(page) {
  await page.goto(`${app.url}#/in/bien-ban/d1`);
  const paper = page.getByRole("article");
  await paper.waitFor();
  await page.emulateMedia({ media: "print" });
  const text = await paper.innerText();
  await page.emulateMedia({ media: "screen" });
  return text;
}

/** Records the meeting on the dialogue's form and ticks "signed". */
async function recordAndSign(page) {
  await page.goto(`${app.url}#/doi-thoai/d1/sua`);
  const form = page.getByRole("form", { name: "Sửa cuộc đối thoại" });
  await form.getByLabel("Giờ bắt đầu").fill("8g30");
  await form.getByLabel("Cơ quan đứng tên biên bản").selectOption({ label: "Doanh nghiệp (biên bản của doanh nghiệp)" });
  await form.getByLabel("Chủ trì phía NSDLĐ/chính quyền: họ tên").fill("Trần Văn Bình");
  await form.getByLabel("Chủ trì phía NSDLĐ/chính quyền: chức vụ").fill("Giám đốc Công ty TNHH May Thanh Oai");
  await form.getByLabel("Chủ trì phía người lao động: họ tên").fill("Nguyễn Thị Hảo");
  await form.getByLabel("Chủ trì phía người lao động: chức vụ").fill("Chủ tịch Công đoàn cơ sở");
  await form.getByLabel("Thành phần phía NSDLĐ/chính quyền").fill("Lê Văn Cường – Trưởng phòng Nhân sự");
  await form.getByLabel("Thành phần phía tổ chức đại diện người lao động và người lao động").fill("Phạm Thị Dung – Tổ trưởng tổ may 3\nĐại diện 45 công nhân");
  await form.getByLabel("Người ghi biên bản: họ tên").fill("Lê Thu Trang");
  await form.getByLabel("Người ghi biên bản: chức vụ").fill("Nhân viên Phòng Hành chính");
  await form.getByLabel("Biên bản đã có chữ ký của hai bên").check();
  // The enterprise heads its own minutes: its name is required.
  await form.getByRole("button", { name: "Lưu thay đổi" }).click();
  await form.getByRole("alert").filter({ hasText: "Hãy ghi tên cơ quan hoặc doanh nghiệp tổ chức đối thoại" }).waitFor();
  await form.getByLabel("Tên UBND hoặc doanh nghiệp đứng tên biên bản").fill("Công ty TNHH May Thanh Oai");
  await form.getByRole("button", { name: "Lưu thay đổi" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của cuộc đối thoại." }).waitFor();
}

test("signed minutes carry both sides, the minute-taker and the enterprise's letterhead, and read the same after a proposal is resolved", async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await openWith(context, app.url, data(), "#/doi-thoai/d1");
  await recordAndSign(page);

  const before = await printedMinutes(page);
  for (const line of [
    "CÔNG TY TNHH MAY THANH OAI",
    "Hôm nay, vào hồi 08 giờ 30, ngày 15 tháng 5 năm 2025, tại Hội trường Công ty TNHH May Thanh Oai, Công ty TNHH May Thanh Oai tổ chức đối thoại",
    "- Trần Văn Bình – Giám đốc Công ty TNHH May Thanh Oai, chủ trì;",
    "- Lê Văn Cường – Trưởng phòng Nhân sự;",
    "- Nguyễn Thị Hảo – Chủ tịch Công đoàn cơ sở, chủ trì;",
    "- Phạm Thị Dung – Tổ trưởng tổ may 3;",
    "- Đại diện 45 công nhân;",
    "Người ghi biên bản: Lê Thu Trang – Nhân viên Phòng Hành chính.",
    "Xử lý doanh nghiệp nợ đóng BHXH kéo dài",
    "Chị Vũ Thị Kiêm, công nhân",
  ]) {
    assert.ok(before.includes(line), `the minutes say "${line}"`);
  }
  // An enterprise's own minutes: no federation header, no registered number.
  assert.ok(!before.includes("LIÊN ĐOÀN LAO ĐỘNG") && !before.includes("Số:"), "no federation letterhead");
  // The record of the meeting, not the follow-up: no status, no deadline.
  for (const followUp of ["Trạng thái", "Hạn giải quyết", "Mới", "30/09/2025"]) {
    assert.ok(!before.includes(followUp), `the minutes do not print "${followUp}"`);
  }

  // Both sides and the minute-taker sign at one height (print media, A4).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  const rows = await page.locator(".doc-signature").evaluateAll((blocks) =>
    blocks.map((b) => [".doc-authority", ".doc-sign-space", ".doc-signer-name"].map((c) => Math.round(b.querySelector(c).getBoundingClientRect().top))),
  );
  assert.equal(rows.length, 3);
  const names = await page.locator(".doc-signer-name").allInnerTexts();
  assert.deepEqual(names.map((n) => n.trim()), ["Trần Văn Bình", "Nguyễn Thị Hảo", "Lê Thu Trang"]);
  for (const part of [0, 1, 2]) {
    assert.equal(new Set(rows.map((r) => r[part])).size, 1, `line ${part} of the three blocks at one height: ${JSON.stringify(rows)}`);
  }
  await page.screenshot({ path: "/tmp/minutes-print-a4.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1366, height: 900 });

  // Later follow-up: one proposal resolved, with its result and date, and reworded.
  await page.goto(`${app.url}#/doi-thoai/d1/p1`);
  const status = page.getByRole("form", { name: "Cập nhật trạng thái kiến nghị" });
  await status.getByLabel("Trạng thái mới").selectOption({ label: "Đã giải quyết" });
  await status.getByLabel("Ngày chuyển trạng thái").fill("02/11/2026");
  await status.getByLabel("Kết quả trả lời, giải quyết").fill("Doanh nghiệp đã nộp đủ 1,2 tỷ đồng nợ BHXH");
  await status.getByLabel("Ngày giải quyết").fill("30/10/2026");
  await status.getByRole("button", { name: "Cập nhật trạng thái" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã chuyển kiến nghị sang "Đã giải quyết"' }).waitFor();
  await page.getByRole("button", { name: "Sửa kiến nghị" }).click();
  const edit = page.getByRole("form", { name: "Sửa kiến nghị" });
  await edit.getByLabel("Nội dung kiến nghị").fill("Xử lý dứt điểm nợ BHXH (sửa sau)");
  await edit.getByRole("button", { name: "Lưu kiến nghị" }).click();
  await waitForStored(page, (d) => d.proposals.find((p) => p.meta.id === "p1").content.includes("sửa sau"));
  const stored = (await storedData(page)).proposals.find((p) => p.meta.id === "p1");
  assert.equal(stored.response, "Doanh nghiệp đã nộp đủ 1,2 tỷ đồng nợ BHXH");
  assert.equal(stored.resolved_on, "2026-10-30");

  assert.equal(await printedMinutes(page), before, "the signed minutes read exactly as before");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("ticking signed locks the minutes; a recorded reopening unlocks them", async () => {
  const context = await app.browser.newContext();
  const page = await openWith(context, app.url, data(), "#/doi-thoai/d1");
  await recordAndSign(page);

  // Locked: no edit or delete on the dialogue, and its form only shows.
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 2, name: /^Đối thoại ngày 15\/05\/2025/ }) });
  await card.getByRole("form", { name: "Mở lại biên bản" }).waitFor();
  assert.equal(await card.getByRole("link", { name: "Sửa đối thoại" }).count(), 0);
  assert.equal(await card.getByRole("button", { name: "Xóa đối thoại" }).count(), 0);
  await page.getByText("Biên bản đã ký ghi 2 nội dung kiến nghị.", { exact: false }).waitFor();
  await page.goto(`${app.url}#/doi-thoai/d1/sua`);
  const locked = page.getByRole("form", { name: "Biên bản đối thoại đã ký" });
  await locked.getByRole("note").filter({ hasText: "chỉ xem được, không sửa được" }).waitFor();
  assert.ok(await locked.getByLabel("Số lượt tham dự").isDisabled());
  assert.ok(await locked.getByLabel("Biên bản đã có chữ ký của hai bên").isDisabled());
  assert.equal(await locked.getByRole("button", { name: "Lưu thay đổi" }).count(), 0);

  // Reopening asks who and why, and records them with the office and the time.
  await page.goto(`${app.url}#/doi-thoai/d1`);
  const reopen = page.getByRole("form", { name: "Mở lại biên bản" });
  await reopen.getByRole("button", { name: "Mở lại biên bản" }).click();
  await reopen.getByRole("alert").filter({ hasText: "Hãy ghi người mở lại biên bản." }).waitFor();
  await reopen.getByRole("alert").filter({ hasText: "Hãy ghi lý do mở lại biên bản." }).waitFor();
  assert.equal((await storedData(page)).dialogues[0].minutes_signed, true, "nothing changed");
  await reopen.getByLabel("Người mở lại biên bản").fill("Nguyễn Thị Hảo");
  await reopen.getByLabel("Lý do mở lại biên bản").fill("Ghi sót một người dự phía doanh nghiệp");
  await reopen.getByRole("button", { name: "Mở lại biên bản" }).click();
  await page.getByRole("status").filter({ hasText: "Đã mở lại biên bản" }).waitFor();
  const reopened = (await storedData(page)).dialogues[0];
  assert.equal(reopened.minutes_signed, false);
  assert.equal(reopened.reopenings.length, 1);
  assert.equal(reopened.reopenings[0].by, "Nguyễn Thị Hảo");
  assert.equal(reopened.reopenings[0].reason, "Ghi sót một người dự phía doanh nghiệp");
  assert.ok(reopened.reopenings[0].office_id && reopened.reopenings[0].at, "which office and when");
  await page.getByText(/Nguyễn Thị Hảo: Ghi sót một người dự phía doanh nghiệp/).waitFor();

  // Unlocked: the form saves again.
  await page.getByRole("link", { name: "Sửa đối thoại" }).click();
  const form = page.getByRole("form", { name: "Sửa cuộc đối thoại" });
  await form.getByLabel("Số lượt tham dự").fill("125");
  await form.getByRole("button", { name: "Lưu thay đổi" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của cuộc đối thoại." }).waitFor();
  assert.equal((await storedData(page)).dialogues[0].attendances, 125);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
