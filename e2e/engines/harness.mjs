// The cross-engine harness: the same journeys in Chromium, Firefox and WebKit through W3C
// WebDriver (selenium-webdriver's protocol client; chromedriver, geckodriver,
// WebKitWebDriver), against the release bundle and hostway-emulator (../lib/emulator.mjs:
// reset, request log, faults).
//
// This module is the one place that knows engines apart: how each one's driver and
// browser are started (ENGINES). A test receives a session and never asks which engine
// it runs in.
//
// Nothing is ever downloaded: every driver and browser is a path given here (the
// project's bootstrap installs them), and sessions are created on a driver this module
// started itself, so selenium-webdriver's driver finder (Selenium Manager, which would
// try a download) is never reached.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, beforeEach, describe, test } from "node:test";
import webdriver from "selenium-webdriver";
import http from "selenium-webdriver/http/index.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../lib/harness.mjs";
import { ROOT, TARGET, TIMEOUT, defaultDist, poll, requests, startEmulator } from "../lib/emulator.mjs";

const { Capabilities, Key, WebDriver } = webdriver;

// Belt and braces: should anything in selenium-webdriver ever reach for Selenium Manager
// (its driver finder, which downloads), it finds no binary and throws instead.
process.env.SE_MANAGER_PATH = "/nonexistent/selenium-manager-is-never-used";
process.env.SE_OFFLINE = "true";
export { Key };

export const SCREENSHOT_DIR = join(TARGET, "e2e-screenshots", "engines");

const CARGO_BIN = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin");
/** The browsers' WebDriver capabilities of the wasm tests: Firefox's come from here too. */
const WEBDRIVER_JSON = JSON.parse(readFileSync(join(ROOT, "webdriver.json"), "utf8"));

/** The first of `paths` that exists, else the first (for the error message). */
const firstExisting = (...paths) => paths.find((p) => p && existsSync(p)) ?? paths.find(Boolean);

/** WebKitGTK's MiniBrowser, which WebKitWebDriver drives: Debian puts it in the library's own dir. */
function miniBrowser() {
  const found = [];
  for (const lib of ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"]) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib)) {
      if (/^webkit(2)?gtk-/.test(dir) && existsSync(join(lib, dir, "MiniBrowser"))) found.push(join(lib, dir, "MiniBrowser"));
    }
  }
  return process.env.OX_MINIBROWSER ?? found.sort()[0] ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}

/** The window every engine gets (CSS pixels), as the Playwright suites' viewport. */
const WIDTH = 1280;
const HEIGHT = 900;

/**
 * How each engine is started: its driver (command line for a port) and the capabilities
 * of its session. The one place that differs per engine.
 */
export const ENGINES = {
  chromium: {
    name: "Chromium",
    driver: () => firstExisting(process.env.CHROMEDRIVER, "/usr/bin/chromedriver"),
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: CHROMIUM,
        args: [...CHROMIUM_ARGS, "--headless=new", `--window-size=${WIDTH},${HEIGHT}`],
      },
    }),
  },
  firefox: {
    name: "Firefox",
    driver: () => firstExisting(process.env.OX_GECKODRIVER, join(CARGO_BIN, "geckodriver"), "/usr/bin/geckodriver"),
    args: (port) => ["--host", "127.0.0.1", "--port", String(port)],
    // Binary and prefs as the wasm tests' (webdriver.json), headless as the runner makes it.
    capabilities: () => {
      const options = WEBDRIVER_JSON["moz:firefoxOptions"];
      return {
        browserName: "firefox",
        "moz:firefoxOptions": {
          ...options,
          binary: process.env.OX_FIREFOX ?? options.binary,
          args: [...(options.args ?? []), "-headless"],
        },
      };
    },
  },
  webkit: {
    name: "WebKit",
    // MiniBrowser is a GTK window: it needs an X display even under automation.
    display: true,
    driver: () => firstExisting(process.env.OX_WEBKIT_DRIVER, "/usr/bin/WebKitWebDriver"),
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      "webkitgtk:browserOptions": {
        binary: miniBrowser(),
        args: ["--automation"],
      },
    }),
  },
};

/** The engines to run: OX_ENGINES (comma-separated names), else all three. */
export function selectedEngines() {
  const wanted = (process.env.OX_ENGINES ?? Object.keys(ENGINES).join(",")).split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of wanted) if (!ENGINES[name]) throw new Error(`OX_ENGINES: unknown engine ${name} (${Object.keys(ENGINES).join(", ")})`);
  return wanted;
}

// ---------------------------------------------------------------- processes

const children = new Set();
process.on("exit", () => {
  for (const child of children) killGroup(child, "SIGKILL");
});

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Spawns a command in its own process group (so its children go with it), logging its output. */
function start(command, args, env = {}) {
  if (!existsSync(command)) throw new Error(`${command} not found: ./x bootstrap installs it`);
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
    detached: true,
  });
  children.add(child);
  child.log = "";
  child.stdout.on("data", (d) => (child.log += d));
  child.stderr.on("data", (d) => (child.log += d));
  child.exited = new Promise((res) => child.once("exit", (code, signal) => res(code ?? signal)));
  child.on("error", (err) => (child.log += `spawn error: ${err.message}\n`));
  return child;
}

async function stop(child) {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, "SIGTERM");
    const killer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await child.exited;
    clearTimeout(killer);
  }
  children.delete(child);
}

/** A free loopback port (the OS picks it; the driver binds it right after). */
async function freePort() {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once("error", rej);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => res(port));
    });
  });
}

/** Xvfb on the first free display (it says which on fd 3): for engines that need a display. */
async function startXvfb() {
  const xvfb = start(firstExisting(process.env.OX_XVFB, "/usr/bin/Xvfb"), [
    "-displayfd", "3", "-screen", "0", `${WIDTH}x${HEIGHT + 100}x24`, "-nolisten", "tcp",
  ]);
  const display = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`Xvfb named no display within 10 s\n${xvfb.log}`)), 10_000);
    createInterface({ input: xvfb.stdio[3] }).once("line", (line) => {
      clearTimeout(timer);
      res(`:${line.trim()}`);
    });
    xvfb.exited.then((code) => rej(new Error(`Xvfb exited (${code})\n${xvfb.log}`)));
  });
  return { xvfb, display };
}

/**
 * Starts `engine`'s driver (and a display where it needs one) and one browser session on
 * it. Returns `{engine, driver, stop}`; `driver` is a selenium-webdriver WebDriver.
 */
export async function startSession(engine) {
  const spec = ENGINES[engine];
  let xvfb;
  let driverProcess;
  try {
    const env = {};
    if (spec.display) {
      const x = await startXvfb();
      xvfb = x.xvfb;
      env.DISPLAY = x.display;
    }
    const port = await freePort();
    driverProcess = start(spec.driver(), spec.args(port), env);
    const url = `http://127.0.0.1:${port}`;
    await poll(
      async () => {
        if (driverProcess.exitCode !== null) throw new Error(`driver exited: ${driverProcess.log}`);
        const res = await fetch(`${url}/status`);
        return res.ok;
      },
      Boolean,
      { timeout: 30_000, message: `${spec.name}'s driver answering on ${url}` },
    );
    const executor = new http.Executor(new http.HttpClient(url));
    const driver = await WebDriver.createSession(executor, new Capabilities(spec.capabilities()));
    await driver.manage().setTimeouts({ script: TIMEOUT, pageLoad: 30_000, implicit: 0 });
    await driver.manage().window().setRect({ width: WIDTH, height: HEIGHT });
    return {
      engine,
      name: spec.name,
      driver,
      async stop() {
        try {
          await driver.quit();
        } finally {
          await stop(driverProcess);
          await stop(xvfb);
        }
      },
    };
  } catch (err) {
    const log = driverProcess?.log ?? "";
    await stop(driverProcess);
    await stop(xvfb);
    throw new Error(`could not start a ${spec.name} session: ${err.message}\n${log}`);
  }
}

// ---------------------------------------------------------------- the bundle, probed

/**
 * Classic script that every page of the probed bundle runs first, before any module:
 * it records CSP violations (the `securitypolicyviolation` event, in every engine),
 * uncaught errors, unhandled rejections and console errors, in `window.__oxProbe`. A
 * same-origin file, so the bundle's strict CSP (`script-src 'self'`) allows it.
 */
const PROBE = `(() => {
  const probe = (window.__oxProbe = { csp: [], errors: [], console: [] });
  document.addEventListener("securitypolicyviolation", (e) => {
    probe.csp.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
  }, true);
  addEventListener("error", (e) => probe.errors.push(String((e.error && e.error.stack) || e.message)));
  addEventListener("unhandledrejection", (e) => probe.errors.push("unhandled rejection: " + String((e.reason && e.reason.stack) || e.reason)));
  for (const level of ["error", "warn"]) {
    const original = console[level];
    console[level] = function (...args) {
      probe.console.push({ level, text: args.map((a) => (a && a.stack) || String(a)).join(" ") });
      return original.apply(this, args);
    };
  }
})();
`;
const PROBE_FILE = "ox-e2e-probe.js";

let probedDist;

/**
 * A copy of the release bundle whose every HTML page loads the probe first (the only
 * difference: one `<script src="/ox-e2e-probe.js">` at the top of `<head>`; the page's
 * pre-compressed `.br`/`.gz` are dropped so the emulator sends the probed text).
 * Made once per process.
 */
export function probeDist() {
  if (probedDist) return probedDist;
  const dir = mkdtempSync(join(tmpdir(), "ox-engines-dist-"));
  cpSync(defaultDist(), dir, { recursive: true });
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        const probed = html.replace(/<head(\s[^>]*)?>/i, (m) => `${m}<script src="/${PROBE_FILE}"></script>`);
        if (probed === html) throw new Error(`${path}: no <head> to put the probe in`);
        writeFileSync(path, probed);
        rmSync(`${path}.br`, { force: true });
        rmSync(`${path}.gz`, { force: true });
      }
    }
  };
  walk(dir);
  writeFileSync(join(dir, PROBE_FILE), PROBE);
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  probedDist = dir;
  return dir;
}

// ---------------------------------------------------------------- suites

/**
 * Registers `body(suite)` once per selected engine, as `describe("TITLE [Engine]")`, with
 * one emulator (serving the probed bundle, `emulatorOptions` as startEmulator's) and one
 * browser session for the whole suite, started side by side. `suite` holds `engine`,
 * `driver`, `baseUrl` and `emulator` once `before` has run. Tests reset the emulator's
 * state themselves (fresh state per test, one browser per engine per file).
 */
export function forEachEngine(title, emulatorOptions, body) {
  for (const engine of selectedEngines()) {
    describe(`${title} [${ENGINES[engine].name}]`, () => {
      const suite = { engine };
      before(async () => {
        const [emulator, session] = await Promise.all([
          startEmulator({ ...emulatorOptions, dist: probeDist() }),
          startSession(engine),
        ]);
        Object.assign(suite, { emulator, session, driver: session.driver, baseUrl: emulator.baseUrl });
      });
      after(async () => {
        await suite.session?.stop();
        await suite.emulator?.stop();
      });
      // Tests and their set-up go through `suite.test` and `suite.beforeEach`. When the
      // browser itself dies under a test (its session gone: WebKitGTK 2.50's web process
      // has been seen to segfault inside JavaScriptCore, a crash of the engine that the
      // page cannot cause or catch, docs/engines.md), the test gets a new session, its
      // set-up again and one more run, said in its output; a second failure fails it, and
      // a failure with the session alive fails at once.
      const setUps = [];
      suite.beforeEach = (fn) => {
        setUps.push(fn);
        beforeEach(fn);
      };
      suite.test = (name, fn) =>
        test(name, async (t) => {
          try {
            await fn(t);
          } catch (error) {
            if (await sessionAlive(suite.driver)) throw error;
            t.diagnostic(
              `${ENGINES[engine].name} died under this test (${String(error?.message ?? error).split("\n")[0]}): ` +
                "a new session, its set-up and one more run",
            );
            await suite.session.stop().catch(() => {});
            suite.session = await startSession(engine);
            suite.driver = suite.session.driver;
            for (const setUp of setUps) await setUp();
            await fn(t);
          }
        });
      body(suite);
    });
  }
}

/** False when the browser behind `driver` is gone (its session no longer exists). */
async function sessionAlive(driver) {
  try {
    await driver.getCurrentUrl();
    return true;
  } catch (error) {
    return !(error instanceof webdriver.error.NoSuchSessionError);
  }
}

// ---------------------------------------------------------------- the page

/**
 * Script helpers for finding by `data-testid` through open shadow roots (the `<ox-panel>`
 * element renders into one), so a test reads the same for a page and an element.
 */
const DEEP = `
  const deepAll = (root, selector, out = []) => {
    out.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) deepAll(el.shadowRoot, selector, out);
    return out;
  };
`;

/** `what` as a CSS selector: a selector stays one (it starts with `[`, `.` or `#`), else a data-testid. */
const bySelector = (what) => (/^[[.#]/.test(what) ? what : `[data-testid="${what}"]`);

/** Navigates to BASE_URL + path and waits until the document has loaded. */
export async function open(suite, path) {
  await suite.driver.get(`${suite.baseUrl}${path}`);
}

/** Every element matching `what` (a data-testid, or a CSS selector), through open shadow roots. */
export async function findAll(suite, what) {
  return suite.driver.executeScript(`${DEEP} return deepAll(document, arguments[0]);`, bySelector(what));
}

/**
 * Waits until an element matching `what` is there (and, unless `visible: false`, shown);
 * returns it (a WebElement).
 */
export async function find(suite, what, { visible = true, timeout = TIMEOUT } = {}) {
  return poll(
    () =>
      suite.driver.executeScript(
        `${DEEP}
         const el = deepAll(document, arguments[0])[0];
         if (!el) return null;
         if (!arguments[1]) return el;
         const r = el.getBoundingClientRect();
         return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden" ? el : null;`,
        bySelector(what),
        visible,
      ),
    Boolean,
    { timeout, message: `${what} on the page` },
  );
}

/** Waits until nothing matches `what`. */
export async function waitForGone(suite, what, { timeout = TIMEOUT } = {}) {
  await poll(async () => (await findAll(suite, what)).length, (n) => n === 0, { timeout, message: `${what} gone` });
}

/** A property of the first element matching `what` (null when there is none). */
export async function prop(suite, what, name) {
  return suite.driver.executeScript(
    `${DEEP} const el = deepAll(document, arguments[0])[0]; return el ? el[arguments[1]] ?? null : null;`,
    bySelector(what),
    name,
  );
}

/** An attribute of the first element matching `what` (null when absent or no element). */
export async function attr(suite, what, name) {
  return suite.driver.executeScript(
    `${DEEP} const el = deepAll(document, arguments[0])[0]; return el ? el.getAttribute(arguments[1]) : null;`,
    bySelector(what),
    name,
  );
}

const matches = (text, expected) => (expected instanceof RegExp ? expected.test(text) : text.includes(expected));

/** Waits until the text of `what` contains `expected` (or matches it); returns the text. */
export async function waitForText(suite, what, expected, { timeout = TIMEOUT } = {}) {
  return poll(async () => (await prop(suite, what, "textContent")) ?? "", (t) => matches(t, expected), {
    timeout,
    message: `text ${expected} in ${what}`,
  });
}

/** Waits until `what`'s property `name` (e.g. "disabled", "checked") equals `expected`. */
export async function waitForProp(suite, what, name, expected, { timeout = TIMEOUT } = {}) {
  return poll(() => prop(suite, what, name), (v) => v === expected, { timeout, message: `${what}.${name} === ${expected}` });
}

/** Waits until `what`'s attribute `name` equals `expected`. */
export async function waitForAttr(suite, what, name, expected, { timeout = TIMEOUT } = {}) {
  return poll(() => attr(suite, what, name), (v) => v === expected, { timeout, message: `${what}[${name}=${expected}]` });
}

/** Clicks `what` once it is shown and enabled (a real pointer click through the driver). */
export async function click(suite, what) {
  const el = await find(suite, what);
  await poll(() => prop(suite, what, "disabled"), (v) => v !== true, { message: `${what} enabled` });
  await el.click();
  return el;
}

/** The data-testid of the focused element (through open shadow roots), else its tag name. */
export async function focused(suite) {
  return suite.driver.executeScript(`
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? (el.dataset && el.dataset.testid) || el.tagName.toLowerCase() : null;`);
}

/** Presses keys (Key.TAB, Key.ENTER, "a", …) one after another, as a keyboard would. */
export async function press(suite, ...keys) {
  const actions = suite.driver.actions();
  for (const k of keys) actions.keyDown(k).keyUp(k);
  await actions.perform();
}

/** Presses Tab (Shift+Tab with `back`) until `id` has focus, at most `max` times. */
export async function tabTo(suite, id, { back = false, max = 60 } = {}) {
  for (let n = 0; n <= max; n++) {
    if ((await focused(suite)) === id) return n;
    const actions = suite.driver.actions();
    if (back) actions.keyDown(Key.SHIFT);
    actions.keyDown(Key.TAB).keyUp(Key.TAB);
    if (back) actions.keyUp(Key.SHIFT);
    await actions.perform();
  }
  throw new Error(`${max} × Tab never reached [data-testid=${id}] (at ${await focused(suite)})`);
}

let marks = 0;

/**
 * The positive signal that the page has nothing in flight from what it was asked to do
 * so far (../lib/harness.mjs's markRequestLog, through WebDriver): after two animation
 * frames the page fetches the emulator's OpenAPI document with a unique query; this waits
 * until the emulator logged it and returns the log up to and including it.
 */
export async function markRequestLog(suite, { timeout = TIMEOUT } = {}) {
  const mark = `e2e-mark=${++marks}-${Date.now()}`;
  await suite.driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     requestAnimationFrame(() => requestAnimationFrame(() =>
       fetch(arguments[0], { credentials: "omit", cache: "no-store" }).then(() => done(true), (e) => done(String(e)))));`,
    `${suite.baseUrl}/api/openapi.json?${mark}`,
  );
  const isMark = (r) => r.method === "GET" && r.path.endsWith(`?${mark}`);
  const log = await poll(() => requests(suite.baseUrl), (l) => l.some(isMark), { timeout, message: `marker ${mark}` });
  return log.slice(0, log.findIndex(isMark) + 1);
}

/** What the probe recorded on the current page: {csp, errors, console}. */
export async function probe(suite) {
  const p = await suite.driver.executeScript("return window.__oxProbe || null;");
  if (!p) throw new Error("the page has no probe: is it a page of the probed bundle?");
  return p;
}

/** Signs of a Rust panic or a wasm trap. */
const PANIC = /panicked at|RuntimeError: unreachable|Unreachable code should not be executed/i;

/**
 * Throws on any CSP violation, uncaught error, unhandled rejection, panic or console
 * error on the current page, except console errors matching one of `allowConsole`.
 */
export async function assertCleanPage(suite, { allowConsole = [] } = {}) {
  const p = await probe(suite);
  const problems = [
    ...p.csp.map((v) => `CSP violation: ${JSON.stringify(v)}`),
    ...p.errors.map((e) => `error: ${e}`),
    ...p.console.filter((m) => PANIC.test(m.text)).map((m) => `panic (console.${m.level}): ${m.text}`),
    ...p.console
      .filter((m) => m.level === "error" && !PANIC.test(m.text) && !allowConsole.some((re) => re.test(m.text)))
      .map((m) => `console.error: ${m.text}`),
  ];
  if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join("\n  ")}`);
}

/** Saves a screenshot of the window to target/e2e-screenshots/engines/ENGINE-NAME.png. */
export async function screenshot(suite, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${suite.engine}-${name.replace(/[^\w.-]+/g, "_")}.png`);
  writeFileSync(path, await suite.driver.takeScreenshot(), "base64");
  return path;
}
