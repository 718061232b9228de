// Live sync through a CouchDB-protocol server (PouchDB Server in memory, tests/e2e/couch.mjs) on
// another origin than the app, driven through the section "Đồng bộ qua máy chủ" on Dữ liệu as
// officers would: two offices in two browser contexts, online and offline; a record written by
// an independent client (PouchDB in Node); a conflict made on the server; a wrong password and a
// write the design document refuses.
// The tests run in order on one server and two offices (each builds on the data the previous
// one left), as a day of two offices' work would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import PouchDB from "pouchdb";
import { startApp, openApp, goTo, addUnit, storedData, storedText, nameOffice, importFile, recordCspViolations } from "./helpers.mjs";
import { startCouch, setupDatabase, couchRequest } from "./couch.mjs";

const WAIT = 60_000;

let app;
let couch;
let dbUrl;
let a; // { context, page, office, user }
let b;
let federation;
let editedOnBoth; // the unit both offices edited offline, as it converged

async function openOffice(name) {
  const context = await app.browser.newContext();
  await recordCspViolations(context);
  const page = await openApp(context, app.url, "#/du-lieu");
  await nameOffice(page, name);
  const office = (await storedData(page)).office.id;
  return { context, page, office, name };
}

function section(page) {
  return page.getByRole("region", { name: "Đồng bộ qua máy chủ" });
}

function statusLine(page, text) {
  return section(page).getByRole("status").filter({ hasText: text });
}

async function connect(office, password = office.user.password) {
  await goTo(office.page, "Dữ liệu");
  const s = section(office.page);
  await s.getByLabel("Địa chỉ cơ sở dữ liệu").fill(dbUrl);
  await s.getByLabel("Tên đăng nhập").fill(office.user.name);
  await s.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await s.getByRole("button", { name: "Kết nối" }).click();
}

async function synced(office) {
  await goTo(office.page, "Dữ liệu");
  await statusLine(office.page, /Đã đồng bộ lúc \d\d:\d\d/).waitFor({ timeout: WAIT });
}

/** Waits until `check(stored data)` holds in the office's page. */
async function until(office, check, what) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const data = await storedData(office.page);
    if (data && check(data)) return data;
    if (Date.now() > deadline) throw new Error(`${office.name}: never ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const byId = (list, id) => list.find((r) => r.meta.id === id);
const unitNamed = (data, name) => data.units.find((u) => u.name === name);

/** The server's current document (admin), or null. */
async function serverDoc(id, query = "") {
  const answer = await couchRequest(couch, "GET", `/thidua/${encodeURIComponent(id)}${query}`);
  return answer.status === 200 ? answer.json : null;
}

/** A record as the server holds it, without CouchDB's fields. */
function body(doc) {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith("_")));
}

/** An export file of these records, as another office or tool would write it. */
function exportFile(office, data) {
  const text = JSON.stringify({
    format: "thidua-export",
    schema_version: 1,
    office: { id: office, name: "Công cụ khác" },
    exported_at: "2026-12-07T08:00:00Z",
    scope: { description: "Toàn bộ dữ liệu" },
    data,
  });
  return { name: "thidua_cong-cu_2026-12-07.json", mimeType: "application/json", buffer: Buffer.from(text) };
}

async function importAndConfirm(page, file) {
  await goTo(page, "Dữ liệu");
  await importFile(page, file);
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();
  await page.getByRole("status").filter({ hasText: "Đã nhập tệp" }).waitFor();
}

function meta(id, office, edits = { [office]: 1 }) {
  return { id, changed_by: office, changed_at: "2026-12-07T08:00:00Z", edits };
}

before(async () => {
  app = await startApp();
  couch = await startCouch({ origins: [app.url] });
  dbUrl = `${couch.url}/thidua`;
  a = await openOffice("LĐLĐ huyện Ba Vì");
  b = await openOffice("LĐLĐ huyện Sơn Tây");
  a.user = { name: "bavi", password: "mat-khau-ba-vi", office: a.office };
  b.user = { name: "sontay", password: "mat-khau-son-tay", office: b.office };
  federation = { name: "ldld", password: "mat-khau-ldld", federation: true };
  await setupDatabase(couch, [a.user, b.user, federation]);
});

after(async () => {
  await app?.close();
  await couch?.stop();
});

test("the office id is shown for the administrator, and two offices connect", async () => {
  await goTo(a.page, "Dữ liệu");
  await section(a.page).getByText(`Mã đơn vị`).waitFor();
  await section(a.page).getByText(a.office, { exact: true }).waitFor();
  await connect(a);
  await synced(a);
  await connect(b);
  await synced(b);
  // The password is never kept.
  assert.equal(await section(a.page).getByLabel("Mật khẩu", { exact: true }).inputValue(), "");
  for (const office of [a, b]) {
    const stored = JSON.stringify(await office.page.evaluate(() => ({ ...localStorage })));
    assert.ok(!stored.includes(office.user.password), `${office.name}: the password is not in localStorage`);
  }
});

test("a unit added in one office appears in the other without a reload, as the documented document", async () => {
  await goTo(a.page, "Đơn vị & Cụm");
  await addUnit(a.page, "CĐCS Trường Tiểu học Vật Lại", "TH Vật Lại");
  await goTo(b.page, "Đơn vị & Cụm");
  await b.page.getByRole("table", { name: "Danh sách đơn vị" }).getByRole("rowheader", { name: "CĐCS Trường Tiểu học Vật Lại" }).waitFor({ timeout: WAIT });

  const unit = unitNamed(await storedData(a.page), "CĐCS Trường Tiểu học Vật Lại");
  const doc = await serverDoc(`units:${unit.meta.id}`);
  assert.deepEqual(body(doc), unit, "the server document is the record as an export file writes it");
  assert.deepEqual(unitNamed(await storedData(b.page), "CĐCS Trường Tiểu học Vật Lại"), unit);
});

test("both offices offline, both edit the same unit and add their own: back online both units travel and the edited unit converges to one record", async () => {
  const shared = unitNamed(await storedData(a.page), "CĐCS Trường Tiểu học Vật Lại");
  await a.context.setOffline(true);
  await b.context.setOffline(true);

  await goTo(a.page, "Đơn vị & Cụm");
  await addUnit(a.page, "CĐCS Công ty May Ba Vì");
  await a.page.getByRole("button", { name: "Sửa CĐCS Trường Tiểu học Vật Lại" }).click();
  const editA = a.page.getByRole("form", { name: "Sửa đơn vị" });
  await editA.getByLabel("Tên viết tắt").fill("Vật Lại");
  await editA.getByRole("button", { name: "Lưu thay đổi" }).click();
  await a.page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của đơn vị" }).waitFor();

  await goTo(b.page, "Đơn vị & Cụm");
  await addUnit(b.page, "CĐCS Bệnh viện Sơn Tây");
  await b.page.getByRole("button", { name: "Sửa CĐCS Trường Tiểu học Vật Lại" }).click();
  const editB = b.page.getByRole("form", { name: "Sửa đơn vị" });
  await editB.getByLabel("Hoạt động từ ngày").fill("01/09/2001");
  await editB.getByRole("button", { name: "Lưu thay đổi" }).click();
  await b.page.getByRole("status").filter({ hasText: "Đã lưu thay đổi của đơn vị" }).waitFor();

  // Each says it is offline with its changes waiting.
  await goTo(a.page, "Dữ liệu");
  await statusLine(a.page, /Ngoại tuyến: 2 thay đổi chờ gửi/).waitFor({ timeout: WAIT });
  await goTo(b.page, "Dữ liệu");
  await statusLine(b.page, /Ngoại tuyến: 2 thay đổi chờ gửi/).waitFor({ timeout: WAIT });

  await a.context.setOffline(false);
  await b.context.setOffline(false);
  const both = (data) =>
    unitNamed(data, "CĐCS Công ty May Ba Vì") && unitNamed(data, "CĐCS Bệnh viện Sơn Tây");
  await until(a, both, "received Sơn Tây's unit");
  await until(b, both, "received Ba Vì's unit");

  // The unit both edited ends the same on both sides and on the server, with both offices' edits counted.
  let same;
  const deadline = Date.now() + WAIT;
  for (;;) {
    const [x, y] = [byId((await storedData(a.page)).units, shared.meta.id), byId((await storedData(b.page)).units, shared.meta.id)];
    const doc = await serverDoc(`units:${shared.meta.id}`);
    if (isDeepStrictEqual(x, y) && doc && isDeepStrictEqual(body(doc), x)) {
      same = x;
      break;
    }
    if (Date.now() > deadline) assert.fail(`the edited unit did not converge:\n${JSON.stringify(x)}\n${JSON.stringify(y)}\n${JSON.stringify(doc)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(same.meta.edits[a.office] >= 2, JSON.stringify(same.meta));
  assert.ok(same.meta.edits[b.office] >= 1, JSON.stringify(same.meta));
  editedOnBoth = same;
  await synced(a);
  await synced(b);
  // Everything each office has, the other has too.
  const units = async (o) => (await storedData(o.page)).units.map((u) => JSON.stringify(u)).sort();
  assert.deepEqual(await units(a), await units(b));
});

// Both offices edited one record while offline, each a different field: the merge from the
// server's revision each last knew keeps both edits (a whole-record winner would drop one).
test("edits to different fields of one record on both offices both survive", () => {
  assert.ok(editedOnBoth, "the previous test ran");
  assert.equal(editedOnBoth.short_name, "Vật Lại", "Ba Vì's edit");
  assert.equal(editedOnBoth.active_from, "2001-09-01", "Sơn Tây's edit");
});

test("a deletion travels", async () => {
  const file = exportFile(a.office, {
    units: [{ meta: meta("u-xoa", a.office), name: "LĐLĐ xã Tản Lĩnh", short_name: "", kind: "grassroots", parent_id: null, active_from: null, active_to: null, archived: false }],
    programmes: [
      {
        meta: meta("ctr-xoa", a.office),
        number: "07/CTr-UBND-LĐLĐ",
        title: "",
        authority: "UBND xã Tản Lĩnh",
        unit_id: "u-xoa",
        signed_on: "2024-03-15",
        from_year: 2024,
        to_year: 2026,
        areas: [{ id: "emulation", number: 1, title: "Thi đua yêu nước", lead: "joint", measures: [] }],
      },
    ],
  });
  await importAndConfirm(a.page, file);
  await until(b, (d) => byId(d.programmes, "ctr-xoa"), "received the programme");

  await a.page.goto(app.url + "#/phoi-hop/ctr-xoa");
  await a.page.getByRole("button", { name: "Xóa chương trình" }).click();
  await a.page.getByRole("alertdialog", { name: "Xác nhận xóa chương trình" }).getByRole("button", { name: "Xóa hẳn" }).click();

  await until(b, (d) => byId(d.programmes, "ctr-xoa")?.meta.deleted === true, "received the deletion");
  const doc = await serverDoc("programmes:ctr-xoa");
  assert.equal(doc.meta.deleted, true, "a deletion is a record with meta.deleted, not a CouchDB deletion");
  await b.page.goto(app.url + "#/phoi-hop");
  await b.page.getByRole("heading", { level: 1, name: "Phối hợp" }).waitFor();
  assert.equal(await b.page.getByText("07/CTr-UBND-LĐLĐ").count(), 0);
});

test("a record written by PouchDB in Node, in the documented format, appears in the app", async () => {
  const remote = new PouchDB(dbUrl, { auth: { username: federation.name, password: federation.password }, skip_setup: true });
  const tool = "cong-cu-thong-ke";
  const put = await remote.put({
    _id: "units:tu-pouchdb",
    meta: { id: "tu-pouchdb", changed_by: tool, changed_at: new Date().toISOString(), edits: { [tool]: 1 } },
    name: "CĐCS Công ty Điện lực Sơn Tây",
    short_name: "",
    kind: "grassroots",
    parent_id: null,
    active_from: null,
    active_to: null,
    archived: false,
  });
  assert.equal(put.ok, true);
  await remote.close();
  for (const office of [a, b]) {
    await goTo(office.page, "Đơn vị & Cụm");
    await office.page.getByRole("table", { name: "Danh sách đơn vị" }).getByRole("rowheader", { name: "CĐCS Công ty Điện lực Sơn Tây" }).waitFor({ timeout: WAIT });
  }
});

test("a conflict made on the server is merged by the version vectors, written back, and its losing revision removed", async () => {
  // Sơn Tây steps away, so only Ba Vì (whose revisions these are) resolves it.
  await goTo(b.page, "Dữ liệu");
  await section(b.page).getByRole("button", { name: "Ngắt kết nối" }).click();
  await statusLine(b.page, "Chưa kết nối").waitFor();

  const unit = unitNamed(await storedData(a.page), "CĐCS Công ty May Ba Vì");
  const id = `units:${unit.meta.id}`;
  const current = await serverDoc(id, "?revs=true");
  const [n] = current._rev.split("-");
  const k = current.meta.edits[a.office] ?? 0;
  // Two versions by Ba Vì that reached two nodes of a cluster: the newer (by version vector)
  // on a shorter branch, so CouchDB's own winner is the older one.
  const older = { ...body(current), name: "CĐCS Công ty May Ba Vì (cũ)", meta: { ...current.meta, edits: { ...current.meta.edits, [a.office]: k + 1 } } };
  const newer = { ...body(current), name: "CĐCS Công ty May mặc Ba Vì", meta: { ...current.meta, edits: { ...current.meta.edits, [a.office]: k + 2 } } };
  const parent = current._revisions.ids;
  const h = (c) => c.repeat(32);
  const docs = [
    { ...older, _id: id, _rev: `${Number(n) + 2}-${h("b")}`, _revisions: { start: Number(n) + 2, ids: [h("b"), h("a"), ...parent] } },
    { ...newer, _id: id, _rev: `${Number(n) + 1}-${h("c")}`, _revisions: { start: Number(n) + 1, ids: [h("c"), ...parent] } },
  ];
  const written = await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs, new_edits: false });
  assert.equal(written.status, 201, written.text);
  const made = await serverDoc(id, "?conflicts=true");
  assert.equal(made.name, "CĐCS Công ty May Ba Vì (cũ)", "CouchDB's arbitrary winner is the older version");
  assert.equal(made._conflicts.length, 1);

  await goTo(a.page, "Đơn vị & Cụm");
  await a.page.getByRole("table", { name: "Danh sách đơn vị" }).getByRole("rowheader", { name: "CĐCS Công ty May mặc Ba Vì" }).waitFor({ timeout: WAIT });
  const deadline = Date.now() + WAIT;
  let resolved;
  for (;;) {
    resolved = await serverDoc(id, "?conflicts=true");
    if (!resolved._conflicts && resolved.name === "CĐCS Công ty May mặc Ba Vì") break;
    if (Date.now() > deadline) assert.fail(`the conflict was not resolved on the server: ${JSON.stringify(resolved)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(body(resolved), byId((await storedData(a.page)).units, unit.meta.id));
  assert.ok(resolved.meta.edits[a.office] >= k + 2);
});

test("a wrong password gives its alert and loses nothing; the right one catches up", async () => {
  await goTo(b.page, "Dữ liệu");
  const before = await storedText(b.page);
  await connect(b, "mat-khau-sai");
  const alert = section(b.page).getByRole("alert");
  await alert.first().waitFor({ timeout: WAIT });
  assert.match(await alert.first().textContent(), /mật khẩu/i);
  assert.equal(await storedText(b.page), before, "nothing changed");

  await connect(b);
  await synced(b);
  await until(b, (d) => d.units.some((u) => u.name === "CĐCS Công ty May mặc Ba Vì"), "caught up with the resolved conflict");
  assert.equal(await section(b.page).getByRole("alert").count(), 0, "the alert is gone once connected");
});

test("a record the design document refuses is named with the server's reason and kept on this machine", async () => {
  // Imported from another office's file: last changed by that office, so Ba Vì's account may not write it.
  const other = "lđlđ-thach-that";
  await importAndConfirm(a.page, exportFile(other, {
    units: [{ meta: meta("u-thach-that", other), name: "LĐLĐ huyện Thạch Thất", short_name: "", kind: "district", parent_id: null, active_from: null, active_to: null, archived: false }],
  }));
  await goTo(a.page, "Dữ liệu");
  const refused = section(a.page).getByText(/Máy chủ từ chối bản ghi «(Đơn vị )?LĐLĐ huyện Thạch Thất»/);
  await refused.waitFor({ timeout: WAIT }).catch(async (e) => {
    throw new Error(`${e.message}\nThe section says: ${await section(a.page).innerText()}`);
  });
  const said = await refused.textContent();
  assert.match(said, new RegExp(`Bản ghi do đơn vị khác sửa lần cuối \\(mã ${other}\\); tài khoản của đơn vị ${a.office} chỉ được ghi thay đổi của chính đơn vị mình`));
  assert.match(said, /Bản ghi vẫn giữ trên máy này/);
  assert.ok(byId((await storedData(a.page)).units, "u-thach-that"), "kept locally");
  assert.equal(await serverDoc("units:u-thach-that"), null);
});

// Once seen: after a batch the server refused whole, the status line stayed at "Đang gửi lên:
// 0/1 thay đổi" until the next change.
test("after a refusal the status line says the sync is done", async () => {
  await synced(a).catch(async (e) => {
    throw new Error(`${e.message}\nThe status says: ${await section(a.page).getByRole("status").allInnerTexts()}`);
  });
});

test("after a refusal, other work still syncs", async () => {
  await goTo(a.page, "Đơn vị & Cụm");
  await addUnit(a.page, "CĐCS Trường THCS Tản Lĩnh");
  await until(b, (d) => unitNamed(d, "CĐCS Trường THCS Tản Lĩnh"), "received the unit added after the refusal");
  await synced(a).catch(async (e) => {
    throw new Error(`${e.message}\nThe status says: ${await section(a.page).getByRole("status").allInnerTexts()}`);
  });
});

test("no page error and no CSP violation in either office", async () => {
  for (const office of [a, b]) {
    assert.deepEqual(office.page.jsErrors, [], office.name);
    assert.deepEqual(await office.page.evaluate(() => window.cspViolations), [], office.name);
  }
});
