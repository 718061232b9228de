// Writes tests/fixtures/bad-files/: one export file per problem the import must refuse.
// Run once (`node scripts/make-bad-files.mjs`); the files are committed. The "too large" file is
// made by the test itself instead (10 MiB is not worth committing).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../tests/fixtures/bad-files");

const meta = (id) => ({
  id,
  changed_by: "quoc-oai",
  changed_at: "2026-11-20T02:15:00Z",
  edits: { "quoc-oai": 1 },
});
const unit = (id, extra = {}) => ({
  meta: meta(id),
  name: `LĐLĐ ${id}`,
  short_name: "",
  kind: "district",
  parent_id: null,
  active_from: null,
  active_to: null,
  archived: false,
  ...extra,
});
const dialogue = (extra = {}) => ({
  meta: meta("d1"),
  kind: "periodic",
  level: "enterprise",
  date: "2024-05-14",
  place: "Hội trường Công ty",
  unit_id: "u1",
  worker_chair: { name: "", role: "" },
  employer_chair: { name: "", role: "" },
  enterprises: [],
  attendances: 120,
  agreed: [],
  disagreed: [],
  next_dialogue_on: null,
  minutes_notes: "",
  minutes_signed: false,
  ...extra,
});
const envelope = (data, extra = {}) => ({
  format: "thidua-export",
  schema_version: 1,
  office: { id: "quoc-oai", name: "LĐLĐ huyện Quốc Oai" },
  exported_at: "2026-11-20T03:00:00Z",
  scope: { description: "Toàn bộ dữ liệu" },
  data,
  ...extra,
});
const json = (v) => JSON.stringify(v, null, 2);
const good = json(envelope({ units: [unit("u1"), unit("u2")] }));
const { name: _dropped, ...nameless } = unit("u1");

const files = {
  "not-json.json": "Đây là một tệp văn bản, không phải JSON.\n",
  "truncated.json": good.slice(0, Math.floor(good.length / 2)),
  "other-app.json": json({ name: "my-package", version: "1.0.0", dependencies: {} }),
  "newer-version.json": json(envelope({ units: [unit("u1")] }, { schema_version: 99 })),
  "wrong-type.json": json(envelope({ units: [unit("u1", { name: 42 })] })),
  "missing-field.json": json(envelope({ units: [nameless] })),
  "duplicate-id.json": json(envelope({ units: [unit("u1"), unit("u1", { name: "LĐLĐ khác" })] })),
  "unknown-reference.json": json(envelope({ units: [unit("u1", { parent_id: "khong-co" })] })),
  "out-of-range.json": json(
    envelope({
      units: [unit("u1")],
      clusters: [
        {
          meta: meta("c1"),
          name: "Cụm thi đua số 4",
          year: 1800,
          member_ids: ["u1"],
          head_id: null,
          deputy_id: null,
          next_head_id: null,
          vote_order: [],
        },
      ],
    }),
  ),
  "impossible-date.json": json(envelope({ units: [unit("u1", { active_to: "2025-02-30" })] })),
  // Files must obey the forms' own rules (issue 13).
  "unit-invisible-name.json": json(envelope({ units: [unit("u1", { name: "\u200b\u200b" })] })),
  "unit-own-parent.json": json(envelope({ units: [unit("u1", { parent_id: "u1" })] })),
  "units-parent-loop.json": json(envelope({ units: [unit("u1", { parent_id: "u2" }), unit("u2", { parent_id: "u1" })] })),
  "unit-dates-reversed.json": json(envelope({ units: [unit("u1", { active_from: "2024-05-01", active_to: "2023-12-31" })] })),
  "cluster-duplicate-member.json": json(
    envelope({
      units: [unit("u1"), unit("u2")],
      clusters: [
        {
          meta: meta("c1"),
          name: "Cụm thi đua số 4",
          year: 2024,
          member_ids: ["u1", "u2", "u1"],
          head_id: null,
          deputy_id: null,
          next_head_id: null,
          vote_order: [],
        },
      ],
    }),
  ),
  // Text that is not JSON for a reason with a name (issue 13).
  "utf16.json": Buffer.from("\ufeff" + good, "utf16le"),
  "too-deep.json": json(envelope({ units: [unit("u1")] })).replace('"data": {', `"data": {"x": ${"[".repeat(300)}${"]".repeat(300)},`),
  "number-too-large.json": json(envelope({ units: [unit("u1")] })).replace('"schema_version": 1', '"schema_version": 1e400'),
  "not-a-number.json": json(envelope({ units: [unit("u1")] })).replace('"archived": false', '"archived": NaN'),
  "half-character.json": json(envelope({ units: [unit("u1")] })).replace('"LĐLĐ u1"', '"LĐLĐ \\ud800 u1"'),
  "version-zero.json": json(envelope({ units: [unit("u1")] }, { schema_version: 0 })),
  "date-without-zeros.json": json(envelope({ units: [unit("u1", { active_from: "2023-2-3" })] })),
  "date-year-10000.json": json(envelope({ units: [unit("u1", { active_to: "+10000-01-01" })] })),
  // The envelope, one field at a time.
  "empty-file.json": "",
  "bom-only.json": "\ufeff",
  "top-level-list.json": json([envelope({ units: [unit("u1")] })]),
  "format-near-miss.json": json(envelope({ units: [unit("u1")] }, { format: "thidua" })),
  "version-as-text.json": json(envelope({ units: [unit("u1")] }, { schema_version: "1" })),
  "office-missing.json": json((({ office: _o, ...rest }) => rest)(envelope({ units: [unit("u1")] }))),
  "exported-at-number.json": json(envelope({ units: [unit("u1")] }, { exported_at: 42 })),
  "data-missing.json": json((({ data: _d, ...rest }) => rest)(envelope({}))),
  "data-is-list.json": json(envelope([])),
  "units-not-list.json": json(envelope({ units: { u1: unit("u1") } })),
  // A record, one field at a time.
  "meta-id-missing.json": json(envelope({ units: [{ ...unit("u1"), meta: (({ id: _i, ...m }) => m)(meta("u1")) }] })),
  "changed-at-words.json": json(envelope({ units: [{ ...unit("u1"), meta: { ...meta("u1"), changed_at: "hôm qua" } }] })),
  "unit-kind-unknown.json": json(envelope({ units: [unit("u1", { kind: "galaxy" })] })),
  "unit-archived-text.json": json(envelope({ units: [unit("u1", { archived: "yes" })] })),
  "cluster-no-members.json": json(
    envelope({
      units: [unit("u1")],
      clusters: [{ meta: meta("c1"), name: "Cụm thi đua số 4", year: 2024, member_ids: [], head_id: null, deputy_id: null, next_head_id: null, vote_order: [] }],
    }),
  ),
  "cluster-head-outside.json": json(
    envelope({
      units: [unit("u1"), unit("u2")],
      clusters: [{ meta: meta("c1"), name: "Cụm thi đua số 4", year: 2024, member_ids: ["u1"], head_id: "u2", deputy_id: null, next_head_id: null, vote_order: [] }],
    }),
  ),
  "dialogue-no-place.json": json(envelope({ units: [unit("u1")], dialogues: [dialogue({ place: "  " })] })),
  "dialogue-disagreed-no-next.json": json(envelope({ units: [unit("u1")], dialogues: [dialogue({ disagreed: ["Tăng lương tối thiểu vùng"] })] })),
  "proposal-blank-content.json": json(
    envelope({
      units: [unit("u1")],
      dialogues: [dialogue()],
      proposals: [
        {
          meta: meta("p1"),
          dialogue_id: "d1",
          content: "\u200b",
          topic: "wages",
          raised_by: "",
          agency: "",
          directive: { number: "", date: null },
          deadline: null,
          status: "new",
          response: "",
          resolved_on: null,
          history: [],
        },
      ],
    }),
  ),
  "cluster-year-text.json": json(
    envelope({
      units: [unit("u1")],
      clusters: [{ meta: meta("c1"), name: "Cụm thi đua số 4", year: "2024", member_ids: ["u1"], head_id: null, deputy_id: null, next_head_id: null, vote_order: [] }],
    }),
  ),
  "programme-no-areas.json": json(
    envelope({
      units: [unit("u1")],
      programmes: [
        {
          meta: meta("ct1"),
          number: "163/CTr-UBND-LĐLĐ",
          title: "Chương trình phối hợp công tác giai đoạn 2021–2025",
          authority: "UBND huyện Quốc Oai",
          unit_id: "u1",
          signed_on: "2021-03-15",
          from_year: 2021,
          to_year: 2025,
          areas: [],
        },
      ],
    }),
  ),
};

mkdirSync(DIR, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(DIR, name), text);
console.log(`wrote ${Object.keys(files).length} files to ${DIR}`);

// Unusual but valid: names an attacker or a careless paste would write. They must import and
// show as plain text.
const NAUGHTY = [
  "<script>alert('xss')</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  "'; DROP TABLE units; --",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "\u202eCông đoàn đảo chiều",
  "LĐLĐ 😀 huyện Ba Vì 👍",
  "Ｆｕｌｌｗｉｄｔｈ　ＬĐLĐ",
  "null",
  "../../etc/passwd",
];
const ODD = path.resolve(DIR, "../odd-files");
mkdirSync(ODD, { recursive: true });
writeFileSync(
  path.join(ODD, "naughty-names.json"),
  json(envelope({ units: NAUGHTY.map((name, i) => unit(`n${i + 1}`, { name })) })),
);
