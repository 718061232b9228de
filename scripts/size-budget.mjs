// The size budget: fails when the start wasm (dist/thidua-…_bg.wasm, what every first visit
// downloads) is more than 1% larger than the figure the README's "Sizes" table records for the
// start bundle. The README is the budget: recording a new figure there is how it moves.
// Usage: node scripts/size-budget.mjs [dist] [README.md]
import fs from "node:fs";
import path from "node:path";

const dist = process.argv[2] ?? "dist";
const readme = process.argv[3] ?? "README.md";
const MARGIN = 0.01;

// The row "| **start bundle**: wasm … | **2.235 KB** | 850 KB |" of the "## Sizes" section,
// written in vi-VN (a dot between thousands, a comma before decimals).
const text = fs.readFileSync(readme, "utf8");
const section = text.split(/^## /m).find((s) => s.startsWith("Sizes"));
const row = section?.split("\n").find((line) => line.startsWith("| **start bundle**"));
const figure = row?.split("|")[2]?.match(/([\d.]+(?:,\d+)?) KB/);
if (!figure) {
  console.error(`${readme}: no start bundle figure in the "Sizes" table (a row "| **start bundle**… | N KB |")`);
  process.exit(1);
}
const recorded = Number(figure[1].replaceAll(".", "").replace(",", "."));

// As scripts/size-report.mjs counts it: the wasm files at the top of dist/, in KB of 1024 bytes.
const wasm = fs.readdirSync(dist).filter((name) => name.endsWith(".wasm"));
if (wasm.length === 0) {
  console.error(`${dist}: no start wasm; run scripts/build.sh first`);
  process.exit(1);
}
const measured = wasm.reduce((sum, name) => sum + fs.statSync(path.join(dist, name)).size, 0) / 1024;
const limit = recorded * (1 + MARGIN);
const kb = (n) => n.toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " KB";
const line = `start wasm ${kb(measured)}; README records ${kb(recorded)}, budget ${kb(limit)} (+1%)`;
if (measured > limit) {
  console.error(`\nSize budget exceeded: ${line}.`);
  console.error("Make it smaller, or measure what grew and why and record the new figure in README.md (Sizes).");
  process.exit(1);
}
console.log(`\nSize budget kept: ${line}.`);
