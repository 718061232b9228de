// Small data sets for the dialogue tests, in the JSON shape the app stores (Rust serde of
// AppData; `cargo run --example dialogue_sample -- 3` prints a complete example).
import { DATA_KEY } from "./helpers.mjs";

const meta = (id) => ({ id, changed_by: "test", changed_at: "2024-01-01T00:00:00Z", edits: { test: 1 } });

export function unit(id, name) {
  return { meta: meta(id), name, short_name: "", kind: "district", parent_id: null, active_from: null, active_to: null, archived: false };
}

export function dialogue(id, unitId, date, extra = {}) {
  return {
    meta: meta(id), kind: "periodic", level: "district", date, place: "Hội trường UBND huyện", unit_id: unitId,
    worker_chair: { name: "", role: "" }, employer_chair: { name: "", role: "" }, enterprises: [], attendances: 120,
    agreed: [], disagreed: [], next_dialogue_on: null, minutes_notes: "", minutes_signed: true, ...extra,
  };
}

export function proposal(id, dialogueId, content, topic, extra = {}) {
  return {
    meta: meta(id), dialogue_id: dialogueId, content, topic, raised_by: "", agency: "", directive: { number: "", date: null },
    deadline: null, status: "new", response: "", resolved_on: null, history: [], ...extra,
  };
}

export function appData({ units = [], dialogues = [], proposals = [] }) {
  return { schema_version: 1, office: null, units, dialogues, proposals };
}

/** Stores `data` for the app's origin, then opens `hash` with it loaded. */
export async function openWith(context, url, data, hash) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  page.jsErrors = errors;
  await page.goto(url + "#/");
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DATA_KEY, JSON.stringify(data)]);
  await page.goto(url + hash);
  await page.reload();
  await page.getByRole("navigation", { name: "Chính" }).waitFor();
  return page;
}
