// Checks a release bundle built by Trunk: `node scripts/check-bundle.mjs DIST [--budget FILE]`.
// - the files static/boot.js and static/ox-panel-element.js load are there, and the latter
//   itself (stable names: Trunk.toml filehash = false);
// - index.html has no inline script (only the JSON configuration element), no <style>,
//   no style="" and no on*="" attribute: the page runs under
//   "script-src 'self' 'wasm-unsafe-eval'" without 'unsafe-inline';
// - each of the two modules' .wasm (ox-panel, ox-panel-domain) is a valid module (Node's
//   WebAssembly.validate);
// - URLs in index.html are relative, so the bundle also works from a sub-path;
// - no DOM-XSS sink in any shipped JavaScript or HTML file, nor among the .wasm's imports
//   (scripts/lib/sinks.mjs; the page must run under Trusted Types with policy 'none');
// - wasm-opt ran: Trunk leaves its output in target/wasm-opt/release/, byte-equal to the
//   bundle's .wasm and smaller than wasm-bindgen's in target/wasm-bindgen/release/;
// - with --budget (./x test passes bench/size-budget.json): the brotli (q11) size of what
//   each kind of standalone page loads (scripts/lib/compress.mjs PAGES: the mailbox page,
//   the domain page), per file and in total, is within that page's budget.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotli, PAGES } from "./lib/compress.mjs";
import { scanFiles } from "./lib/sinks.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget");
const budgetFile = budgetAt >= 0 ? resolve(args.splice(budgetAt, 2)[1] ?? "") : null;
const dist = resolve(args[0] ?? join(root, "dist"));
const targetDir = resolve(process.env.CARGO_TARGET_DIR ?? join(root, "target"));
const name = "ox-panel";
const problems = [];

for (const file of [...new Set([...Object.values(PAGES).flat(), `${name}-element.js`])]) {
  if (!existsSync(join(dist, file))) problems.push(`missing ${file} in ${dist}`);
}

const html = readFileSync(join(dist, "index.html"), "utf8");

for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const [, attrs, body] = m;
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  const hasSrc = /\bsrc\s*=/i.test(attrs);
  if (type === "application/json") continue;
  if (!hasSrc) problems.push(`inline <script${attrs}> in index.html`);
  else if (body.trim()) problems.push(`<script${attrs}> with both src and a body`);
}
if (/\sdata-trunk\b/i.test(html)) problems.push("a data-trunk element is left in index.html");
if (/<style\b/i.test(html)) problems.push("inline <style> in index.html");
if (/\sstyle\s*=/i.test(html)) problems.push('style="" attribute in index.html');
for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)) {
  problems.push(`inline event handler ${m[1]}="" in index.html`);
}
for (const m of html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)) {
  if (/^(\/|[a-z]+:)/i.test(m[1])) problems.push(`absolute URL ${m[1]} in index.html`);
}

// Every file that ships (the .br/.gz siblings are the same bytes compressed).
function* shipped(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* shipped(path);
    else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) yield path;
  }
}
const scanned = [...shipped(dist)].map((path) => ({ path: relative(dist, path), read: () => readFileSync(path) }));
for (const problem of scanFiles(scanned)) problems.push(`DOM-XSS sink: ${problem}`);

// Both modules: the mailbox page's and the domain view's.
for (const module of [name, `${name}-domain`]) {
  const wasm = join(dist, `${module}_bg.wasm`);
  const optimised = join(targetDir, "wasm-opt", "release", `${module}_bg.wasm`);
  const unoptimised = join(targetDir, "wasm-bindgen", "release", `${module}_bg.wasm`);
  if (!existsSync(wasm)) continue;
  // Also catches a file truncated by two Trunk builds racing on target/wasm-opt/.
  if (!WebAssembly.validate(readFileSync(wasm))) problems.push(`${wasm} is not a valid module`);
  if (!existsSync(optimised)) {
    problems.push(`wasm-opt did not run (no ${optimised}): data-wasm-opt on the rust link?`);
  } else if (!readFileSync(optimised).equals(readFileSync(wasm))) {
    problems.push(`${wasm} is not wasm-opt's output ${optimised}`);
  } else if (existsSync(unoptimised) && statSync(unoptimised).size <= statSync(wasm).size) {
    problems.push(`wasm-opt did not make ${module}_bg.wasm smaller`);
  }
}

// The size budget, per page: growing past it fails; raising it is an edit of the budget
// file, with its reason, in the same commit.
let budgetLine = "";
const allFiles = [...new Set(Object.values(PAGES).flat())];
if (budgetFile && allFiles.every((f) => existsSync(join(dist, f)))) {
  const budget = JSON.parse(readFileSync(budgetFile, "utf8"));
  const shown = budgetFile.startsWith(root) ? budgetFile.slice(root.length + 1) : budgetFile;
  const fmt = (n) => n.toLocaleString("en-US");
  const sizes = Object.fromEntries(allFiles.map((f) => [f, brotli(readFileSync(join(dist, f))).length]));
  const over = (what, size, limit) =>
    problems.push(
      `${what} is ${fmt(size)} B brotli, ${fmt(size - limit)} B over the budget of ${fmt(limit)} B ` +
        `(make it smaller, or raise the budget in ${shown} and say why in its "reason")`,
    );
  const totals = [];
  for (const [page, files] of Object.entries(PAGES)) {
    const limits = budget.pages?.[page];
    if (!limits) {
      problems.push(`${shown} has no budget for the ${page} page`);
      continue;
    }
    for (const file of files) {
      const limit = limits.files?.[file];
      if (typeof limit !== "number") problems.push(`${shown} has no budget for ${file} on the ${page} page`);
      else if (sizes[file] > limit) over(`${file} (${page} page)`, sizes[file], limit);
    }
    const total = files.reduce((sum, f) => sum + sizes[f], 0);
    if (typeof limits.totalBrotliBytes !== "number") problems.push(`${shown} has no totalBrotliBytes for the ${page} page`);
    else if (total > limits.totalBrotliBytes) over(`the ${page} page`, total, limits.totalBrotliBytes);
    totals.push(`${page} page ${fmt(total)} of ${fmt(limits.totalBrotliBytes ?? 0)} B`);
  }
  budgetLine = `; brotli: ${totals.join(", ")}`;
}

if (problems.length) {
  for (const p of problems) console.error(`bundle check: ${p}`);
  process.exit(1);
}
const kb = (f) => (statSync(join(dist, f)).size / 1024).toFixed(1);
console.log(
  `bundle check: ok (${dist}: ${name}_bg.wasm ${kb(`${name}_bg.wasm`)} KiB and ` +
    `${name}-domain_bg.wasm ${kb(`${name}-domain_bg.wasm`)} KiB after wasm-opt; ` +
    `no inline script or style; no DOM-XSS sink in ${scanned.length} files; relative URLs${budgetLine})`,
);
