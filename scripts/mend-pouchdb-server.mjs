// Mends two bugs of pouchdb-server 4.2.0 (the CouchDB-protocol server the tests run) in
// node_modules, after `npm ci`. Idempotent: a file already mended is left alone. Fails loudly
// when the text to mend is neither there nor already mended (a new version: look again).
//
// 1. pouchdb-validation overwrites the *new* document's `_revisions` with the stored one's before
//    calling validate_doc_update, so with any validation function in a database, replicated
//    writes (`_bulk_docs` with `new_edits: false`) of updates and conflicting revisions are
//    silently dropped (upstream pouchdb-server#419; its fix #420 was never merged). The mend
//    hands the validation function a copy instead of mutating the document being written.
// 2. express-pouchdb's `PUT /db` by a non-admin (once an admin exists) crashes the whole process:
//    `PouchDB.new` then answers a rejected promise, not a database, and `db.info` is called on it.
//    The mend answers the refusal as an HTTP error.
//
// Usage: node scripts/mend-pouchdb-server.mjs [--check]   (--check: exit 1 if a mend is missing)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARK = "thidua mend";

const mends = [
  {
    file: "node_modules/pouchdb-validation/lib/index.js",
    what: "validate_doc_update must not drop replicated revisions (pouchdb-server#419)",
    before: `function validate(validationFuncs, newDoc, oldDoc, options) {
  newDoc._revisions = (oldDoc || {})._revisions;
`,
    after: `function validate(validationFuncs, newDoc, oldDoc, options) {
  // ${MARK}: a copy, so the document written keeps its own _revisions (pouchdb-server#419)
  newDoc = Object.assign({}, newDoc, { _revisions: (oldDoc || {})._revisions });
`,
  },
  {
    file: "node_modules/express-pouchdb/lib/routes/db.js",
    what: "a non-admin PUT /db is refused instead of crashing the server",
    before: `      var db = req.PouchDB.new(name, utils.makeOpts(req));
      db.info(function (err) {
`,
    after: `      var db = req.PouchDB.new(name, utils.makeOpts(req));
      if (typeof db.info !== 'function') {
        // ${MARK}: a refused creation is a (rejected) promise, not a database
        return Promise.resolve(db).then(function () {
          utils.sendError(res, { status: 500, name: 'error', message: 'Database not created' });
        }, function (err) {
          utils.sendError(res, err, 401);
        });
      }
      db.info(function (err) {
`,
  },
];

const checkOnly = process.argv.includes("--check");
let missing = 0;
for (const mend of mends) {
  const file = path.join(root, mend.file);
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    console.error(`mend-pouchdb-server: cannot read ${mend.file} (${e.code}); run npm ci first`);
    process.exit(2);
  }
  if (text.includes(mend.after)) {
    if (!checkOnly) console.log(`already mended: ${mend.file} (${mend.what})`);
    continue;
  }
  const at = text.indexOf(mend.before);
  if (at < 0 || text.indexOf(mend.before, at + 1) >= 0) {
    console.error(
      `mend-pouchdb-server: ${mend.file}: the text to mend is not there exactly once, nor the mend itself.\n` +
        `  (${mend.what}) A different version of the package? Look at the file and update this script.`,
    );
    process.exit(2);
  }
  if (checkOnly) {
    console.error(`not mended: ${mend.file} (${mend.what})`);
    missing += 1;
    continue;
  }
  fs.writeFileSync(file, text.slice(0, at) + mend.after + text.slice(at + mend.before.length));
  console.log(`mended: ${mend.file} (${mend.what})`);
}
process.exit(missing ? 1 : 0);
