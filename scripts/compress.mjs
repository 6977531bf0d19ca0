// `node scripts/compress.mjs DIR...`: writes X.br (brotli q11) and X.gz (gzip -9) next to
// every .wasm, .js, .mjs, .css, .html, .json and .svg file X in each DIR (recursively), so
// a server can send them as they are (hostway-emulator does, by Accept-Encoding). A
// sibling that would not be smaller than X is not written (the server then sends X), and
// stale siblings (of a file no longer there, or not smaller any more) are removed.
import { readdirSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { brotli, gzip } from "./lib/compress.mjs";

const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|svg)$/;
const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error("usage: node scripts/compress.mjs DIR...");
  process.exit(2);
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let written = 0;
let raw = 0;
let br = 0;
for (const dir of dirs) {
  const all = [...files(dir)];
  for (const path of all) {
    const sibling = /\.(br|gz)$/.exec(path);
    if (sibling && !existsSync(path.slice(0, -3))) rmSync(path);
  }
  for (const path of all.filter((p) => COMPRESSIBLE.test(p))) {
    const data = readFileSync(path);
    for (const [ext, compress] of [[".br", brotli], [".gz", gzip]]) {
      const packed = compress(data);
      if (packed.length < data.length) {
        writeFileSync(path + ext, packed);
        written += 1;
        if (ext === ".br") br += packed.length;
      } else if (existsSync(path + ext)) {
        rmSync(path + ext);
      }
    }
    raw += data.length;
  }
}
console.log(
  `compress: ${written} .br/.gz files in ${dirs.join(", ")} ` +
    `(${raw.toLocaleString("en-US")} B raw -> ${br.toLocaleString("en-US")} B brotli)`,
);
