// Judges of the Word and Excel files the app makes, by outside programs, as their readers see
// them. Any test that downloads a .docx or .xlsx should pass it through these:
//
//   import { auditOffice, docxTexts, assertLinesWhole, assertRowsWhole, assertMadeBy } from "./office-judge.mjs";
//
//   auditOffice(file);                  // openxml-audit -f office2019: 0 errors, or it throws
//                                       // listing each violation (part, path, what) — as Word
//                                       // would read the file; works for .docx and .xlsx
//   const [text] = docxTexts([file]);   // LibreOffice → PDF → `pdftotext -layout`: the pages
//                                       // as a reader sees them, one string per file (give all
//                                       // of a test's files at once: one LibreOffice start)
//   assertLinesWhole(text, ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
//                                       // each on one line of the page, not wrapped
//   assertRowsWhole(text, [["LĐLĐ huyện Đan Phượng", "94,9", "91,4"], …]);
//                                       // each row's cells on one line, in order (a number
//                                       // broken across lines, or a name wrapped, fails)
//   assertMadeBy(file, { author: "LĐLĐ huyện Ba Vì", since: started });
//                                       // docProps/core.xml: author, created and modified set
//                                       // (between `since` and now), a title
//   docxProperties(file)                // { title, creator, created, modified } as read
//
// Needs what `scripts/setup.sh --browser` installs: LibreOffice (`soffice`), poppler-utils
// (`pdftotext`), fonts-liberation (Times New Roman's metrics) and openxml-audit in a venv
// (its path in OPENXML_AUDIT, set by scripts/env.sh). pdftotext may put a space inside a word
// where LibreOffice took a glyph from a fallback font ("huy ện"), so lines are compared with
// their spaces left out: a line that wrapped still fails, as its words are on two lines.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-judge-"));

/** The validator's path: OPENXML_AUDIT, the venv setup.sh makes, or one on PATH. */
function auditor() {
  const candidates = [
    process.env.OPENXML_AUDIT,
    path.join(os.homedir(), ".cache/thidua/openxml-audit/bin/openxml-audit"),
  ].filter(Boolean);
  const found = candidates.find((c) => fs.existsSync(c));
  if (found) return found;
  const onPath = spawnSync("openxml-audit", ["--help"], { stdio: "ignore" });
  if (onPath.status === 0) return "openxml-audit";
  throw new Error("openxml-audit is not installed: run scripts/setup.sh --browser");
}

/** Checks `file` (.docx or .xlsx) against the Office 2019 schemas; throws naming every violation. */
export function auditOffice(file) {
  const run = spawnSync(auditor(), ["-f", "office2019", "-o", "json", "-m", "0", file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    [report] = JSON.parse(run.stdout);
  } catch {
    throw new Error(`openxml-audit could not judge ${path.basename(file)}: ${run.stderr || run.stdout}`);
  }
  const errors = report.errors ?? [];
  const listed = errors
    .slice(0, 20)
    .map((e) => `  ${e.part_uri} ${e.path}: ${e.description}`)
    .join("\n");
  assert.equal(report.error_count, 0, `${path.basename(file)} breaks the Office 2019 schemas:\n${listed}`);
}

/** Converts Word files to PDF with LibreOffice (one start for all); returns the PDFs' paths. */
export function docxPdfs(files) {
  const out = fs.mkdtempSync(path.join(work, "pdf-"));
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...files],
    { stdio: "pipe", timeout: 240_000 },
  );
  return files.map((f) => {
    const pdf = path.join(out, path.basename(f).replace(/\.[a-z]+$/i, ".pdf"));
    assert.ok(fs.existsSync(pdf), `LibreOffice made a PDF of ${path.basename(f)}`);
    return pdf;
  });
}

/** The Word files' pages as text, columns kept (`pdftotext -layout`), one string per file. */
export function docxTexts(files) {
  return docxPdfs(files).map((pdf) => execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }));
}

const squeezed = (s) => s.replace(/\s+/g, "");

/** Each of `lines` stands on one line of `text` (not wrapped onto the next). */
export function assertLinesWhole(text, lines, what = "the document") {
  const pageLines = text.split("\n").map(squeezed);
  for (const line of lines) {
    assert.ok(
      pageLines.some((l) => l.includes(squeezed(line))),
      `${what}: "${line}" is not whole on one line of the page:\n${text.slice(0, 1500)}`,
    );
  }
}

/** Each row's cells are found on one line of `text`, left to right. */
export function assertRowsWhole(text, rows, what = "the table") {
  const pageLines = text.split("\n").map(squeezed);
  for (const cells of rows) {
    const found = pageLines.some((line) => {
      let from = 0;
      for (const cell of cells.map(squeezed).filter((c) => c !== "")) {
        const at = line.indexOf(cell, from);
        if (at < 0) return false;
        from = at + cell.length;
      }
      return true;
    });
    assert.ok(found, `${what}: the row ${JSON.stringify(cells)} is not on one line of the page:\n${text}`);
  }
}

/** A part of a zip package (a .docx or .xlsx), as text; Python's zipfile reads it. */
export function packagePart(file, name) {
  return execFileSync("python3", ["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode('utf-8'))", file, name], {
    encoding: "utf8",
  });
}

/** What a Word or Excel file says about itself (docProps/core.xml). */
export function docxProperties(file) {
  const core = packagePart(file, "docProps/core.xml");
  const field = (tag) => {
    const m = core.match(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`));
    return m ? m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : undefined;
  };
  return {
    title: field("dc:title"),
    creator: field("dc:creator"),
    created: field("dcterms:created"),
    modified: field("dcterms:modified"),
  };
}

/** The file names its author, has a title, and was created and modified between `since` and now. */
export function assertMadeBy(file, { author, since }) {
  const p = docxProperties(file);
  const name = path.basename(file);
  assert.equal(p.creator, author, `${name}: the author`);
  assert.ok(p.title && p.title.trim() !== "", `${name}: a title`);
  for (const key of ["created", "modified"]) {
    const at = Date.parse(p[key] ?? "");
    assert.ok(Number.isFinite(at), `${name}: ${key} is set (${p[key]})`);
    // Whole seconds in the file: allow the second the test started in.
    assert.ok(at >= Math.floor(since.getTime() / 1000) * 1000 && at <= Date.now(), `${name}: ${key} ${p[key]} is when it was made`);
  }
}
