// Word and Excel files of the reports, judged by a real office program: each report's
// "Tải Word (.docx)" and the results report's "Tải Excel (.xlsx)" are downloaded, LibreOffice
// (headless) turns the Word files into text and the Excel file into CSV, and the test finds the
// report's names and numbers there, numbers as numbers. The files are made by the office worker,
// a second wasm module; the single-file edition carries it inside and starts it from file://.
// Every file is also judged as Word and Excel would read it (openxml-audit, Office 2019 schemas)
// and every Word file as a reader sees its pages (LibreOffice → PDF → pdftotext -layout): the
// header lines whole, each table row's name and numbers on one line, author and date set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startApp, openApp, storedData, recordCspViolations, ROOT, withSampleAndReportSettings } from "./helpers.mjs";
import { auditOffice, docxTexts, assertLinesWhole, assertRowsWhole, assertMadeBy, packagePart } from "./office-judge.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const work = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-office-"));

/** LibreOffice converts `files` into `to` (e.g. "txt:Text") in one run; gives the outputs' text. */
function convert(files, to, extension) {
  const out = path.join(work, `out-${extension}`);
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`, "--headless", "--convert-to", to, "--outdir", out, ...files],
    { stdio: "pipe", timeout: 180_000 },
  );
  return files.map((f) => {
    const converted = path.join(out, path.basename(f).replace(/\.[a-z]+$/, `.${extension}`));
    assert.ok(fs.existsSync(converted), `LibreOffice read ${path.basename(f)}`);
    return fs.readFileSync(converted, "utf8");
  });
}

const withSample = (context) => withSampleAndReportSettings(context, app.url);

/** Clicks a download button (of the print view's bar, or of `bar`) and keeps the file, which
 * must pass the OOXML validator. */
async function download(page, button, bar = page.getByRole("toolbar", { name: "Báo cáo" })) {
  const waiting = page.waitForEvent("download");
  await bar.getByRole("button", { name: button }).click();
  const file = await waiting;
  const saved = path.join(work, file.suggestedFilename());
  await file.saveAs(saved);
  await bar.getByRole("status").filter({ hasText: "Đã tạo tệp" }).waitFor();
  auditOffice(saved);
  return saved;
}

/** The print view's tables as rows a reader must find whole in the Word file: each row's
 * first text (when short: a unit, a code, an indicator) and its numbers. */
async function rowsToFind(page) {
  return page.locator("table.doc-table tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.cells].map((c) => c.textContent.trim());
      const number = (t) => /^\d[\d.,]*%?$/.test(t);
      const name = cells.findIndex((t) => t !== "" && !number(t));
      return cells.filter((t, i) => number(t) || (i === name && t.length <= 40));
    }),
  );
}

/** The header lines every report of the sample's settings carries, each whole on its line. */
const HEADER_LINES = ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

test("every report downloads as a Word file that LibreOffice reads with its header, names and signer", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await withSample(context);
  const data = await storedData(page);
  const cluster = data.clusters.find((c) => c.year === 2023);
  const dialogue = data.dialogues.find((d) => data.proposals.some((p) => p.dialogue_id === d.meta.id));
  const thanhOai = data.units.find((u) => u.name.includes("Thanh Oai"));
  const programme = data.programmes.find((p) => p.unit_id === thanhOai.meta.id);
  const reports = [
    [`ket-qua/${cluster.meta.id}`, ["Kết quả chấm điểm, xếp loại thi đua năm 2023 của Cụm thi đua số 4", "LĐLĐ huyện Đan Phượng", "LĐLĐ huyện Quốc Oai"]],
    [`phieu-cham/${cluster.meta.id}/${cluster.member_ids[0]}`, ["BẢNG CHẤM ĐIỂM THI ĐUA", "Cụm thi đua số 4"]],
    [`bien-ban/${dialogue.meta.id}`, ["BIÊN BẢN", "ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG", "NGƯỜI GHI BIÊN BẢN"]],
    ["doi-thoai-nam/2024", ["Kết quả tổ chức đối thoại tại nơi làm việc năm 2024 của các đơn vị", "ĐƠN VỊ CHƯA TỔ CHỨC ĐỐI THOẠI ĐỊNH KỲ"]],
    [`so-ket/${programme.meta.id}/2016`, [`Sơ kết năm 2016 thực hiện Chương trình phối hợp số ${programme.number}`]],
    [`giai-doan/2016/2020/u:${thanhOai.meta.id}`, ["Số liệu giai đoạn 2016–2020 của Liên đoàn Lao động huyện Thanh Oai", "4.561"]],
  ];
  const files = [];
  const rows = [];
  const started = new Date();
  for (const [route] of reports) {
    await page.goto(`${app.url}#/in/${route}`);
    await page.getByRole("article").waitFor();
    rows.push(await rowsToFind(page));
    files.push(await download(page, "Tải Word (.docx)"));
  }
  assert.match(path.basename(files[0]), /^thidua_.*_\d{4}-\d{2}-\d{2}\.docx$/);
  const texts = convert(files, "txt:Text", "txt");
  reports.forEach(([route, expected], i) => {
    const text = texts[i];
    for (const line of ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ...expected]) {
      assert.ok(text.includes(line), `${route}: the Word file says "${line}"`);
    }
    assert.match(text, /Hà Nội, ngày \d{1,2} tháng \d{1,2} năm \d{4}/, route);
  });
  // As a reader sees the pages: the header lines whole, every row's name and numbers on one
  // line; and the file says who made it and when.
  const pages = docxTexts(files);
  reports.forEach(([route], i) => {
    const place = pages[i].match(/Hà Nội, ngày \d{1,2} tháng \d{1,2} năm \d{4}/)?.[0];
    assertLinesWhole(pages[i], [...HEADER_LINES, place ?? "Hà Nội, ngày"], route);
    assert.ok(rows[i].length > 0, `${route}: the print view has table rows`);
    assertRowsWhole(pages[i], rows[i], route);
    assertMadeBy(files[i], { author: "Liên đoàn Lao động thành phố Hà Nội", since: started });
  });
  assertRowsWhole(pages[0], [["1", "LĐLĐ huyện Đan Phượng"], ["6", "LĐLĐ huyện Quốc Oai"]], "the results' first and last unit");
  assert.ok(texts[0].includes("Nguyễn Phi Thường") && texts[0].includes("Nơi nhận:"), "the results report is signed and addressed");
  // The ranking reads in order in Word too.
  const results = texts[0].slice(texts[0].indexOf("I. KẾT QUẢ CHẤM ĐIỂM"));
  const ranked = ["Đan Phượng", "Thạch Thất", "Phúc Thọ", "Hoài Đức", "Ba Vì", "Quốc Oai"].map((n) => results.indexOf(`\nLĐLĐ huyện ${n}\n`));
  assert.ok(ranked.every((i) => i > 0), "every unit is a row of the results table");
  assert.deepEqual([...ranked].sort((a, b) => a - b), ranked, "six units in rank order");
  // LibreOffice takes each table's header row as one to repeat on every page, as Word does.
  const [flat] = convert([files[0]], "fodt", "fodt");
  const headed = flat.match(/<table:table-header-rows>[\s\S]*?<\/table:table-header-rows>/g) ?? [];
  assert.ok(headed.some((rows) => rows.includes("Đơn vị")), "the results table repeats its header row");
  await context.close();
});

test("the results report downloads as an Excel file whose scores LibreOffice reads as numbers", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await withSample(context);
  const data = await storedData(page);
  const cluster = data.clusters.find((c) => c.year === 2023);
  await page.goto(`${app.url}#/in/ket-qua/${cluster.meta.id}`);
  const table = page.getByRole("table", { name: "Kết quả xếp hạng Cụm thi đua số 4 năm 2023" });
  const firstRow = await table.locator("tbody tr").first().evaluate((r) => [...r.cells].map((c) => c.textContent));
  const file = await download(page, "Tải Excel (.xlsx)");
  assert.match(path.basename(file), /\.xlsx$/);
  // It prints as it is: A4, landscape (wider than portrait), one page wide, the header row on
  // every page, the title as the print header.
  const sheetXml = packagePart(file, "xl/worksheets/sheet1.xml");
  const setup = sheetXml.match(/<pageSetup [^>]*>/)?.[0] ?? "";
  for (const attribute of ['paperSize="9"', 'orientation="landscape"', 'fitToHeight="0"']) {
    assert.ok(setup.includes(attribute), `${attribute} in ${setup}`);
  }
  assert.match(sheetXml, /<pageSetUpPr fitToPage="1"\/>/);
  assert.match(sheetXml, /<oddHeader>&amp;CKết quả chấm điểm/);
  assert.match(packagePart(file, "xl/workbook.xml"), /<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*!\$3:\$3<\/definedName>/);
  // Quote every text cell: what stays unquoted is a number cell.
  const [csv] = convert([file], "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true", "csv");
  const lines = csv.split(/\r?\n/);
  // The title row: the content and the date (the sample leaves the office unnamed).
  assert.match(lines[0], /^"Kết quả chấm điểm, xếp loại thi đua năm 2023 của Cụm thi đua số 4 – ngày \d{2}\/\d{2}\/\d{4}"/);
  const header = lines.findIndex((l) => l.includes('"Đơn vị"'));
  assert.ok(header > 0, "a header row of Vietnamese titles");
  const titles = lines[header].split(",").map((t) => t.replace(/^"|"$/g, ""));
  const row = lines[header + 1].split(",");
  const at = (title) => {
    const i = titles.indexOf(title);
    assert.ok(i >= 0, `the sheet has a column "${title}" (has ${titles.join(" | ")})`);
    return row[i];
  };
  assert.equal(at("Hạng"), "1", "the rank is a number");
  assert.equal(at("Đơn vị"), `"${firstRow[1]}"`, "the first unit by name");
  // Every number the report shows (vi-VN "97,5") is a plain number in its column (97.5).
  const shownTitles = await table.locator("thead th").allTextContents();
  firstRow.forEach((shown, i) => {
    if (/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(shown)) {
      assert.equal(Number(at(shownTitles[i].trim())), Number(shown.replace(/\./g, "").replace(",", ".")), `${shownTitles[i]} is the number ${shown}`);
    }
  });
  // Beyond the printed table: each block's points, bonus and penalty add up to the total,
  // and the card's status and the award proposed are there.
  const parts = ["Khối I", "Khối II", "Khối III", "Điểm thưởng"].map((t) => Number(at(t)));
  assert.ok(parts.every((n) => Number.isFinite(n)), `block points are numbers: ${parts}`);
  assert.ok(Math.abs(parts.reduce((a, b) => a + b, 0) - Number(at("Điểm trừ")) - Number(at("Cụm chấm"))) < 0.01, "blocks + bonus − penalty = total");
  assert.equal(at("Phiếu"), '"Chốt"');
  const awardColumn = titles.indexOf("Đề nghị khen thưởng");
  const awards = lines.slice(header + 1, header + 7).map((l) => l.split(",")[awardColumn]);
  assert.ok(awards.some((a) => /Cờ thi đua|Bằng khen/.test(a)), `the awards proposed are in the sheet: ${awards}`);
  await context.close();
});

test("single file: the office module rides inside and makes a Word file from file://", async () => {
  const single = path.join(ROOT, "dist-single/thidua.html");
  const copy = path.join(work, "thidua.html");
  fs.copyFileSync(single, copy);
  const context = await app.browser.newContext({ acceptDownloads: true });
  await recordCspViolations(context);
  const page = await openApp(context, pathToFileURL(copy).href, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  const data = await storedData(page);
  const cluster = data.clusters.find((c) => c.year === 2023);
  await page.goto(`${pathToFileURL(copy).href}#/in/ket-qua/${cluster.meta.id}`);
  await page.getByRole("article").waitFor();
  const file = await download(page, "Tải Word (.docx)");
  const [text] = convert([file], "txt:Text", "txt");
  assert.ok(text.includes("LĐLĐ huyện Đan Phượng"), "the report's first unit");
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], "no CSP violation");
  await context.close();
});

/** CSV lines with every text cell quoted: an unquoted cell is a number or a date. */
function csvOf(file) {
  const [csv] = convert([file], "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true", "csv");
  return csv.split(/\r?\n/).filter((l) => l !== "");
}

test("lists go to Excel with the rows their filters chose, numbers and dates as such", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await withSample(context);
  const data = await storedData(page);

  // Proposals, filtered by status: every chosen row, not only the page shown.
  await page.goto(`${app.url}#/doi-thoai`);
  const proposals = page.getByRole("region", { name: "Kiến nghị", exact: true });
  await proposals.getByRole("search", { name: "Lọc kiến nghị" }).getByLabel("Trạng thái").selectOption({ label: "Đã giải quyết" });
  const resolved = data.proposals.filter((p) => p.status === "resolved").length;
  await proposals.getByText(new RegExp(`/${resolved} kiến nghị`)).waitFor();
  const lines = csvOf(await download(page, "Tải Excel (.xlsx)", proposals));
  assert.match(lines[0], /^"Danh sách kiến nghị – ngày \d{2}\/\d{2}\/\d{4}"/);
  const header = lines.findIndex((l) => l.startsWith('"STT"'));
  const rows = lines.slice(header + 1);
  assert.equal(rows.length, resolved, "one row per resolved proposal");
  assert.ok(rows.every((r) => r.includes('"Đã giải quyết"')));
  // The dialogue's day is a date cell (unquoted), shown dd/mm/yyyy.
  assert.ok(rows.every((r) => /,\d{2}\/\d{2}\/\d{4},/.test(r)), rows[0]);

  // Units: every unit, in the list's order.
  await page.goto(`${app.url}#/don-vi`);
  const units = csvOf(await download(page, "Tải Excel (.xlsx)", page.locator(".excel-download")));
  const live = data.units.filter((u) => !u.archived).length;
  assert.equal(units.length - units.findIndex((l) => l.startsWith('"STT"')) - 1, live);

  // A cluster-year's yearly figures: the seed's 192,7% is the number 192.7.
  const cluster = data.clusters.find((c) => c.year === 2023);
  await page.goto(`${app.url}#/cham-diem`);
  await page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name: "Chỉ tiêu" }).click();
  await page.getByRole("table", { name: "Tỷ lệ đạt chỉ tiêu của các đơn vị" }).getByRole("cell", { name: "192,7%" }).waitFor();
  const figures = csvOf(await download(page, "Tải Excel (.xlsx)", page.locator(".excel-download")));
  assert.ok(figures[0].includes(`Chỉ tiêu năm 2023 của ${cluster.name}`), figures[0]);
  assert.ok(figures.some((l) => /,192\.7(,|$)/.test(l)), "the rate as a number");
  await context.close();
});

test("a page offers its report's Word and Excel files beside the print link", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await withSample(context);
  await page.getByRole("link", { name: "Xem kết quả xếp hạng của cụm mẫu" }).click();
  const ways = page.getByRole("group", { name: "Báo cáo: In báo cáo kết quả chấm điểm, xếp loại" });
  const word = await download(page, "Tải Word (.docx)", ways);
  const [text] = convert([word], "txt:Text", "txt");
  assert.ok(text.includes("Kết quả chấm điểm, xếp loại thi đua năm 2023 của Cụm thi đua số 4"), "the report's summary line");
  assert.ok(text.includes("Nguyễn Phi Thường"), "signed as the settings say");
  const excel = csvOf(await download(page, "Tải Excel (.xlsx)", ways));
  assert.ok(excel.some((l) => l.startsWith('1,"LĐLĐ huyện Đan Phượng"')), "the first unit ranked 1, a number");
  await context.close();
});

test("a list's Excel file holds every row its filters chose, not only the page shown", async () => {
  const { appData, unit, dialogue, proposal, openWith } = await import("./dialogue-data.mjs");
  const proposals = Array.from({ length: 230 }, (_, i) =>
    proposal(`p${i + 1}`, "d1", `Kiến nghị số ${i + 1} về nhà ở công nhân`, "housing"),
  );
  const data = appData({ units: [unit("u1", "LĐLĐ huyện Ba Vì")], dialogues: [dialogue("d1", "u1", "2024-05-14")], proposals });
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openWith(context, app.url, data, "#/doi-thoai");
  const list = page.getByRole("region", { name: "Kiến nghị", exact: true });
  await list.getByText("Hiển thị 200/230 kiến nghị").waitFor();
  const lines = csvOf(await download(page, "Tải Excel (.xlsx)", list));
  const header = lines.findIndex((l) => l.startsWith('"STT"'));
  assert.equal(lines.length - header - 1, 230, "all 230 proposals, though 200 are drawn");
  await context.close();
});
