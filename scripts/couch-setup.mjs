#!/usr/bin/env node
// Prepares a CouchDB server (3.x, single node or cluster) for Thi đua's live sync, in one
// command an administrator can run again at any time (it changes only what differs):
//   node scripts/couch-setup.mjs --url https://dongbo.example.vn --admin admin:MẬT-KHẨU \
//        [--db thidua] [--users users.json]
// - creates the database (and CouchDB's `_users` if the server has none yet);
// - puts the design document `_design/thidua` (server/couchdb/: validate_doc_update, with the
//   records' shape read from docs/export.schema.json) when it differs from the stored one;
// - puts the database's `_security` (server/couchdb/security.json: members by the role thidua);
// - creates or updates the users of the users file with their roles:
//     [{ "name": "bavi", "password": "…", "office": "<Mã đơn vị>" },
//      { "name": "ldld", "password": "…", "federation": true }]
//   every user gets `thidua`; an office user `thidua-office:<office>`, a federation user
//   `thidua-federation`. A password is set only when it is not already the user's password.
// Prints one Vietnamese line per step; exits 1 with the reason on failure.
import fs from "node:fs";
import { DESIGN_ID, designDocument, securityObject } from "../server/couchdb/design.mjs";

class SetupError extends Error {}

function parseArgs(argv) {
  const args = { db: "thidua" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!["--url", "--admin", "--db", "--users"].includes(flag)) {
      throw new SetupError(`Không hiểu tham số «${flag}». Cách dùng: node scripts/couch-setup.mjs --url <địa chỉ máy chủ> --admin <tên>:<mật khẩu> [--db thidua] [--users users.json]`);
    }
    if (value === undefined) throw new SetupError(`Tham số ${flag} thiếu giá trị.`);
    args[flag.slice(2)] = value;
    i++;
  }
  if (!args.url) throw new SetupError("Thiếu --url <địa chỉ máy chủ CouchDB>, ví dụ --url https://dongbo.example.vn");
  if (!args.admin || !args.admin.includes(":")) throw new SetupError("Thiếu --admin <tên quản trị>:<mật khẩu>.");
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(args.db)) {
    throw new SetupError(`Tên cơ sở dữ liệu «${args.db}» không hợp lệ với CouchDB (chữ thường, bắt đầu bằng chữ cái).`);
  }
  const colon = args.admin.indexOf(":");
  args.adminName = args.admin.slice(0, colon);
  args.adminPassword = args.admin.slice(colon + 1);
  args.url = args.url.replace(/\/+$/, "");
  return args;
}

function readUsers(file) {
  if (!file) return [];
  let users;
  try {
    users = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new SetupError(`Không đọc được tệp người dùng ${file}: ${e.message}`);
  }
  if (!Array.isArray(users)) throw new SetupError(`Tệp ${file} phải là một danh sách JSON [{"name": …}, …].`);
  return users.map((user, i) => {
    const where = `Tệp ${file}, người dùng thứ ${i + 1}`;
    if (!user || typeof user.name !== "string" || !user.name) throw new SetupError(`${where}: thiếu "name".`);
    const federation = user.federation === true;
    const office = typeof user.office === "string" ? user.office.trim() : "";
    if (federation === Boolean(office)) {
      throw new SetupError(`${where} («${user.name}»): cần đúng một trong "office": "<Mã đơn vị>" hoặc "federation": true.`);
    }
    if (user.password !== undefined && (typeof user.password !== "string" || !user.password)) {
      throw new SetupError(`${where} («${user.name}»): "password" phải là chuỗi không rỗng.`);
    }
    const roles = ["thidua", federation ? "thidua-federation" : `thidua-office:${office}`];
    return { name: user.name, password: user.password, roles };
  });
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

function basic(name, password) {
  return "Basic " + Buffer.from(`${name}:${password}`, "utf8").toString("base64");
}

function makeClient(root, authorization) {
  return async function request(method, path, body) {
    let response;
    try {
      response = await fetch(root + path, {
        method,
        headers: {
          Accept: "application/json",
          ...(authorization ? { Authorization: authorization } : {}),
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      throw new SetupError(`Không kết nối được máy chủ ${root} (${e.cause?.code || e.message}). Kiểm tra địa chỉ và mạng.`);
    }
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: kept as text for the message.
    }
    return { status: response.status, json, text };
  };
}

function failure(what, answer) {
  const reason = answer.json ? `${answer.json.error || ""}: ${answer.json.reason || ""}` : answer.text.slice(0, 200);
  return new SetupError(`${what}: máy chủ trả lời ${answer.status} (${reason}).`);
}

const db = (name) => "/" + encodeURIComponent(name);
const docPath = (dbName, id) => `${db(dbName)}/${id.startsWith("_design/") ? "_design/" + encodeURIComponent(id.slice(8)) : encodeURIComponent(id)}`;

async function checkServer(request, args) {
  // Asked without the admin's password: a wrong one makes CouchDB refuse even the greeting.
  const hello = await makeClient(args.url)("GET", "/");
  // CouchDB greets with {"couchdb": "Welcome"}; PouchDB Server (the tests') with "express-pouchdb".
  if (hello.status !== 200 || !hello.json || !("couchdb" in hello.json || "express-pouchdb" in hello.json)) {
    throw new SetupError(`${args.url} không phải máy chủ CouchDB (trả lời ${hello.status}). --url là địa chỉ gốc của máy chủ, không phải của cơ sở dữ liệu.`);
  }
  const session = await request("GET", "/_session");
  if (session.status === 401) throw new SetupError(`Sai tên hoặc mật khẩu quản trị «${args.adminName}».`);
  const roles = session.json?.userCtx?.roles || [];
  if (session.status !== 200 || !roles.includes("_admin")) {
    throw new SetupError(`Tài khoản «${args.adminName}» không phải quản trị viên máy chủ (vai trò _admin); sai tên hoặc mật khẩu?`);
  }
  const product = "couchdb" in hello.json ? "CouchDB" : "PouchDB Server";
  console.log(`Máy chủ ${args.url}: ${product} ${hello.json.version || ""}, đăng nhập quản trị «${args.adminName}».`);
}

async function ensureDatabase(request, name, label) {
  const info = await request("GET", db(name));
  if (info.status === 200) {
    console.log(`Cơ sở dữ liệu ${label} đã có.`);
    return;
  }
  if (info.status !== 404) throw failure(`Đọc cơ sở dữ liệu ${label}`, info);
  const created = await request("PUT", db(name));
  if (created.status !== 201 && created.status !== 202) throw failure(`Tạo cơ sở dữ liệu ${label}`, created);
  console.log(`Đã tạo cơ sở dữ liệu ${label}.`);
}

async function ensureDesign(request, dbName) {
  const wanted = designDocument();
  const path = docPath(dbName, DESIGN_ID);
  const stored = await request("GET", path);
  if (stored.status === 200) {
    const { _rev, ...body } = stored.json;
    if (deepEqual(body, wanted)) {
      console.log(`Tài liệu thiết kế ${DESIGN_ID} (kiểm tra bản ghi và quyền ghi) không đổi.`);
      return;
    }
    const put = await request("PUT", path, { ...wanted, _rev });
    if (put.status !== 201 && put.status !== 202) throw failure(`Cập nhật ${DESIGN_ID}`, put);
    console.log(`Đã cập nhật tài liệu thiết kế ${DESIGN_ID}.`);
    return;
  }
  if (stored.status !== 404) throw failure(`Đọc ${DESIGN_ID}`, stored);
  const put = await request("PUT", path, wanted);
  if (put.status !== 201 && put.status !== 202) throw failure(`Tạo ${DESIGN_ID}`, put);
  console.log(`Đã tạo tài liệu thiết kế ${DESIGN_ID}.`);
}

async function ensureSecurity(request, dbName) {
  const wanted = securityObject();
  const stored = await request("GET", `${db(dbName)}/_security`);
  if (stored.status !== 200) throw failure("Đọc _security", stored);
  if (deepEqual(stored.json, wanted)) {
    console.log(`Quyền truy cập (_security) không đổi: thành viên là vai trò thidua.`);
    return;
  }
  const put = await request("PUT", `${db(dbName)}/_security`, wanted);
  if (put.status !== 200) throw failure("Ghi _security", put);
  console.log(`Đã đặt quyền truy cập (_security): thành viên là vai trò thidua.`);
}

/** True when `password` is already the user's password (a _session login succeeds). */
async function passwordWorks(root, name, password) {
  const answer = await makeClient(root)("POST", "/_session", { name, password });
  return answer.status === 200 && answer.json?.ok === true;
}

async function ensureUser(request, root, user) {
  const id = `org.couchdb.user:${user.name}`;
  const path = `/_users/${encodeURIComponent(id)}`;
  const stored = await request("GET", path);
  if (stored.status === 404) {
    if (!user.password) throw new SetupError(`Người dùng «${user.name}» chưa có trên máy chủ: cần "password" trong tệp người dùng.`);
    const put = await request("PUT", path, { _id: id, name: user.name, type: "user", roles: user.roles, password: user.password });
    if (put.status !== 201 && put.status !== 202) throw failure(`Tạo người dùng «${user.name}»`, put);
    console.log(`Đã tạo người dùng «${user.name}» với vai trò ${user.roles.join(", ")}.`);
    return;
  }
  if (stored.status !== 200) throw failure(`Đọc người dùng «${user.name}»`, stored);
  // Roles of other applications are kept; ours are exactly the wanted ones.
  const others = (stored.json.roles || []).filter((role) => !role.startsWith("thidua"));
  const roles = [...user.roles, ...others];
  const rolesSame = deepEqual(stored.json.roles || [], roles);
  const passwordSame = !user.password || (await passwordWorks(root, user.name, user.password));
  if (rolesSame && passwordSame) {
    console.log(`Người dùng «${user.name}» không đổi (vai trò ${roles.join(", ")}).`);
    return;
  }
  const next = { ...stored.json, roles };
  if (!passwordSame) next.password = user.password;
  const put = await request("PUT", path, next);
  if (put.status !== 201 && put.status !== 202) throw failure(`Cập nhật người dùng «${user.name}»`, put);
  const what = [!rolesSame && `vai trò ${roles.join(", ")}`, !passwordSame && "mật khẩu mới"].filter(Boolean).join(", ");
  console.log(`Đã cập nhật người dùng «${user.name}»: ${what}.`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const users = readUsers(args.users);
  const request = makeClient(args.url, basic(args.adminName, args.adminPassword));
  await checkServer(request, args);
  await ensureDatabase(request, args.db, args.db);
  await ensureDesign(request, args.db);
  await ensureSecurity(request, args.db);
  if (users.length) {
    // A fresh CouchDB 3 without its setup wizard has no _users yet.
    await ensureDatabase(request, "_users", "người dùng _users");
    for (const user of users) await ensureUser(request, args.url, user);
  }
  console.log(`Xong. Địa chỉ cơ sở dữ liệu cho ứng dụng: ${args.url}/${args.db}`);
}

main().catch((e) => {
  console.error(e instanceof SetupError ? `Lỗi: ${e.message}` : `Lỗi không lường trước: ${e.stack || e}`);
  process.exit(1);
});
