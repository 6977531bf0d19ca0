// The emulator's side of every end-to-end suite, with no browser in it: hostway-emulator on
// a free loopback port, its control endpoints (reset, request log, faults) and bounded
// polling. e2e/lib/harness.mjs (Playwright, Chromium) and e2e/engines/harness.mjs
// (WebDriver, every engine) both build on it.
//
// ./x test e2e builds what this needs (the release bundle in target/e2e-dist, the release
// emulator) and passes their paths in OX_E2E_DIST and OX_EMULATOR_BIN.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const TARGET = resolve(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"));
export const FIXTURES_DIR = join(ROOT, "e2e", "fixtures");

/** Default bounded timeout of every wait in this file (ms). */
export const TIMEOUT = Number(process.env.OX_E2E_TIMEOUT_MS ?? 10_000);

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
