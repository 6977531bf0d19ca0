// The DOM-XSS sink scan of a bundle (scripts/check-bundle.mjs runs it after every build):
// nothing that ships may turn a string into markup or code. A page under
// "require-trusted-types-for 'script'; trusted-types 'none'" throws on every one of these,
// and any of them is where untrusted text would become script. Looked for:
// - JavaScript (every .js/.mjs file, after a tokenizer has set strings, comments and
//   template text apart, so words in them do not count): the HTML sinks (innerHTML,
//   outerHTML, insertAdjacentHTML, srcdoc, createContextualFragment, setHTMLUnsafe,
//   parseHTMLUnsafe, DOMParser's parseFromString, also as a string key: el["innerHTML"]),
//   document.write/writeln, eval, the Function constructor, setTimeout/setInterval with
//   a string, importScripts and execScript, a "script" element created from code, and
//   "javascript:" URLs in strings;
// - HTML (every .html file): inline event handlers (on*="") and "javascript:" URLs;
// - the .wasm: its import section, parsed (not grepped), for wasm-bindgen imports of the
//   same sinks (__wbg_setinnerHTML_…, __wbg_write_…, __wbg_eval_…, __wbg_newnoargs_…,
//   and setTimeout/setInterval imports that take the handler as a string).
// Each finding names the file, the sink and where (line, or the import's name).

const HTML_SINKS = new Set([
  "innerHTML",
  "outerHTML",
  "insertAdjacentHTML",
  "srcdoc",
  "createContextualFragment",
  "setHTMLUnsafe",
  "parseHTMLUnsafe",
  "parseFromString",
  "execScript",
  "importScripts",
]);
// After these words a "/" starts a regular expression, not a division.
const REGEX_AFTER = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
]);

/**
 * Splits JavaScript into tokens: {type: "id"|"str"|"tpl"|"num"|"regex"|"punct", value, line}.
 * Comments and whitespace are dropped; a template literal gives one "tpl" token per text
 * chunk, its ${…} parts are tokenised as code. Good enough for a scan (no ASI, no JSX).
 */
export function tokenize(src) {
  const out = [];
  const braces = []; // "{" or "${" (a template's substitution)
  let i = 0;
  let line = 1;
  const n = src.length;
  const prev = () => out[out.length - 1];
  const regexAllowed = () => {
    const p = prev();
    if (!p) return true;
    if (p.type === "id") return REGEX_AFTER.has(p.value);
    if (p.type === "punct") return !/^[)\]]$/.test(p.value);
    return false;
  };
  const readTemplate = () => {
    // At the character after "`" or after a substitution's "}".
    let text = "";
    const start = line;
    while (i < n) {
      const c = src[i];
      if (c === "\\") {
        text += src.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === "`") {
        i++;
        out.push({ type: "tpl", value: text, line: start });
        return;
      }
      if (c === "$" && src[i + 1] === "{") {
        i += 2;
        out.push({ type: "tpl", value: text, line: start });
        braces.push("${");
        return;
      }
      if (c === "\n") line++;
      text += c;
      i++;
    }
    out.push({ type: "tpl", value: text, line: start });
  };
  while (i < n) {
    const c = src[i];
    if (c === "\n") {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && src[i + 1] === "/") {
      while (i < n && src[i] !== "\n") i++;
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === "\n") line++;
      i = stop;
    } else if (c === '"' || c === "'") {
      let value = "";
      i++;
      while (i < n && src[i] !== c && src[i] !== "\n") {
        if (src[i] === "\\") {
          value += src[i + 1] ?? "";
          i += 2;
        } else value += src[i++];
      }
      i++;
      out.push({ type: "str", value, line });
    } else if (c === "`") {
      i++;
      readTemplate();
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$\u0080-\uffff]/.test(src[j])) j++;
      out.push({ type: "id", value: src.slice(i, j), line });
      i = j;
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(src[j])) j++;
      out.push({ type: "num", value: src.slice(i, j), line });
      i = j;
    } else if (c === "/" && regexAllowed()) {
      // A regular expression literal, on one line; if it does not close there, a "/".
      let j = i + 1;
      let inClass = false;
      let closed = false;
      while (j < n && src[j] !== "\n") {
        const d = src[j];
        if (d === "\\") j += 2;
        else if (d === "[") (inClass = true), j++;
        else if (d === "]") (inClass = false), j++;
        else if (d === "/" && !inClass) {
          closed = true;
          break;
        } else j++;
      }
      if (closed) {
        j++;
        while (j < n && /[a-z]/i.test(src[j])) j++;
        out.push({ type: "regex", value: src.slice(i, j), line });
        i = j;
      } else {
        out.push({ type: "punct", value: "/", line });
        i++;
      }
    } else if (c === "{") {
      braces.push("{");
      out.push({ type: "punct", value: c, line });
      i++;
    } else if (c === "}") {
      i++;
      if (braces.pop() === "${") readTemplate();
      else out.push({ type: "punct", value: "}", line });
    } else {
      const three = src.slice(i, i + 3);
      const op = ["...", "?.", "=>", "=="].find((o) => three.startsWith(o)) ?? c;
      out.push({ type: "punct", value: op, line });
      i += op.length;
    }
  }
  return out;
}

/** The sinks in one JavaScript source: [{sink, line}]. */
export function scanJs(src) {
  const t = tokenize(src);
  const found = [];
  const add = (sink, token) => found.push({ sink, line: token.line });
  const is = (k, type, value) => t[k] && t[k].type === type && (value === undefined || t[k].value === value);
  for (let k = 0; k < t.length; k++) {
    const tok = t[k];
    if (tok.type === "id") {
      if (HTML_SINKS.has(tok.value)) add(tok.value, tok);
      else if (tok.value === "eval") add("eval", tok);
      else if (tok.value === "Function" && (is(k + 1, "punct", "(") || is(k - 1, "id", "new"))) {
        add("Function constructor", tok);
      } else if (
        (tok.value === "write" || tok.value === "writeln") &&
        is(k - 1, "punct", ".") &&
        is(k - 2, "id", "document")
      ) {
        add(`document.${tok.value}`, tok);
      } else if (
        (tok.value === "setTimeout" || tok.value === "setInterval") &&
        is(k + 1, "punct", "(") &&
        (is(k + 2, "str") || is(k + 2, "tpl"))
      ) {
        add(`${tok.value} with a string`, tok);
      } else if (
        tok.value === "createElement" &&
        is(k + 1, "punct", "(") &&
        (is(k + 2, "str") || is(k + 2, "tpl")) &&
        t[k + 2].value.trim().toLowerCase() === "script"
      ) {
        add('createElement("script")', tok);
      }
    } else if (tok.type === "str" || tok.type === "tpl") {
      if (HTML_SINKS.has(tok.value)) add(tok.value, tok);
      if (/javascript\s*:/i.test(tok.value)) add("javascript: URL", tok);
    }
  }
  return found;
}

/** The sinks in one HTML page: inline event handlers and javascript: URLs. [{sink, line}] */
export function scanHtml(src) {
  const found = [];
  const lineAt = (index) => src.slice(0, index).split("\n").length;
  for (const m of src.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)) {
    found.push({ sink: `inline event handler ${m[1]}=""`, line: lineAt(m.index) });
  }
  for (const m of src.matchAll(/=\s*["']?\s*javascript\s*:/gi)) {
    found.push({ sink: "javascript: URL", line: lineAt(m.index) });
  }
  return found;
}

// ---- WebAssembly ----

const VALTYPES = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref" };

/**
 * The imports of a WebAssembly binary, read from its type and import sections:
 * [{module, name, kind, params?, results?}] (params and results for functions).
 * Throws on a binary it cannot read.
 */
export function wasmImports(bytes) {
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let p = 0;
  const fail = (why) => {
    throw new Error(`not a readable WebAssembly module: ${why} at byte ${p}`);
  };
  const byte = () => (p < buf.length ? buf[p++] : fail("unexpected end"));
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
      if (shift > 63) fail("LEB128 too long");
    }
  };
  const name = () => {
    const len = leb();
    if (p + len > buf.length) fail("name past the end");
    const s = new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(p, p + len));
    p += len;
    return s;
  };
  const valtype = () => VALTYPES[byte()] ?? fail("unknown value type");
  const limits = () => {
    const flags = byte();
    leb();
    if (flags & 1) leb();
  };
  if (buf.length < 8 || buf[0] !== 0 || buf[1] !== 0x61 || buf[2] !== 0x73 || buf[3] !== 0x6d) fail("no \\0asm magic");
  p = 8;
  const types = [];
  const imports = [];
  while (p < buf.length) {
    const id = byte();
    const size = leb();
    const end = p + size;
    if (end > buf.length) fail("section past the end");
    if (id === 1) {
      const count = leb();
      for (let k = 0; k < count; k++) {
        if (byte() !== 0x60) fail("a type that is not a function type");
        const params = Array.from({ length: leb() }, valtype);
        const results = Array.from({ length: leb() }, valtype);
        types.push({ params, results });
      }
    } else if (id === 2) {
      const count = leb();
      for (let k = 0; k < count; k++) {
        const module = name();
        const field = name();
        const kind = byte();
        if (kind === 0) {
          const type = types[leb()] ?? fail("import of an unknown type");
          imports.push({ module, name: field, kind: "func", ...type });
        } else if (kind === 1) {
          valtype();
          limits();
          imports.push({ module, name: field, kind: "table" });
        } else if (kind === 2) {
          limits();
          imports.push({ module, name: field, kind: "memory" });
        } else if (kind === 3) {
          valtype();
          byte();
          imports.push({ module, name: field, kind: "global" });
        } else if (kind === 4) {
          byte();
          leb();
          imports.push({ module, name: field, kind: "tag" });
        } else fail(`unknown import kind ${kind}`);
      }
      return imports;
    }
    p = end;
  }
  return imports;
}

/** The sinks among a .wasm's imports: [{sink, import}]. */
export function scanWasm(bytes) {
  const found = [];
  for (const imp of wasmImports(bytes)) {
    if (imp.kind !== "func") continue;
    // wasm-bindgen names an import __wbg_<JS name>_<hash>; a setter's JS name is set<prop>.
    const m = /^__wbg_(.+?)(?:_[0-9a-f]{8,})?$/.exec(imp.name);
    if (!m) continue;
    const js = m[1];
    const lower = js.toLowerCase();
    const html = [...HTML_SINKS].find((s) => lower.includes(s.toLowerCase()));
    let sink = null;
    if (html) sink = html;
    else if (lower === "eval") sink = "eval";
    else if (lower === "write" || lower === "writeln") sink = `document.${lower}`;
    else if (lower === "newnoargs" || lower === "newwithargs" || /^new_?function/.test(lower)) sink = "Function constructor";
    else if (lower === "settimeout" || lower === "setinterval") {
      // A function handler is one externref; a string is a (pointer, length) pair of i32,
      // first or after the receiver: (ptr, len, …) or (this, ptr, len, …). The callback
      // forms are (fn, ms, …) and (this, fn, ms, …); extra arguments are externrefs.
      const [a, b, c] = imp.params;
      if ((a === "i32" && b === "i32") || (a === "externref" && b === "i32" && c === "i32")) {
        sink = `${js} with a string`;
      }
    }
    if (sink) found.push({ sink, import: `${imp.module}.${imp.name}` });
  }
  return found;
}

/**
 * Every sink in a bundle directory: its .js/.mjs files, its .html files and each .wasm.
 * `files` is [{path, read()}]: the caller lists them (so tests can pass fixtures).
 * Returns strings "FILE: SINK (line N)" / "FILE: SINK (import NAME)".
 */
export function scanFiles(files) {
  const problems = [];
  for (const { path, read } of files) {
    if (/\.(m?js)$/.test(path)) {
      for (const f of scanJs(read().toString("utf8"))) problems.push(`${path}: ${f.sink} (line ${f.line})`);
    } else if (/\.html?$/.test(path)) {
      for (const f of scanHtml(read().toString("utf8"))) problems.push(`${path}: ${f.sink} (line ${f.line})`);
    } else if (/\.wasm$/.test(path)) {
      try {
        for (const f of scanWasm(read())) problems.push(`${path}: ${f.sink} (import ${f.import})`);
      } catch (error) {
        problems.push(`${path}: ${error.message}`);
      }
    }
  }
  return problems;
}
