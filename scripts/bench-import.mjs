// Benchmark (not a test): how long the app takes from choosing a large export file to showing
// its preview, next to the browser's own JSON.parse of the same text.
//   scripts/build.sh && node scripts/bench-import.mjs [units] [indicator-years]
// The file follows docs/export.schema.json: units, plus each unit's indicators for several
// years (default 5.000 units × 3 years = 20.000 records).
import path from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { serve } from "./serve.mjs";
import { launch } from "../tests/e2e/helpers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const UNITS = Number(process.argv[2] ?? 5000);
const YEARS = Number(process.argv[3] ?? 3);
const RUNS = 3;

function bigExport() {
  const meta = (id, i) => ({
    id,
    changed_by: "quoc-oai",
    changed_at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace(".000Z", "Z"),
    edits: { "quoc-oai": 1 },
  });
  const units = [];
  const indicators = [];
  for (let i = 0; i < UNITS; i++) {
    const id = `u-${i.toString(16)}`;
    units.push({
      meta: meta(id, i),
      name: `Công đoàn cơ sở Công ty số ${i} huyện Quốc Oai`,
      short_name: `CĐCS ${i}`,
      kind: i === 0 ? "district" : "grassroots",
      parent_id: i === 0 ? null : "u-0",
      active_from: "2015-01-01",
      active_to: null,
      archived: false,
    });
    for (let y = 0; y < YEARS; y++) {
      indicators.push({
        meta: meta(`i-${i.toString(16)}-${y}`, i),
        unit_id: id,
        year: 2023 + y,
        figures: {
          grassroots_unions: 1,
          members: 100 + (i % 900),
          new_members: 10 + (i % 50),
          new_members_target: 20,
          improvements_base: i % 7,
          health_checks: 50 + (i % 300),
          gifts: null,
        },
        extra: [],
      });
    }
  }
  return JSON.stringify(
    {
      format: "thidua-export",
      schema_version: 1,
      office: { id: "quoc-oai", name: "LĐLĐ huyện Quốc Oai" },
      exported_at: "2026-11-20T03:00:00Z",
      scope: { description: "Toàn bộ dữ liệu" },
      data: { units, indicators },
    },
    null,
    2,
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const text = bigExport();
const records = UNITS * (1 + YEARS);
const server = await serve(path.join(ROOT, "dist"), 0);
const url = `http://127.0.0.1:${server.address().port}/#/du-lieu`;
const browser = await launch();
const previews = [];
const parses = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel("Nhập dữ liệu", { exact: true }).waitFor();
    // Time from the input's change event to the preview table in the DOM.
    await page.evaluate(() => {
      window.__bench = new Promise((resolve) => {
        const input = document.querySelector('input[type="file"]');
        input.addEventListener(
          "change",
          () => {
            const start = performance.now();
            const seen = () => document.querySelector('table[aria-label="Số bản ghi sẽ nhập"]');
            const observer = new MutationObserver(() => {
              if (seen()) {
                observer.disconnect();
                // The next frame: the preview is painted.
                requestAnimationFrame(() => resolve(performance.now() - start));
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          },
          { capture: true, once: true },
        );
      });
    });
    await page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles({
      name: "lon.json",
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    previews.push(await page.evaluate(() => window.__bench));
    parses.push(
      await page.evaluate((t) => {
        const start = performance.now();
        const v = JSON.parse(t);
        const ms = performance.now() - start;
        return v.data.units.length ? ms : -1;
      }, text),
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1).replace(".", ",");
console.log(`file: ${records.toLocaleString("vi-VN")} records (${UNITS} units + ${UNITS * YEARS} indicators), ${mb} MB`);
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`);
console.log(`choose file → preview shown: median ${Math.round(median(previews))} ms (runs: ${previews.map(Math.round).join(", ")})`);
console.log(`browser JSON.parse of the same text: median ${Math.round(median(parses))} ms (runs: ${parses.map(Math.round).join(", ")})`);
