// Screenshots of every page as an officer sees them, for review: desktop (1366 px) and phone
// (375 px), with the sample data loaded. `node scripts/screenshots.mjs [out-folder]` after a build.
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { startApp, openApp, storedData } from "../tests/e2e/helpers.mjs";

const out = process.argv[2] ?? "/tmp/thidua-shots";
await mkdir(out, { recursive: true });
const app = await startApp();
const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await openApp(context, app.url, "#/du-lieu");
await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
const d = await storedData(page);
const inProgress = d.proposals.find((x) => x.status === "in_progress");
const ids = { cluster: d.clusters[0].meta.id, dialogue: inProgress.dialogue_id, proposal: inProgress.meta.id };
const views = {
  "tong-quan": "#/",
  "don-vi": "#/don-vi",
  "chi-tieu": `#/cham-diem/${ids.cluster}/chi-tieu`,
  "bang-diem": `#/cham-diem/${ids.cluster}/bang-diem`,
  "phieu-cham": `#/cham-diem/${ids.cluster}/phieu-cham`,
  "ket-qua": `#/cham-diem/${ids.cluster}/ket-qua`,
  "doi-thoai": "#/doi-thoai",
  "kien-nghi": `#/doi-thoai/${ids.dialogue}/${ids.proposal}`,
  "phoi-hop": "#/phoi-hop",
  "du-lieu": "#/du-lieu",
};
for (const [name, hash] of Object.entries(views)) {
  for (const width of [1366, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.goto(app.url + hash);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(out, `${name}-${width}.png`), fullPage: width === 375 ? false : true });
  }
}
await app.close();
console.log(`screenshots in ${out}`);
