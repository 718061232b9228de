// Writes tests/fixtures/sheets/don-vi-200.csv: 200 grassroots unions of LĐLĐ huyện Ba Vì as a
// federation would send them, in UTF-8 with a BOM, one of them with a kind the app does not
// know (row 58, column D), for the spreadsheet import's end-to-end test. Run once
// (`node scripts/make-sheet-fixtures.mjs`); the file is committed, and the test has LibreOffice
// turn it into an .xlsx, as another program would make it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../tests/fixtures/sheets");
const kinds = ["Công ty TNHH May", "Công ty Cổ phần Gạch", "Trường Tiểu học", "Trường THCS", "Trạm Y tế xã", "Hợp tác xã Nông nghiệp", "Công ty TNHH Cơ khí", "UBND xã"];
const places = ["Tản Lĩnh", "Ba Trại", "Cẩm Lĩnh", "Thuần Mỹ", "Tòng Bạt", "Vân Hòa", "Yên Bài", "Phú Sơn", "Tây Đằng", "Cổ Đô", "Minh Quang", "Ba Vì", "Sơn Đà", "Thụy An", "Vạn Thắng", "Châu Sơn", "Phong Vân", "Đồng Thái", "Phú Đông", "Khánh Thượng", "Chu Minh", "Phú Châu", "Phú Cường", "Phú Phương", "Tiên Phong"];
const rows = [["STT", "Tên đơn vị", "Tên viết tắt", "Loại", "Ngày thành lập"]];
for (let i = 1; i <= 200; i++) {
  const name = `CĐCS ${kinds[i % kinds.length]} ${places[i % places.length]} ${Math.ceil(i / places.length)}`;
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (i % 12)).padStart(2, "0");
  const kind = i === 57 ? "trường học" : "Công đoàn cơ sở";
  rows.push([String(i), name, "", kind, `${day}/${month}/${2000 + (i % 24)}`]);
}
const quote = (c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
mkdirSync(DIR, { recursive: true });
writeFileSync(path.join(DIR, "don-vi-200.csv"), "\uFEFF" + rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n");
console.log(`wrote ${rows.length - 1} units to ${DIR}/don-vi-200.csv`);
