// The design document `_design/thidua`: validate_doc_update.js with the shape of each
// collection's records embedded, generated from docs/export.schema.json (the export file's
// records are the server's documents, so one schema describes both).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

export const DESIGN_ID = "_design/thidua";
const PLACEHOLDER = "/*SHAPES*/ {}";

/** The schema's definition a `$ref` ("#/$defs/unit") names. */
function resolve(schema, def) {
  let seen = 0;
  while (def && def.$ref) {
    const name = def.$ref.replace(/^#\/\$defs\//, "");
    def = schema.$defs[name];
    if (!def || ++seen > 10) throw new Error(`export.schema.json: cannot resolve ${name}`);
  }
  return def;
}

/** "string", "string|null"…, or null when the field's type is not a simple list of JSON types. */
function simpleTypes(def) {
  if (typeof def.type === "string") return def.type;
  if (Array.isArray(def.type)) return def.type.join("|");
  const alternatives = def.oneOf || def.anyOf;
  if (alternatives && alternatives.every((alt) => typeof alt.type === "string")) {
    return [...new Set(alternatives.map((alt) => alt.type))].join("|");
  }
  return null;
}

/**
 * Per collection key (as in the file's `data`): `required` fields, `types` of the top-level
 * fields (simple JSON types only; `meta` is checked on its own), `enums` (allowed words) and
 * `dates` ("date" or "date-time" formats).
 */
export function shapeTable(schema) {
  const table = {};
  for (const [collection, list] of Object.entries(schema.properties.data.properties)) {
    const record = resolve(schema, list.items);
    const shape = { required: record.required || [], types: {}, enums: {}, dates: {} };
    for (const [field, raw] of Object.entries(record.properties || {})) {
      if (field === "meta") continue;
      const def = resolve(schema, raw);
      const types = simpleTypes(def);
      if (types) shape.types[field] = types;
      if (Array.isArray(def.enum) && def.enum.every((w) => typeof w === "string")) shape.enums[field] = def.enum;
      if (def.format === "date" || def.format === "date-time") shape.dates[field] = def.format;
    }
    table[collection] = shape;
  }
  return table;
}

/** The validate_doc_update source with the table embedded (deterministic for a given schema). */
export function validateSource(schema) {
  const template = fs.readFileSync(path.join(here, "validate_doc_update.js"), "utf8");
  if (!template.includes(PLACEHOLDER)) throw new Error(`validate_doc_update.js: ${PLACEHOLDER} not found`);
  return template.replace(PLACEHOLDER, JSON.stringify(shapeTable(schema))).trimEnd();
}

export function readSchema(file = path.join(root, "docs", "export.schema.json")) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The design document's body (without _rev). */
export function designDocument(schema = readSchema()) {
  return { _id: DESIGN_ID, language: "javascript", validate_doc_update: validateSource(schema) };
}

/** The database's `_security`. */
export function securityObject() {
  return JSON.parse(fs.readFileSync(path.join(here, "security.json"), "utf8"));
}
