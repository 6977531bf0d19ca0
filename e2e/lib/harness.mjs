// The e2e harness of the Chromium suites (e2e/tests/): Debian's headless Chromium driven
// by playwright-core, on top of the emulator helpers of ./emulator.mjs (re-exported here,
// so a test imports everything from this one module), and condition-based waiting (no
// fixed sleeps).
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { TARGET, TIMEOUT, poll, requests, startEmulator } from "./emulator.mjs";

export * from "./emulator.mjs";

export const SCREENSHOT_DIR = join(TARGET, "e2e-screenshots");

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
