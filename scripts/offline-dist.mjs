// After `trunk build`: finishes dist/ for serving.
//  1. Adds the Content-Security-Policy meta to index.html, with the hash of trunk's inline loader
//     (its text names the hashed file names, so the hash changes with every build).
//  2. Stamps sw.js with this build's version (a hash of every other file in dist/) and the list
//     of files to cache, so each deployment gets a new cache and the app notices the update.
// Usage: node scripts/offline-dist.mjs [dist]
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { inlineScripts, servedPolicy, withPolicy } from "./csp.mjs";

const dist = process.argv[2] ?? "dist";

function listFiles(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

const indexFile = path.join(dist, "index.html");
const html = fs.readFileSync(indexFile, "utf8");
const scripts = inlineScripts(html);
if (scripts.length === 0) throw new Error("dist/index.html: không thấy đoạn script nạp ứng dụng của trunk");
fs.writeFileSync(indexFile, withPolicy(html, servedPolicy(scripts)));

const files = listFiles(dist).filter((f) => f !== "sw.js");
const hash = crypto.createHash("sha256");
for (const f of files) hash.update(f + "\0").update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest("hex").slice(0, 16);

const swFile = path.join(dist, "sw.js");
let sw = fs.readFileSync(swFile, "utf8");
const stamps = [
  [/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`],
  [/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files)};`],
];
for (const [pattern, line] of stamps) {
  if (!pattern.test(sw)) throw new Error(`dist/sw.js: không thấy dòng ${pattern}`);
  sw = sw.replace(pattern, line);
}
fs.writeFileSync(swFile, sw);
console.log(`Bản phục vụ: CSP đã thêm, service worker phiên bản ${version} (${files.length} tệp).`);
