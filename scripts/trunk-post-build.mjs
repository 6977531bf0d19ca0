// Trunk post_build hook (Trunk.toml [[hooks]]):
// - with inject_scripts = false Trunk leaves the two <link data-trunk rel="rust"> elements
//   in the built index.html and adds nothing for the app. Replace them with one preload
//   hint for ox-panel-modules.js, which boot.js imports: which module the page needs is
//   known only once boot.js has read the configuration and the address (it then fetches
//   that module's glue and .wasm side by side), and a preload of either module would
//   make the other page download it for nothing. No inline script: the CSP allows none.
// - give the stylesheet link `crossorigin` (its integrity hash needs a CORS request);
// - release builds only: minify wasm-bindgen's glue, boot.js and style.css with esbuild
//   (npm, pinned in scripts/esbuild, installed by scripts/bootstrap.sh into OX_ESBUILD_DIR),
//   then give the stylesheet link the integrity of the minified file (Trunk computed it
//   before this hook runs).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
const file = join(staging, "index.html");
let html = readFileSync(file, "utf8");
const rustLinks = /[ \t]*<link\b(?=[^>]*\bdata-trunk\b)(?=[^>]*\brel=["']?rust\b)[^>]*>\n?/gi;
let hinted = false;
html = html.replace(rustLinks, (link) => {
  if (hinted) return "";
  hinted = true;
  return link.replace(/<link\b[^>]*>/, '<link rel="modulepreload" href="./ox-panel-modules.js">');
});

// The stylesheet link carries an integrity hash, which the browser checks only on a CORS
// request: `crossorigin` makes it one. The same origin needs nothing more; a page in an
// opaque origin (a sandboxed frame) or on another origin than the bundle then gets the
// stylesheet where the bundle's server allows CORS, instead of having it blocked.
const styleLink = /<link\b(?=[^>]*\bhref="\.\/style\.css")(?![^>]*\bcrossorigin\b)([^>]*?)(\/?>)/;
if (!styleLink.test(html) && !/href="\.\/style\.css"[^>]*\bcrossorigin\b/.test(html)) {
  throw new Error("index.html has no style.css link");
}
html = html.replace(styleLink, "<link$1 crossorigin$2");

if (process.env.TRUNK_PROFILE === "release") {
  const dir = process.env.OX_ESBUILD_DIR;
  if (!dir) throw new Error("OX_ESBUILD_DIR is not set: build through ./x (scripts/lib.sh sets it)");
  const esbuild = createRequire(join(dir, "package.json"))("esbuild");
  for (const name of ["ox-panel.js", "ox-panel-domain.js", "ox-panel-modules.js", "boot.js"]) {
    const path = join(staging, name);
    // Whitespace, syntax and local names only; exports and import.meta.url stay as they are.
    const { code } = esbuild.transformSync(readFileSync(path, "utf8"), {
      format: "esm",
      minify: true,
      target: "es2022",
      legalComments: "none",
    });
    writeFileSync(path, code);
  }
  // No target: nothing is lowered (light-dark(), :where() and :host stay as written).
  const cssPath = join(staging, "style.css");
  const css = esbuild.transformSync(readFileSync(cssPath, "utf8"), { loader: "css", minify: true }).code;
  writeFileSync(cssPath, css);
  const cssLink = /(<link\b[^>]*\bhref="\.\/style\.css"[^>]*\bintegrity=")sha384-[^"]*(")/;
  if (!cssLink.test(html)) throw new Error("index.html has no style.css link with an integrity attribute");
  const digest = createHash("sha384").update(css).digest("base64");
  html = html.replace(cssLink, `$1sha384-${digest}$2`);
}
writeFileSync(file, html);
