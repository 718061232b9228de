// Prints the size of the built wasm, JavaScript, CSS (raw and gzip) so every build shows it.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = process.argv[2] ?? "dist";
const kb = (n) => (n / 1024).toFixed(1).replace(".", ",") + " KB";
const rows = [];
for (const name of fs.readdirSync(dist)) {
  const file = path.join(dist, name);
  if (!fs.statSync(file).isFile()) continue;
  const body = fs.readFileSync(file);
  rows.push([name, body.length, zlib.gzipSync(body, { level: 9 }).length]);
}
rows.sort((a, b) => b[1] - a[1]);
console.log("\nKích thước bản dựng (" + dist + "):");
for (const [name, raw, gz] of rows) console.log(`  ${name.padEnd(48)} ${kb(raw).padStart(10)}  gzip ${kb(gz).padStart(10)}`);
