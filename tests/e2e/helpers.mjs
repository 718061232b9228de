// Shared set-up for the end-to-end tests: serve dist/ on loopback and drive Debian's Chromium
// through playwright-core, finding elements by role and label as an officer would.
import { chromium } from "playwright-core";
import path from "node:path";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DATA_KEY = "thidua:data";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A browser whose profile lives in `userDataDir`, so storage survives closing it. */
export async function launchPersistent(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** Records Content-Security-Policy violations of every page of a context in `window.cspViolations`. */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.cspViolations = [];
    addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Starts a server on dist/ (or another folder) and a browser; returns { url, browser, server, close }. */
export async function startApp(folder = path.join(ROOT, "dist")) {
  const server = await serve(folder, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  return {
    url,
    browser,
    server,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Opens the app in a fresh page and waits until the shell is mounted. */
export async function openApp(context, url, hash = "#/") {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  page.jsErrors = errors;
  await page.goto(url + hash);
  await page.getByRole("navigation", { name: "Chính" }).waitFor();
  return page;
}

export async function goTo(page, linkName) {
  await page.getByRole("navigation", { name: "Chính" }).getByRole("link", { name: linkName, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: linkName }).waitFor();
}

/**
 * Chooses `text` in a unit picker (a combobox) as an officer does: types part of the name,
 * then picks it from the list.
 */
export async function pick(scope, label, text) {
  const box = scope.getByRole("combobox", { name: label, exact: true });
  await box.fill(text);
  await box.page().getByRole("option", { name: text, exact: true }).click();
}

/** Adds a unit through the form on "Đơn vị & Cụm". */
export async function addUnit(page, name, shortName = "") {
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill(name);
  if (shortName) await form.getByLabel("Tên viết tắt").fill(shortName);
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  await page.getByRole("status").filter({ hasText: `Đã thêm đơn vị "${name}"` }).waitFor();
}

/**
 * The data as stored in IndexedDB, assembled in the shape of earlier versions' single text:
 * the head's fields plus every collection in list order. `null` when nothing is stored.
 * Runs in the page; never creates the database (that would skip the app's own set-up).
 */
async function readStoredInPage() {
  const known = (await indexedDB.databases()).some((d) => d.name === "thidua");
  if (!known) return null;
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open("thidua");
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  if (!db.objectStoreNames.contains("head")) {
    db.close();
    return null;
  }
  const tx = db.transaction(["head", "buckets"]);
  const get = (req) => new Promise((ok, fail) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => fail(req.error))));
  const head = await get(tx.objectStore("head").get("head"));
  // Records are stored in groups, one text each: a line per record, key TAB position TAB JSON.
  const groups = await get(tx.objectStore("buckets").getAll());
  db.close();
  if (head === undefined) return null;
  const data = JSON.parse(head);
  for (const c of ["units", "clusters", "indicators", "templates", "scorecards", "dialogues", "proposals", "programmes", "reviews"]) data[c] = [];
  const unescape = (k) => k.replace(/\\(.)/g, (_, c) => ({ t: "\t", n: "\n", r: "\r" })[c] ?? c);
  // Each group is UTF-8 bytes (a string if an earlier version wrote it).
  const rows = groups.flatMap((g) =>
    (typeof g === "string" ? g : new TextDecoder().decode(g))
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => {
        const [k, o] = line.split("\t", 2);
        return { k: unescape(k), o: Number(o), j: line.slice(k.length + o.length + 2) };
      }),
  );
  rows.sort((a, b) => a.o - b.o || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (const r of rows) data[r.k.split("/")[0]].push(JSON.parse(r.j));
  return data;
}

export async function storedData(page) {
  return page.evaluate(readStoredInPage);
}

/** The stored data as one JSON text (for comparing before and after), or null. */
export async function storedText(page) {
  const data = await storedData(page);
  return data === null ? null : JSON.stringify(data);
}

/** What earlier versions stored: one localStorage text. */
export async function legacyText(page) {
  return page.evaluate((key) => localStorage.getItem(key), DATA_KEY);
}

/**
 * Replaces the stored data with `data` as a program other than the app would: written as the
 * earlier versions' single text with the database gone, so the next start moves it in.
 */
export async function replaceStored(page, data) {
  await page.evaluate(
    ([key, text]) =>
      new Promise((ok, fail) => {
        localStorage.setItem(key, text);
        const r = indexedDB.deleteDatabase("thidua");
        r.onsuccess = () => ok();
        r.onerror = () => fail(r.error);
      }),
    [DATA_KEY, JSON.stringify(data)],
  );
  await page.reload();
}

/** Waits until `check(storedData)` holds. */
export async function waitForStored(page, check, timeout = 10_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const data = await storedData(page);
    if (data && check(data)) return data;
    if (Date.now() > until) throw new Error("stored data never reached the expected state");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens "Dữ liệu", loads the sample data and saves the report settings of the city federation
 * (issuing body, place, signer), as the report tests expect them. */
export async function withSampleAndReportSettings(context, url) {
  const page = await openApp(context, url, "#/du-lieu");
  await page.getByRole("button", { name: "Tải dữ liệu mẫu" }).click();
  await page.getByRole("status").filter({ hasText: "Đã thêm dữ liệu mẫu" }).waitFor();
  const form = page.getByRole("form", { name: "Cài đặt báo cáo" });
  await form.getByLabel("Cơ quan ban hành").fill("Liên đoàn Lao động thành phố Hà Nội");
  await form.getByLabel("Địa danh").fill("Hà Nội");
  await form.getByLabel("Họ và tên người ký").fill("Nguyễn Phi Thường");
  await form.getByRole("button", { name: "Lưu cài đặt báo cáo" }).click();
  await page.getByRole("status").filter({ hasText: "Đã lưu cài đặt báo cáo." }).waitFor();
  return page;
}

/** Names this office on the Dữ liệu page. */
export async function nameOffice(page, name) {
  await goTo(page, "Dữ liệu");
  const form = page.getByRole("form", { name: "Cơ quan của bạn" });
  await form.getByLabel("Tên cơ quan").fill(name);
  await form.getByRole("button", { name: "Lưu tên cơ quan" }).click();
  await page.getByRole("status").filter({ hasText: `Đã lưu tên cơ quan "${name}"` }).waitFor();
}

/** Chooses a file in "Nhập dữ liệu" from a path or { name, mimeType, buffer }. */
export async function importFile(page, file) {
  await page.getByLabel("Nhập dữ liệu", { exact: true }).setInputFiles(file);
}

/** Exports everything and returns the file's name and text. */
export async function exportAll(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Xuất dữ liệu", exact: true }).click(),
  ]);
  const text = readFileSync(await download.path(), "utf8");
  return { name: download.suggestedFilename(), text };
}

/** The results table of "Kết quả" as [rank, unit, reviewed total, tier, award, card status]. */
export async function resultRows(page) {
  const table = page.getByRole("table", { name: "Kết quả xếp hạng" });
  await table.waitFor();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.children].map((c) => c.textContent.trim());
      return [cells[0], cells[1], cells[4], cells[5], cells[6], cells[2]];
    }),
  );
}
