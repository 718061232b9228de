// Page "Phối hợp": programmes with content areas, annual reviews and the period report, whose
// totals must add up figures entered elsewhere in the app. Those figures (the indicators of
// Thanh Oai 2016–2020, seed 000) are written into localStorage as a stored data set; the same
// fixture is decoded natively by tests/e2e_fixtures.rs, so its shape cannot drift.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startApp, openApp, storedText, pick, DATA_KEY, ROOT } from "./helpers.mjs";

const FIXTURE = JSON.parse(
  readFileSync(path.join(ROOT, "tests/e2e/fixtures/thanh-oai-2016-2020.json"), "utf8"),
);

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

/** Opens the app on `hash` with `data` stored, as if it had been entered before. */
async function openWithData(context, data, hash) {
  const page = await openApp(context, app.url);
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, JSON.stringify(data)]);
  await page.goto(app.url + hash);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Phối hợp" }).waitFor();
  return page;
}

function status(page, text) {
  return page.getByRole("status").filter({ hasText: text });
}

test("a programme, its annual review and a period report adding up the year figures", async () => {
  const context = await app.browser.newContext();
  const page = await openWithData(context, FIXTURE, "#/phoi-hop/moi");
  const form = page.getByRole("form", { name: "Thêm chương trình" });
  await form.getByLabel("Số hiệu").fill("01/CTr-UBND-LĐLĐ");
  await form.getByLabel("UBND ký chương trình").fill("UBND huyện Thanh Oai");
  await pick(form, "LĐLĐ ký chương trình", "LĐLĐ huyện Thanh Oai");
  await form.getByLabel("Ngày ký").fill("15/03/2016");
  await form.getByLabel("Từ năm").fill("2016");
  await form.getByLabel("Đến năm").fill("2020");

  // The eight areas of seed 002 are offered; drop the last, add one, move it up, renumber.
  assert.equal(await form.getByRole("group", { name: /^Nội dung số \d+$/ }).count(), 8);
  await form.getByRole("button", { name: "Bỏ nội dung số 8" }).click();
  await form.getByRole("button", { name: "Thêm nội dung" }).click();
  const added = form.getByRole("group", { name: "Nội dung số 8" });
  await added.getByLabel("Tên nội dung").fill("Chăm lo Tết sum vầy cho đoàn viên");
  await added.getByLabel("Bên chủ trì").selectOption({ label: "LĐLĐ chủ trì" });
  await added.getByText(/Chỉ tiêu đánh giá/).click();
  await added.getByLabel("Suất quà trao tặng").check();
  await form.getByRole("button", { name: "Chuyển lên nội dung số 8" }).click();
  await form.getByRole("button", { name: "Đánh số lại theo thứ tự" }).click();
  await form.getByRole("button", { name: "Thêm chương trình" }).click();

  await status(page, "Đã thêm chương trình số 01/CTr-UBND-LĐLĐ.").waitFor();
  await page.getByRole("heading", { level: 2, name: "Chương trình số 01/CTr-UBND-LĐLĐ" }).waitFor();
  const areas = page.getByRole("table", { name: "Nội dung phối hợp" });
  const giftRow = areas.getByRole("row", { name: /Chăm lo Tết sum vầy/ });
  assert.equal(await giftRow.getByRole("cell").first().textContent(), "7");
  assert.match(await giftRow.textContent(), /LĐLĐ chủ trì.*Suất quà trao tặng/);
  assert.equal(await areas.getByRole("rowheader").count(), 8);

  // The annual review of 2016 shows the year's figures next to each area.
  await page.getByRole("link", { name: "Đánh giá năm 2016" }).click();
  const review = page.getByRole("form", { name: "Đánh giá năm 2016" });
  const emulation = review.getByRole("group", { name: /^1\. Phối hợp tổ chức các phong trào thi đua/ });
  const figures = emulation.getByRole("table", { name: "Số liệu năm 2016" });
  const improvements = figures.getByRole("row", { name: /^Sáng kiến cải tiến cấp cơ sở/ });
  assert.equal(await improvements.getByRole("cell").first().textContent(), "900");
  await review.getByLabel("Ngày tổ chức hội nghị").fill("20/12/2016");
  await emulation.getByLabel("Hoàn thành", { exact: true }).check();
  const inspection = review.getByRole("group", { name: /^8\. Phối hợp thanh tra/ });
  await inspection.getByLabel("Hoàn thành một phần").check();
  await inspection.getByLabel("Ghi chú nội dung 8").fill("Chưa thường xuyên, ở một số nơi còn hình thức");
  await review.getByLabel("Hạn chế").fill("Phối hợp thanh tra, kiểm tra chưa thường xuyên\nCòn nợ BHXH ở một số doanh nghiệp");
  await review.getByLabel("Nhiệm vụ năm tới").fill("Kiểm tra liên ngành về BHXH");
  await review.getByRole("button", { name: "Lưu đánh giá" }).click();
  await status(page, "Đã lưu đánh giá năm 2016.").waitFor();
  const reviews = page.getByRole("table", { name: "Đánh giá hằng năm" });
  const row2016 = reviews.getByRole("row", { name: /^2016/ });
  assert.match(await row2016.textContent(), /20\/12\/2016.*Hoàn thành: 1; Hoàn thành một phần: 1; Chưa hoàn thành: 0/);

  const stored = JSON.parse(await storedText(page));
  assert.equal(stored.reviews.length, 1);
  assert.deepEqual(stored.reviews[0].limitations, [
    "Phối hợp thanh tra, kiểm tra chưa thường xuyên",
    "Còn nợ BHXH ở một số doanh nghiệp",
  ]);

  // The period report of Thanh Oai adds up the five years; Ba Vì's report stays out.
  await page.getByRole("link", { name: "Số liệu giai đoạn của đơn vị" }).click();
  await checkThanhOaiReport(page);
  // A deep link: the same report after reload.
  await page.reload();
  await checkThanhOaiReport(page);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

async function checkThanhOaiReport(page) {
  const table = page.getByRole("table", { name: /^Số liệu giai đoạn 2016–2020 – LĐLĐ huyện Thanh Oai/ });
  await table.waitFor();
  const total = async (measure) =>
    (await table.getByRole("row", { name: new RegExp(`^${measure}`) }).getByRole("cell").last().textContent()).trim();
  assert.equal(await total("Sáng kiến cải tiến cấp cơ sở"), "4.561");
  assert.equal(await total("Sáng kiến cải tiến cấp trên cơ sở"), "436");
  assert.equal(await total("Công nhân giỏi cấp cơ sở"), "1.258");
  assert.equal(await total("Công nhân giỏi cấp huyện"), "336");
  // Reported in one year only: marked, with the footnote.
  assert.equal(await total("Công nhân giỏi Thủ đô"), "5*");
  assert.equal(await total("Sáng kiến kinh nghiệm cấp cơ sở"), "—");
  await page.getByText("*chưa đủ số liệu của mọi đơn vị").waitFor();
  const chart = page.getByRole("img", { name: /Sáng kiến cải tiến cấp cơ sở theo năm/ });
  const label = await chart.getAttribute("aria-label");
  assert.match(label, /2016: 900; 2017: 950; 2018: 880; 2019: 911; 2020: 920/);
  await page.getByLabel("Chỉ tiêu trên biểu đồ").selectOption({ label: "Công nhân giỏi Thủ đô" });
  await page.getByRole("img", { name: /Công nhân giỏi Thủ đô theo năm\. 2016: không có số liệu; 2017: không có số liệu; 2018: 5/ }).waitFor();
  await page.getByLabel("Chỉ tiêu trên biểu đồ").selectOption({ label: "Sáng kiến cải tiến cấp cơ sở" });
}

test("a period running backwards is refused on the year field, a bad date names its field", async () => {
  const context = await app.browser.newContext();
  const page = await openWithData(context, FIXTURE, "#/phoi-hop/moi");
  const before = await storedText(page);
  const form = page.getByRole("form", { name: "Thêm chương trình" });
  await form.getByLabel("Số hiệu").fill("02/CTr-UBND-LĐLĐ");
  await form.getByLabel("UBND ký chương trình").fill("UBND huyện Thanh Oai");
  await pick(form, "LĐLĐ ký chương trình", "LĐLĐ huyện Thanh Oai");
  await form.getByLabel("Ngày ký").fill("28/07/2020");
  await form.getByLabel("Từ năm").fill("2025");
  await form.getByLabel("Đến năm").fill("2020");
  await form.getByRole("button", { name: "Thêm chương trình" }).click();
  const error = form.getByRole("alert").filter({ hasText: "Đến năm phải bằng hoặc sau Từ năm." });
  await error.waitFor();
  assert.equal(await error.getAttribute("id"), await form.getByLabel("Đến năm").getAttribute("aria-describedby"));

  await form.getByLabel("Đến năm").fill("2030");
  await form.getByLabel("Ngày ký").fill("30/02/2025");
  await form.getByRole("button", { name: "Thêm chương trình" }).click();
  await form.getByRole("alert").filter({ hasText: "Ngày ký: ngày này không có trên lịch." }).waitFor();
  assert.equal(await form.getByRole("alert").filter({ hasText: "Đến năm" }).count(), 0);
  assert.equal(await storedText(page), before);
  await context.close();
});

test("the overview lists the running programme, its missing reviews and its totals", async () => {
  const year = new Date().getFullYear();
  const data = structuredClone(FIXTURE);
  data.indicators.push({
    meta: { id: "to-now", changed_by: "so-lieu-mau", changed_at: "2024-01-01T00:00:00Z", edits: {} },
    unit_id: "thanh-oai",
    year: year - 1,
    figures: { improvements_base: 1234 },
    extra: [],
  });
  data.programmes = [
    {
      meta: { id: "ctr-hien-tai", changed_by: "so-lieu-mau", changed_at: "2024-01-01T00:00:00Z", edits: {} },
      number: "09/CTr-UBND-LĐLĐ",
      title: "",
      authority: "UBND huyện Thanh Oai",
      unit_id: "thanh-oai",
      signed_on: `${year - 1}-03-01`,
      from_year: year - 1,
      to_year: year + 3,
      areas: [{ id: "emulation", number: 1, title: "Thi đua yêu nước", lead: "joint", measures: [{ indicator: "improvements_base" }] }],
    },
  ];
  const context = await app.browser.newContext();
  const page = await openWithData(context, data, "#/phoi-hop");
  await page.getByRole("navigation", { name: "Chính" }).getByRole("link", { name: "Tổng quan", exact: true }).click();
  const section = page.getByRole("region", { name: "Chương trình phối hợp đang thực hiện" });
  await section.getByRole("link", { name: "Chương trình số 09/CTr-UBND-LĐLĐ" }).waitFor();
  await section.getByText("1.234").waitFor();
  await section.getByRole("link", { name: String(year - 1), exact: true }).click();
  await page.getByRole("form", { name: `Đánh giá năm ${year - 1}` }).waitFor();
  await page.reload();
  await page.getByRole("form", { name: `Đánh giá năm ${year - 1}` }).waitFor();
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});

test("editing keeps reviewed areas, and deleting asks for confirmation first", async () => {
  const data = structuredClone(FIXTURE);
  const meta = (id) => ({ id, changed_by: "so-lieu-mau", changed_at: "2024-01-01T00:00:00Z", edits: {} });
  data.programmes = [
    {
      meta: meta("ctr-to"),
      number: "05/CTr-UBND-LĐLĐ",
      title: "",
      authority: "UBND huyện Thanh Oai",
      unit_id: "thanh-oai",
      signed_on: "2016-03-15",
      from_year: 2016,
      to_year: 2020,
      areas: [
        { id: "emulation", number: 1, title: "Thi đua yêu nước", lead: "joint", measures: [] },
        { id: "inspection", number: 2, title: "Thanh tra, kiểm tra", lead: "people_committee", measures: [] },
      ],
    },
  ];
  data.reviews = [
    {
      meta: meta("dg-2017"),
      programme_id: "ctr-to",
      year: 2017,
      held_on: "2017-12-20",
      results: [{ area_id: "inspection", outcome: "partly", note: "" }],
      limitations: [],
      next_tasks: [],
    },
  ];
  const context = await app.browser.newContext();
  const page = await openWithData(context, data, "#/phoi-hop/ctr-to/sua");
  const form = page.getByRole("form", { name: "Sửa chương trình" });
  await form.getByRole("button", { name: "Bỏ nội dung số 2" }).click();
  await form.getByRole("button", { name: "Lưu thay đổi" }).click();
  await form.getByRole("alert").filter({ hasText: 'Không thể bỏ nội dung "Thanh tra, kiểm tra"' }).waitFor();

  await page.reload();
  await form.getByRole("group", { name: "Nội dung số 2" }).getByLabel("Tên nội dung").fill("Phối hợp thanh tra, kiểm tra");
  await form.getByRole("button", { name: "Lưu thay đổi" }).click();
  await status(page, "Đã lưu thay đổi của chương trình số 05/CTr-UBND-LĐLĐ.").waitFor();
  const reviews = page.getByRole("table", { name: "Đánh giá hằng năm" });
  assert.match(await reviews.getByRole("row", { name: /^2017/ }).textContent(), /Hoàn thành một phần: 1/);

  await page.getByRole("button", { name: "Xóa chương trình" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Xác nhận xóa chương trình" });
  await confirm.getByText("cùng 1 đánh giá hằng năm").waitFor();
  await confirm.getByRole("button", { name: "Không xóa" }).click();
  assert.equal(JSON.parse(await storedText(page)).programmes[0].meta.deleted, undefined);
  await page.getByRole("button", { name: "Xóa chương trình" }).click();
  await confirm.getByRole("button", { name: "Xóa hẳn" }).click();
  await status(page, "Đã xóa chương trình số 05/CTr-UBND-LĐLĐ").waitFor();
  await page.getByText("Chưa có chương trình phối hợp nào.").waitFor();
  const stored = JSON.parse(await storedText(page));
  assert.equal(stored.programmes[0].meta.deleted, true);
  assert.equal(stored.reviews[0].meta.deleted, true);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
});
