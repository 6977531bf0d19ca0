// The npm package: `node scripts/package.mjs DIST OUT` stages OUT/package/ from a release
// bundle DIST (built by `./x package`), then `npm pack`s it into OUT/ox-panel-VERSION.tgz.
// Staged: the bundle's files, the declarations, the configuration's JSON Schema, README,
// CHANGELOG, package.json; a .br (brotli quality 11) and a .gz (gzip -9) of every asset a
// browser loads; integrity.json with the sha384 SRI hash and size of every file. Node's own
// zlib and crypto, nothing to install; the compressions are scripts/lib/compress.mjs's.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotli, gzip } from "./lib/compress.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [distArg, outArg] = process.argv.slice(2);
if (!distArg || !outArg) {
  console.error("usage: node scripts/package.mjs DIST OUT");
  process.exit(2);
}
const dist = resolve(distArg);
const out = resolve(outArg);

// The version is the workspace's (Cargo.toml, [workspace.package]).
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
if (!version) throw new Error("no version in Cargo.toml's [workspace.package]");
const license = /\[workspace\.package\][^[]*?\nlicense\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
if (!changelog.includes(`## ${version}`)) throw new Error(`CHANGELOG.md has no "## ${version}" section`);

// What a browser loads: each also as .br and .gz, for a server or CDN that serves them
// pre-compressed. index.html and boot.js are the standalone page; ox-panel-modules.js
// loads either module, ox-panel-domain.* only where a page shows the domain view.
const ASSETS = [
  "ox-panel-element.js",
  "ox-panel-modules.js",
  "ox-panel.js",
  "ox-panel_bg.wasm",
  "ox-panel-domain.js",
  "ox-panel-domain_bg.wasm",
  "style.css",
  "index.html",
  "boot.js",
];
const COPIES = [
  ...ASSETS.map((f) => [join(dist, f), f]),
  [join(root, "types", "ox-panel.d.ts"), "types/ox-panel.d.ts"],
  [join(root, "types", "ox-panel-glue.d.ts"), "types/ox-panel-glue.d.ts"],
  [join(root, "schema", "config.schema.json"), "schema/config.schema.json"],
  [join(root, "README.md"), "README.md"],
  [join(root, "CHANGELOG.md"), "CHANGELOG.md"],
];

const stage = join(out, "package");
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const [from, to] of COPIES) {
  mkdirSync(dirname(join(stage, to)), { recursive: true });
  copyFileSync(from, join(stage, to));
}
for (const f of ASSETS) {
  const data = readFileSync(join(stage, f));
  writeFileSync(join(stage, `${f}.br`), brotli(data));
  writeFileSync(join(stage, `${f}.gz`), gzip(data));
}

const pkg = {
  name: "ox-panel",
  version,
  description:
    "Embeddable control-panel module (WebAssembly) for OpenXchange webmail plans and BlackBerry device actions: the <ox-panel> custom element and mount()",
  license,
  type: "module",
  // Importing the entry module defines <ox-panel>; the rest are files a host may address.
  exports: {
    ".": { types: "./types/ox-panel.d.ts", default: "./ox-panel-element.js" },
    "./ox-panel.js": { types: "./types/ox-panel-glue.d.ts", default: "./ox-panel.js" },
    "./ox-panel_bg.wasm": "./ox-panel_bg.wasm",
    "./ox-panel-domain.js": { types: "./types/ox-panel-glue.d.ts", default: "./ox-panel-domain.js" },
    "./ox-panel-domain_bg.wasm": "./ox-panel-domain_bg.wasm",
    "./style.css": "./style.css",
    "./schema.json": "./schema/config.schema.json",
    "./integrity.json": "./integrity.json",
    "./package.json": "./package.json",
  },
  types: "./types/ox-panel.d.ts",
  sideEffects: ["./ox-panel-element.js"],
  files: [
    ...ASSETS.flatMap((f) => [f, `${f}.br`, `${f}.gz`]),
    "types/",
    "schema/",
    "integrity.json",
    "CHANGELOG.md",
  ],
};
writeFileSync(join(stage, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);

// Every file but the manifest itself, with the hash a <script>/<link integrity> takes.
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const files = {};
for (const file of walk(stage).sort()) {
  const data = readFileSync(file);
  files[relative(stage, file).split("\\").join("/")] = {
    size: data.length,
    integrity: `sha384-${createHash("sha384").update(data).digest("base64")}`,
  };
}
writeFileSync(join(stage, "integrity.json"), `${JSON.stringify({ name: pkg.name, version, files }, null, 2)}\n`);

// npm pack: the layout `npm install FILE.tgz` expects (package/ inside), fixed mtimes.
const packed = JSON.parse(
  execFileSync("npm", ["pack", "--json", "--pack-destination", out], {
    cwd: stage,
    encoding: "utf8",
    env: { ...process.env, npm_config_loglevel: "error", npm_config_update_notifier: "false" },
  }),
)[0];
const tgz = join(out, packed.filename);

const fmt = (n) => n.toLocaleString("en-US");
console.log(`${relative(root, tgz)}: ${fmt(statSync(tgz).size)} B, ${packed.entryCount} files`);
for (const entry of packed.files.sort((a, b) => a.path.localeCompare(b.path))) {
  console.log(`  ${entry.path.padEnd(34)} ${fmt(entry.size).padStart(11)} B`);
}
