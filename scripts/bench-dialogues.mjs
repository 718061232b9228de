// Benchmark (not a test): how fast the "Đối thoại" lists filter and draw with many proposals.
//
//   node scripts/bench-dialogues.mjs [n ...]      (default: 8000 10000; needs dist/ from build.sh)
//
// Data: the domain's own deterministic generator (`cargo run --example dialogue_sample -- n`),
// i.e. exactly the JSON the app stores. Chromium's localStorage holds about 5,24 million UTF-16
// units per origin; 10.000 synthetic proposals take about 6,1 million, so they do NOT fit. Sizes
// that fit are stored for real; larger ones are handed to the app by a read-only
// `localStorage.getItem` shim (the app reads its data once at start, the lists never touch
// storage), which is marked "(shim)" in the output.
//
// Each action is timed in the page from the DOM event to the next frame after the count line
// changed (signals, filtering, diffing, DOM updates, style and layout), 5 runs, median shown.
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { serve } from "./serve.mjs";
import { launch, ROOT, DATA_KEY } from "../tests/e2e/helpers.mjs";

const QUOTA = 5_200_000; // a little under Chromium's limit, in UTF-16 units
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(8000, 10000);

function sample(n) {
  return execFileSync("cargo", ["run", "--offline", "-q", "--example", "dialogue_sample", "--", String(n)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
}

// Runs in the page: fires `fire()`, then waits until the count line differs from before and one
// more frame has been drawn. Returns milliseconds.
const timeAction = async ([kind, label, value]) => {
  const count = () => document.querySelector("#kien-nghi-tieu-de").parentElement.querySelector(".count").textContent;
  const control = (name) => {
    const l = [...document.querySelectorAll("label")].find((x) => x.textContent.trim() === name);
    return l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector("input");
  };
  const before = count();
  const t0 = performance.now();
  if (kind === "type") {
    const el = control(label);
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  } else if (kind === "select") {
    const el = control(label);
    el.value = value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
  } else if (kind === "check") {
    control(label).click();
  } else if (kind === "more") {
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Hiện thêm").click();
  }
  while (count() === before) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { ms: performance.now() - t0, count: count() };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => ms.toFixed(1).replace(".", ",") + " ms";

const server = await serve(path.join(ROOT, "dist"), 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
console.log(`Máy: ${os.cpus().length} lõi ${os.cpus()[0]?.model ?? ""}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Chromium headless`);
try {
  for (const n of sizes) {
    const text = sample(n);
    const units = text.length;
    const fits = units <= QUOTA;
    const context = await browser.newContext();
    if (!fits) {
      await context.addInitScript(([key, data]) => {
        const real = Storage.prototype.getItem;
        Storage.prototype.getItem = function (k) {
          return k === key ? data : real.call(this, k);
        };
      }, [DATA_KEY, text]);
    }
    const page = await context.newPage();
    await page.goto(url + "#/du-lieu");
    if (fits) {
      await page.evaluate(([key, data]) => localStorage.setItem(key, data), [DATA_KEY, text]);
    }
    // Cold start on the page: wasm start, JSON decode, index build, first 200 rows.
    const t0 = Date.now();
    await page.goto(url + "#/doi-thoai");
    await page.reload();
    await page.getByRole("table", { name: "Danh sách kiến nghị" }).getByRole("rowheader").nth(199).waitFor({ timeout: 120000 });
    const start = Date.now() - t0;

    const actions = [
      ["gõ tìm \"bhxh\"", ["type", "Tìm kiến nghị", "bhxh"], ["type", "Tìm kiến nghị", ""]],
      ["gõ tìm \"nha o cong nhan\"", ["type", "Tìm kiến nghị", "nha o cong nhan"], ["type", "Tìm kiến nghị", ""]],
      ["chọn lĩnh vực Nhà ở", ["select", "Lĩnh vực", "nha-o"], ["select", "Lĩnh vực", ""]],
      ["chọn trạng thái Đang xử lý", ["select", "Trạng thái", "dang-xu-ly"], ["select", "Trạng thái", ""]],
      ["chỉ kiến nghị quá hạn", ["check", "Chỉ kiến nghị quá hạn"], ["check", "Chỉ kiến nghị quá hạn"]],
      ["bỏ lọc (vẽ lại 200 dòng đầu)", ["type", "Tìm kiến nghị", "bhxh"], ["type", "Tìm kiến nghị", ""], true],
      ["Hiện thêm (+200 dòng)", ["more"], null],
    ];
    console.log(`\n${n.toLocaleString("vi-VN")} kiến nghị, ${(units / 1e6).toFixed(2).replace(".", ",")} triệu ký tự UTF-16${fits ? "" : " (shim: vượt hạn mức localStorage)"}`);
    console.log(`  mở trang Đối thoại đến khi vẽ xong 200 dòng: ${start} ms (cả tải wasm)`);
    for (const [name, act, undo, timeUndo] of actions) {
      const runs = [];
      let shown = "";
      for (let i = 0; i < 5; i++) {
        const r1 = await page.evaluate(timeAction, act);
        let r = r1;
        if (undo) {
          const r2 = await page.evaluate(timeAction, undo);
          if (timeUndo) r = r2;
        } else {
          await page.reload();
          await page.getByRole("table", { name: "Danh sách kiến nghị" }).getByRole("rowheader").nth(199).waitFor();
        }
        runs.push(r.ms);
        shown = r.count;
      }
      console.log(`  ${name.padEnd(34)} trung vị ${fmt(median(runs)).padStart(9)}  (tối đa ${fmt(Math.max(...runs))}; ${shown})`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
