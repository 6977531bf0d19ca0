// The e2e harness: hostway-emulator on a free loopback port, Debian's headless Chromium
// driven by playwright-core, and condition-based waiting (no fixed sleeps).
//
// ./x test e2e builds what this needs (the release bundle in target/e2e-dist, the release
// emulator) and passes their paths in OX_E2E_DIST and OX_EMULATOR_BIN.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TARGET = resolve(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"));
export const SCREENSHOT_DIR = join(TARGET, "e2e-screenshots");
export const FIXTURES_DIR = join(ROOT, "e2e", "fixtures");

/** Default bounded timeout of every wait in this file (ms). */
export const TIMEOUT = Number(process.env.OX_E2E_TIMEOUT_MS ?? 10_000);

export const CHROMIUM = process.env.OX_CHROMIUM ?? "/usr/bin/chromium";
/** Flags for Debian's Chromium as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  "--disable-quic",
];

// ---------------------------------------------------------------- emulator

/** The dist directory to serve: OX_E2E_DIST, else target/e2e-dist. */
export function defaultDist() {
  const dist = resolve(process.env.OX_E2E_DIST ?? join(TARGET, "e2e-dist"));
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`no bundle in ${dist}: build it with ./x test e2e`);
  }
  return dist;
}

/** The hostway-emulator binary: OX_EMULATOR_BIN, else target/release, else target/debug. */
export function emulatorBinary() {
  const candidates = [
    process.env.OX_EMULATOR_BIN,
    join(TARGET, "release", "hostway-emulator"),
    join(TARGET, "debug", "hostway-emulator"),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`no hostway-emulator binary (looked at ${candidates.join(", ")}): ./x test e2e builds it`);
  }
  return found;
}

/** A fixture by name from e2e/fixtures/ (without .json), parsed. */
export function loadFixture(name) {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), "utf8"));
}

const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts hostway-emulator on 127.0.0.1 with a port the OS picks and waits for its
 * "listening on http://ADDR" line.
 * @param {object} [options]
 * @param {string} [options.dist] bundle to serve at / (default: defaultDist()); null: none
 * @param {object|string} [options.fixture] fixture object, e2e/fixtures name, or file path
 * @param {string[]} [options.args] more CLI arguments (e.g. ["--dist-prefix", "/panel"])
 * @param {number} [options.timeout] ms to wait for the listening line
 * @returns {Promise<{baseUrl: string, port: number, process: import("node:child_process").ChildProcess, output: () => string, stop: () => Promise<void>}>}
 */
export async function startEmulator({ dist, fixture, args = [], timeout = 30_000 } = {}) {
  const argv = ["--listen", "127.0.0.1:0"];
  if (dist !== null) argv.push("--dist", dist ?? defaultDist());
  let tmp;
  if (fixture !== undefined) {
    let file;
    if (typeof fixture === "string" && existsSync(fixture)) file = fixture;
    else if (typeof fixture === "string") file = join(FIXTURES_DIR, `${fixture}.json`);
    else {
      tmp = mkdtempSync(join(tmpdir(), "ox-e2e-"));
      file = join(tmp, "fixture.json");
      writeFileSync(file, JSON.stringify(fixture));
    }
    argv.push("--fixture", file);
  }
  argv.push(...args);

  const child = spawn(emulatorBinary(), argv, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "warn" },
  });
  running.add(child);
  let log = "";
  child.stderr.on("data", (d) => (log += d));

  const exited = new Promise((res) => child.once("exit", (code, signal) => res({ code, signal })));
  const baseUrl = await new Promise((res, rej) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      rej(new Error(`hostway-emulator did not report "listening on" within ${timeout} ms\n${log}`));
    }, timeout);
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      log += `${line}\n`;
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        res(m[1].replace(/\/$/, ""));
      }
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      rej(err);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`hostway-emulator exited (${code ?? signal}) before listening: ${argv.join(" ")}\n${log}`));
    });
  });

  return {
    baseUrl,
    port: Number(new URL(baseUrl).port),
    process: child,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      running.delete(child);
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}

async function control(baseUrl, method, path, body) {
  // The emulator refuses (415) a control POST that is not JSON, body or not.
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: method === "POST" || body !== undefined ? { "content-type": "application/json" } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Registers the current suite's `before`/`after` hooks: one emulator (`startEmulator`'s
 * options) and one browser, started side by side, stopped after the suite. Returns the
 * object that holds them (`emulator`, `browser`) once `before` has run.
 */
export function emulatorAndBrowser(emulatorOptions) {
  const suite = {};
  before(async () => {
    [suite.emulator, suite.browser] = await Promise.all([startEmulator(emulatorOptions), launchBrowser()]);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.emulator?.stop();
  });
  return suite;
}

/** Replaces the emulator's whole state with a fixture (object or e2e/fixtures name). */
export async function resetFixture(baseUrl, fixture) {
  const body = typeof fixture === "string" ? loadFixture(fixture) : fixture;
  await control(baseUrl, "POST", "/__emulator/reset", body);
}

/** Loads the emulator's built-in demo data (an empty reset body), clearing logs and faults. */
export async function resetDemo(baseUrl) {
  await control(baseUrl, "POST", "/__emulator/reset");
}

/** Every API request since the last reset: [{method, path, body}], in order. */
export async function requests(baseUrl) {
  return control(baseUrl, "GET", "/__emulator/requests");
}

/** Installs fault rules ({method?, pathContains?, status?, body?, delayMs?, drop?, times?}); [] clears. */
export async function setFaults(baseUrl, rules) {
  await control(baseUrl, "POST", "/__emulator/faults", rules);
}

// ---------------------------------------------------------------- browser

/** Launches Debian's headless Chromium (a fresh temporary profile each time). */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    ...options,
  });
}

/**
 * A new page in a fresh context that records console messages, uncaught page errors and
 * Content-Security-Policy violations. Read them from the returned page:
 *   page.consoleMessages  [{type, text}]
 *   page.pageErrors       [Error]
 *   page.cspViolations    [{violatedDirective, blockedURI, sourceFile, lineNumber, sample}]
 *   page.problems()       page errors, CSP violations and console errors, as strings
 */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.consoleMessages = [];
  page.pageErrors = [];
  page.cspViolations = [];
  page.on("console", (msg) => page.consoleMessages.push({ type: msg.type(), text: msg.text() }));
  page.on("pageerror", (err) => page.pageErrors.push(err));
  // Injected through the DevTools protocol, so the page's own CSP does not block it.
  await page.exposeFunction("__oxReportCspViolation", (v) => page.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__oxReportCspViolation({
        violatedDirective: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
        sample: e.sample,
      });
    });
  });
  page.problems = () => [
    ...page.pageErrors.map((e) => `page error: ${e.stack ?? e}`),
    ...page.cspViolations.map((v) => `CSP violation: ${JSON.stringify(v)}`),
    ...page.consoleMessages.filter((m) => m.type === "error").map((m) => `console error: ${m.text}`),
  ];
  return page;
}

/** Saves a full-page screenshot to target/e2e-screenshots/NAME.png and returns the path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

// ---------------------------------------------------------------- waiting

/**
 * Polls `probe` until `accept(value)` holds, at growing intervals, for at most `timeout` ms
 * (an `expect.poll` without @playwright/test). Returns the accepted value; on time-out throws
 * with `message` and the last value seen.
 */
export async function poll(probe, accept = Boolean, { timeout = TIMEOUT, message = "condition" } = {}) {
  const deadline = Date.now() + timeout;
  const intervals = [0, 25, 50, 100, 250, 500];
  let last;
  let lastError;
  for (let i = 0; ; i++) {
    try {
      last = await probe();
      lastError = undefined;
      if (await accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    const wait = intervals[Math.min(i + 1, intervals.length - 1)];
    if (Date.now() + wait > deadline) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  const seen = lastError ? `error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
  throw new Error(`timed out after ${timeout} ms waiting for ${message} (${seen})`);
}

/** Waits until the element with data-testid=ID is in the state (default "visible"); returns its locator. */
export async function waitForTestId(page, id, { state = "visible", timeout = TIMEOUT } = {}) {
  const locator = page.getByTestId(id);
  await locator.first().waitFor({ state, timeout });
  return locator;
}

const matches = (text, expected) =>
  expected instanceof RegExp ? expected.test(text) : text.includes(expected);

/** Waits until the locator's text contains `expected` (string) or matches it (RegExp); returns the text. */
export async function waitForText(locator, expected, { timeout = TIMEOUT } = {}) {
  return poll(
    async () => (await locator.first().textContent({ timeout })) ?? "",
    (text) => matches(text, expected),
    { timeout, message: `text ${expected} in ${locator}` },
  );
}

/** Waits until the locator matches exactly `count` elements. */
export async function waitForCount(locator, count, { timeout = TIMEOUT } = {}) {
  return poll(() => locator.count(), (n) => n === count, { timeout, message: `${count} × ${locator}` });
}

/** Waits until the element's attribute equals `expected` (null: absent). */
export async function waitForAttribute(locator, name, expected, { timeout = TIMEOUT } = {}) {
  return poll(
    () => locator.first().getAttribute(name, { timeout }),
    (v) => v === expected,
    { timeout, message: `${name}=${JSON.stringify(expected)} on ${locator}` },
  );
}

/** The PUTs of `path` in a request log. */
export const puts = (log, path) => log.filter((r) => r.method === "PUT" && r.path === path);

/** Whether `log` holds a GET of `path` after its `n`-th PUT (1-based) of `putPath`. */
export function readAfterPut(log, putPath, n, path) {
  let seen = 0;
  const at = log.findIndex((r) => r.method === "PUT" && r.path === putPath && ++seen === n);
  return at >= 0 && log.slice(at + 1).some((r) => r.method === "GET" && r.path === path);
}

/** Waits until the emulator's request log has an entry matching `predicate`; returns the log. */
export async function waitForRequest(baseUrl, predicate, { timeout = TIMEOUT } = {}) {
  return poll(() => requests(baseUrl), (log) => log.some(predicate), {
    timeout,
    message: "a matching request in the emulator's log",
  });
}

/**
 * Waits until the emulator's request log has, after the first entry matching `first`, an
 * entry matching each of `then` (predicates); returns the log.
 */
export async function waitForRequestsAfter(baseUrl, first, then, { timeout = TIMEOUT, message } = {}) {
  return poll(
    () => requests(baseUrl),
    (log) => {
      const at = log.findIndex(first);
      return at >= 0 && then.every((p) => log.slice(at + 1).some(p));
    },
    { timeout, message: message ?? "the requests that follow a matching one in the emulator's log" },
  );
}

let marks = 0;

/**
 * A positive signal that the page has nothing left in flight from what it was asked to
 * do so far: after two animation frames (every pending render and the requests its
 * handlers started have gone out), the page itself fetches the emulator's OpenAPI
 * document with a unique query, and this waits until the emulator logged that request.
 * Returns the log up to and including it, so "no PUT was sent" can then be checked.
 * The page must be served by the emulator at `baseUrl` (same origin).
 */
export async function markRequestLog(page, baseUrl, { timeout = TIMEOUT } = {}) {
  const mark = `e2e-mark=${++marks}-${Date.now()}`;
  const url = `${baseUrl}/api/openapi.json?${mark}`;
  await page.evaluate(async (u) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await fetch(u, { credentials: "omit", cache: "no-store" });
  }, url);
  const isMark = (r) => r.method === "GET" && r.path.endsWith(`?${mark}`);
  const log = await poll(() => requests(baseUrl), (l) => l.some(isMark), {
    timeout,
    message: `the page's marker request ${mark}`,
  });
  return log.slice(0, log.findIndex(isMark) + 1);
}

/**
 * Throws if the page recorded a page error or a CSP violation, and (unless
 * `consoleErrors: false`) a console error not matched by one of `allowConsole` (RegExps).
 */
export function assertNoProblems(page, { consoleErrors = true, allowConsole = [] } = {}) {
  const problems = page.problems().filter((p) => {
    if (!p.startsWith("console error:")) return true;
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(p)) return true;
    return consoleErrors && !allowConsole.some((re) => re.test(p));
  });
  if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join("\n  ")}`);
}

// ---------------------------------------------------------------- standalone page, events, checks

const CONFIG_ELEMENT = /(<script type="application\/json" id="ox-panel-config">)([\s\S]*?)(<\/script>)/;

/**
 * Opens the standalone page (BASE_URL/ with `query`) in `page`, its JSON configuration
 * merged with `config`: keys the query string cannot set, such as `timeoutMs`. The page
 * keeps the emulator's own headers (its strict CSP); only the configuration element's
 * text changes. Returns the navigation's response.
 */
export async function openStandalone(page, baseUrl, { query = "", config } = {}) {
  if (config) {
    const origin = new URL(baseUrl).origin;
    await page.route(
      (url) => url.origin === origin && (url.pathname === "/" || url.pathname === "/index.html"),
      async (route) => {
        const original = await route.fetch();
        const html = await original.text();
        const m = CONFIG_ELEMENT.exec(html);
        if (!m) throw new Error("the standalone page has no #ox-panel-config element");
        // `<` escaped: the JSON sits inside a script element.
        const merged = JSON.stringify({ ...JSON.parse(m[2]), ...config }).replace(/</g, "\\u003c");
        const headers = { ...original.headers() };
        delete headers["content-length"];
        await route.fulfill({ status: original.status(), headers, body: html.replace(CONFIG_ELEMENT, `$1${merged}$3`) });
      },
    );
  }
  return page.goto(`${baseUrl}/${query}`);
}

const PANEL_EVENTS = ["oxpanel:plan-changed", "oxpanel:blackberry-action", "oxpanel:auth-required"];

/**
 * Records every oxpanel:* event that reaches the document, from the next navigation on
 * (call before `goto`); read them with `panelEvents(page)`.
 */
export async function recordPanelEvents(page) {
  await page.addInitScript((names) => {
    window.__oxPanelEvents = [];
    for (const name of names) {
      document.addEventListener(name, (e) => window.__oxPanelEvents.push({ type: e.type, detail: e.detail }));
    }
  }, PANEL_EVENTS);
}

/** The oxpanel:* events recorded so far: [{type, detail}], in order. */
export async function panelEvents(page) {
  return page.evaluate(() => window.__oxPanelEvents ?? []);
}

/** Signs of a Rust panic or a wasm trap, in any console message or page error. */
const PANIC = /panicked at|RuntimeError: unreachable/;

/**
 * The end-of-test check: no page error, no CSP violation, no panic (whatever the console
 * level), and no console error but those matched by `allowConsole` (RegExps), e.g. the
 * browser's own "Failed to load resource: … status of 502" for an injected fault.
 */
export function assertCleanPage(page, { allowConsole = [] } = {}) {
  const panics = [
    ...page.consoleMessages.filter((m) => PANIC.test(m.text)).map((m) => `console ${m.type}: ${m.text}`),
    ...page.pageErrors.filter((e) => PANIC.test(String(e.stack ?? e))).map((e) => `page error: ${e.stack ?? e}`),
  ];
  if (panics.length) throw new Error(`the page panicked:\n  ${panics.join("\n  ")}`);
  assertNoProblems(page, { allowConsole });
}

/**
 * The console errors Chromium itself logs for answers a test provokes: a status
 * ("Failed to load resource: the server responded with a status of 502") or a network
 * error name (e.g. "ERR_EMPTY_RESPONSE").
 */
export function browserNetworkErrors(...what) {
  return what.map((w) => (typeof w === "number" ? new RegExp(`status of ${w}\\b`) : new RegExp(`\\b${w}\\b`)));
}

// ---------------------------------------------------------------- accessibility

/** The WCAG 2.x A and AA rule tags axe-core checks (every version up to 2.2). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let axeSource;

/**
 * Runs axe-core (e2e/package.json) on the page as it is now, with the WCAG 2.x A/AA rules,
 * and throws listing every violation: rule id, impact, and each node's target and summary.
 * axe's source goes in through `page.evaluate` (the DevTools protocol), which the page's
 * CSP (`script-src 'self'`) does not govern; the page keeps its policy. Returns
 * `{passes, incomplete}`: how many rules passed (so a caller can tell axe checked
 * something) and what axe could not decide (`rule: target`), for the test's diagnostics.
 * @param {import("playwright-core").Page} page
 * @param {string} label what state this is, for the message
 * @param {object} [options] `include`/`exclude`: axe context selectors
 */
export async function checkA11y(page, label, { include, exclude } = {}) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(
    async ({ tags, include, exclude }) => {
      const context = include || exclude ? { include: include ?? [document], exclude: exclude ?? [] } : document;
      const r = await window.axe.run(context, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations", "incomplete"],
      });
      return {
        passes: r.passes.length,
        incomplete: r.incomplete.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)),
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
        })),
      };
    },
    { tags: WCAG_TAGS, include, exclude },
  );
  if (result.violations.length) {
    const lines = result.violations.flatMap((v) => [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes.map((n) => `    ${n.target}: ${String(n.summary).replace(/\s+/g, " ")}`),
    ]);
    throw new Error(`accessibility violations in "${label}":\n  ${lines.join("\n  ")}`);
  }
  return { passes: result.passes, incomplete: result.incomplete };
}

/** The element that has focus: its data-testid, else its tag name (through open shadow roots). */
export async function focusedTestId(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? (el.dataset?.testid ?? el.tagName.toLowerCase()) : null;
  });
}

/**
 * Presses Tab (or Shift+Tab with `back`) until the focused element has data-testid `id`,
 * at most `max` times; keyboard only, as a user would. Returns the number of presses.
 */
export async function tabTo(page, id, { back = false, max = 60 } = {}) {
  for (let n = 0; n <= max; n++) {
    if ((await focusedTestId(page)) === id) return n;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${max} × ${back ? "Shift+Tab" : "Tab"} never reached [data-testid=${id}] (at ${await focusedTestId(page)})`);
}

/** Throws unless the page fits `width` CSS pixels: no horizontal scrolling. */
export async function assertNoHorizontalScroll(page, label) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) {
    const wide = await page.evaluate((w) => {
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > w + 0.5 || r.left < -0.5) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
      return out.slice(0, 10);
    }, clientWidth);
    throw new Error(`"${label}" scrolls sideways: ${scrollWidth} > ${clientWidth} px; too wide: ${wide.join("; ")}`);
  }
}
