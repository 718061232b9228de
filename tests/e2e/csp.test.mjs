// The Content-Security-Policy of both editions (scripts/csp.mjs): connect-src admits a CouchDB
// sync server (https:, loopback http, the intranet origins named at build time) and the rest
// stays as strict; and the last build carries it.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { servedPolicy, singleFilePolicy, syncSources } from "../../scripts/csp.mjs";
import { ROOT } from "./helpers.mjs";

const directive = (policy, name) => policy.split("; ").find((d) => d.startsWith(name + " "));

test("both editions' connect-src admit the sync server and nothing else", () => {
  assert.equal(directive(servedPolicy(["x"]), "connect-src"), "connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
  assert.equal(directive(singleFilePolicy({ scripts: ["x"], styles: ["y"] }), "connect-src"), "connect-src https: http://127.0.0.1:* http://localhost:*");
  for (const policy of [servedPolicy(["x"]), singleFilePolicy({ scripts: ["x"], styles: ["y"] })]) {
    assert.match(policy, /default-src 'none'/);
    // No inline code or eval, no "any source", no plain http: scheme as a whole.
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'| \*( |;|$)| http:( |;|$)/);
  }
});

test("THIDUA_SYNC_ORIGINS adds intranet origins, and anything but an origin stops the build", () => {
  assert.equal(
    syncSources({ THIDUA_SYNC_ORIGINS: " http://192.168.1.10:5984  http://dongbo.lan:5984 " }),
    "https: http://127.0.0.1:* http://localhost:* http://192.168.1.10:5984 http://dongbo.lan:5984",
  );
  for (const bad of ["http://x; script-src *", "http://x/thidua", "'unsafe-inline'", "*", "ftp://x"]) {
    assert.throws(() => syncSources({ THIDUA_SYNC_ORIGINS: bad }), /THIDUA_SYNC_ORIGINS/, bad);
  }
});

test("the last build carries the policies", { skip: !fs.existsSync(path.join(ROOT, "dist/index.html")) && "no build" }, () => {
  const served = fs.readFileSync(path.join(ROOT, "dist/index.html"), "utf8");
  assert.match(served, /connect-src 'self' https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*/);
  const single = fs.readFileSync(path.join(ROOT, "dist-single/thidua.html"), "utf8");
  assert.match(single, /connect-src https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*/);
});
