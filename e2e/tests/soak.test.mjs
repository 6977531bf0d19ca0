// Long-lived hosts (issue 23): nothing grows across mounts, remounts and mailbox switches.
// Each entry point (mount(), <ox-panel> with an attribute change and removal, the domain
// view opening mailboxes one after another) runs a few warm-up cycles, a short run and a
// long one (4 × as many cycles); after a forced garbage collection the JS event listeners,
// DOM nodes, JS objects and wasm memory must not grow with the number of cycles. The
// figures are printed (see e2e/lib/soak.mjs). Then: once unmounted, an instance sends no
// request, leaves no timer and dispatches no event.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertCleanPage,
  emulatorAndBrowser,
  markRequestLog,
  newPage,
  poll,
  requests,
  resetDemo,
  setFaults,
} from "../lib/harness.mjs";
import { describeSoak, openSoakPage, soak } from "../lib/soak.mjs";

const USER = "Basic ZGVtbzpkZW1v";
// Cycles: warm-up, then the short run, then up to the long run's total. OX_SOAK_SHORT
// scales both (the long run is always 4 × the short one).
const SHORT = Number(process.env.OX_SOAK_SHORT ?? 10);
const CYCLES = { warm: 3, short: SHORT, long: 4 * SHORT };

// Growth per cycle over the long window (3 × SHORT cycles) that still counts as none:
// - listeners and nodes are counted exactly after a collection (0.00 measured); a
//   quarter per cycle allows for one stray object collected late in either window. The
//   leak this guards against was 4 listeners and 1 node per mount (8 and 2 per
//   <ox-panel> cycle);
// - JS objects (a heap snapshot's bytes of JS values) move by a few dozen bytes per cycle
//   between two collections (measured -26 to +31 B); the leak was 536 B per mount, 4
//   wasm-bindgen closures of about 134 B each: 64 B per cycle is less than one of them
//   every other cycle;
// - wasm memory only grows in 64 KiB pages and never shrinks: at most one page over the
//   window (the allocator may take a page once for fragmentation; growth with the cycles
//   takes one after another, as 200 cycles in `./x bench` show).
const TOLERANCE = { listeners: 0.25, nodes: 0.25, heap: 64, wasm: 65_536 / (CYCLES.long - CYCLES.short) };

describe("soak: long-lived hosts", () => {
  const suite = emulatorAndBrowser();

  for (const kind of ["mount", "element", "domain"]) {
    test(`${kind}: listeners, nodes, JS objects and wasm memory do not grow with the cycles`, async () => {
      await resetDemo(suite.emulator.baseUrl);
      const page = await newPage(suite.browser);
      try {
        const cdp = await openSoakPage(page, suite.emulator.baseUrl, { authorization: USER });
        const result = await soak(page, cdp, kind, CYCLES);
        console.log(describeSoak(result));
        for (const [metric, max] of Object.entries(TOLERANCE)) {
          assert.ok(
            result.longGrowth[metric] <= max,
            `${kind}: ${metric} grew by ${result.longGrowth[metric]} per cycle over cycles ` +
              `${CYCLES.warm + CYCLES.short}-${CYCLES.warm + CYCLES.long} (at most ${max})\n${describeSoak(result)}`,
          );
        }
        assert.equal(result.end.documents, result.mid.documents, "no document left behind");
        assertCleanPage(page);
      } finally {
        await page.context().close();
      }
    });
  }

  test("after unmount: no request, no timer left, no event", async () => {
    const base = suite.emulator.baseUrl;
    await resetDemo(base);
    const page = await newPage(suite.browser);
    // Every timer the page sets, pending until it fires or is cleared (the module's
    // timers go through the global setTimeout), and every oxpanel:* event.
    await page.addInitScript(() => {
      const pending = new Set();
      const set = window.setTimeout;
      const clear = window.clearTimeout;
      window.setTimeout = function (handler, ms, ...args) {
        const id = set.call(
          window,
          (...a) => {
            pending.delete(id);
            if (typeof handler === "function") handler(...a);
          },
          ms,
          ...args,
        );
        pending.add(id);
        return id;
      };
      window.clearTimeout = function (id) {
        pending.delete(id);
        return clear.call(window, id);
      };
      window.__oxPendingTimers = () => pending.size;
      window.__oxEvents = [];
      for (const name of ["oxpanel:plan-changed", "oxpanel:blackberry-action", "oxpanel:auth-required", "oxpanel:navigate"]) {
        document.addEventListener(name, (e) => window.__oxEvents.push(e.type));
      }
    });
    const isStatistics = (r) => r.method === "GET" && r.path.endsWith("/statistics");

    /**
     * Shows an instance (`show` in the page), waits until its BlackBerry statistics read
     * (held by the emulator for 20 s) is on the wire, takes it away (`remove` in the
     * page), then pokes what would make a live instance act and checks that nothing
     * followed.
     */
    async function check(label, show, remove, shown) {
      await setFaults(base, [{ method: "GET", pathContains: "/statistics", delayMs: 20_000 }]);
      const before = (await requests(base)).filter(isStatistics).length;
      await page.evaluate(show, USER);
      await shown.waitFor();
      await poll(() => requests(base), (log) => log.filter(isStatistics).length > before, {
        message: `${label}: its statistics read on the wire`,
      });
      assert.ok((await page.evaluate(() => window.__oxPendingTimers())) > 0, `${label}: the held read's timeout is pending`);
      const logged = (await requests(base)).length;
      const events = await page.evaluate(() => window.__oxEvents.length);
      await page.evaluate(remove);
      // What would make a live instance act: the address changing, a click where it was.
      await page.evaluate(() => {
        history.pushState(null, "", "#mailbox=john.smith");
        window.dispatchEvent(new PopStateEvent("popstate"));
        window.dispatchEvent(new HashChangeEvent("hashchange"));
        document.getElementById("slot").click();
      });
      // No timer left: the held read was aborted with its instance and its timeout
      // cleared (else it would stay pending for 15 s).
      await poll(() => page.evaluate(() => window.__oxPendingTimers()), (n) => n === 0, {
        timeout: 5_000,
        message: `${label}: no pending timer after the unmount`,
      });
      // No request: the page's own marker request arrives after anything the instance
      // could still send.
      const log = await markRequestLog(page, base);
      assert.deepEqual(
        log.slice(logged, -1).map((r) => `${r.method} ${r.path}`),
        [],
        `${label}: nothing sent after the unmount`,
      );
      const after = await page.evaluate(() => window.__oxEvents);
      assert.deepEqual(after.slice(events), [], `${label}: no event after the unmount`);
    }

    try {
      await openSoakPage(page, base, { authorization: USER });
      await check(
        "mount()",
        (user) => {
          const { glue, config } = window.__oxSoak;
          window.__handle = glue.mount(document.getElementById("slot"), config({ mailbox: "john.smith", authorization: user }));
        },
        () => {
          window.__handle.unmount();
          window.__handle.free();
        },
        page.locator("#slot [data-testid=current-plan]"),
      );
      await check(
        "<ox-panel>",
        (user) => {
          const el = document.createElement("ox-panel");
          const attributes = { account: "test", domain: "test.com", mailbox: "premium.user", "api-base": "/api", role: "user" };
          for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
          el.authorization = user;
          document.getElementById("slot").append(el);
          window.__panel = el;
        },
        async () => {
          window.__panel.remove();
          // The element unmounts at the end of the task's microtasks.
          await Promise.resolve();
          if (window.__panel.handle !== null) throw new Error("the removed <ox-panel> is still mounted");
        },
        page.locator("ox-panel").getByTestId("current-plan"),
      );
      assertCleanPage(page);
    } finally {
      await setFaults(base, []);
      await page.context().close();
    }
  });
});
