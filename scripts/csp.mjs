// The Content-Security-Policy of each edition, in one place so they can be read side by side.
// Both allow no network use by the app itself beyond loading its own files and talking to a
// CouchDB sync server, no plugins, no <base> changes and no form posts; scripts run only if they
// are the app's own (by origin or by hash); 'wasm-unsafe-eval' lets WebAssembly compile and
// nothing else (no eval of JS text).
import crypto from "node:crypto";

/**
 * Where the live sync may reach a CouchDB server (connect-src): any HTTPS server (the
 * federation's address is typed by the officer, not known when the app is built), a server on
 * this machine over plain http (loopback: tests, a CouchDB on the officer's own PC), and the
 * plain-http intranet origins an installation names at build time in THIDUA_SYNC_ORIGINS
 * (space-separated, e.g. "http://192.168.1.10:5984 http://dongbo.lan:5984").
 */
export function syncSources(env = process.env) {
  const named = (env.THIDUA_SYNC_ORIGINS ?? "").split(/\s+/).filter(Boolean);
  for (const origin of named) {
    // An origin only: a path, a quote or a semicolon would change the policy's meaning.
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:(\d+|\*))?$/.test(origin) && !/^https?:\/\/\[[0-9A-Fa-f:.]+\](:(\d+|\*))?$/.test(origin)) {
      throw new Error(`THIDUA_SYNC_ORIGINS: «${origin}» không phải một origin (http://máy:cổng hoặc https://máy)`);
    }
  }
  return ["https:", "http://127.0.0.1:*", "http://localhost:*", ...named].join(" ");
}

/** The CSP source for an inline script or style: 'sha256-…' of its exact text. */
export function hashSource(text) {
  return `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Inline <script> bodies (no src) of a page, exactly as the browser hashes them. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
}

/** Served edition (dist/): its own files, plus trunk's inline loader by hash. */
export function servedPolicy(inlineScripts) {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScripts.map(hashSource).join(" ")} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    // The loader fetches the wasm and the service worker caches the app's files (same origin,
    // also a CouchDB behind the same reverse proxy); the sync server may be elsewhere.
    `connect-src 'self' ${syncSources()}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Single-file edition: everything is inline, so everything is allowed by hash; the only
 * fetches are the sync server's (a file:// page has no origin of its own to allow). */
export function singleFilePolicy({ scripts, styles }) {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(hashSource).join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${styles.map(hashSource).join(" ")}`,
    "img-src data:",
    `connect-src ${syncSources()}`,
    // The office worker starts from a blob: URL made of the page's own inline block.
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The <meta> element carrying a policy (attribute-escaped). */
export function metaTag(policy) {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" />`;
}

/** Inserts (or replaces) the CSP meta right after <meta charset>, before anything it governs. */
export function withPolicy(html, policy) {
  const without = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(without)) throw new Error("index.html: không thấy <meta charset=\"utf-8\">");
  return without.replace(charset, (m) => `${m}\n    ${metaTag(policy)}`);
}
