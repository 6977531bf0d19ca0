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

// The files of a bundle that the standalone page loads (the size budget and ./x bench's P1).
export const PAGE_FILES = ["index.html", "boot.js", "ox-panel.js", "ox-panel_bg.wasm", "style.css"];
