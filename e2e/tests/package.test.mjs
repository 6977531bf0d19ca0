// The npm package (scripts/package.mjs, `./x package`), made here from the e2e bundle:
// `npm install FILE.tgz` offline into an empty project, its layout and exports, every SRI
// hash and pre-compressed copy in integrity.json, the declarations against a host's
// TypeScript through the package's `exports`, and the installed files served as from a
// CDN, loaded by a page with `integrity` attributes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import {
  ROOT,
  assertNoProblems,
  defaultDist,
  launchBrowser,
  newPage,
  screenshot,
  startEmulator,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(
  readFileSync(join(ROOT, "Cargo.toml"), "utf8"),
)[1];
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
const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;
const quiet = { encoding: "utf8", env: { ...process.env, npm_config_loglevel: "error", npm_config_update_notifier: "false" } };

describe("npm package", () => {
  let tmp;
  let tgz;
  let installed;

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), "ox-package-"));
    const out = join(tmp, "out");
    execFileSync("node", [join(ROOT, "scripts", "package.mjs"), defaultDist(), out], quiet);
    tgz = join(out, `ox-panel-${version}.tgz`);
    const project = join(tmp, "host");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "host", private: true, type: "module" }));
    // No registry: the package has no dependencies, so nothing but the file is needed.
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tgz], { ...quiet, cwd: project });
    installed = join(project, "node_modules", "ox-panel");
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test("npm pack layout, package.json exports and types, installable offline", () => {
    const entries = execFileSync("tar", ["-tzf", tgz], { encoding: "utf8" }).trim().split("\n");
    assert.ok(entries.every((e) => e.startsWith("package/")), "everything under package/");
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    assert.equal(pkg.name, "ox-panel");
    assert.equal(pkg.version, version);
    assert.equal(pkg.type, "module");
    assert.deepEqual(pkg.exports["."], { types: "./types/ox-panel.d.ts", default: "./ox-panel-element.js" });
    assert.equal(pkg.types, "./types/ox-panel.d.ts");
    assert.equal(pkg.exports["./schema.json"], "./schema/config.schema.json");
    for (const target of Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)))) {
      assert.ok(existsSync(join(installed, target)), `export target ${target} is in the package`);
    }
    for (const f of ["README.md", "CHANGELOG.md", "integrity.json"]) assert.ok(existsSync(join(installed, f)), f);
    assert.match(readFileSync(join(installed, "CHANGELOG.md"), "utf8"), new RegExp(`^## ${version.replace(/\./g, "\\.")}$`, "m"));
    // The schema is the repository's, byte for byte.
    assert.ok(
      readFileSync(join(installed, "schema", "config.schema.json")).equals(readFileSync(join(ROOT, "schema", "config.schema.json"))),
    );
  });

  test("integrity.json: every file's SRI hash and size; .br and .gz of every asset", () => {
    const manifest = JSON.parse(readFileSync(join(installed, "integrity.json"), "utf8"));
    assert.equal(manifest.version, version);
    const listed = Object.keys(manifest.files);
    for (const asset of ASSETS) {
      for (const f of [asset, `${asset}.br`, `${asset}.gz`]) assert.ok(listed.includes(f), `${f} in integrity.json`);
      const data = readFileSync(join(installed, asset));
      assert.ok(brotliDecompressSync(readFileSync(join(installed, `${asset}.br`))).equals(data), `${asset}.br`);
      assert.ok(gunzipSync(readFileSync(join(installed, `${asset}.gz`))).equals(data), `${asset}.gz`);
    }
    for (const [file, { size, integrity }] of Object.entries(manifest.files)) {
      const data = readFileSync(join(installed, file));
      assert.equal(data.length, size, `${file} size`);
      assert.equal(integrity, sri(data), `${file} integrity`);
    }
  });

  test("the declarations type-check a host's TypeScript through the package's exports", () => {
    const project = join(installed, "..", "..");
    copyFileSync(join(ROOT, "types", "example", "example.ts"), join(project, "example.ts"));
    const tsconfig = JSON.parse(readFileSync(join(ROOT, "types", "example", "tsconfig.json"), "utf8"));
    delete tsconfig.compilerOptions.paths; // resolved as a host would: node_modules/ox-panel
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(tsconfig));
    execFileSync("node", [join(ROOT, "e2e", "node_modules", "typescript", "bin", "tsc"), "-p", project], {
      encoding: "utf8",
    });
  });

  describe("served from the installed package, loaded with integrity attributes", () => {
    let emulator;
    let browser;
    let page;
    before(async () => {
      const manifest = JSON.parse(readFileSync(join(installed, "integrity.json"), "utf8"));
      const hash = (f) => manifest.files[f].integrity;
      // A host page next to the installed files, as a CDN copy would sit: the entry module
      // and the glue it imports (modulepreload) both checked against the manifest.
      writeFileSync(
        join(installed, "cdn.html"),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cdn</title>
<link rel="modulepreload" href="ox-panel.js" integrity="${hash("ox-panel.js")}">
<script type="module" src="ox-panel-element.js" integrity="${hash("ox-panel-element.js")}"></script>
<script type="module" src="cdn.js"></script></head>
<body><ox-panel account="test" domain="test.com" mailbox="john.smith"></ox-panel></body></html>`,
      );
      writeFileSync(
        join(installed, "cdn.js"),
        `import "./ox-panel-element.js";\ndocument.querySelector("ox-panel").authorization = "Basic ZGVtbzpkZW1v";\n`,
      );
      [emulator, browser] = await Promise.all([startEmulator({ dist: installed }), launchBrowser()]);
      page = await newPage(browser);
    });
    after(async () => {
      await page?.context().close();
      await browser?.close();
      await emulator?.stop();
    });

    test("the element renders from the package's files under the strict CSP", async () => {
      await page.goto(`${emulator.baseUrl}/cdn.html`);
      await waitForText(page.locator("ox-panel").getByTestId("current-plan"), "(standard)");
      await waitForTestId(page, "blackberry-status");
      assertNoProblems(page);
      await screenshot(page, "package-cdn");
    });
  });
});
