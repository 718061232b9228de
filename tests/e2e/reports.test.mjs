// Official reports: the report settings on Dữ liệu, and each report's print view with every
// block of an official document (QĐ 933/QĐ-TLĐ on top of NĐ 30/2020), in Times New Roman and
// without any of the app's controls, as it prints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, storedData, withSampleAndReportSettings } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const withSample = (context) => withSampleAndReportSettings(context, app.url);

/** Checks the print view as it prints: every official block, the font, no app control. */
async function assertOfficial(page, { title, summary, signer = "Nguyễn Phi Thường", recipients = true }) {
  const paper = page.getByRole("article");
  await paper.waitFor();
  await page.emulateMedia({ media: "print" });
  const text = await paper.innerText();
  for (const block of ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", title, summary]) {
    assert.ok(text.includes(block), `the document says "${block}"`);
  }
  assert.match(text, /Số:\s+\/B[CB]-LĐLĐ/);
  assert.match(text, /Hà Nội, ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
  // "Như trên" ("as addressed above") only on a paper addressed to someone (Kính gửi …).
  if (recipients === "addressed") assert.match(text, /Nơi nhận:\s*- Như trên;\s*- Lưu: VT\./);
  else if (recipients) assert.match(text, /Nơi nhận:\s*- Lưu: VT\./);
  if (recipients !== "addressed") assert.ok(!text.includes("Như trên"), "a report addressed to no one says no Như trên");
  if (signer) assert.ok(text.includes(signer), "the signer's name");
  // The header lines as printed at 1366 px: each on one line, the short rules under the
  // issuing body (a third of it) and under the motto (as long as it).
  await page.setViewportSize({ width: 1366, height: 900 });
  for (const line of ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]) {
    const lines = await paper.getByText(line, { exact: true }).evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.bottom))).size;
    });
    assert.equal(lines, 1, `"${line}" is printed on one line`);
  }
  for (const [line, share] of [["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", 1 / 3], ["Độc lập - Tự do - Hạnh phúc", 1]]) {
    const rule = await paper.getByText(line, { exact: true }).evaluate((p) => {
      const after = getComputedStyle(p, "::after");
      const range = document.createRange();
      range.selectNodeContents(p);
      return { border: after.borderTopWidth, width: parseFloat(after.width), text: range.getBoundingClientRect().width };
    });
    assert.equal(rule.border, "1px", `a rule under "${line}"`);
    assert.ok(Math.abs(rule.width - rule.text * share) < 3, `the rule under "${line}": ${JSON.stringify(rule)}`);
  }
  const font = await paper.evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /^"?Times New Roman"?/);
  // Nothing of the app prints: no navigation, no button, no field, no link bar.
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll("nav, button, input, select, textarea, a")].filter((el) => el.checkVisibility()).length,
  );
  assert.equal(controls, 0, "no control of the app is printed");
  await page.emulateMedia({ media: "screen" });
  return paper;
}

test("report settings are checked on their fields and kept", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  const form = page.getByRole("form", { name: "Cài đặt báo cáo" });
  await form.getByLabel("Ký hiệu văn bản").fill("BC-LĐLĐ");
  await form.getByRole("button", { name: "Lưu cài đặt báo cáo" }).click();
  await form.getByRole("alert").filter({ hasText: "Ký hiệu văn bản bắt đầu bằng dấu \"/\"" }).waitFor();
  await form.getByRole("alert").filter({ hasText: "Hãy nhập cơ quan ban hành." }).waitFor();
  await form.getByRole("alert").filter({ hasText: "Hãy nhập địa danh." }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("thidua:settings")), null, "nothing saved");
  await form.getByLabel("Ký hiệu văn bản").fill("/BC-LĐLĐ");
  await form.getByLabel("Cơ quan ban hành").fill("LĐLĐ huyện Ba Vì");
  await form.getByLabel("Địa danh").fill("Ba Vì");
  await form.getByLabel("Nơi nhận (mỗi dòng một nơi)").fill("- Như trên;\n\nLĐLĐ thành phố Hà Nội;\nLưu: VT.");
  await form.getByRole("button", { name: "Lưu cài đặt báo cáo" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu cài đặt báo cáo." }).waitFor();
  await page.reload();
  assert.equal(await form.getByLabel("Cơ quan ban hành").inputValue(), "LĐLĐ huyện Ba Vì");
  assert.equal(await form.getByLabel("Nơi nhận (mỗi dòng một nơi)").inputValue(), "- Như trên;\nLĐLĐ thành phố Hà Nội;\nLưu: VT.");
  await context.close();
});

test("the sample cluster's results report lists its six units in rank order, and says DỰ THẢO while a card is not final", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("link", { name: "In báo cáo kết quả chấm điểm, xếp loại" }).click();
  const paper = await assertOfficial(page, {
    title: "BÁO CÁO",
    summary: "Kết quả chấm điểm, xếp loại thi đua năm 2023 của Cụm thi đua số 4",
  });
  const table = paper.getByRole("table", { name: "Kết quả xếp hạng Cụm thi đua số 4 năm 2023" });
  const names = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.cells[1].textContent));
  assert.deepEqual(names, ["LĐLĐ huyện Đan Phượng", "LĐLĐ huyện Thạch Thất", "LĐLĐ huyện Phúc Thọ", "LĐLĐ huyện Hoài Đức", "LĐLĐ huyện Ba Vì", "LĐLĐ huyện Quốc Oai"]);
  assert.equal(await paper.getByText("DỰ THẢO").count(), 0);
  await paper.getByText("Cờ thi đua của LĐLĐ tỉnh/thành phố: LĐLĐ huyện Đan Phượng.").waitFor();

  // Reopen one card: the report becomes a draft naming it.
  await page.getByRole("button", { name: "Quay lại" }).click();
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Phiếu chấm" }).click();
  await page.getByLabel("Người mở lại").fill("Nguyễn Đức Nghĩa");
  await page.getByLabel("Lý do mở lại").fill("Sửa điểm khối I");
  await page.getByRole("button", { name: "Mở lại phiếu" }).click();
  await page.getByText(/Nguyễn Đức Nghĩa: Sửa điểm khối I/).waitFor();
  const unit = await page.getByLabel("Đơn vị", { exact: true }).evaluate((s) => s.selectedOptions[0].textContent.trim());
  await page.getByRole("link", { name: "In bảng chấm điểm" }).click();
  await assertOfficial(page, { title: "BẢNG CHẤM ĐIỂM THI ĐUA", summary: `Năm 2023 – ${unit} – Cụm thi đua số 4`, signer: null, recipients: false });
  await page.getByRole("note").filter({ hasText: "DỰ THẢO – phiếu chấm đang ở bước" }).waitFor();
  const data = await storedData(page);
  const template = data.templates.find((t) => t.year === 2023);
  const rows = await page.getByRole("table").locator("tbody tr").count();
  assert.equal(rows, template.criteria.length + template.blocks.length, "every criterion, under its block");

  const cluster = data.clusters.find((c) => c.year === 2023);
  await page.goto(`${app.url}#/in/ket-qua/${cluster.meta.id}`);
  await page.getByRole("note").filter({ hasText: "DỰ THẢO" }).filter({ hasText: unit }).waitFor();
  await context.close();
});

test("dialogue minutes and the yearly dialogue report print as official documents", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  const data = await storedData(page);
  const dialogue = data.dialogues.find((d) => data.proposals.some((p) => p.dialogue_id === d.meta.id));
  await page.goto(`${app.url}#/doi-thoai/${dialogue.meta.id}`);
  await page.getByRole("link", { name: "In biên bản đối thoại" }).click();
  const minutes = await assertOfficial(page, { title: "BIÊN BẢN", summary: "Đối thoại", signer: dialogue.worker_chair.name || null, recipients: false });
  for (const side of ["ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG", "ĐẠI DIỆN TỔ CHỨC ĐẠI DIỆN NGƯỜI LAO ĐỘNG", "NGƯỜI GHI BIÊN BẢN"]) {
    await minutes.getByText(side, { exact: true }).waitFor();
  }
  const raised = data.proposals.filter((p) => p.dialogue_id === dialogue.meta.id).length;
  assert.equal(await minutes.getByRole("table", { name: "Các kiến nghị nêu tại đối thoại" }).locator("tbody tr").count(), raised);

  await page.goto(`${app.url}#/doi-thoai`);
  await page.getByLabel("Năm tổng hợp").selectOption("2024");
  await page.getByRole("link", { name: "In báo cáo đối thoại năm" }).click();
  const report = await assertOfficial(page, { title: "BÁO CÁO", summary: "Kết quả tổ chức đối thoại tại nơi làm việc năm 2024 của các đơn vị" });
  await report.getByRole("table", { name: "Kiến nghị năm 2024 theo trạng thái" }).waitFor();
  await report.getByText("III. ĐƠN VỊ CHƯA TỔ CHỨC ĐỐI THOẠI ĐỊNH KỲ").waitFor();

  // A report of something that is not there says so.
  await page.goto(`${app.url}#/in/bien-ban/khong-co`);
  await page.getByRole("alert").filter({ hasText: "Không tìm thấy cuộc đối thoại này" }).waitFor();
  await context.close();
});

test("a programme's annual review and a period report print as official reports", async () => {
  const context = await app.browser.newContext();
  const page = await withSample(context);
  const data = await storedData(page);
  const thanhOai = data.units.find((u) => u.name.includes("Thanh Oai"));
  const programme = data.programmes.find((p) => p.unit_id === thanhOai.meta.id);
  await page.goto(`${app.url}#/phoi-hop/${programme.meta.id}`);
  await page.getByRole("link", { name: "In báo cáo sơ kết năm 2016" }).click();
  const review = await assertOfficial(page, { title: "BÁO CÁO", summary: `Sơ kết năm 2016 thực hiện Chương trình phối hợp số ${programme.number}` });
  assert.equal(
    await review.getByRole("table", { name: "Kết quả các nội dung phối hợp năm 2016" }).locator("tbody tr").count(),
    programme.areas.length,
  );

  await page.goto(`${app.url}#/phoi-hop/bao-cao/don-vi/${thanhOai.meta.id}/2016/2020`);
  await page.getByRole("link", { name: "In báo cáo số liệu giai đoạn" }).click();
  const period = await assertOfficial(page, { title: "BÁO CÁO", summary: "Số liệu giai đoạn 2016–2020 của Liên đoàn Lao động huyện Thanh Oai" });
  // The seed's five-year total of grassroots initiatives.
  const initiatives = period.getByRole("row").filter({ hasText: "Sáng kiến" }).first();
  assert.match(await initiatives.innerText(), /4\.561/);
  await context.close();
});
