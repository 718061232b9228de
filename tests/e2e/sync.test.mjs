// Sharing data between offices on "Dữ liệu": bad files refused with a Vietnamese message and
// nothing changed; two offices exchanging files both ways; preview, conflicts, confirm and undo.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs, { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import zlib from "node:zlib";
import path from "node:path";
import { startApp, openApp, goTo, addUnit, storedText, nameOffice, importFile, exportAll, ROOT, DATA_KEY } from "./helpers.mjs";

const BAD = path.join(ROOT, "tests/fixtures/bad-files");

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** The stored collections, each sorted by id, without this installation's own state. */
async function collections(page) {
  const data = JSON.parse(await storedText(page));
  const out = {};
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) continue;
    out[key] = [...value].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  }
  return out;
}

const EXPECTED = {
  "not-json.json": "Tệp .json bị lỗi ở dòng 1, cột 1",
  "truncated.json": "Tệp bị cắt cụt",
  "other-app.json": "không phải tệp xuất dữ liệu của Thi đua",
  "newer-version.json": "phiên bản mới hơn của ứng dụng (phiên bản dữ liệu 99, máy này đọc được đến 1)",
  "wrong-type.json": 'Sai kiểu dữ liệu ở Đơn vị thứ 1 (mã "u1"), trường "name": cần một đoạn chữ',
  "missing-field.json": 'Thiếu trường bắt buộc ở Đơn vị thứ 1 (mã "u1"), trường "name"',
  "duplicate-id.json": 'có hai bản ghi Đơn vị cùng mã "u1"',
  "unknown-reference.json": 'Đơn vị mã "u1", trường "parent_id" trỏ tới Đơn vị mã "khong-co" không có',
  "out-of-range.json": 'ngoài phạm vi ở Cụm thi đua thứ 1 (mã "c1"), trường "year"',
  "impossible-date.json": 'Ngày không có thật hoặc không đọc được ("2025-02-30") ở Đơn vị thứ 1 (mã "u1"), trường "active_to"',
  "unit-invisible-name.json": 'Bản ghi không hợp lệ ở Đơn vị thứ 1 (mã "u1"), trường "name": Tên đơn vị là bắt buộc.',
  "unit-own-parent.json": 'Bản ghi không hợp lệ ở Đơn vị thứ 1 (mã "u1"), trường "parent_id": Đơn vị cấp trên không được là chính đơn vị này',
  "units-parent-loop.json": 'Bản ghi không hợp lệ ở Đơn vị thứ 1 (mã "u1"), trường "parent_id": Đơn vị cấp trên không được là chính đơn vị này',
  "unit-dates-reversed.json": 'Bản ghi không hợp lệ ở Đơn vị thứ 1 (mã "u1"), trường "active_to": Ngày kết thúc hoạt động phải sau ngày bắt đầu.',
  "cluster-duplicate-member.json": 'Bản ghi không hợp lệ ở Cụm thi đua thứ 1 (mã "c1"), trường "member_ids": LĐLĐ u1 được chọn hai lần.',
  "utf16.json": "Tệp được lưu theo bảng mã UTF-16",
  "too-deep.json": "Tệp có các danh sách lồng nhau quá 128 tầng",
  "number-too-large.json": "Tệp có một con số quá lớn",
  "not-a-number.json": "Tệp có giá trị NaN hoặc Infinity, không phải là số.",
  "half-character.json": "Tệp có một ký tự bị cắt mất một nửa",
  "version-zero.json": "Tệp ghi phiên bản dữ liệu 0: phiên bản này không tồn tại",
  "date-without-zeros.json": 'Ngày không có thật hoặc không đọc được ("2023-2-3") ở Đơn vị thứ 1 (mã "u1"), trường "active_from"',
  "date-year-10000.json": 'Ngày không có thật hoặc không đọc được ("+10000-01-01") ở Đơn vị thứ 1 (mã "u1"), trường "active_to"',
  "empty-file.json": "Tệp trống, không có dữ liệu nào",
  "bom-only.json": "Tệp trống, không có dữ liệu nào",
  "top-level-list.json": "không phải tệp xuất dữ liệu của Thi đua",
  "format-near-miss.json": 'thiếu dấu hiệu nhận dạng "format": "thidua-export"',
  "version-as-text.json": 'Sai kiểu dữ liệu ở phần đầu tệp, trường "schema_version": cần một số nguyên không âm.',
  "office-missing.json": 'Thiếu trường bắt buộc ở phần đầu tệp, trường "office".',
  "exported-at-number.json": 'Sai kiểu dữ liệu ở phần đầu tệp, trường "exported_at": cần ngày giờ dạng 2026-11-23T08:00:00Z.',
  "data-missing.json": 'Thiếu trường bắt buộc ở phần đầu tệp, trường "data".',
  "data-is-list.json": 'Sai kiểu dữ liệu ở phần đầu tệp, trường "data": cần một đối tượng',
  "units-not-list.json": "Sai kiểu dữ liệu ở danh sách Đơn vị: cần một danh sách",
  "meta-id-missing.json": 'Thiếu trường bắt buộc ở Đơn vị thứ 1, trường "meta.id".',
  "changed-at-words.json": 'Ngày không có thật hoặc không đọc được ("hôm qua") ở Đơn vị thứ 1 (mã "u1"), trường "meta.changed_at".',
  "unit-kind-unknown.json": 'Sai kiểu dữ liệu ở Đơn vị thứ 1 (mã "u1"), trường "kind": cần một trong các giá trị: city, district, sector, grassroots, other.',
  "unit-archived-text.json": 'Sai kiểu dữ liệu ở Đơn vị thứ 1 (mã "u1"), trường "archived": cần true hoặc false.',
  "cluster-no-members.json": 'Bản ghi không hợp lệ ở Cụm thi đua thứ 1 (mã "c1"), trường "member_ids": Hãy chọn ít nhất một đơn vị thành viên.',
  "cluster-head-outside.json": 'Bản ghi không hợp lệ ở Cụm thi đua thứ 1 (mã "c1"), trường "head_id": Cụm trưởng phải là đơn vị thành viên.',
  "dialogue-no-place.json": 'Bản ghi không hợp lệ ở Đối thoại thứ 1 (mã "d1"), trường "place": Hãy nhập địa điểm đối thoại.',
  "dialogue-disagreed-no-next.json": 'trường "next_dialogue_on": Còn nội dung chưa thống nhất: hãy ghi thời gian đối thoại tiếp theo.',
  "proposal-blank-content.json": 'Bản ghi không hợp lệ ở Kiến nghị thứ 1 (mã "p1"), trường "content": Hãy nhập nội dung kiến nghị.',
  "cluster-year-text.json": 'Sai kiểu dữ liệu ở Cụm thi đua thứ 1 (mã "c1"), trường "year": cần một số nguyên không âm.',
  "programme-no-areas.json": 'Bản ghi không hợp lệ ở Chương trình phối hợp thứ 1 (mã "ct1"), trường "areas": Chương trình cần ít nhất một nội dung phối hợp.',
};

test("every bad file is refused with a Vietnamese message and nothing changes", async () => {
  const files = readdirSync(BAD).sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort(), "one fixture per bad case");
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, "LĐLĐ huyện Ba Vì");
  const before = await storedText(page);
  assert.ok(before);
  for (const file of files) {
    await importFile(page, path.join(BAD, file));
    const alert = page.getByRole("alert").filter({ hasText: EXPECTED[file] });
    await alert.waitFor({ timeout: 5000 }).catch(() => {
      throw new Error(`${file}: no alert with "${EXPECTED[file]}"`);
    });
    assert.match(await alert.innerText(), /Dữ liệu trên máy này không thay đổi\./, file);
    assert.equal(await page.getByRole("button", { name: "Xác nhận nhập" }).count(), 0, file);
    assert.equal(await storedText(page), before, file);
  }
  // Over the limit: refused from its size, before reading.
  // (Written to disk: the browser gets it by path, as an officer's file would be.)
  const bigPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "thidua-")), "qua-lon.json");
  fs.writeFileSync(bigPath, Buffer.alloc(128 * 1024 * 1024 + 1, 0x20));
  await importFile(page, bigPath);
  await page.getByRole("alert").filter({ hasText: "Tệp quá lớn: 128 MB (134.217.729 byte), vượt giới hạn 128 MB (134.217.728 byte)" }).waitFor();
  fs.rmSync(path.dirname(bigPath), { recursive: true });
  assert.equal(await storedText(page), before);
  assert.equal(await page.getByRole("button", { name: "Hoàn tác lần nhập gần nhất" }).count(), 0);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("without the office module a bad record is still refused, named without its field", async () => {
  // The field is named by the office module (loaded on first use); here it cannot load (and no
  // service worker holds a copy).
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  await context.route("**/office/**", (route) => route.abort());
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, "LĐLĐ huyện Ba Vì");
  const before = await storedText(page);
  await importFile(page, path.join(BAD, "wrong-type.json"));
  const alert = page.getByRole("alert").filter({ hasText: 'Sai kiểu dữ liệu ở Đơn vị thứ 1 (mã "u1"): cần một đoạn chữ' });
  await alert.waitFor();
  assert.doesNotMatch(await alert.innerText(), /trường/);
  assert.match(await alert.innerText(), /Dữ liệu trên máy này không thay đổi\./);
  assert.equal(await page.getByRole("button", { name: "Xác nhận nhập" }).count(), 0);
  assert.equal(await storedText(page), before);
  await context.close();
});

test("unusual but valid names import and show as plain text", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const file = path.join(ROOT, "tests/fixtures/odd-files/naughty-names.json");
  const names = JSON.parse(readFileSync(file, "utf8")).data.units.map((u) => u.name);
  await importFile(page, file);
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: `${names.length} bản ghi mới` }).waitFor();
  await goTo(page, "Đơn vị & Cụm");
  for (const name of names) await page.getByRole("rowheader", { name, exact: true }).waitFor();
  assert.equal(dialogs, 0, "no script ran");
  assert.equal(await page.locator("main img, main script").count(), 0, "no markup was made");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("one part is exported by finding it in the part picker, typed without diacritics", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  const part = page.getByRole("combobox", { name: "Phần dữ liệu cần xuất" });
  await part.fill("doi thoai thanh oai 2019");
  await page.getByRole("option", { name: /^Đối thoại .*Thanh Oai năm 2019$/ }).click();
  const { name, text } = await exportAll(page);
  const file = JSON.parse(text);
  assert.match(file.scope.description, /^Đối thoại .*Thanh Oai - 2019$/);
  assert.match(name, /\.json$/);
  assert.ok(file.data.dialogues.length > 0);
  assert.ok(file.data.dialogues.every((d) => d.date.startsWith("2019")), "only that year's dialogues");
  assert.equal(file.data.clusters?.length ?? 0, 0, "nothing of other parts");
  await context.close();
});

test("two offices exchange files both ways and end with the same data", async () => {
  const ctxA = await app.browser.newContext({ acceptDownloads: true });
  const ctxB = await app.browser.newContext({ acceptDownloads: true });
  const a = await openApp(ctxA, app.url, "#/du-lieu");
  const b = await openApp(ctxB, app.url, "#/du-lieu");
  // The shell asks for the office name until it is given, then shows it in the header.
  await a.getByRole("status").filter({ hasText: "Máy này chưa có tên cơ quan" }).waitFor();
  await nameOffice(a, "LĐLĐ huyện Ba Vì");
  await a.getByRole("banner").getByText("LĐLĐ huyện Ba Vì").waitFor();
  assert.equal(await a.getByText("Máy này chưa có tên cơ quan").count(), 0);
  await nameOffice(b, "LĐLĐ huyện Quốc Oai");
  for (const [page, units] of [
    [a, ["LĐLĐ huyện Ba Vì", "CĐCS Trường THPT Ba Vì"]],
    [b, ["LĐLĐ huyện Quốc Oai"]],
  ]) {
    await goTo(page, "Đơn vị & Cụm");
    for (const u of units) await addUnit(page, u);
    await goTo(page, "Dữ liệu");
  }
  await a.getByText("Máy này chưa xuất dữ liệu lần nào.").waitFor();

  const fromA = await exportAll(a);
  assert.match(fromA.name, /^thidua_ldld-huyen-ba-vi_toan-bo-du-lieu_\d{4}-\d{2}-\d{2}\.json$/);
  await a.getByText("Lần xuất dữ liệu gần nhất:").waitFor();
  await a.getByText("Mọi bản ghi (2) đã có trong tệp xuất").waitFor();
  await importFile(b, { name: fromA.name, mimeType: "application/json", buffer: Buffer.from(fromA.text) });
  const preview = b.getByRole("table", { name: "Số bản ghi sẽ nhập" });
  await preview.getByRole("row", { name: "Đơn vị 2 0 0 0" }).waitFor();
  await b.getByRole("button", { name: "Xác nhận nhập" }).click();
  await b.getByRole("status").filter({ hasText: `Đã nhập tệp "${fromA.name}": 2 bản ghi mới` }).waitFor();

  const fromB = await exportAll(b);
  await importFile(a, { name: fromB.name, mimeType: "application/json", buffer: Buffer.from(fromB.text) });
  await a.getByRole("table", { name: "Số bản ghi sẽ nhập" }).getByRole("row", { name: "Đơn vị 1 0 2 0" }).waitFor();
  await a.getByRole("button", { name: "Xác nhận nhập" }).click();
  await a.getByRole("status").filter({ hasText: "Đã nhập tệp" }).waitFor();

  const [dataA, dataB] = [await collections(a), await collections(b)];
  assert.equal(dataA.units.length, 3);
  assert.deepEqual(dataA, dataB);
  // The sending office is the envelope's; each installation keeps its own.
  assert.equal(JSON.parse(await storedText(a)).office.name, "LĐLĐ huyện Ba Vì");
  assert.equal(JSON.parse(await storedText(b)).office.name, "LĐLĐ huyện Quốc Oai");
  // Importing the same file again changes nothing.
  await importFile(a, { name: fromB.name, mimeType: "application/json", buffer: Buffer.from(fromB.text) });
  await a.getByRole("status").filter({ hasText: "không có gì mới" }).waitFor();
  assert.deepEqual([...a.jsErrors, ...b.jsErrors], []);
  await ctxA.close();
  await ctxB.close();
});

/** A file from office "quoc-oai" holding `units`. */
function exportFile(units) {
  return Buffer.from(
    JSON.stringify({
      format: "thidua-export",
      schema_version: 1,
      office: { id: "quoc-oai", name: "LĐLĐ huyện Quốc Oai" },
      exported_at: "2026-11-20T03:00:00Z",
      scope: { description: "Toàn bộ dữ liệu" },
      data: { units },
    }),
  );
}

const otherUnit = (id, name) => ({
  meta: { id, changed_by: "quoc-oai", changed_at: "2026-11-20T02:15:00Z", edits: { "quoc-oai": 1 } },
  name,
  short_name: "",
  kind: "grassroots",
  parent_id: null,
  active_from: null,
  active_to: null,
  archived: false,
});

test("preview, conflict choice, confirm, and undo restoring the data exactly", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, "LĐLĐ huyện Ba Vì");
  await goTo(page, "Đơn vị & Cụm");
  await addUnit(page, "LĐLĐ huyện Ba Vì");
  // The same unit as the other office has it: it saw our first edit and made its own.
  const [local] = JSON.parse(await storedText(page)).units;
  const theirs = {
    ...local,
    name: "LĐLĐ huyện Ba Vì (sửa ở Quốc Oai)",
    meta: {
      ...local.meta,
      changed_by: "quoc-oai",
      changed_at: "2030-01-01T00:00:00Z",
      edits: { ...local.meta.edits, "quoc-oai": 1 },
    },
  };
  // Meanwhile we edit it here too: a conflict.
  await page.getByRole("button", { name: "Sửa LĐLĐ huyện Ba Vì" }).click();
  const edit = page.getByRole("form", { name: "Sửa đơn vị" });
  await edit.getByLabel("Tên viết tắt").fill("Ba Vì");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của đơn vị" }).waitFor();
  await goTo(page, "Dữ liệu");
  const before = await storedText(page);
  const file = exportFile([theirs, otherUnit("q1", "CĐCS Công ty May Quốc Oai"), otherUnit("q2", "<b>CĐCS</b> & Co")]);

  // Hủy discards.
  await importFile(page, { name: "tu-quoc-oai.json", mimeType: "application/json", buffer: file });
  await page.getByRole("button", { name: "Hủy" }).click();
  await page.getByRole("status").filter({ hasText: "Đã hủy, dữ liệu không thay đổi." }).waitFor();
  assert.equal(await storedText(page), before);

  // The preview counts per kind, shows the conflict side by side with the later edit preselected.
  await importFile(page, { name: "tu-quoc-oai.json", mimeType: "application/json", buffer: file });
  const table = page.getByRole("table", { name: "Số bản ghi sẽ nhập" });
  await table.getByRole("row", { name: "Đơn vị 2 0 0 1" }).waitFor();
  const conflict = page.getByRole("group", { name: "Đơn vị LĐLĐ huyện Ba Vì (sửa ở Quốc Oai)" });
  await conflict.getByRole("columnheader", { name: "Bản của máy này" }).waitFor();
  await conflict.getByRole("columnheader", { name: "Bản trong tệp" }).waitFor();
  // Only the fields that differ, by the unit form's labels: ours, then theirs.
  assert.deepEqual(await conflict.getByRole("row").allInnerTexts(), [
    "Nội dung khác nhau\tBản của máy này\tBản trong tệp",
    "Tên đơn vị\tLĐLĐ huyện Ba Vì\tLĐLĐ huyện Ba Vì (sửa ở Quốc Oai)",
    "Tên viết tắt\tBa Vì\t(trống)",
  ]);
  await conflict.getByText("sửa lần cuối bởi LĐLĐ huyện Quốc Oai lúc 01/01/2030", { exact: false }).waitFor();
  assert.equal(await conflict.getByRole("radio", { name: "Lấy bản trong tệp" }).isChecked(), true);
  await conflict.getByRole("radio", { name: "Giữ bản của máy này" }).check();
  assert.equal(await storedText(page), before, "nothing changes before confirming");
  // A double press imports once: a second save would replace the undo copy with an empty one.
  await page.getByRole("button", { name: "Xác nhận nhập" }).dblclick();
  await page.getByRole("status").filter({ hasText: 'Đã nhập tệp "tu-quoc-oai.json": 2 bản ghi mới, 1 xung đột đã xử lý.' }).waitFor();
  const after = JSON.parse(await storedText(page));
  assert.equal(after.units.length, 3);
  assert.equal(after.units[0].name, "LĐLĐ huyện Ba Vì");
  assert.equal(after.units[0].short_name, "Ba Vì");
  // Text from the file stays text.
  await goTo(page, "Đơn vị & Cụm");
  await page.getByRole("rowheader", { name: "<b>CĐCS</b> & Co" }).waitFor();
  await goTo(page, "Dữ liệu");

  // Undo puts back exactly the records the import wrote, as they were.
  await page.getByRole("button", { name: "Hoàn tác lần nhập gần nhất" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã hoàn tác lần nhập tệp "tu-quoc-oai.json"' }).waitFor();
  assert.equal(await storedText(page), before);
  assert.equal(await page.getByRole("button", { name: "Hoàn tác lần nhập gần nhất" }).count(), 0);
  // And it survives a reload.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Dữ liệu" }).waitFor();
  assert.equal(await storedText(page), before);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("a file dropped anywhere on the page is previewed", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  const text = exportFile([otherUnit("q1", "CĐCS Công ty May Quốc Oai")]).toString();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "keo-tha.json", { type: "application/json" }));
    document.querySelector("h1").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.getByRole("table", { name: "Số bản ghi sẽ nhập" }).getByRole("row", { name: "Đơn vị 1 0 0 0" }).waitFor();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã nhập tệp "keo-tha.json"' }).waitFor();
  assert.equal(JSON.parse(await storedText(page)).units.length, 1);
  await context.close();
});

test("the header reminds when changes older than a week were not exported", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  const old = {
    schema_version: 1,
    office: { id: "ba-vi", name: "LĐLĐ huyện Ba Vì" },
    sync: { last_export: "2020-01-01T00:00:00Z" },
    units: [{ ...otherUnit("u1", "LĐLĐ huyện Ba Vì"), meta: { id: "u1", changed_by: "ba-vi", changed_at: "2020-02-01T00:00:00Z", edits: { "ba-vi": 1 } } }],
  };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, JSON.stringify(old)]);
  await page.reload();
  await page.getByRole("status").filter({ hasText: "Có 1 bản ghi thay đổi hơn 7 ngày mà chưa được xuất ra tệp." }).waitFor();
  await page.getByText("Lần xuất dữ liệu gần nhất: 01/01/2020").waitFor();
  // An export by an earlier version did not say what it held: it covers nothing.
  await page.getByText("1 trên 1 bản ghi chưa có trong tệp xuất nào").waitFor();
  await exportAll(page);
  await page.getByText("Mọi bản ghi (1) đã có trong tệp xuất").waitFor();
  assert.equal(await page.getByText("hơn 7 ngày mà chưa được xuất").count(), 0);
  await context.close();
});

test("a large export travels as .json.gz and imports as it is; a broken .gz is refused", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  const text = exportFile([otherUnit("g1", "CĐCS Công ty May 10"), otherUnit("g2", "CĐCS Bệnh viện Đống Đa")]);
  const packed = zlib.gzipSync(Buffer.from(text));
  await importFile(page, { name: "ha-noi.json.gz", mimeType: "application/gzip", buffer: packed.subarray(0, packed.length - 9) });
  await page.getByRole("alert").filter({ hasText: 'Tệp "ha-noi.json.gz": tệp nén .json.gz bị hỏng hoặc không trọn vẹn' }).waitFor();
  assert.equal(await storedText(page), null);
  await importFile(page, { name: "ha-noi.json.gz", mimeType: "application/gzip", buffer: packed });
  await page.getByRole("table", { name: "Số bản ghi sẽ nhập" }).getByRole("row", { name: "Đơn vị 2 0 0 0" }).waitFor();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã nhập tệp "ha-noi.json.gz": 2 bản ghi mới' }).waitFor();
  await page.reload();
  await goTo(page, "Đơn vị & Cụm");
  await page.getByRole("rowheader", { name: "CĐCS Bệnh viện Đống Đa" }).waitFor();
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
