// On a phone (375 px): the papers keep every word whole (a wide table scrolls sideways in its
// own region), the results stack like the other lists with the award and the explanation in
// view, and the dialogue overview shows its figures in a grid and its long lists a page at a time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, storedData, withSampleAndReportSettings } from "./helpers.mjs";

let app;
before(async () => (app = await startApp()));
after(async () => app?.close());

const PHONE = { viewport: { width: 375, height: 812 } };

/**
 * The words of the paper drawn on more than one line: each word of every text node is measured
 * with a Range, and a word whose boxes sit at two heights was broken apart.
 */
function brokenWords(page) {
  return page.getByRole("article").evaluate((paper) => {
    const broken = [];
    const walker = document.createTreeWalker(paper, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** Every report the app prints, by its address, from the sample's records. */
export function reportRoutes(data) {
  const cluster = data.clusters.find((c) => c.year === 2023);
  const dialogue = data.dialogues.find((d) => data.proposals.some((p) => p.dialogue_id === d.meta.id));
  const thanhOai = data.units.find((u) => u.name.includes("Thanh Oai"));
  const programme = data.programmes.find((p) => p.unit_id === thanhOai.meta.id);
  return [
    `ket-qua/${cluster.meta.id}`,
    `phieu-cham/${cluster.meta.id}/${cluster.member_ids[0]}`,
    `bien-ban/${dialogue.meta.id}`,
    "doi-thoai-nam/2024",
    `so-ket/${programme.meta.id}/2016`,
    `giai-doan/2016/2020/u:${thanhOai.meta.id}`,
    `bien-ban-binh-xet/${cluster.meta.id}`,
    `to-trinh-khen-thuong/${cluster.meta.id}`,
  ];
}

test("at 375 px no word of any report's paper is broken across two lines", async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await withSampleAndReportSettings(context, app.url);
  const routes = reportRoutes(await storedData(page));
  for (const route of routes) {
    await page.goto(`${app.url}#/in/${route}`);
    await page.getByRole("article").waitFor();
    assert.deepEqual(await brokenWords(page), [], `#/in/${route}: words broken across lines`);
    // The page itself never scrolls sideways: only a wide table does, inside its region.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 1, `#/in/${route}: the page is ${overflow} px wider than the phone`);
  }
  await context.close();
});

test("at 375 px the results stack: each unit's award and explanation are on screen, not off to the right", async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await withSampleAndReportSettings(context, app.url);
  const cluster = (await storedData(page)).clusters.find((c) => c.year === 2023);
  await page.goto(`${app.url}#/cham-diem/${cluster.meta.id}/ket-qua`);
  const table = page.getByRole("table", { name: "Kết quả xếp hạng" });
  await table.waitFor();
  const award = table.getByRole("cell", { name: /Cờ thi đua|Bằng khen/ }).first();
  const box = await award.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `the award is within the phone's width: ${JSON.stringify(box)}`);
  const label = await award.evaluate((td) => getComputedStyle(td, "::before").content);
  assert.equal(label, '"Đề nghị khen thưởng"', "the stacked cell says what it is");
  const why = table.getByRole("cell", { name: /Cùng tổng điểm|tổng điểm|Vi phạm|HTXSNV/ }).first();
  if (await why.count()) {
    const whyBox = await why.boundingBox();
    assert.ok(whyBox.x + whyBox.width <= 375, "the explanation is within the phone's width");
  }
  await context.close();
});

test("at 375 px the dialogue overview puts its figures two to a row and shows its long lists a page at a time", async () => {
  const context = await app.browser.newContext(PHONE);
  const page = await withSampleAndReportSettings(context, app.url);
  await page.goto(`${app.url}#/doi-thoai`);
  await page.locator("dl.summary").waitFor();
  const tops = await page.locator("dl.summary .stat").evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
  assert.ok(new Set(tops).size <= Math.ceil(tops.length / 2), `figures two to a row: ${tops}`);
  const status = page.getByRole("status").filter({ hasText: /Hiển thị \d+\/\d+ kiến nghị/ });
  const [shown, all] = (await status.textContent()).match(/Hiển thị ([\d.]+)\/([\d.]+)/).slice(1).map((n) => Number(n.replace(/\./g, "")));
  assert.ok(all > shown && shown <= 20, `a page of proposals at a time (${shown} of ${all})`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 18650 / 2, `the overview is far shorter than before (${height} px)`);
  await page.getByRole("button", { name: "Hiện thêm kiến nghị" }).click();
  await page.getByRole("status").filter({ hasText: `Hiển thị ${Math.min(all, shown * 2)}/` }).waitFor();
  await context.close();
});
