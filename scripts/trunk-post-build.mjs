// Trunk post_build hook (Trunk.toml [[hooks]]): with inject_scripts = false Trunk leaves the
// <link data-trunk rel="rust"> element in the built index.html and adds nothing for the
// app. Replace it with preload hints for the JS glue and the .wasm, so the browser fetches
// both while boot.js starts (no inline script: the page's CSP allows none).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
const file = join(staging, "index.html");
const html = readFileSync(file, "utf8");
const rustLink = /<link\b(?=[^>]*\bdata-trunk\b)(?=[^>]*\brel=["']?rust\b)[^>]*>/i;
if (!rustLink.test(html)) process.exit(0);
const hints =
  '<link rel="modulepreload" href="./ox-panel.js">\n' +
  '    <link rel="preload" href="./ox-panel_bg.wasm" as="fetch" type="application/wasm" crossorigin>';
writeFileSync(file, html.replace(rustLink, hints));
