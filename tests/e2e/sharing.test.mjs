// "Chưa chia sẻ" stays right while the data changes (issue 24, §4): the store keeps the count
// of records in no exported file up to date from what each change wrote, instead of counting
// every record again. Checked against what the officer sees, in the tab that changed the data and
// in another, after an import, another tab's saves, the import's undo, an export and a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openApp, addUnit, importFile, exportAll, DATA_KEY } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const unit = (id, name, office, changedAt) => ({
  meta: { id, changed_by: office, changed_at: changedAt, edits: { [office]: 1 } },
  name,
  short_name: "",
  kind: "grassroots",
  parent_id: null,
  active_from: null,
  active_to: null,
  archived: false,
});

/** A file from another office with two units changed long ago (more than a week). */
const fromQuocOai = Buffer.from(
  JSON.stringify({
    format: "thidua-export",
    schema_version: 1,
    office: { id: "quoc-oai", name: "LĐLĐ huyện Quốc Oai" },
    exported_at: "2026-11-20T03:00:00Z",
    scope: { description: "Toàn bộ dữ liệu" },
    data: {
      units: [
        unit("q1", "CĐCS Công ty May Quốc Oai", "quoc-oai", "2026-11-20T02:15:00Z"),
        unit("q2", "CĐCS Trường THPT Quốc Oai", "quoc-oai", "2026-11-20T02:16:00Z"),
      ],
    },
  }),
);

const panel = (page) => page.getByRole("region", { name: "Chưa chia sẻ" });
const reminder = (page) => page.getByRole("status").filter({ hasText: "hơn 7 ngày mà chưa được xuất ra tệp" });

/** Waits until the header's reminder names `count` records, or (null) until it is gone. */
async function reminds(page, count) {
  if (count === null) {
    await reminder(page).waitFor({ state: "detached" });
  } else {
    await reminder(page).filter({ hasText: `Có ${count} bản ghi thay đổi hơn 7 ngày` }).waitFor();
  }
}

test("the sharing count and reminder stay right after an import, another tab's saves, an undo and an export", async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const here = await openApp(context, app.url, "#/du-lieu");
  // One unit changed in 2020, after an export by a version that did not say what it held.
  const old = {
    schema_version: 1,
    office: { id: "ba-vi", name: "LĐLĐ huyện Ba Vì" },
    sync: { last_export: "2020-01-01T00:00:00Z" },
    units: [unit("u1", "LĐLĐ huyện Ba Vì", "ba-vi", "2020-02-01T00:00:00Z")],
  };
  await here.evaluate(([k, v]) => localStorage.setItem(k, v), [DATA_KEY, JSON.stringify(old)]);
  await here.reload();
  await reminds(here, 1);
  await panel(here).getByText("1 trên 1 bản ghi chưa có trong tệp xuất nào").waitFor();
  const there = await openApp(context, app.url, "#/don-vi");
  await reminds(there, 1);

  // An import here of two units changed weeks ago: three records in no file, here and in the
  // other tab.
  await importFile(here, { name: "quoc-oai.json", mimeType: "application/json", buffer: fromQuocOai });
  await here.getByRole("button", { name: "Xác nhận nhập" }).click();
  await here.getByRole("status").filter({ hasText: 'Đã nhập tệp "quoc-oai.json"' }).waitFor();
  await panel(here).getByText("3 trên 3 bản ghi chưa có trong tệp xuất nào").waitFor();
  await reminds(here, 3);
  await reminds(there, 3);

  // A unit saved in the other tab: said here without a reload.
  await addUnit(there, "CĐCS Công ty Điện lực Ba Vì");
  await panel(here).getByText("4 trên 4 bản ghi chưa có trong tệp xuất nào").waitFor();
  await reminds(here, 4);

  // Undoing the import takes its two records back out of the count, in both tabs.
  await here.getByRole("button", { name: "Hoàn tác lần nhập gần nhất" }).click();
  await here.getByRole("status").filter({ hasText: "Đã hoàn tác lần nhập" }).waitFor();
  await panel(here).getByText("2 trên 2 bản ghi chưa có trong tệp xuất nào").waitFor();
  await reminds(here, 2);
  await reminds(there, 2);

  // An export here: everything is in a file, in both tabs.
  await exportAll(here);
  await panel(here).getByText("Mọi bản ghi (2) đã có trong tệp xuất").waitFor();
  await reminds(here, null);
  await reminds(there, null);

  // Two saves in the other tab after it: one record more each time.
  await addUnit(there, "CĐCS Trường THCS Tản Lĩnh");
  await panel(here).getByText("1 trên 3 bản ghi chưa có trong tệp xuất nào").waitFor();
  await addUnit(there, "CĐCS Trạm Y tế xã Ba Trại");
  await panel(here).getByText("2 trên 4 bản ghi chưa có trong tệp xuất nào").waitFor();

  // Counting again from storage says the same.
  await here.reload();
  await panel(here).getByText("2 trên 4 bản ghi chưa có trong tệp xuất nào").waitFor();
  assert.deepEqual(here.jsErrors, []);
  assert.deepEqual(there.jsErrors, []);
  await context.close();
});
