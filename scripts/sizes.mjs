// Bundle sizes: `node scripts/sizes.mjs DIST` prints raw, gzip -9 and brotli (quality 11)
// bytes of every .wasm, .js, .css and .html file in DIST (Node's zlib, nothing to install).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const files = readdirSync(dist)
  .filter((f) => /\.(wasm|js|css|html)$/.test(f))
  .sort((a, b) => (a.endsWith(".wasm") ? -1 : b.endsWith(".wasm") ? 1 : a.localeCompare(b)));

const rows = files.map((f) => {
  const data = readFileSync(join(dist, f));
  return [
    f,
    data.length,
    gzipSync(data, { level: 9 }).length,
    brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  ];
});
const total = ["total", 1, 2, 3].map((c, i) => (i ? rows.reduce((s, r) => s + r[c], 0) : c));

const fmt = (n) => n.toLocaleString("en-US");
const line = (r) =>
  `${String(r[0]).padEnd(24)} ${fmt(r[1]).padStart(11)} ${fmt(r[2]).padStart(11)} ${fmt(r[3]).padStart(11)}`;
console.log(line(["file", "raw B", "gzip -9 B", "brotli B"]));
rows.forEach((r) => console.log(line(r)));
console.log(line(total));
