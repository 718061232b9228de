// Draws the app icon (a gold star on the federation's red) as SVG and as PNGs, from one
// geometry, with nothing but Node's zlib. The results are committed in public/icons/; run
// `node scripts/make-icons.mjs` again only to change the design.
//
// The PNGs are full-bleed squares with the star inside the central 80% circle, so one file
// serves both as a normal icon and as a "maskable" one (launchers crop it to their shape).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public/icons");
const RED = [0xa3, 0x16, 0x1a];
const GOLD = [0xff, 0xcd, 0x00];

/** The five-pointed star in a 512×512 box: outer radius 150 keeps it in the maskable safe zone. */
function starPoints(size = 512) {
  const s = size / 512;
  const [cx, cy, outer] = [256 * s, 268 * s, 150 * s];
  const inner = outer * 0.382;
  const points = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return points;
}

function inside(points, x, y) {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG, 4×4 supersampled so the star's edges are smooth. */
function png(size) {
  const points = starPoints(size);
  const row = size * 3 + 1;
  const raw = Buffer.alloc(row * size);
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inside(points, x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) cover++;
      const t = cover / 16;
      for (let c = 0; c < 3; c++) raw[y * row + 1 + x * 3 + c] = Math.round(RED[c] * (1 - t) + GOLD[c] * t);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function svg() {
  const d = starPoints()
    .map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`)
    .join("");
  const hex = (c) => "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">` +
    `<rect width="512" height="512" rx="96" fill="${hex(RED)}"/>` +
    `<path fill="${hex(GOLD)}" d="${d}Z"/></svg>\n`
  );
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, "icon.svg"), svg());
for (const size of [192, 512]) fs.writeFileSync(path.join(OUT, `icon-${size}.png`), png(size));
console.log(`Đã vẽ biểu tượng vào ${OUT}`);
