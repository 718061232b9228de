// The year-end papers the cluster head sends up (issue 23 §2): the review meeting's minutes and
// the award proposal of the sample cluster (closed, with its meeting and vote tally), on screen
// and in the downloaded Word and Excel files; and the meeting's details and the vote tally
// entered through their forms on "Kết quả", a bad entry refused with its reason.
//
// The downloaded files are kept in PAPERS_DIR (minutes.docx, proposal.docx, proposal.xlsx) so
// that other checks (the OOXML validator, LibreOffice and pdftotext) can read them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startApp, storedData, storedText, withSampleAndReportSettings } from "./helpers.mjs";
import { auditOffice, docxTexts, assertLinesWhole, assertRowsWhole, assertMadeBy } from "./office-judge.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

export const PAPERS_DIR = path.join(os.tmpdir(), "thidua-papers");
fs.mkdirSync(PAPERS_DIR, { recursive: true });

/** The text of an Office file's XML part, tags removed (runs joined), no-break spaces as spaces. */
function partText(file, part) {
  const xml = execFileSync("unzip", ["-p", file, part], { encoding: "utf8" });
  return xml
    .replace(/\u00a0/g, " ")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** Clicks a download button of the print view's bar and keeps the file as `name`. */
async function download(page, button, name) {
  const bar = page.getByRole("toolbar", { name: "Báo cáo" });
  const waiting = page.waitForEvent("download");
  await bar.getByRole("button", { name: button }).click();
  const file = await waiting;
  const saved = path.join(PAPERS_DIR, name);
  await file.saveAs(saved);
  await bar.getByRole("status").filter({ hasText: "Đã tạo tệp" }).waitFor();
  return saved;
}

async function openResults(page) {
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  await page.getByRole("table", { name: "Kết quả xếp hạng" }).waitFor();
}

const papers = (page) => page.getByRole("region", { name: "Hồ sơ gửi cấp trên" });

test("the sample cluster's review minutes and award proposal, on screen and in Word and Excel", async () => {
  const started = new Date();
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await withSampleAndReportSettings(context, app.url);
  await openResults(page);

  // The minutes: meeting, units present with their representatives, scores, votes, awards, election.
  await papers(page).getByRole("link", { name: "In biên bản họp bình xét" }).click();
  const minutes = page.getByRole("article");
  await minutes.waitFor();
  const text = await minutes.innerText();
  for (const line of [
    "BIÊN BẢN",
    "Họp bình xét thi đua năm 2023 của Cụm thi đua số 4",
    "Hà Nội, ngày 22 tháng 12 năm 2023",
    "Hôm nay, vào hồi 08 giờ 00, ngày 22 tháng 12 năm 2023, tại Hội trường LĐLĐ huyện Ba Vì",
    "- Thư ký: Đ/c Vũ Thị Thu – Văn phòng LĐLĐ huyện Ba Vì.",
    "- Đơn vị dự họp: 6/6 đơn vị thành viên.",
    "Hội nghị bỏ phiếu kín; đơn vị được đề nghị khen thưởng khi đạt quá bán (trên 50%) số phiếu bầu.",
    "1. Cờ thi đua của LĐLĐ tỉnh/thành phố: LĐLĐ huyện Đan Phượng – 6/6 phiếu (100%).",
    "2. Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố: LĐLĐ huyện Thạch Thất – 5/6 phiếu (83,3%); LĐLĐ huyện Phúc Thọ – 4/6 phiếu (66,7%).",
    "Hội nghị thống nhất bầu LĐLĐ huyện Quốc Oai làm Cụm trưởng, LĐLĐ huyện Phúc Thọ làm Cụm phó năm 2024.",
    "THƯ KÝ",
    "CHỦ TRÌ",
    "Nguyễn Văn Hùng",
  ]) {
    assert.ok(text.includes(line), `the minutes say "${line}"`);
  }
  assert.ok(!text.includes("Nơi nhận"), "minutes are kept, not sent as addressed");
  const present = minutes.getByRole("table", { name: "Đơn vị dự họp" });
  assert.equal(await present.locator("tbody tr").count(), 6);
  await present.getByRole("cell", { name: "Đ/c Lê Thị Hoa – Phó Chủ tịch" }).waitFor();
  const ranked = await minutes
    .getByRole("table", { name: "Kết quả chấm điểm, xếp loại Cụm thi đua số 4 năm 2023" })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.cells[1].textContent));
  assert.deepEqual(ranked, ["LĐLĐ huyện Đan Phượng", "LĐLĐ huyện Thạch Thất", "LĐLĐ huyện Phúc Thọ", "LĐLĐ huyện Hoài Đức", "LĐLĐ huyện Ba Vì", "LĐLĐ huyện Quốc Oai"]);
  const votes = await minutes
    .getByRole("table", { name: "Kết quả bỏ phiếu suy tôn" })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.replace(/\u00a0/g, " "))));
  assert.deepEqual(votes, [
    ["LĐLĐ huyện Đan Phượng", "Cờ thi đua của LĐLĐ tỉnh/thành phố", "6/6 phiếu (100%)", "Đạt, đề nghị"],
    ["LĐLĐ huyện Thạch Thất", "Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố", "5/6 phiếu (83,3%)", "Đạt, đề nghị"],
    ["LĐLĐ huyện Phúc Thọ", "Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố", "4/6 phiếu (66,7%)", "Đạt, đề nghị"],
  ]);
  const word = partText(await download(page, "Tải Word (.docx)", "minutes.docx"), "word/document.xml");
  for (const line of ["BIÊN BẢN", "Hội trường LĐLĐ huyện Ba Vì", "Đ/c Lê Thị Hoa – Phó Chủ tịch", "6/6 phiếu (100%)", "4/6 phiếu (66,7%)", "làm Cụm phó năm 2024", "Vũ Thị Thu"]) {
    assert.ok(word.includes(line), `the minutes' Word file says "${line}"`);
  }

  // The proposal: addressed to the federation, grounds, units per award form with their figures.
  await page.getByRole("button", { name: "Quay lại" }).click();
  await papers(page).getByRole("link", { name: "In tờ trình đề nghị khen thưởng" }).click();
  const proposal = page.getByRole("article");
  await proposal.getByRole("heading", { name: "TỜ TRÌNH" }).waitFor();
  const said = await proposal.innerText();
  for (const line of [
    "Kính gửi: Ban Thường vụ Tổng Liên đoàn Lao động Việt Nam",
    "Căn cứ Biên bản họp bình xét thi đua năm 2023 của Cụm thi đua số 4 ngày 22/12/2023,",
    "1. Cờ thi đua của LĐLĐ tỉnh/thành phố (1 tập thể)",
    "2. Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố (2 tập thể)",
  ]) {
    assert.ok(said.includes(line), `the proposal says "${line}"`);
  }
  assert.match(said, /Số:\s+\/TTr-LĐLĐ/);
  assert.match(said, /Nơi nhận:\s*- Như trên;\s*- Lưu: VT\./);
  const flag = await proposal
    .getByRole("table", { name: "Đề nghị Cờ thi đua của LĐLĐ tỉnh/thành phố" })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.replace(/\u00a0/g, " "))));
  assert.equal(flag.length, 1);
  assert.deepEqual(flag[0].slice(1, 5), ["LĐLĐ huyện Đan Phượng", flag[0][2], "HTXSNV", "6/6 phiếu (100%)"]);
  assert.match(flag[0][2], /^\d+(,\d)?$/, "the total in vi-VN");
  assert.match(flag[0][5], /^Kết nạp 1\.927\/1\.000 đoàn viên \(192,7% chỉ tiêu\); thành lập 17\/8 CĐCS \(212,5% chỉ tiêu\)/);
  const merit = proposal.getByRole("table", { name: "Đề nghị Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố" });
  assert.deepEqual(await merit.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.cells[1].textContent.replace(/\u00a0/g, " "))), ["LĐLĐ huyện Thạch Thất", "LĐLĐ huyện Phúc Thọ"]);
  const docx = partText(await download(page, "Tải Word (.docx)", "proposal.docx"), "word/document.xml");
  for (const line of ["TỜ TRÌNH", "Kính gửi: Ban Thường vụ Tổng Liên đoàn Lao động Việt Nam", "Kết nạp 1.927/1.000 đoàn viên (192,7% chỉ tiêu)", "5/6 phiếu (83,3%)", "Như trên;"]) {
    assert.ok(docx.includes(line), `the proposal's Word file says "${line}"`);
  }
  const xlsx = await download(page, "Tải Excel (.xlsx)", "proposal.xlsx");
  const strings = partText(xlsx, "xl/sharedStrings.xml");
  for (const line of ["LĐLĐ huyện Đan Phượng", "LĐLĐ huyện Phúc Thọ", "4/6 phiếu (66,7%)"]) {
    assert.ok(strings.includes(line), `the proposal's Excel file holds "${line}"`);
  }

  // As Word and LibreOffice read them: valid Office Open XML, header lines and rows whole.
  const files = ["minutes.docx", "proposal.docx", "proposal.xlsx"].map((f) => path.join(PAPERS_DIR, f));
  files.forEach(auditOffice);
  const [minutesPages, proposalPages] = docxTexts(files.slice(0, 2));
  for (const [pages, what] of [[minutesPages, "the minutes"], [proposalPages, "the proposal"]]) {
    assertLinesWhole(pages, ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], what);
  }
  assertRowsWhole(minutesPages, [["LĐLĐ huyện Đan Phượng", "6/6 phiếu (100%)"], ["LĐLĐ huyện Phúc Thọ", "4/6 phiếu (66,7%)"]], "the minutes' votes");
  assertRowsWhole(proposalPages, [["LĐLĐ huyện Đan Phượng", "HTXSNV", "6/6 phiếu (100%)"]], "the proposal's flag");
  for (const file of files.slice(0, 2)) assertMadeBy(file, { author: "Liên đoàn Lao động thành phố Hà Nội", since: started });
  await context.close();
});

test("the meeting's details and the vote tally are entered on Kết quả; bad entries are refused and change nothing", async () => {
  const context = await app.browser.newContext();
  const page = await withSampleAndReportSettings(context, app.url);
  page.on("dialog", (d) => d.accept());
  await openResults(page);
  const tally = page.getByRole("form", { name: "Bỏ phiếu suy tôn khen thưởng" });
  const merit = tally.getByRole("group", { name: "Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố" });
  assert.equal(await merit.getByLabel("Phiếu bầu – LĐLĐ huyện Phúc Thọ").inputValue(), "6");

  // More votes for than cast: refused, named, nothing stored.
  const before = await storedText(page);
  await merit.getByLabel("Phiếu đồng ý – LĐLĐ huyện Phúc Thọ").fill("7");
  await tally.getByRole("button", { name: "Ghi phiếu bầu suy tôn" }).click();
  await tally.getByRole("alert").filter({
    hasText: "Kết quả bỏ phiếu Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố – LĐLĐ huyện Phúc Thọ: số phiếu đồng ý không được lớn hơn số phiếu bầu.",
  }).waitFor();
  await merit.getByLabel("Phiếu đồng ý – LĐLĐ huyện Phúc Thọ").fill("ba");
  await tally.getByRole("button", { name: "Ghi phiếu bầu suy tôn" }).click();
  await tally.getByRole("alert").filter({ hasText: "hãy nhập số nguyên" }).waitFor();
  assert.equal(await storedText(page), before, "a refused tally changes nothing");

  // Exactly half is not more than half: Phúc Thọ is no longer proposed, and the table says why.
  await merit.getByLabel("Phiếu đồng ý – LĐLĐ huyện Phúc Thọ").fill("3");
  await tally.getByRole("button", { name: "Ghi phiếu bầu suy tôn" }).click();
  await tally.getByRole("status").filter({ hasText: "Đã ghi phiếu bầu suy tôn" }).waitFor();
  const row = page.getByRole("table", { name: "Kết quả xếp hạng" }).locator("tr", { hasText: "LĐLĐ huyện Phúc Thọ" });
  await row.getByText("Không đề nghị Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố: chưa đạt tỷ lệ phiếu: 3/6 phiếu (50%), cần quá bán (trên 50%) số phiếu bầu.").waitFor();
  const cluster = (await storedData(page)).clusters.find((c) => c.year === 2023);
  assert.deepEqual(cluster.tally.find((v) => v.votes_for === 3), { form_id: "bk-ldld", unit_id: cluster.member_ids[0], votes_for: 3, votes_cast: 6 });

  // The closing is stale: the papers wait, and say why, until the results are closed again.
  await papers(page).getByRole("note").filter({ hasText: "Kết quả của cụm chưa chốt, hoặc đã thay đổi sau khi chốt" }).waitFor();
  assert.equal(await papers(page).getByRole("link").count(), 0);
  await page.getByLabel("Người chốt kết quả").fill("Cụm trưởng Ba Vì");
  await page.getByRole("button", { name: "Chốt kết quả cụm" }).click();
  await page.getByRole("alertdialog", { name: "Xác nhận chốt kết quả cụm" }).getByRole("button", { name: "Chốt kết quả" }).click();
  await papers(page).getByRole("link", { name: "In biên bản họp bình xét" }).waitFor();

  // The meeting: a blank place and a deputy who is also the head are refused; then saved.
  const meeting = page.getByRole("form", { name: "Biên bản họp bình xét" });
  assert.equal(await meeting.getByLabel("Ngày họp").inputValue(), "22/12/2023");
  const stored = await storedText(page);
  await meeting.getByLabel("Địa điểm họp").fill(" ");
  await meeting.getByLabel("Cụm phó năm 2024").selectOption({ label: "LĐLĐ huyện Quốc Oai" });
  await meeting.getByRole("button", { name: "Ghi biên bản họp" }).click();
  await meeting.getByRole("alert").filter({ hasText: "Hãy nhập địa điểm họp." }).waitFor();
  await meeting.getByRole("alert").filter({ hasText: "Cụm phó năm sau phải khác Cụm trưởng năm sau." }).waitFor();
  // One unit fewer than the six votes cast: refused too.
  await meeting.getByLabel("Địa điểm họp").fill("Nhà văn hóa huyện Ba Vì");
  await meeting.getByLabel("Cụm phó năm 2024").selectOption({ label: "LĐLĐ huyện Hoài Đức" });
  await meeting.getByLabel("Dự họp – LĐLĐ huyện Quốc Oai").uncheck();
  await meeting.getByRole("button", { name: "Ghi biên bản họp" }).click();
  await meeting.getByRole("alert").filter({ hasText: "Số đơn vị dự họp (5) ít hơn số phiếu bầu đã ghi (6)" }).waitFor();
  assert.equal(await storedText(page), stored, "a refused meeting changes nothing");
  await meeting.getByLabel("Dự họp – LĐLĐ huyện Quốc Oai").check();
  await meeting.getByLabel("Đại diện – LĐLĐ huyện Quốc Oai").fill("Đ/c Đỗ Văn Nam – Phó Chủ tịch");
  await meeting.getByRole("button", { name: "Ghi biên bản họp" }).click();
  await meeting.getByRole("status").filter({ hasText: "Đã ghi biên bản họp bình xét." }).waitFor();

  // The minutes print what was entered.
  await papers(page).getByRole("link", { name: "In biên bản họp bình xét" }).click();
  const minutes = page.getByRole("article");
  await minutes.waitFor();
  const text = await minutes.innerText();
  for (const line of [
    "tại Nhà văn hóa huyện Ba Vì",
    "Đ/c Đỗ Văn Nam – Phó Chủ tịch",
    "LĐLĐ huyện Hoài Đức làm Cụm phó năm 2024",
    "Không đề nghị Bằng khen của Ban Chấp hành LĐLĐ tỉnh/thành phố cho LĐLĐ huyện Phúc Thọ: chưa đạt tỷ lệ phiếu: 3/6 phiếu (50%)",
  ]) {
    assert.ok(text.includes(line), `the minutes say "${line}"`);
  }
  await context.close();
});
