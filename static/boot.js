// Starts the standalone page. A file of its own, not an inline script: the page is served
// under "script-src 'self' 'wasm-unsafe-eval'". Trunk copies it next to ox-panel.js.
import { load, pageNeedsDomain } from "./ox-panel-modules.js";

const root = document.getElementById("ox-panel-root");

// ---- Early reads ----
// The first API reads need only the configuration, not the module: they start here,
// while the .wasm downloads and compiles, and the module takes their answers over
// (src/api/early.rs) instead of sending its own. The module stays the authority: it
// adopts an answer only for a URL it builds itself, sent the same way it would send it,
// and reads for itself whatever it finds nothing for. So this code only ever declines:
// anything it is not sure of (an `apiBase` from the address, an unusual name, a domain
// view) and it starts nothing. e2e/tests/early.test.mjs holds it to that.
const NAME = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/; // never "." or "..": no encoding needed

function earlyReads() {
  const reads = new Map();
  // An opaque origin (a sandboxed frame): the module sends nothing there (src/host.rs).
  if (self.origin === "null") return reads;
  try {
    const element = document.getElementById("ox-panel-config");
    const config = element && JSON.parse(element.textContent);
    if (!config || typeof config !== "object" || config.sections != null) return reads;
    const query = new URLSearchParams(location.search);
    if (query.has("apiBase") || query.has("sections")) return reads;
    // The overrides the module applies (ox_core::config::apply_query_overrides).
    const pick = (key, optional) => {
      const value = query.get(key);
      if (value === null || (value === "" && !optional)) return config[key];
      return value === "" ? undefined : value;
    };
    const account = pick("account");
    const domain = pick("domain");
    const mailbox = pick("mailbox", true);
    const bbDomain = pick("exchangeDomain", true) ?? domain;
    const bbUser = pick("exchangeUser", true) ?? mailbox;
    const base = config.apiBase ?? "/api";
    const auth = config.authorization;
    const names = [account, domain, mailbox, bbDomain, bbUser];
    if (
      !names.every((n) => typeof n === "string" && NAME.test(n)) ||
      typeof base !== "string" ||
      !/^\/[A-Za-z0-9._~/-]*$/.test(base) ||
      base.startsWith("//") ||
      (auth != null && (typeof auth !== "string" || !/^[\x20-\x7e]+$/.test(auth)))
    ) {
      return reads;
    }
    const api = base.replace(/\/+$/, "");
    const email = `${api}/accounts/${account}/email/${domain}`;
    const bb = `${api}/accounts/${account}/exchange/${bbDomain}/mailboxes/${bbUser}/blackberry`;
    const urls = [
      `${email}/usernames/${mailbox}/webmail`,
      `${email}/webmailNames`,
      `${email}/webmailLimits`,
      `${email}/usernames/${mailbox}/mailbox`,
      `${email}/usernames?page=1&pageSize=500&details=1`,
      `${bb}/`,
      `${bb}/statistics`,
    ];
    // The headers and credentials mode of the module's reads (src/api/http.rs).
    const headers = { Accept: "application/json", "Content-Type": "application/json; charset=UTF-8" };
    if (auth) headers.Authorization = auth;
    for (const url of urls) {
      const controller = new AbortController();
      const response = fetch(url, {
        headers,
        credentials: auth ? "same-origin" : "include",
        signal: controller.signal,
      });
      // Handled by the module when it takes it over; never an unhandled rejection.
      response.catch(() => {});
      reads.set(url, { response, abort: () => controller.abort(), authorized: Boolean(auth) });
    }
  } catch {
    // Nothing early: the module reads for itself.
  }
  return reads;
}

function showFallback() {
  const message = document.createElement("p");
  message.className = "oxp-boot-error";
  message.setAttribute("role", "alert");
  message.setAttribute("data-testid", "boot-error");
  message.textContent =
    "The control panel could not be loaded. Reload the page; if this persists, contact support.";
  if (root) root.replaceChildren(message);
  else document.body.append(message);
}

// The module first: the glue and the .wasm must not queue behind the early reads for one
// of the browser's six connections to the origin (a slow API would hold the code back).
const module = load(pageNeedsDomain());
const early = earlyReads();

let mountStandalone;
try {
  const glue = await module;
  mountStandalone = glue.mountStandalone;
} catch (error) {
  console.error("ox-panel failed to load:", error);
  for (const read of early.values()) read.abort();
  showFallback();
}

if (mountStandalone) {
  try {
    mountStandalone(root, early);
  } catch (error) {
    // A bad configuration is rendered into the root by the app itself; keep that.
    console.error("ox-panel failed to start:", error);
    if (!root?.hasChildNodes()) showFallback();
  }
}
