// The compressions every size figure and every precompressed file use: gzip -9 and
// brotli quality 11, both Node's zlib (nothing to install).
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const gzip = (data) => gzipSync(data, { level: 9 });

export const brotli = (data) =>
  brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });

// The files of a bundle that the standalone page loads, for each of its two kinds (the
// size budget; e2e/tests/modules.test.mjs holds each page to exactly these files, and
// ./x bench's P1 counts what the page loaded in the browser).
const SHELL = ["index.html", "boot.js", "ox-panel-modules.js", "style.css"];
export const PAGES = {
  // `?mailbox=…`, the default sections: the plan and BlackBerry panels.
  mailbox: [...SHELL, "ox-panel.js", "ox-panel_bg.wasm"],
  // `sections=domain` (or no mailbox): the domain view's module instead.
  domain: [...SHELL, "ox-panel-domain.js", "ox-panel-domain_bg.wasm"],
};
