// The DOM-XSS sink scan (scripts/lib/sinks.mjs) on tiny fixtures, and through
// scripts/check-bundle.mjs on a fixture bundle: a sink fails, naming the file and the sink.
// `./x test lint` runs it (node --test; no build needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scanFiles, scanHtml, scanJs, scanWasm, tokenize, wasmImports } from "../lib/sinks.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sinks = (src) => scanJs(src).map((f) => f.sink);

// ---- a WebAssembly module with chosen function imports, written byte by byte ----
const VT = { i32: 0x7f, externref: 0x6f };
const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
};
const section = (id, body) => [id, ...leb(body.length), ...body];
/** imports: [{name, params: ["externref", "i32", …]}], all from "./ox-panel_bg.js", no results. */
function wasmModule(imports) {
  const types = imports.map((i) => [0x60, ...leb(i.params.length), ...i.params.map((p) => VT[p]), 0]);
  const entries = imports.map((i, k) => [...str("./ox-panel_bg.js"), ...str(i.name), 0, ...leb(k)]);
  return new Uint8Array([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [...leb(types.length), ...types.flat()]),
    ...section(2, [...leb(entries.length), ...entries.flat()]),
  ]);
}

test("the tokenizer sets strings, comments, templates and regular expressions apart", () => {
  const t = tokenize('a = "x.innerHTML" /* innerHTML */ + `t${b.c}u` // eval\nd = /[/]eval/g.test(e) / 2');
  assert.deepEqual(
    t.filter((k) => k.type !== "punct").map((k) => `${k.type}:${k.value}`),
    ["id:a", "str:x.innerHTML", "tpl:t", "id:b", "id:c", "tpl:u", "id:d", "regex:/[/]eval/g", "id:test", "id:e", "num:2"],
  );
  assert.equal(t.find((k) => k.value === "d").line, 2);
});

test("each JavaScript sink is found", () => {
  assert.deepEqual(sinks("el.innerHTML = s;"), ["innerHTML"]);
  assert.deepEqual(sinks('el["outerHTML"] = s;'), ["outerHTML"]);
  assert.deepEqual(sinks('el.insertAdjacentHTML("beforeend", s)'), ["insertAdjacentHTML"]);
  assert.deepEqual(sinks("frame.srcdoc = s"), ["srcdoc"]);
  assert.deepEqual(sinks("range.createContextualFragment(s)"), ["createContextualFragment"]);
  assert.deepEqual(sinks("new DOMParser().parseFromString(s, 'text/html')"), ["parseFromString"]);
  assert.deepEqual(sinks("document.write(s); document.writeln(s)"), ["document.write", "document.writeln"]);
  assert.deepEqual(sinks("eval(s); (0, eval)(s)"), ["eval", "eval"]);
  assert.deepEqual(sinks("new Function(s); Function('return 1')()"), ["Function constructor", "Function constructor"]);
  assert.deepEqual(sinks('setTimeout("go()", 1); setInterval(`go()`, 1)'), ["setTimeout with a string", "setInterval with a string"]);
  assert.deepEqual(sinks('document.createElement("script")'), ['createElement("script")']);
  assert.deepEqual(sinks('a.href = "javascript:void 0"'), ["javascript: URL"]);
});

test("what is not a sink passes", () => {
  const clean = [
    "el.textContent = s; el.replaceChildren(); el.append(child);",
    "setTimeout(() => go(), 1); setInterval(go, 5);",
    "typeof f === 'function'; x instanceof Function; isFunction(x);",
    "// innerHTML in a comment\n/* eval(s) */",
    "const msg = 'call eval here'; const t = `Function(${name})`;",
    "document.createElement('div'); writer.write(chunk);",
  ];
  for (const src of clean) assert.deepEqual(scanJs(src), [], src);
});

test("HTML: inline handlers and javascript: URLs", () => {
  assert.deepEqual(
    scanHtml('<p>\n<button onclick="go()">x</button>\n<a href="javascript:go()">y</a>').map((f) => `${f.sink}@${f.line}`),
    ['inline event handler onclick=""@2', "javascript: URL@3"],
  );
  assert.deepEqual(scanHtml('<script type="module" src="boot.js"></script><a href="/x">on</a>'), []);
});

test("the .wasm's import section is parsed, and its sinks named", () => {
  const bytes = wasmModule([
    { name: "__wbg_setinnerHTML_0123456789abcdef", params: ["externref", "i32", "i32"] },
    { name: "__wbg_setTimeout_1111111111111111", params: ["externref", "externref", "i32"] },
    { name: "__wbg_setTimeout_2222222222222222", params: ["externref", "i32", "i32"] },
    { name: "__wbg_setTimeout_5555555555555555", params: ["externref", "i32"] },
    { name: "__wbg_setInterval_6666666666666666", params: ["i32", "i32", "i32"] },
    { name: "__wbg_newnoargs_3333333333333333", params: ["i32", "i32"] },
    { name: "__wbg_settextContent_4444444444444444", params: ["externref", "i32", "i32"] },
  ]);
  assert.equal(WebAssembly.validate(bytes), true);
  assert.deepEqual(
    wasmImports(bytes).map((i) => `${i.module} ${i.name} ${i.params.join(",")}`)[0],
    "./ox-panel_bg.js __wbg_setinnerHTML_0123456789abcdef externref,i32,i32",
  );
  assert.deepEqual(scanWasm(bytes), [
    { sink: "innerHTML", import: "./ox-panel_bg.js.__wbg_setinnerHTML_0123456789abcdef" },
    { sink: "setTimeout with a string", import: "./ox-panel_bg.js.__wbg_setTimeout_2222222222222222" },
    { sink: "setInterval with a string", import: "./ox-panel_bg.js.__wbg_setInterval_6666666666666666" },
    { sink: "Function constructor", import: "./ox-panel_bg.js.__wbg_newnoargs_3333333333333333" },
  ]);
  assert.throws(() => wasmImports(new Uint8Array([1, 2, 3])), /not a readable WebAssembly module/);
});

test("scanFiles names the file and the sink", () => {
  const files = [
    { path: "boot.js", read: () => Buffer.from("const a = 1;\nroot.innerHTML = '';") },
    { path: "examples/x/index.html", read: () => Buffer.from('<body onload="go()">') },
    { path: "style.css", read: () => Buffer.from("p { color: red }") },
  ];
  assert.deepEqual(scanFiles(files), [
    "boot.js: innerHTML (line 2)",
    'examples/x/index.html: inline event handler onload="" (line 1)',
  ]);
});

test("check-bundle.mjs fails on a fixture bundle with sinks, naming file and sink", () => {
  const dir = mkdtempSync(join(tmpdir(), "ox-sinks-"));
  try {
    writeFileSync(join(dir, "index.html"), '<!doctype html><script type="module" src="boot.js"></script>');
    writeFileSync(join(dir, "boot.js"), 'import("./ox-panel.js");\ndocument.body.insertAdjacentHTML("beforeend", "<p>");');
    writeFileSync(join(dir, "ox-panel.js"), "export default function init() {}");
    writeFileSync(join(dir, "ox-panel-element.js"), "export {};");
    writeFileSync(join(dir, "style.css"), "");
    writeFileSync(join(dir, "ox-panel_bg.wasm"), wasmModule([{ name: "__wbg_setinnerHTML_0123456789abcdef", params: ["externref", "i32", "i32"] }]));
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "check-bundle.mjs"), dir], {
      encoding: "utf8",
      env: { ...process.env, CARGO_TARGET_DIR: join(dir, "no-target") },
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DOM-XSS sink: boot\.js: insertAdjacentHTML \(line 2\)/);
    assert.match(run.stderr, /DOM-XSS sink: ox-panel_bg\.wasm: innerHTML \(import \.\/ox-panel_bg\.js\.__wbg_setinnerHTML_0123456789abcdef\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the project's own shipped sources have no sink", () => {
  const list = (dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? e.path, e.name));
  const paths = [join(ROOT, "index.html"), ...list("static"), ...list("examples")];
  const files = paths.map((path) => ({ path: path.slice(ROOT.length + 1), read: () => readFileSync(path) }));
  assert.ok(files.some((f) => f.path === "static/boot.js"));
  assert.deepEqual(scanFiles(files), []);
});
