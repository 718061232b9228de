// The Content-Security-Policy of each edition, in one place so they can be read side by side.
// Both allow no network use by the app itself beyond loading its own files, no plugins, no
// <base> changes and no form posts; scripts run only if they are the app's own (by origin or by
// hash); 'wasm-unsafe-eval' lets WebAssembly compile and nothing else (no eval of JS text).
import crypto from "node:crypto";

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
    // The loader fetches the wasm and the service worker caches the app's files: same origin only.
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Single-file edition: everything is inline, so everything is allowed by hash and no fetch at all. */
export function singleFilePolicy({ scripts, styles }) {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(hashSource).join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${styles.map(hashSource).join(" ")}`,
    "img-src data:",
    "connect-src 'none'",
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
