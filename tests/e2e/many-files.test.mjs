// Many files at once (issue 23 §4 and §5): a cluster head imports the files of three units in
// one go — one preview with a line per file, a broken file listed with its reason, one
// confirmation, one undo; two files dropped together that disagree about a record; a unit sends
// its card alone ("Gửi phiếu cho Cụm trưởng") and the cluster head places it; a units sheet with
// everyday headers is mapped without asking about the columns it names.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startApp, openApp, goTo, storedData, storedText, nameOffice, importFile, waitForStored, resultRows, ROOT } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** A unit record as the app writes it, last edited by `office`. */
function unit(id, name, office, edits = { [office]: 1 }, at = "2026-11-20T02:15:00Z") {
  return {
    meta: { id, changed_by: office, changed_at: at, edits },
    name,
    short_name: "",
    kind: "grassroots",
    parent_id: null,
    active_from: null,
    active_to: null,
    archived: false,
  };
}

/** An export file of `units` sent by `office` at `exportedAt`, as { name, mimeType, buffer }. */
function unitFile(name, office, officeName, exportedAt, units) {
  const file = {
    format: "thidua-export",
    schema_version: 1,
    office: { id: office, name: officeName },
    exported_at: exportedAt,
    scope: { description: `Đơn vị của ${officeName}` },
    data: { units },
  };
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file, null, 2)) };
}

/** The rows of a table as lists of cell texts. */
async function rows(table) {
  return table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

test("three unit files in one go: one preview, a broken one listed with its reason, one confirmation, one undo", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, "LĐLĐ huyện Quốc Oai");
  const before = await storedText(page);
  const phucTho = unitFile("phuc-tho.json", "phuc-tho", "LĐLĐ huyện Phúc Thọ", "2026-11-21T08:00:00Z", [
    unit("pt1", "CĐCS Trường THPT Phúc Thọ", "phuc-tho"),
    unit("pt2", "CĐCS Công ty May Phúc Thọ", "phuc-tho"),
  ]);
  const baVi = unitFile("ba-vi.json", "ba-vi", "LĐLĐ huyện Ba Vì", "2026-11-20T08:00:00Z", [unit("bv1", "CĐCS Vườn quốc gia Ba Vì", "ba-vi")]);
  // Cut off in the middle, as an attachment saved before it finished downloading.
  const broken = unitFile("dan-phuong.json", "dan-phuong", "LĐLĐ huyện Đan Phượng", "2026-11-22T08:00:00Z", [unit("dp1", "CĐCS Đan Phượng", "dan-phuong")]);
  broken.buffer = broken.buffer.subarray(0, broken.buffer.indexOf('"units"') + 12);

  await importFile(page, [phucTho, broken, baVi]);
  const preview = page.getByRole("region", { name: "Xem trước khi nhập 3 tệp" });
  await preview.waitFor();
  // One line per file, in the order they are merged (exported first, merged first), the broken one last.
  const files = await rows(preview.getByRole("table", { name: "Các tệp được chọn" }));
  assert.equal(files.length, 3);
  assert.deepEqual(files[0].slice(0, 2), ["ba-vi.json", "LĐLĐ huyện Ba Vì"]);
  assert.deepEqual(files[0].slice(3), ["1", "0", "0", "0"]);
  assert.deepEqual(files[1].slice(0, 2), ["phuc-tho.json", "LĐLĐ huyện Phúc Thọ"]);
  assert.deepEqual(files[1].slice(3), ["2", "0", "0", "0"]);
  assert.equal(files[2][0], "dan-phuong.json");
  assert.match(files[2][1], /^Không nhập được tệp: Tệp bị cắt cụt/);
  assert.doesNotMatch(files[2][1], /không thay đổi/, "the other files are imported");
  await preview.getByRole("alert").filter({ hasText: "1 tệp không nhập được" }).waitFor();
  assert.deepEqual(await rows(preview.getByRole("table", { name: "Tổng cộng các tệp" })), [["Đơn vị", "3", "0", "0", "0"]]);
  assert.equal(await storedText(page), before, "nothing changes before the confirmation");

  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã nhập 2 tệp "ba-vi.json" và "phuc-tho.json": 3 bản ghi mới.' }).waitFor();
  const data = await storedData(page);
  assert.deepEqual(data.units.map((u) => u.meta.id).sort(), ["bv1", "pt1", "pt2"]);

  // One undo takes both files back.
  const undo = page.getByRole("region", { name: "Hoàn tác" });
  await undo.getByText('Lần nhập gần nhất: 2 tệp "ba-vi.json" và "phuc-tho.json"').waitFor();
  await undo.getByRole("button", { name: "Hoàn tác lần nhập gần nhất" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã hoàn tác lần nhập 2 tệp "ba-vi.json" và "phuc-tho.json"' }).waitFor();
  await waitForStored(page, (d) => d.units.length === 0);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("two files dropped together that disagree about a record: the conflict between them is shown and chosen", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, "LĐLĐ huyện Quốc Oai");
  // Both offices edited the same grassroots union after receiving it from the city.
  const base = { city: 1 };
  const first = unitFile("thach-that.json", "thach-that", "LĐLĐ huyện Thạch Thất", "2026-11-20T08:00:00Z", [
    unit("u1", "CĐCS Công ty Cơ khí Thạch Thất", "thach-that", { ...base, "thach-that": 1 }, "2026-11-20T07:00:00Z"),
  ]);
  const second = unitFile("hoai-duc.json", "hoai-duc", "LĐLĐ huyện Hoài Đức", "2026-11-21T08:00:00Z", [
    unit("u1", "CĐCS Công ty Cơ khí Hoài Đức", "hoai-duc", { ...base, "hoai-duc": 1 }, "2026-11-21T07:00:00Z"),
  ]);
  // Dropped on the page, both at once.
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: "application/json" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [second, first].map((f) => ({ name: f.name, text: f.buffer.toString("utf8") })));
  const preview = page.getByRole("region", { name: "Xem trước khi nhập 2 tệp" });
  await preview.waitFor();
  const between = preview.getByRole("region", { name: "Xung đột giữa các tệp (1)" });
  await between.waitFor();
  // The later edit is the default, whatever the order the files came in.
  const later = between.getByRole("radio", { name: 'Lấy bản trong tệp "hoai-duc.json"' });
  const earlier = between.getByRole("radio", { name: 'Lấy bản trong tệp "thach-that.json"' });
  assert.equal(await later.isChecked(), true);
  await between.getByText("CĐCS Công ty Cơ khí Thạch Thất").first().waitFor();
  await earlier.check();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: 'Đã nhập 2 tệp "thach-that.json" và "hoai-duc.json": 1 bản ghi mới.' }).waitFor();
  const data = await storedData(page);
  assert.equal(data.units.length, 1);
  assert.equal(data.units[0].name, "CĐCS Công ty Cơ khí Thạch Thất", "the chosen file's version");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

/** Opens "Dữ liệu" and loads the sample (Cụm thi đua số 4, 2023, every card final). */
async function withSample(context) {
  const page = await openApp(context, app.url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  return page;
}

const tab = (page, name) => page.getByRole("navigation", { name: "Phần chấm điểm" }).getByRole("link", { name }).click();

test("a card sent alone to the cluster head is placed in the cluster's results", async () => {
  const unitCtx = await app.browser.newContext({ acceptDownloads: true });
  const headCtx = await app.browser.newContext({ acceptDownloads: true });
  const baVi = await withSample(unitCtx);
  await nameOffice(baVi, "LĐLĐ huyện Ba Vì");
  const sample = await storedData(baVi);
  const baViId = sample.units.find((u) => u.name === "LĐLĐ huyện Ba Vì").meta.id;
  const cluster = sample.clusters.find((c) => c.name === "Cụm thi đua số 4" && c.year === 2023);

  // The cluster head has the cluster-year from before Ba Vì sent its card.
  const part = baVi.getByRole("combobox", { name: "Phần dữ liệu cần xuất" });
  await part.fill("Cụm thi đua số 4 - 2023");
  await baVi.getByRole("option", { name: "Cụm thi đua số 4 - 2023", exact: true }).click();
  const [clusterDownload] = await Promise.all([baVi.waitForEvent("download"), baVi.getByRole("button", { name: "Xuất dữ liệu", exact: true }).click()]);
  const clusterFile = JSON.parse(readFileSync(await clusterDownload.path(), "utf8"));
  clusterFile.data.scorecards = clusterFile.data.scorecards.filter((c) => c.unit_id !== baViId);
  const head = await openApp(headCtx, app.url, "#/du-lieu");
  await nameOffice(head, "LĐLĐ huyện Quốc Oai");
  await importFile(head, { name: "cum-4-2023.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(clusterFile)) });
  await head.getByRole("button", { name: "Xác nhận nhập" }).click();
  await head.getByRole("status").filter({ hasText: 'Đã nhập tệp "cum-4-2023.json"' }).waitFor();
  const results = `#/cham-diem/${cluster.meta.id}/ket-qua`;
  await head.evaluate((h) => (location.hash = h), results);
  const without = await resultRows(head);
  assert.ok(!without.some((r) => r[1] === "LĐLĐ huyện Ba Vì"), "Ba Vì is not ranked without its card");

  // Ba Vì sends its card alone from the card's page.
  await baVi.evaluate((h) => (location.hash = h), `#/cham-diem/${cluster.meta.id}/phieu-cham`);
  await baVi.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "LĐLĐ huyện Ba Vì" });
  await baVi.getByRole("heading", { name: "Phiếu chấm – trạng thái: Chốt" }).waitFor();
  const [cardDownload] = await Promise.all([baVi.waitForEvent("download"), baVi.getByRole("button", { name: "Gửi phiếu cho Cụm trưởng" }).click()]);
  assert.equal(cardDownload.suggestedFilename(), "phieu-cham-ba-vi-cum-4-2023.json.gz");
  await baVi.getByRole("status").filter({ hasText: "Hãy gửi tệp này cho Cụm trưởng" }).waitFor();
  const cardPath = await cardDownload.path();
  const card = JSON.parse(zlib.gunzipSync(readFileSync(cardPath)).toString("utf8"));
  assert.equal(card.data.scorecards.length, 1);
  assert.equal(card.data.scorecards[0].unit_id, baViId);
  assert.equal(card.data.clusters.length, 1);
  assert.equal(card.data.templates.length, 1);
  assert.ok(card.data.indicators.every((i) => i.unit_id === baViId), "only the unit's own figures");
  assert.equal(card.data.dialogues?.length ?? 0, 0);
  // The sharing status says a part went out, not everything.
  await goTo(baVi, "Dữ liệu");
  await baVi.getByText(/^[\d.]+ trên [\d.]+ bản ghi chưa có trong tệp xuất nào/).waitFor();

  // The cluster head imports it: one new card, nothing else changes; it is ranked.
  await head.evaluate((h) => (location.hash = h), "#/du-lieu");
  await importFile(head, path.resolve(cardPath));
  const preview = head.getByRole("table", { name: "Số bản ghi sẽ nhập" });
  await preview.getByRole("row", { name: "Phiếu chấm 1 0 0 0" }).waitFor();
  await head.getByRole("button", { name: "Xác nhận nhập" }).click();
  await head.getByRole("status").filter({ hasText: "1 bản ghi mới" }).waitFor();
  await head.evaluate((h) => (location.hash = h), results);
  await head.getByRole("table", { name: "Kết quả xếp hạng" }).getByText("LĐLĐ huyện Ba Vì").first().waitFor();
  const withCard = await resultRows(head);
  assert.ok(withCard.some((r) => r[1] === "LĐLĐ huyện Ba Vì"), JSON.stringify(withCard));
  assert.deepEqual(baVi.jsErrors, []);
  assert.deepEqual(head.jsErrors, []);
  await unitCtx.close();
  await headCtx.close();
});

test("a units sheet with everyday headers asks only about the column it cannot name", async () => {
  const context = await app.browser.newContext();
  const page = await openApp(context, app.url, "#/du-lieu");
  const section = page.getByRole("region", { name: "Nhập từ bảng tính (Excel, CSV)" });
  await section.getByLabel("Chọn bảng tính (.xlsx, .csv)").setInputFiles(path.join(ROOT, "tests/fixtures/sheets/don-vi-tieu-de-thuong-dung.csv"));
  const mapping = section.getByRole("form", { name: "Ghép cột bảng tính" });
  await mapping.waitFor();
  // Asked: the one column no header spelling names. The six others are filled in, folded away.
  const asked = mapping.getByRole("combobox");
  const visible = [];
  for (const box of await asked.all()) if (await box.isVisible()) visible.push(await box.getAttribute("id"));
  assert.equal(visible.length, 1, "only one column is asked about");
  await mapping.getByLabel("Cột G (Ghi chú)").waitFor();
  await mapping.getByText("6 cột đã nhận ra theo tiêu đề").click();
  const recognised = {
    "Cột A (Tên đơn vị)": "Tên đơn vị",
    "Cột B (Tên viết tắt)": "Tên viết tắt",
    "Cột C (Loại)": "Loại",
    "Cột D (Đơn vị cấp trên)": "Cấp trên",
    "Cột E (Hoạt động từ)": "Hoạt động từ",
    "Cột F (Hoạt động đến)": "Đến",
  };
  for (const [label, field] of Object.entries(recognised)) {
    const chosen = await mapping.getByLabel(label).evaluate((s) => s.options[s.selectedIndex].text);
    assert.equal(chosen, field, label);
  }
  await mapping.getByLabel("Cột G (Ghi chú)").selectOption({ label: "Bỏ qua cột này" });
  await mapping.getByRole("button", { name: "Kiểm tra bảng tính" }).click();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: "2 bản ghi mới" }).waitFor();
  const data = await storedData(page);
  const maySonTay = data.units.find((u) => u.name === "CĐCS Công ty May Sơn Tây");
  assert.equal(maySonTay.short_name, "May Sơn Tây");
  assert.equal(maySonTay.active_from, "2019-03-01");
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
