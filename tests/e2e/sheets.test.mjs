// Spreadsheets in: 200 grassroots unions from an .xlsx made by another program (LibreOffice
// converting the committed CSV), with one bad row named by row and column and nothing changed
// until it is fixed; then the preview, the import and its undo, as for a JSON file. And the
// blank template ("Tải mẫu Excel"), read back by LibreOffice.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startApp, openApp, storedData, storedText, pick, ROOT } from "./helpers.mjs";
import { auditOffice } from "./office-judge.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const work = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-sheets-"));
const CSV = path.join(ROOT, "tests/fixtures/sheets/don-vi-200.csv");

/** LibreOffice (headless) converts `file` with `to`; gives the converted file's path. */
function soffice(file, to, extension, infilter) {
  const out = path.join(work, "out");
  const args = [`-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`, "--headless"];
  if (infilter) args.push(`--infilter=${infilter}`);
  execFileSync("soffice", [...args, "--convert-to", to, "--outdir", out, file], { stdio: "pipe", timeout: 180_000 });
  const converted = path.join(out, path.basename(file).replace(/\.[a-z]+$/, `.${extension}`));
  assert.ok(fs.existsSync(converted), `LibreOffice made ${path.basename(converted)}`);
  return converted;
}

/** The CSV as an .xlsx made by LibreOffice: comma, UTF-8, column E read as dd/mm/yyyy dates. */
function xlsxOf(csvText, name) {
  const csv = path.join(work, `${name}.csv`);
  fs.writeFileSync(csv, csvText);
  return soffice(csv, "xlsx", "xlsx", "CSV:44,34,76,1,5/4");
}

test("200 units from an Excel file: a bad row is named by row and column, the fixed file imports and undoes", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  const section = page.getByRole("region", { name: "Nhập từ bảng tính (Excel, CSV)" });
  await pick(section, "Đơn vị cấp trên", "LĐLĐ huyện Ba Vì");
  const before = await storedText(page);
  const csv = fs.readFileSync(CSV, "utf8");

  await section.getByLabel("Chọn bảng tính (.xlsx, .csv)").setInputFiles(xlsxOf(csv, "don-vi-ba-vi"));
  const alert = section.getByRole("alert");
  await alert.filter({ hasText: "Chưa nhập: 1 dòng cần sửa trong bảng tính. Dữ liệu không thay đổi." }).waitFor();
  assert.match(await alert.innerText(), /Dòng 58, cột D \(Loại\): không rõ loại "trường học"/);
  assert.equal(await page.getByRole("button", { name: "Xác nhận nhập" }).count(), 0, "no preview");
  assert.equal(await storedText(page), before, "nothing changed");

  // Fixed in the spreadsheet, the file imports: a preview first, 200 new units.
  await section.getByLabel("Chọn bảng tính (.xlsx, .csv)").setInputFiles(xlsxOf(csv.replace("trường học", "CĐCS"), "don-vi-ba-vi-da-sua"));
  const preview = page.getByRole("table", { name: "Số bản ghi sẽ nhập" });
  await preview.waitFor();
  assert.match(await preview.getByRole("row").filter({ hasText: "Đơn vị" }).innerText(), /200\s+0\s+0\s+0/);
  assert.equal(await storedText(page), before, "nothing changed before the confirmation");
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: "200 bản ghi mới" }).waitFor();
  const data = await storedData(page);
  const baVi = data.units.find((u) => u.name === "LĐLĐ huyện Ba Vì");
  const added = data.units.filter((u) => u.parent_id === baVi.meta.id && u.name.startsWith("CĐCS"));
  assert.equal(added.length, 200);
  const first = added.find((u) => u.name === "CĐCS Công ty Cổ phần Gạch Ba Trại 1");
  assert.deepEqual([first.kind, first.active_from], ["grassroots", "2001-02-02"], "kind and a date cell read as such");

  // The same sheet again: every unit matched by name, nothing new.
  await section.getByLabel("Chọn bảng tính (.xlsx, .csv)").setInputFiles(path.join(work, "out", "don-vi-ba-vi-da-sua.xlsx"));
  await page.getByRole("status").filter({ hasText: "không có gì mới" }).waitFor();

  await page.getByRole("button", { name: "Hoàn tác lần nhập gần nhất" }).click();
  await page.getByRole("status").filter({ hasText: "Đã hoàn tác" }).waitFor();
  assert.equal(await storedText(page), before, "undo puts back the data as it was");
  await context.close();
});

test("a sheet with headers the app does not know asks which column is which", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  const section = page.getByRole("region", { name: "Nhập từ bảng tính (Excel, CSV)" });

  // The template, read by LibreOffice: the form's headers.
  const waiting = page.waitForEvent("download");
  await section.getByRole("button", { name: "Tải mẫu Excel" }).click();
  const download = await waiting;
  const template = path.join(work, download.suggestedFilename());
  await download.saveAs(template);
  auditOffice(template);
  const header = fs.readFileSync(soffice(template, "csv:Text - txt - csv (StarCalc):44,34,76", "csv"), "utf8");
  assert.match(header, /Tên đơn vị,Tên viết tắt,Loại,Cấp trên,Hoạt động từ,Đến/);

  // A CSV in UTF-8 with a column named otherwise.
  const csv = path.join(work, "cdcs-moi.csv");
  fs.writeFileSync(csv, "Tên công đoàn cơ sở mới,Mã số thuế\nCĐCS Công ty Giày Phúc Yên,0100101\n");
  await section.getByLabel("Chọn bảng tính (.xlsx, .csv)").setInputFiles(csv);
  const mapping = section.getByRole("form", { name: "Ghép cột bảng tính" });
  await mapping.getByRole("note").filter({ hasText: 'Chưa có cột "Tên đơn vị".' }).waitFor();
  await mapping.getByLabel("Cột A (Tên công đoàn cơ sở mới)").selectOption({ label: "Tên đơn vị" });
  await mapping.getByLabel("Cột B (Mã số thuế)").selectOption({ label: "Bỏ qua cột này" });
  await mapping.getByRole("button", { name: "Kiểm tra bảng tính" }).click();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: "1 bản ghi mới" }).waitFor();
  assert.ok((await storedData(page)).units.some((u) => u.name === "CĐCS Công ty Giày Phúc Yên"));
  await context.close();
});
