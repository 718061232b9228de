// Prints the size of the build, raw and gzip, so every build shows it: each file of the served
// edition (dist/), what a first visit downloads, and the single-file edition.
// Usage: node scripts/size-report.mjs [dist] [single-file]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = process.argv[2] ?? "dist";
const single = process.argv[3] ?? "dist-single/thidua.html";
const kb = (n) => (n / 1024).toFixed(1).replace(".", ",") + " KB";
const measure = (file) => {
  const body = fs.readFileSync(file);
  return [body.length, zlib.gzipSync(body, { level: 9 }).length];
};
const line = (name, [raw, gz]) => console.log(`  ${name.padEnd(48)} ${kb(raw).padStart(10)}  gzip ${kb(gz).padStart(10)}`);

const rows = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) walk(file);
    else rows.push([path.relative(dist, file), measure(file)]);
  }
};
walk(dist);
rows.sort((a, b) => b[1][0] - a[1][0]);
console.log(`\nKích thước bản phục vụ (${dist}):`);
for (const [name, size] of rows) line(name, size);
const sum = (test) =>
  rows.filter(([n]) => test.test(n)).reduce(([r, g], [, [a, b]]) => [r + a, g + b], [0, 0]);
line("= wasm (khi mở)", sum(/^[^/]+\.wasm$/));
line("= phần Word/Excel (office/, tải khi cần)", sum(/^office\//));
line("= JavaScript (phần nối wasm-bindgen)", sum(/^thidua-[0-9a-f]+\.js$/));
line("= tải lần đầu (html + js + wasm + css)", sum(/^(index\.html|[^/]+\.(js|wasm|css))$/));
if (fs.existsSync(single)) {
  console.log(`\nBản một tệp:`);
  line(single, measure(single));
}
