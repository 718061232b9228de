// A CouchDB-protocol server for the sync tests: PouchDB Server (npm pouchdb-server, mended by
// scripts/mend-pouchdb-server.mjs), in memory, on loopback, on a port of its own — so the app
// (served by startApp on another port) reaches it cross-origin, as most offices will.
import { spawn, execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./helpers.mjs";

const BIN = path.join(ROOT, "node_modules", "pouchdb-server", "bin", "pouchdb-server");

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilAnswering(url, child, output) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server stopped (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${url}:\n${output()}`);
}

/**
 * Starts PouchDB Server with an admin and CORS for `origins` (the app's origins, with
 * credentials, as the README tells CouchDB administrators). `stop()` ends it and removes its
 * folder. `url` is the server root, without a trailing slash.
 */
export async function startCouch({ origins = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-couch-"));
  const port = await freePort();
  const admin = { name: "admin", password: "mat-khau-quan-tri" };
  const config = {
    admins: { [admin.name]: admin.password },
    httpd: { enable_cors: true },
    cors: {
      origins: origins.map((o) => o.replace(/\/+$/, "")).join(", "),
      credentials: true,
      methods: "GET, PUT, POST, HEAD, DELETE",
      headers: "accept, authorization, content-type, origin, referer",
    },
    log: { file: path.join(dir, "log.txt"), level: "warning" },
  };
  fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, [BIN, "--in-memory", "-o", "127.0.0.1", "-p", String(port), "-c", "config.json", "-n"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url + "/", child, () => log);
  } catch (e) {
    child.kill();
    throw e;
  }
  return {
    url,
    admin,
    process: child,
    output: () => log,
    /** True while the server process runs. */
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const ended = new Promise((resolve) => child.once("exit", resolve));
        child.kill();
        await ended;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs scripts/couch-setup.mjs against `couch` with these users ([{name, password, office} |
 * {name, password, federation: true}]). Resolves to its output; rejects with it on failure.
 */
export function setupDatabase(couch, users = [], { db = "thidua" } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-users-"));
  const file = path.join(dir, "users.json");
  fs.writeFileSync(file, JSON.stringify(users));
  const args = [
    path.join(ROOT, "scripts", "couch-setup.mjs"),
    "--url", couch.url,
    "--admin", `${couch.admin.name}:${couch.admin.password}`,
    "--db", db,
    "--users", file,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, (error, stdout, stderr) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (error) reject(new Error(`couch-setup failed (${error.code}):\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A JSON request to the server as `auth` ({name, password}; none: anonymous). */
export async function couchRequest(couch, method, path, body, auth = couch.admin) {
  const headers = { Accept: "application/json" };
  if (auth) headers.Authorization = "Basic " + Buffer.from(`${auth.name}:${auth.password}`).toString("base64");
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(couch.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Left as text.
  }
  return { status: response.status, json, text };
}
