// The README's same-origin setup: one origin serves the app at / and forwards /couchdb/ to the
// CouchDB-protocol server (as the nginx example does), so no CORS is involved at all. The
// service worker controls the pages and must leave the database's requests (login, long-polled
// _changes, _bulk_docs) to the network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import path from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { launch, openApp, goTo, addUnit, nameOffice, storedData, recordCspViolations, ROOT } from "./helpers.mjs";
import { startCouch, setupDatabase, couchRequest } from "./couch.mjs";

let files;
let front;
let couch;
let browser;
let origin;

/** The reverse proxy: /couchdb/… to the server (prefix stripped, cookie path narrowed), the rest to the app's files. */
function startFront(filesPort, couchUrl) {
  const target = new URL(couchUrl);
  const server = http.createServer((req, res) => {
    const toCouch = req.url.startsWith("/couchdb/");
    const headers = { ...req.headers, host: toCouch ? target.host : `127.0.0.1:${filesPort}` };
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: toCouch ? target.port : filesPort,
        method: req.method,
        path: toCouch ? req.url.slice("/couchdb".length) : req.url,
        headers,
      },
      (answer) => {
        const out = { ...answer.headers };
        if (toCouch && out["set-cookie"]) out["set-cookie"] = out["set-cookie"].map((c) => c.replace(/Path=\/(;|$)/i, "Path=/couchdb/$1"));
        res.writeHead(answer.statusCode, out);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

before(async () => {
  files = await serve(path.join(ROOT, "dist"), 0);
  // No CORS origin for the app: it never needs one here.
  couch = await startCouch({ origins: [] });
  front = await startFront(files.address().port, couch.url);
  origin = `http://127.0.0.1:${front.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const server of [front, files]) {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  }
  await couch?.stop();
});

async function office(name) {
  const context = await browser.newContext();
  await recordCspViolations(context);
  const page = await openApp(context, origin + "/", "#/du-lieu");
  // Controlled by the service worker from here on.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.getByRole("navigation", { name: "Chính" }).waitFor();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the page is controlled by the service worker");
  await nameOffice(page, name);
  return { context, page, office: (await storedData(page)).office.id, name };
}

async function connect(o, user) {
  await goTo(o.page, "Dữ liệu");
  const s = o.page.getByRole("region", { name: "Đồng bộ qua máy chủ" });
  await s.getByLabel("Địa chỉ cơ sở dữ liệu").fill(`${origin}/couchdb/thidua`);
  await s.getByLabel("Tên đăng nhập").fill(user.name);
  await s.getByLabel("Mật khẩu", { exact: true }).fill(user.password);
  await s.getByRole("button", { name: "Kết nối" }).click();
  await s.getByRole("status").filter({ hasText: /Đã đồng bộ lúc/ }).waitFor({ timeout: 60_000 });
}

test("app and database on one origin behind a proxy: sync works under the service worker, with no CORS", async () => {
  const a = await office("LĐLĐ huyện Đông Anh");
  const b = await office("LĐLĐ huyện Gia Lâm");
  const users = [
    { name: "donganh", password: "mat-khau-dong-anh", office: a.office },
    { name: "gialam", password: "mat-khau-gia-lam", office: b.office },
  ];
  await setupDatabase(couch, users);
  await connect(a, users[0]);
  await connect(b, users[1]);

  await goTo(a.page, "Đơn vị & Cụm");
  await addUnit(a.page, "CĐCS Công ty Cơ khí Đông Anh");
  await goTo(b.page, "Đơn vị & Cụm");
  await b.page.getByRole("table", { name: "Danh sách đơn vị" }).getByRole("rowheader", { name: "CĐCS Công ty Cơ khí Đông Anh" }).waitFor({ timeout: 60_000 });

  const unit = (await storedData(a.page)).units.find((u) => u.name === "CĐCS Công ty Cơ khí Đông Anh");
  assert.equal((await couchRequest(couch, "GET", `/thidua/${encodeURIComponent("units:" + unit.meta.id)}`)).status, 200);
  // The service worker cached the app's files only, never an answer of the database.
  const cached = await a.page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls;
  });
  assert.ok(cached.length > 0);
  assert.deepEqual(cached.filter((u) => u.includes("/couchdb/")), []);
  for (const o of [a, b]) {
    assert.deepEqual(o.page.jsErrors, [], o.name);
    assert.deepEqual(await o.page.evaluate(() => window.cspViolations), [], o.name);
  }
});
