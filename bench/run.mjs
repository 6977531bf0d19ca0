// `./x bench`: ox-panel's performance figures, measured (never asserted; the size budget
// is ./x test's). Needs the release bundle (OX_BENCH_DIST, default dist/, with its .br/.gz
// files) and the release emulator (OX_EMULATOR_BIN). One emulator with --latency-ms 50
// (every /api answer 50 ms late, the files not), one headless Chromium, then:
//   P1 size        every file the standalone page loads in the browser, the mailbox page
//                  (?mailbox=john.smith) and the domain page (sections=domain) each:
//                  raw, gzip -9, brotli q11 of each file, and the page's total
//   P2 time        navigation -> the `oxp:data-rendered` mark, against the floor page
//                  (bench/floor.html: the same reads by hand) -> `floor:data-rendered`;
//                  OX_BENCH_RUNS (default 15) cold loads each, a fresh browser context
//                  each (empty cache), app and floor interleaved
//   P3 requests    per mount: the API reads (emulator log), the reads' wall time against
//                  the slowest single read (Resource Timing); PUTs for one confirmed change
//   P4 choices     plan option clicked -> its verdict in the DOM, 200 choices, p50/p95
//   P5 scale       the domain view on generated domains of 100, 1,000, 10,000 mailboxes:
//                  next page -> rendered, and the JS heap (after a forced GC)
//   P6 Lighthouse  (bench/node_modules, pinned) with Debian's Chromium: the standalone page
//                  and host-example.html, mobile (default, simulated throttling) and desktop
//   P7 remounts    200 remounts through each entry point (mount(), <ox-panel>, the domain
//                  view opening mailboxes; e2e/lib/soak.mjs): growth per remount of the JS
//                  event listeners, DOM nodes, JS objects and wasm memory, after a forced GC
// Prints a table and writes the same figures to target/bench/latest.json.
// OX_BENCH_ONLY=P7 (a comma-separated list of P2, P4, P5, P6, P7) runs only those parts;
// P1 always runs (P3's reads come with P2, its PUTs with P4).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import { cpus, release } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, startEmulator, resetFixture, requests, CHROMIUM, CHROMIUM_ARGS } from "../e2e/lib/harness.mjs";
import { generatedFixture, generatedName } from "../e2e/lib/generate-domain.mjs";
import { brotli, gzip } from "../scripts/lib/compress.mjs";
import { openSoakPage, soak } from "../e2e/lib/soak.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(ROOT, "target", "bench");
const DIST = resolve(process.env.OX_BENCH_DIST ?? join(ROOT, "dist"));
const RUNS = Number(process.env.OX_BENCH_RUNS ?? 15);
const CHOICES = 200;
const LATENCY_MS = 50;
const SIZES = (process.env.OX_BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
const SCALE_PAGES = 10;
const LIGHTHOUSE = join(ROOT, "bench", "node_modules", "lighthouse", "cli", "index.js");
const TIMEOUT = 30_000;
const REMOUNTS = 200;
const USER = "Basic ZGVtbzpkZW1v";
const ONLY = (process.env.OX_BENCH_ONLY ?? "").split(",").map((p) => p.trim().toUpperCase()).filter(Boolean);
const want = (part) => ONLY.length === 0 || ONLY.includes(part);

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
// Nearest-rank percentile.
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
const median = (xs) => {
  const s = sorted(xs);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n) => n.toLocaleString("en-US");
const log = (line) => process.stderr.write(`${line}\n`);

// ------------------------------------------------------------------ the served directory
// A copy of the bundle with the floor page in it, so the bundle itself stays as built.
const served = join(OUT_DIR, "dist");
rmSync(served, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });
cpSync(DIST, served, { recursive: true });
for (const file of ["floor.html", "floor.js"]) {
  const data = readFileSync(join(ROOT, "bench", file));
  writeFileSync(join(served, file), data);
  writeFileSync(join(served, `${file}.br`), brotli(data));
  writeFileSync(join(served, `${file}.gz`), gzip(data));
}


const emulator = await startEmulator({ dist: served, args: ["--latency-ms", String(LATENCY_MS)] });
const base = emulator.baseUrl;
const browser = await launchBrowser();
const chromiumVersion = browser.version();
const results = {};

try {
  // ---------------------------------------------------------------- P1 size
  // What each kind of standalone page really loads: every file of the bundle the browser
  // requested until the page showed its data and the network went idle (a lazily loaded
  // file counts), sized from the bundle as built.
  const PAGES_MEASURED = {
    mailbox: { query: "?mailbox=john.smith", shown: "[data-testid=current-plan]", targetBrotliBytes: 90 * 1024 },
    domain: { query: "?domain=big-domain.com&mailbox=&sections=domain", shown: "[data-testid=mailbox-row]", targetBrotliBytes: 130 * 1024 },
  };
  results.P1 = { pages: {} };
  for (const [kind, { query, shown, targetBrotliBytes }] of Object.entries(PAGES_MEASURED)) {
    await resetFixture(base);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const loaded = new Set();
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.origin === base && !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/__")) {
          loaded.add(url.pathname === "/" ? "index.html" : url.pathname.slice(1));
        }
      });
      await page.goto(`${base}/${query}`);
      await page.locator(shown).first().waitFor({ timeout: TIMEOUT });
      await page.waitForLoadState("networkidle");
      const files = [...loaded].sort().map((file) => {
        const data = readFileSync(join(DIST, file));
        return { file, raw: data.length, gzip: gzip(data).length, brotli: brotli(data).length };
      });
      const total = ["raw", "gzip", "brotli"].reduce(
        (t, k) => ({ ...t, [k]: files.reduce((sum, f) => sum + f[k], 0) }),
        { file: "total" },
      );
      results.P1.pages[kind] = { query, files, total, targetBrotliBytes };
    } finally {
      await context.close();
    }
  }
  // ---------------------------------------------------------------- P2 + P3 reads
  if (want("P2")) {
    // One cold load: a fresh context (empty HTTP cache, no compiled wasm), navigation to the
    // mark, then the API reads the page made (emulator log, Resource Timing).
    async function coldLoad(kind) {
      await resetFixture(base);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const url = kind === "app" ? `${base}/` : `${base}/floor.html`;
        const mark = kind === "app" ? "oxp:data-rendered" : "floor:data-rendered";
        await page.goto(url, { waitUntil: "commit" });
        await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
          timeout: TIMEOUT,
          polling: 5,
        });
        const ms = await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
        // Every read the mount starts (follow-ups too) has been answered once the network
        // is idle.
        await page.waitForLoadState("networkidle");
        const api = await page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .filter((e) => new URL(e.name).pathname.startsWith("/api/"))
            .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })),
        );
        const logged = (await requests(base)).filter((r) => r.method === "GET");
        const wall = Math.max(...api.map((e) => e.end)) - Math.min(...api.map((e) => e.start));
        const slowest = Math.max(...api.map((e) => e.end - e.start));
        return { ms, reads: logged.length, paths: logged.map((r) => r.path), wall, slowest };
      } finally {
        await context.close();
      }
    }
    // One load each first, uncounted: the emulator's and the OS's own first-use costs.
    await coldLoad("app");
    await coldLoad("floor");
    const loads = { app: [], floor: [] };
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, and alternating which goes first, so drift hits both alike.
      for (const kind of i % 2 ? ["floor", "app"] : ["app", "floor"]) {
        loads[kind].push(await coldLoad(kind));
      }
      log(`  P2 load ${i + 1}/${RUNS}: app ${round(loads.app.at(-1).ms)} ms, floor ${round(loads.floor.at(-1).ms)} ms`);
    }
    const summary = (xs) => ({ median: round(median(xs)), p90: round(pct(xs, 90)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });
    const app = summary(loads.app.map((l) => l.ms));
    const floor = summary(loads.floor.map((l) => l.ms));
    results.P2 = {
      runs: RUNS,
      latencyMs: LATENCY_MS,
      app,
      floor,
      ratioMedian: round(app.median / floor.median, 2),
      ratioP90: round(app.p90 / floor.p90, 2),
      target: "app <= 1.5 x floor",
    };
    const ratios = loads.app.map((l) => l.wall / l.slowest);
    results.P3 = {
      readsPerMount: loads.app[0].reads,
      readsPerMountAllRuns: [...new Set(loads.app.map((l) => l.reads))],
      paths: loads.app[0].paths,
      distinctPaths: new Set(loads.app[0].paths).size,
      floorReads: loads.floor[0].reads,
      wallMsMedian: round(median(loads.app.map((l) => l.wall))),
      slowestReadMsMedian: round(median(loads.app.map((l) => l.slowest))),
      wallOverSlowestMedian: round(median(ratios), 2),
      wallOverSlowestMax: round(Math.max(...ratios), 2),
      target: "wall <= 1.2 x slowest read; 1 PUT per confirmed change",
    };
  }

  // ---------------------------------------------------------------- P4 + P3 PUTs
  if (want("P4")) {
    await resetFixture(base);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByTestId("plan-option-premium").waitFor({ timeout: TIMEOUT });
    // Timed inside the page: click -> the verdict in the DOM (premium: the summary of the
    // change; standard, the current plan: the summary gone), checked after the click's
    // own synchronous work and on every DOM mutation after it.
    const times = await page.evaluate(async (count) => {
      const option = (type) => document.querySelector(`[data-testid=plan-option-${type}]`);
      const summary = () => document.querySelector("[data-testid=plan-summary]")?.textContent ?? "";
      const verdict = { premium: () => summary().includes("Premium"), standard: () => !summary().includes("Premium") };
      const choose = (type) =>
        new Promise((resolve, reject) => {
          const done = verdict[type];
          const t0 = performance.now();
          const finish = () => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - t0);
          };
          const observer = new MutationObserver(() => done() && finish());
          observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`no verdict for ${type}`));
          }, 5000);
          option(type).click();
          if (done()) finish();
        });
      const out = [];
      for (let i = 0; i < count; i++) out.push(await choose(i % 2 ? "standard" : "premium"));
      return out;
    }, CHOICES);
    results.P4 = {
      choices: times.length,
      p50Ms: round(pct(times, 50), 2),
      p95Ms: round(pct(times, 95), 2),
      maxMs: round(Math.max(...times), 2),
      target: "p95 <= 4 ms",
    };
    // One confirmed change: exactly one PUT. The app re-reads the plan after the PUT's
    // answer; that re-read is the signal that everything the change sends has gone out.
    await resetFixture(base);
    await page.reload();
    await page.getByTestId("plan-option-premium").check({ timeout: TIMEOUT });
    await page.getByTestId("plan-submit").click();
    await page.getByTestId("plan-success").waitFor({ timeout: TIMEOUT });
    await page.getByTestId("current-plan").filter({ hasText: "premium" }).waitFor({ timeout: TIMEOUT });
    await page.waitForLoadState("networkidle");
    const log = await requests(base);
    results.P3 ??= {};
    results.P3.putsPerConfirmedChange = log.filter((r) => r.method === "PUT").length;
    const firstPut = log.findIndex((r) => r.method === "PUT");
    results.P3.readsAfterChange = log.slice(firstPut + 1).map((r) => `${r.method} ${r.path}`);
    await context.close();
  }

  // ---------------------------------------------------------------- P5 scale
  if (want("P5")) {
    results.P5 = { pagesPerSize: SCALE_PAGES, sizes: [] };
    for (const count of SIZES) {
      const domain = `gen${count}.com`;
      await resetFixture(base, generatedFixture({ domain, count, limits: { activesync: count } }));
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        const heap = async () => {
          await cdp.send("HeapProfiler.collectGarbage");
          return (await cdp.send("Runtime.getHeapUsage")).usedSize;
        };
        await page.goto(`${base}/?domain=${domain}&mailbox=&sections=domain`);
        await page.getByTestId("mailbox-row").first().waitFor({ timeout: TIMEOUT });
        await page.getByTestId("limit-activesync").filter({ hasText: "used" }).waitFor({ timeout: TIMEOUT });
        await page.waitForLoadState("networkidle");
        const pageSize = await page.getByTestId("mailbox-row").count();
        const heapLoaded = await heap();
        const pages = Math.max(1, Math.ceil(count / pageSize));
        const times = [];
        let current = 1;
        for (let i = 0; i < SCALE_PAGES && pages > 1; i++) {
          const forward = current === 1 || (i < SCALE_PAGES / 2 && current < pages);
          const target = forward ? current + 1 : current - 1;
          const first = generatedName((target - 1) * pageSize + 1, count);
          // Click -> the new page's first row in the DOM, timed inside the page.
          const ms = await page.evaluate(
            ({ button, first }) =>
              new Promise((resolve) => {
                const selector = `[data-testid=mailbox-row][data-username="${first}"]`;
                const t0 = performance.now();
                const observer = new MutationObserver(() => {
                  if (document.querySelector(selector)) {
                    observer.disconnect();
                    resolve(performance.now() - t0);
                  }
                });
                observer.observe(document.body, { childList: true, subtree: true });
                document.querySelector(`[data-testid=${button}]`).click();
              }),
            { button: forward ? "page-next" : "page-prev", first },
          );
          times.push(ms);
          current = target;
        }
        await page.waitForLoadState("networkidle");
        const heapAfter = await heap();
        results.P5.sizes.push({
          mailboxes: count,
          rowsPerPage: pageSize,
          pageMsMedian: times.length ? round(median(times)) : null,
          pageMsMax: times.length ? round(Math.max(...times)) : null,
          heapLoadedMB: round(heapLoaded / 1024 / 1024, 2),
          heapAfterPagingMB: round(heapAfter / 1024 / 1024, 2),
        });
        log(`  P5 ${count} mailboxes done`);
      } finally {
        await context.close();
      }
    }
    results.P5.target = "page time and heap independent of N";
    await resetFixture(base);
  }

  // ---------------------------------------------------------------- P7 remounts
  // Each entry point in a fresh context of its own: 5 warm-up cycles (first-use costs),
  // then REMOUNTS cycles, measured after 20 and at the end (e2e/lib/soak.mjs). An
  // <ox-panel> cycle is two mounts (an attribute change, then removal); a domain view
  // cycle opens one mailbox in one long-lived mount. The growth per cycle over the
  // REMOUNTS cycles is the figure; the goal is 0.
  if (want("P7")) {
    results.P7 = { cycles: REMOUNTS, entryPoints: [], target: "no growth per remount (0)" };
    // `|| 0`: no "-0" in the table.
    const growth = (g) => ({
      listeners: round(g.listeners, 2) || 0,
      nodes: round(g.nodes, 2) || 0,
      jsObjectBytes: Math.round(g.heap) || 0,
      v8HeapUsedBytes: Math.round(g.heapUsed) || 0,
      wasmBytes: Math.round(g.wasm) || 0,
    });
    for (const kind of ["mount", "element", "domain"]) {
      await resetFixture(base);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      try {
        const cdp = await openSoakPage(page, base, { authorization: USER });
        const r = await soak(page, cdp, kind, { warm: 5, short: 20, long: REMOUNTS });
        results.P7.entryPoints.push({
          entryPoint: kind,
          start: r.start,
          end: r.end,
          perCycle: growth(r.overallGrowth),
          perCycleLast180: growth(r.longGrowth),
          seconds: round(r.ms / 1000),
        });
        log(`  P7 ${kind} done (${round(r.ms / 1000)} s)`);
      } finally {
        await context.close();
      }
    }
    await resetFixture(base);
  }

  // ---------------------------------------------------------------- P6 Lighthouse
  if (want("P6")) {
    results.P6 = {
      runs: [],
      target: "performance mobile >= 0.97 standalone, >= 0.95 host example; desktop 1.0; CLS <= 0.02; a11y and best practices 1.0",
    };
    const lighthouseVersion = JSON.parse(readFileSync(join(ROOT, "bench", "node_modules", "lighthouse", "package.json"), "utf8")).version;
    results.P6.lighthouse = lighthouseVersion;
    for (const [name, path] of [["standalone", "/"], ["host example", "/host-example.html"]]) {
      for (const preset of ["mobile", "desktop"]) {
        const out = join(OUT_DIR, `lighthouse-${name.replace(" ", "-")}-${preset}.json`);
        const args = [
          LIGHTHOUSE,
          `${base}${path}`,
          "--output=json",
          `--output-path=${out}`,
          "--quiet",
          "--only-categories=performance,accessibility,best-practices",
          `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
          ...(preset === "desktop" ? ["--preset=desktop"] : []),
        ];
        await new Promise((resolveRun, reject) => {
          const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "pipe"] });
          let err = "";
          child.stderr.on("data", (d) => (err += d));
          child.on("exit", (code) => (code === 0 ? resolveRun() : reject(new Error(`lighthouse ${name} ${preset}: exit ${code}\n${err}`))));
        });
        const report = JSON.parse(readFileSync(out, "utf8"));
        const score = (c) => report.categories[c]?.score ?? null;
        results.P6.runs.push({
          page: name,
          preset,
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          cls: round(report.audits["cumulative-layout-shift"]?.numericValue ?? NaN, 3),
          lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? NaN),
          tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? NaN),
          failing: Object.values(report.audits)
            .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode) && a.details?.type !== "debugdata")
            .map((a) => a.id)
            .slice(0, 12),
        });
        log(`  P6 ${name} ${preset} done`);
      }
    }
  }
} finally {
  await browser.close();
  await emulator.stop();
}

// ------------------------------------------------------------------ report
const osName = (() => {
  try {
    return /PRETTY_NAME="([^"]*)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? release();
  } catch {
    return release();
  }
})();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  os: osName,
  chromium: chromiumVersion,
  node: process.version,
  load: (() => {
    try {
      return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    } catch {
      return "unknown";
    }
  })(),
};
let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
} catch {}
const report = { date: new Date().toISOString(), commit, machine, ...results };
writeFileSync(join(OUT_DIR, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);

const { P2, P3, P4, P5, P6, P7 } = results;
const rows = [
  ...Object.entries(results.P1.pages).flatMap(([kind, p]) => [
    [`P1 ${kind} page (brotli q11, total)`, `${fmt(p.total.brotli)} B`, `<= ${fmt(p.targetBrotliBytes)} B`],
    ...p.files.map((f) => [`   ${f.file}`, `${fmt(f.raw)} raw / ${fmt(f.gzip)} gz / ${fmt(f.brotli)} br`, ""]),
  ]),
  ...(P2
    ? [
        [`P2 time to data, median (${P2.runs} cold loads)`, `app ${P2.app.median} ms, floor ${P2.floor.median} ms: x${P2.ratioMedian}`, "<= x1.3"],
        ["P2 time to data, p90", `app ${P2.app.p90} ms, floor ${P2.floor.p90} ms: x${P2.ratioP90}`, "<= x1.3"],
        ["P3 reads per mount", `${P3.readsPerMount} GETs (${P3.distinctPaths} distinct; floor ${P3.floorReads})`, "minimum"],
        ["P3 reads' wall / slowest read", `x${P3.wallOverSlowestMedian} median, x${P3.wallOverSlowestMax} max (${P3.wallMsMedian} / ${P3.slowestReadMsMedian} ms)`, "<= x1.2"],
      ]
    : []),
  ...(P4
    ? [
        ["P3 PUTs per confirmed change", `${P3.putsPerConfirmedChange}`, "1"],
        [`P4 choice -> verdict (${P4.choices})`, `p50 ${P4.p50Ms} ms, p95 ${P4.p95Ms} ms, max ${P4.maxMs} ms`, "p95 <= 4 ms"],
      ]
    : []),
  ...(P5?.sizes ?? []).map((s) => [
    `P5 domain view, ${fmt(s.mailboxes)} mailboxes`,
    `page ${s.pageMsMedian} ms median (${s.rowsPerPage} rows), heap ${s.heapLoadedMB} -> ${s.heapAfterPagingMB} MB`,
    "flat in N",
  ]),
  ...(P6?.runs ?? []).map((r) => [
    `P6 Lighthouse ${r.page}, ${r.preset}`,
    `perf ${r.performance}, a11y ${r.accessibility}, bp ${r.bestPractices}, CLS ${r.cls}, LCP ${r.lcpMs} ms`,
    r.preset === "desktop" ? "1, 1, 1, <= 0.02" : `>= ${r.page === "standalone" ? "0.97" : "0.95"}, 1, 1, <= 0.02`,
  ]),
  ...(P7?.entryPoints ?? []).map((e) => [
    `P7 ${P7.cycles} remounts, ${{ mount: "mount()", element: "<ox-panel>", domain: "domain view" }[e.entryPoint]}`,
    `per cycle: ${e.perCycle.listeners} listeners, ${e.perCycle.nodes} nodes, JS objects ${fmt(e.perCycle.jsObjectBytes)} B, wasm ${fmt(e.perCycle.wasmBytes)} B`,
    "0, 0, 0, 0",
  ]),
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`| ${"measure".padEnd(w0)} | ${"result".padEnd(w1)} | target |`);
console.log(`| ${"-".repeat(w0)} | ${"-".repeat(w1)} | ------ |`);
for (const r of rows) console.log(`| ${r[0].padEnd(w0)} | ${r[1].padEnd(w1)} | ${r[2]} |`);
console.log(
  `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.os}, Chromium ${machine.chromium}, Node ${machine.node}, ` +
    `Lighthouse ${P6?.lighthouse ?? "not run"}, load ${machine.load}; commit ${commit}; API latency +${LATENCY_MS} ms`,
);
console.log(`figures: ${join("target", "bench", "latest.json")}`);
