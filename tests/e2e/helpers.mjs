// Shared set-up for the end-to-end tests: serve dist/ on loopback and drive Debian's Chromium
// through playwright-core, finding elements by role and label as an officer would.
import { chromium } from "playwright-core";
import path from "node:path";
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

/** Adds a unit through the form on "Đơn vị & Cụm". */
export async function addUnit(page, name, shortName = "") {
  const form = page.getByRole("form", { name: "Thêm đơn vị" });
  await form.getByLabel("Tên đơn vị").fill(name);
  if (shortName) await form.getByLabel("Tên viết tắt").fill(shortName);
  await form.getByRole("button", { name: "Thêm đơn vị" }).click();
  await page.getByRole("status").filter({ hasText: `Đã thêm đơn vị "${name}"` }).waitFor();
}

export async function storedText(page) {
  return page.evaluate((key) => localStorage.getItem(key), DATA_KEY);
}
