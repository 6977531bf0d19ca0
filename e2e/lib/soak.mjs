// The soak harness (issue 23): mount, render and unmount ox-panel many times through each
// entry point, and measure what the page holds afterwards. Shared by
// e2e/tests/soak.test.mjs (a short run against a long one, asserted) and bench/run.mjs
// (P7: 200 remounts, reported).
//
// Measured after a forced garbage collection, through Chromium's DevTools protocol:
// `Memory.getDOMCounters` (JS event listeners, DOM nodes, documents), a heap snapshot
// (the bytes of the page's JS values; `Runtime.getHeapUsage` is reported alongside) and
// the two modules' `WebAssembly.Memory` sizes
// (wasm-bindgen's `init()` returns the module's exports, `memory` among them, to anyone
// who imports ox-panel.js or ox-panel-domain.js; nothing is added to the public API for it).

/** The soak page's path on the emulator: a blank page of its own (see `openSoakPage`). */
export const SOAK_PATH = "/soak.html";

/** What one cycle does, per entry point. */
export const ENTRY_POINTS = {
  mount: "mount() into an element, current plan and BlackBerry status on screen, unmount()",
  element: "<ox-panel> added, shown, its mailbox attribute changed (a remount), shown, removed: two mounts",
  domain: "one domain view (mount() with no mailbox): a mailbox opened from the list, shown, back to the list",
};

/**
 * Turns `page` (a fresh one) into the soak page: a blank page at BASE/soak.html, served
 * with the emulator's headers (so its strict CSP applies), with ox-panel.js and the
 * <ox-panel> element loaded and the cycles installed (`window.__oxSoak`). `authorization`:
 * the credential the panels send. Returns the page's DevTools session.
 */
export async function openSoakPage(page, baseUrl, { authorization }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>soak</title></head>
    <body><main id="slot"></main></body></html>`;
  await page.route(`${baseUrl}${SOAK_PATH}`, async (route) => {
    const original = await route.fetch();
    const headers = { ...original.headers(), "content-type": "text/html; charset=utf-8" };
    delete headers["content-length"];
    await route.fulfill({ status: 200, headers, body: html });
  });
  await page.goto(`${baseUrl}${SOAK_PATH}`);
  await page.evaluate(installSoak, {
    authorization,
    mailboxes: ["john.smith", "premium.user", "locked.user", "sync.user"],
    domain: "big-domain.com",
  });
  return page.context().newCDPSession(page);
}

// Runs in the page (passed to page.evaluate, so self-contained).
async function installSoak({ authorization, mailboxes, domain }) {
  const base = document.baseURI;
  const glue = await import(new URL("ox-panel.js", base).href);
  const exports = await glue.default();
  // The domain view is the second module's (README, "Two modules").
  const domainGlue = await import(new URL("ox-panel-domain.js", base).href);
  const domainExports = await domainGlue.default();
  await import(new URL("ox-panel-element.js", base).href);
  const slot = document.getElementById("slot");
  const PLAN = /\((standard|activesync|premium)\)/;
  // A condition, checked once per frame, for at most `timeout` ms.
  const until = (probe, what, timeout = 10_000) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const tick = () => {
        let value;
        try {
          value = probe();
        } catch {
          value = undefined;
        }
        if (value) resolve(value);
        else if (performance.now() - t0 > timeout) reject(new Error(`soak: timed out waiting for ${what}`));
        else requestAnimationFrame(tick);
      };
      tick();
    });
  // The panels' data on screen: the current plan and the BlackBerry status (its reads
  // answered), so each unmount finds the instance at rest.
  const shown = (root) =>
    PLAN.test(root?.querySelector('[data-testid="current-plan"]')?.textContent ?? "") &&
    root.querySelector('[data-testid="blackberry-status"]') !== null;
  const config = (extra) => ({ apiBase: "/api", account: "test", domain: "test.com", authorization, role: "user", ...extra });
  const mailbox = (i) => mailboxes[i % mailboxes.length];
  let domainView = null;

  const cycles = {
    async mount(i) {
      const handle = glue.mount(slot, config({ mailbox: mailbox(i) }));
      try {
        await until(() => shown(slot), `${mailbox(i)} on screen`);
      } finally {
        handle.unmount();
        handle.free();
      }
    },
    async element(i) {
      const el = document.createElement("ox-panel");
      const attributes = { account: "test", domain: "test.com", mailbox: mailbox(i), "api-base": "/api", role: "user" };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.authorization = authorization;
      slot.append(el);
      try {
        await until(() => el.handle && shown(el.shadowRoot), `<ox-panel> ${mailbox(i)} on screen`);
        const first = el.handle;
        el.setAttribute("mailbox", mailbox(i + 1));
        await until(() => el.handle && el.handle !== first && shown(el.shadowRoot), `<ox-panel> remounted on ${mailbox(i + 1)}`);
      } finally {
        el.remove();
      }
      await until(() => el.handle === null, "the removed <ox-panel> unmounted");
    },
    async domain(i) {
      // Every fifth mailbox of big-domain.com has a BlackBerry service (the others'
      // BlackBerry reads answer 404, which the browser logs): those, one after another.
      const rows = [...slot.querySelectorAll('[data-testid="mailbox-row"]')].filter((_, r) => r % 5 === 4);
      rows[i % rows.length].querySelector('[data-testid="open-mailbox"]').click();
      await until(() => shown(slot), "the opened mailbox on screen");
      slot.querySelector('[data-testid="domain-back"]').click();
      await until(
        () => slot.querySelector('[data-testid="mailbox-row"]') && !slot.querySelector('[data-testid="current-plan"]'),
        "the mailbox list again",
      );
    },
  };

  window.__oxSoak = {
    glue,
    config,
    wasmBytes: () => exports.memory.buffer.byteLength + domainExports.memory.buffer.byteLength,
    async run(kind, from, to) {
      for (let i = from; i < to; i++) await cycles[kind](i);
    },
    async openDomain() {
      domainView = domainGlue.mount(slot, config({ domain, sections: ["domain"] }));
      // The list and the limits' summary (big-domain.com has no limit: its text says so).
      await until(
        () =>
          slot.querySelectorAll('[data-testid="mailbox-row"]').length > 1 &&
          /\S/.test(slot.querySelector('[data-testid="limits-summary"]')?.textContent ?? ""),
        "the domain view's list and limits",
      );
    },
    closeDomain() {
      domainView?.unmount();
      domainView?.free();
      domainView = null;
    },
  };
}

/**
 * What the page holds now, after a forced garbage collection: {listeners, nodes,
 * documents, heap (bytes), wasm (bytes)}.
 */
export async function measure(page, cdp) {
  // The browser keeps a Resource Timing entry per fetch (up to 250 by default): the
  // page's record, not the module's, and it would count as growth here.
  await page.evaluate(() => performance.clearResourceTimings());
  // Collected twice with a task between: wasm-bindgen frees the Rust side of collected
  // JS objects in FinalizationRegistry callbacks, which run as tasks after a collection.
  await cdp.send("HeapProfiler.collectGarbage");
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await cdp.send("HeapProfiler.collectGarbage");
  const counters = await cdp.send("Memory.getDOMCounters");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__oxSoak.wasmBytes());
  return {
    listeners: counters.jsEventListeners,
    nodes: counters.nodes,
    documents: counters.documents,
    heap: await jsObjectBytes(cdp),
    heapUsed: usedSize,
    wasm,
  };
}

// The heap snapshot's node types that are the page's JS values.
const JS_TYPES = new Set(["object", "closure", "array", "string", "concatenated string", "sliced string", "regexp", "number", "bigint", "symbol"]);

/**
 * The bytes of every JS value the page holds (a heap snapshot's self sizes of objects,
 * closures, arrays, strings, …). Not `Runtime.getHeapUsage`: that also counts V8's
 * compiled code, which keeps growing for a while as the JIT optimises the cycles' hot
 * paths, and DevTools' own records (the network and console data of this very session).
 */
async function jsObjectBytes(cdp) {
  const chunks = [];
  const collect = (e) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", collect);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", collect);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join(""));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[fields.indexOf("type")];
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (JS_TYPES.has(types[nodes[i + typeAt]])) bytes += nodes[i + sizeAt];
  }
  return bytes;
}

const METRICS = ["listeners", "nodes", "heap", "heapUsed", "wasm"];

/**
 * `warm` cycles (first-use costs: compiled code, caches, the allocator's first pages),
 * then a measurement, `short` cycles, a measurement, `long - short` more, a measurement.
 * Returns the three measurements and the growth per cycle, per metric: in the short
 * window, in the rest of the long one, and over all `long` cycles after the warm-up. The domain view's cycles run in one mount of it.
 */
export async function soak(page, cdp, kind, { warm, short, long }) {
  const run = (from, to) => page.evaluate(({ kind, from, to }) => window.__oxSoak.run(kind, from, to), { kind, from, to });
  if (kind === "domain") await page.evaluate(() => window.__oxSoak.openDomain());
  const t0 = Date.now();
  await run(0, warm);
  const start = await measure(page, cdp);
  await run(warm, warm + short);
  const mid = await measure(page, cdp);
  await run(warm + short, warm + long);
  const end = await measure(page, cdp);
  const ms = Date.now() - t0;
  if (kind === "domain") await page.evaluate(() => window.__oxSoak.closeDomain());
  const perCycle = (a, b, n) => Object.fromEntries(METRICS.map((m) => [m, (b[m] - a[m]) / n]));
  return {
    kind,
    cycles: { warm, short, long },
    start,
    mid,
    end,
    shortGrowth: perCycle(start, mid, short),
    longGrowth: perCycle(mid, end, long - short),
    overallGrowth: perCycle(start, end, long),
    ms,
  };
}

/** One line per measurement, for a test's log or the bench's. */
export function describeSoak(r) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const at = (m) =>
    `${m.listeners} listeners, ${m.nodes} nodes, JS objects ${kb(m.heap)} (V8 heap in use ${kb(m.heapUsed)}), wasm ${kb(m.wasm)}`;
  const g = (x) =>
    `${x.listeners.toFixed(2)} listeners, ${x.nodes.toFixed(2)} nodes, JS objects ${x.heap.toFixed(0)} B ` +
    `(V8 heap in use ${x.heapUsed.toFixed(0)} B), wasm ${x.wasm.toFixed(0)} B`;
  return [
    `${r.kind}: after ${r.cycles.warm} warm-up cycles: ${at(r.start)}`,
    `${r.kind}: after ${r.cycles.warm + r.cycles.short}: ${at(r.mid)}`,
    `${r.kind}: after ${r.cycles.warm + r.cycles.long}: ${at(r.end)}`,
    `${r.kind}: per cycle, cycles ${r.cycles.warm}-${r.cycles.warm + r.cycles.short}: ${g(r.shortGrowth)}`,
    `${r.kind}: per cycle, cycles ${r.cycles.warm + r.cycles.short}-${r.cycles.warm + r.cycles.long}: ${g(r.longGrowth)} (${r.ms} ms in all)`,
  ].join("\n");
}
