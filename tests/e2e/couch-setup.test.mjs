// The server side of the live sync, without the app: scripts/couch-setup.mjs (idempotent, clear
// failures), the design document's validate_doc_update (records' shape and each office's write
// scope), and the two mended bugs of PouchDB Server the sync tests rely on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { ROOT } from "./helpers.mjs";
import { startCouch, setupDatabase, couchRequest } from "./couch.mjs";

const OFFICE = "office-bavi";
const OTHER = "office-soncay";
const BAVI = { name: "bavi", password: "mat-khau-ba-vi", office: OFFICE };
const LDLD = { name: "ldld", password: "mat-khau-ldld", federation: true };
const USERS = [BAVI, LDLD];

let couch;
before(async () => {
  couch = await startCouch({ origins: ["http://127.0.0.1:1"] });
  await setupDatabase(couch, USERS);
});
after(async () => couch?.stop());

function unit(id, changedBy, fields = {}) {
  return {
    _id: `units:${id}`,
    meta: { id, changed_by: changedBy, changed_at: "2026-12-07T08:00:00Z", edits: { [changedBy]: 1 } },
    name: `Công đoàn cơ sở ${id}`,
    kind: "grassroots",
    ...fields,
  };
}

/** What a second setup run must leave as it was. */
async function serverState() {
  const info = (await couchRequest(couch, "GET", "/thidua")).json;
  const users = {};
  for (const user of USERS) {
    users[user.name] = (await couchRequest(couch, "GET", `/_users/${encodeURIComponent("org.couchdb.user:" + user.name)}`)).json;
  }
  return {
    info: { doc_count: info.doc_count, doc_del_count: info.doc_del_count, update_seq: info.update_seq },
    design: (await couchRequest(couch, "GET", "/thidua/_design/thidua")).json,
    security: (await couchRequest(couch, "GET", "/thidua/_security")).json,
    users,
    userDbSeq: (await couchRequest(couch, "GET", "/_users")).json.update_seq,
  };
}

function runSetup(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "scripts", "couch-setup.mjs"), ...args], (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, out: stdout + stderr }),
    );
  });
}

test("the setup script run twice leaves the server as the first run made it, and says nothing changed", async () => {
  const first = await serverState();
  assert.equal(first.design._id, "_design/thidua");
  assert.match(first.design.validate_doc_update, /"units":\{"required":\["meta","name","kind"\]/);
  assert.deepEqual(first.security.members.roles, ["thidua"]);
  assert.deepEqual(first.users.bavi.roles, ["thidua", `thidua-office:${OFFICE}`]);
  assert.deepEqual(first.users.ldld.roles, ["thidua", "thidua-federation"]);

  const out = await setupDatabase(couch, USERS);
  assert.match(out, /Cơ sở dữ liệu thidua đã có\./);
  assert.match(out, /Tài liệu thiết kế _design\/thidua .*không đổi\./);
  assert.match(out, /Người dùng «bavi» không đổi/);
  assert.doesNotMatch(out, /Đã (tạo|cập nhật|đặt)/);
  assert.deepEqual(await serverState(), first);
});

test("the setup script changes a user's roles when the users file does, and keeps other applications' roles", async () => {
  const path_ = `/_users/${encodeURIComponent("org.couchdb.user:bavi")}`;
  const stored = (await couchRequest(couch, "GET", path_)).json;
  await couchRequest(couch, "PUT", path_, { ...stored, roles: ["thidua", "thidua-office:old", "other-app"] });
  const out = await setupDatabase(couch, USERS);
  assert.match(out, /Đã cập nhật người dùng «bavi»: vai trò thidua, thidua-office:office-bavi, other-app\./);
  assert.deepEqual((await couchRequest(couch, "GET", path_)).json.roles, ["thidua", `thidua-office:${OFFICE}`, "other-app"]);
});

test("the setup script fails with a clear message on a wrong admin password or an unreachable server", async () => {
  const wrong = await runSetup(["--url", couch.url, "--admin", "admin:sai"]);
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.out, /Sai tên hoặc mật khẩu quản trị «admin»/);
  const nowhere = await runSetup(["--url", "http://127.0.0.1:1", "--admin", "admin:x"]);
  assert.notEqual(nowhere.code, 0);
  assert.match(nowhere.out, /Không kết nối được máy chủ http:\/\/127\.0\.0\.1:1/);
  const usage = await runSetup(["--url", couch.url]);
  assert.notEqual(usage.code, 0);
  assert.match(usage.out, /Thiếu --admin/);
});

test("validate_doc_update is ES5, as CouchDB's JavaScript engines run it", async () => {
  const source = (await couchRequest(couch, "GET", "/thidua/_design/thidua")).json.validate_doc_update;
  // What a newer habit slips in: arrow functions, let/const, template strings, spreads, classes.
  for (const [pattern, what] of [[/=>/, "=>"], [/\b(let|const|class)\s/, "let/const/class"], [/`/, "template string"], [/\.\.\./, "spread"]]) {
    const code = source.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, pattern, what);
  }
  assert.match(source, /^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
});

test("the design document refuses documents that are not valid records, naming the field", async () => {
  const cases = [
    [{ ...unit("a1", OFFICE), _id: "a1" }, /Mã tài liệu «a1» không đúng dạng/],
    [{ ...unit("a2", OFFICE), _id: "people:a2" }, /nhóm bản ghi «people» không có/],
    [{ ...unit("a3", OFFICE), _id: "units:khac" }, /«meta\.id» là «a3», phải trùng/],
    [(({ name, ...rest }) => rest)(unit("a4", OFFICE)), /thiếu trường bắt buộc «name»/],
    [unit("a5", OFFICE, { name: 42 }), /trường «name» phải là chuỗi ký tự/],
    [unit("a6", OFFICE, { kind: "village" }), /trường «kind» là «village», phải là một trong/],
    [unit("a7", OFFICE, { active_to: "30/06/2025" }), /trường «active_to» phải là ngày dạng yyyy-mm-dd/],
    [{ ...unit("a8", OFFICE), meta: { id: "a8", changed_by: OFFICE, changed_at: "hôm qua" } }, /«meta\.changed_at» phải là thời điểm dạng RFC 3339/],
    [{ ...unit("a9", OFFICE), meta: { id: "a9", changed_by: OFFICE, changed_at: "2026-12-07T08:00:00Z", edits: { [OFFICE]: -1 } } }, /«meta\.edits\.office-bavi» phải là số nguyên không âm/],
    [{ _id: "clusters:c1", meta: unit("c1", OFFICE).meta, name: "Cụm 4", year: "2023", member_ids: [] }, /trường «year» phải là số nguyên/],
  ];
  for (const [doc, reason] of cases) {
    for (const who of [BAVI, LDLD]) {
      const answer = await couchRequest(couch, "PUT", `/thidua/${encodeURIComponent(doc._id)}`, doc, who);
      assert.equal(answer.status, 403, `${who.name} ${doc._id}: ${answer.text}`);
      assert.equal(answer.json.error, "forbidden");
      assert.match(answer.json.reason, reason);
    }
  }
  // Per document in a batch, the others stored.
  const batch = await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs: [unit("b1", OFFICE), unit("b2", OFFICE, { kind: 1 })] }, BAVI);
  // PouchDB Server lists refusals first (CouchDB keeps the request's order): match by id.
  assert.equal(batch.status, 201);
  const byId = Object.fromEntries(batch.json.map((r) => [r.id, r]));
  assert.equal(byId["units:b1"].ok, true, batch.text);
  assert.equal(byId["units:b2"].error, "forbidden");
  assert.match(byId["units:b2"].reason, /trường «kind» phải là chuỗi ký tự/);
});

test("an office writes its own changes and merges only; the federation and the admin write everything", async () => {
  const own = await couchRequest(couch, "PUT", "/thidua/units%3Aown", unit("own", OFFICE), BAVI);
  assert.equal(own.status, 201, own.text);

  const foreign = await couchRequest(couch, "PUT", "/thidua/units%3Aforeign", unit("foreign", OTHER), BAVI);
  assert.equal(foreign.status, 403);
  assert.equal(
    foreign.json.reason,
    `Bản ghi do đơn vị khác sửa lần cuối (mã ${OTHER}); tài khoản của đơn vị ${OFFICE} chỉ được ghi thay đổi của chính đơn vị mình.`,
  );

  const byFederation = await couchRequest(couch, "PUT", "/thidua/units%3Aforeign", unit("foreign", OTHER), LDLD);
  assert.equal(byFederation.status, 201, byFederation.text);
  const rev = byFederation.json.rev;

  // Another office's record with only the version vector joined: accepted.
  const merged = unit("foreign", OTHER);
  merged.meta.edits = { [OTHER]: 1, [OFFICE]: 2 };
  const join = await couchRequest(couch, "PUT", "/thidua/units%3Aforeign", { ...merged, _rev: rev }, BAVI);
  assert.equal(join.status, 201, join.text);

  // The same with its content changed, or an office's count lowered: refused.
  const changed = { ...merged, name: "Tên khác", _rev: join.json.rev };
  assert.equal((await couchRequest(couch, "PUT", "/thidua/units%3Aforeign", changed, BAVI)).status, 403);
  const lowered = { ...unit("foreign", OTHER), _rev: join.json.rev };
  lowered.meta.edits = { [OTHER]: 1, [OFFICE]: 3 - 2 };
  assert.equal((await couchRequest(couch, "PUT", "/thidua/units%3Aforeign", lowered, BAVI)).status, 403);

  const byAdmin = await couchRequest(couch, "PUT", "/thidua/units%3Aadmin", unit("admin", OTHER));
  assert.equal(byAdmin.status, 201, byAdmin.text);

  // Design documents are the admin's.
  const design = await couchRequest(couch, "PUT", "/thidua/_design/other", { language: "javascript" }, LDLD);
  assert.notEqual(design.status, 201);
});

test("replicated conflicting revisions land with the design document present, and an office removes only its own losing revision", async () => {
  const id = "units:conflict";
  const a = { ...unit("conflict", OFFICE, { name: "Phiên bản A" }), _rev: "1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };
  const b = { ...unit("conflict", OFFICE, { name: "Phiên bản B" }), _rev: "1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" };
  const answer = await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs: [a, b], new_edits: false });
  assert.equal(answer.status, 201, answer.text);
  // An update replicated on top of A (its _revisions name its parent).
  const a2 = {
    ...unit("conflict", OFFICE, { name: "Phiên bản A sửa" }),
    _rev: "2-cccccccccccccccccccccccccccccccc",
    _revisions: { start: 2, ids: ["cccccccccccccccccccccccccccccccc", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] },
  };
  assert.equal((await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs: [a2], new_edits: false })).status, 201);

  const doc = (await couchRequest(couch, "GET", `/thidua/${encodeURIComponent(id)}?conflicts=true`)).json;
  assert.equal(doc._rev, a2._rev);
  assert.equal(doc.name, "Phiên bản A sửa");
  assert.deepEqual(doc._conflicts, [b._rev]);

  // The losing revision, last changed by this office: its office user may remove it.
  const removed = await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs: [{ _id: id, _rev: b._rev, _deleted: true }] }, BAVI);
  assert.equal(removed.status, 201, removed.text);
  assert.equal(removed.json[0].ok, true, removed.text);
  const after = (await couchRequest(couch, "GET", `/thidua/${encodeURIComponent(id)}?conflicts=true`)).json;
  assert.equal(after._conflicts, undefined);

  // Another office's revision: refused.
  const c = { ...unit("conflict2", OTHER), _rev: "1-dddddddddddddddddddddddddddddddd" };
  const d = { ...unit("conflict2", OTHER), _rev: "1-eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", name: "Khác" };
  await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs: [c, d], new_edits: false });
  const refused = await couchRequest(couch, "POST", "/thidua/_bulk_docs", { docs: [{ _id: "units:conflict2", _rev: c._rev, _deleted: true }] }, BAVI);
  assert.equal(refused.json[0].error, "forbidden", refused.text);
  assert.match(refused.json[0].reason, /do đơn vị office-soncay sửa/);
});

test("a non-admin creating a database is refused and the server keeps running", async () => {
  const answer = await couchRequest(couch, "PUT", "/newdb", undefined, BAVI);
  assert.ok(answer.status >= 400, answer.text);
  const anonymous = await couchRequest(couch, "PUT", "/newdb2", undefined, null);
  assert.ok(anonymous.status >= 400, anonymous.text);
  assert.ok(couch.alive(), couch.output());
  assert.equal((await couchRequest(couch, "GET", "/")).status, 200);
  assert.equal((await couchRequest(couch, "GET", "/newdb")).status, 404);
});

test("a logged-in user who is not a member reads nothing", async () => {
  // PouchDB Server answers 401 here where CouchDB answers 403: only the refusal is asserted.
  await couchRequest(couch, "PUT", `/_users/${encodeURIComponent("org.couchdb.user:stranger")}`, {
    _id: "org.couchdb.user:stranger", name: "stranger", type: "user", roles: [], password: "x",
  });
  const answer = await couchRequest(couch, "GET", "/thidua/_all_docs", undefined, { name: "stranger", password: "x" });
  assert.ok(answer.status === 401 || answer.status === 403, answer.text);
});
