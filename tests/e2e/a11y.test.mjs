// Every page and open form, empty and with the sample data, judged by axe-core (WCAG 2.1 A/AA),
// and no page wider than the viewport at 1366 px and on a 375 px phone outside the marked
// scrolling regions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { startApp, openApp, storedData, ROOT } from "./helpers.mjs";

let app;
let axeSource;
before(async () => {
  app = await startApp();
  axeSource = await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
});
after(async () => app?.close());

/** The views an officer opens: every page, every scoring tab and the new-record forms. */
const VIEWS = [
  "#/",
  "#/don-vi",
  "#/cham-diem",
  "#/cham-diem/{cluster}/chi-tieu",
  "#/cham-diem/{cluster}/bang-diem",
  "#/cham-diem/{cluster}/phieu-cham",
  "#/cham-diem/{cluster}/ket-qua",
  "#/doi-thoai",
  "#/doi-thoai/moi",
  "#/doi-thoai/{dialogue}",
  "#/doi-thoai/{dialogue}/{proposal}",
  "#/phoi-hop",
  "#/phoi-hop/moi",
  "#/phoi-hop/{programme}",
  "#/du-lieu",
  // The print views of the reports (no app chrome).
  "#/in/ket-qua/{cluster}",
  "#/in/phieu-cham/{cluster}/{member}",
  "#/in/bien-ban/{dialogue}",
  "#/in/doi-thoai-nam/2024",
  "#/in/so-ket/{programme}/{reviewYear}",
  "#/in/giai-doan/2016/2020/*",
];

async function sampleIds(page) {
  const d = await storedData(page);
  {
    const proposal = d.proposals.find((p) => p.status === "in_progress");
    return {
      cluster: d.clusters[0].meta.id,
      dialogue: proposal.dialogue_id,
      proposal: proposal.meta.id,
      programme: d.programmes.find((p) => p.number.startsWith("163")).meta.id,
      member: d.clusters[0].member_ids[0],
      reviewYear: d.reviews.find((r) => d.programmes.find((p) => p.number.startsWith("163")).meta.id === r.programme_id)?.year ?? 2021,
    };
  }
}

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

async function open(page, hash) {
  await page.goto(app.url + hash);
  if (hash.startsWith("#/in/")) await page.getByRole("toolbar", { name: "Báo cáo" }).waitFor();
  else await page.getByRole("navigation", { name: "Chính" }).waitFor();
  await page.getByRole("heading", { level: 1 }).waitFor();
  // Let effects settle (focus moves, lists fill).
  await page.waitForTimeout(150);
}

async function widthProblems(page) {
  return page.evaluate(() => {
    const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (over <= 1) return [];
    // Name the widest elements that are not inside a marked scrolling region.
    const out = [];
    for (const el of document.querySelectorAll("main *")) {
      if (el.closest(".table-wrap")) continue;
      const r = el.getBoundingClientRect();
      if (r.right > document.documentElement.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
      if (out.length > 5) break;
    }
    return [`page is ${over}px too wide`, ...out];
  }).then(async (found) => {
    // Stacked tables (units, proposals, scorecard) must not scroll sideways on a phone.
    const sideways = await page.evaluate(() =>
      [...document.querySelectorAll("table.stack")]
        .filter((t) => innerWidth <= 640 && t.parentElement.scrollWidth > t.parentElement.clientWidth + 1)
        .map((t) => `table ${t.getAttribute("aria-label")} scrolls sideways`),
    );
    return [...found, ...sideways];
  });
}

async function checkAll(withSample) {
  const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  const page = await openApp(context, app.url, "#/du-lieu");
  let ids = {};
  if (withSample) {
    await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
    await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
    ids = await sampleIds(page);
  }
  const problems = [];
  for (const view of VIEWS) {
    if (!withSample && (view.includes("{") || view.startsWith("#/in/"))) continue;
    const hash = view.replace(/\{(\w+)\}/g, (_, k) => ids[k]);
    for (const width of [1366, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await open(page, hash);
      for (const p of await widthProblems(page)) problems.push(`${view} @${width}: ${p}`);
    }
    for (const width of [375, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await open(page, hash);
      for (const v of await axe(page)) problems.push(`${view} @${width}: ${v}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(page.jsErrors, []);
  await context.close();
}

test("axe-core finds no violations and no page is wider than the screen: empty app", async () => {
  await checkAll(false);
});

test("axe-core finds no violations and no page is wider than the screen: with the sample data", async () => {
  await checkAll(true);
});
