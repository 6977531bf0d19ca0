// The domain view on generated domains of 100, 1,000 and 10,000 mailboxes: the time from
// a page request (a click on "Next page") to that page rendered, and the JS heap after
// paging through 20 pages (after a forced garbage collection, through the DevTools
// protocol). Reported, never asserted: run by `./x bench` (or OX_BENCH_SIZES=100,1000).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, newPage, startEmulator } from "../lib/harness.mjs";
import { generatedFixture, generatedName } from "../lib/generate-domain.mjs";

const SIZES = (process.env.OX_BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
const PAGES = 20;
const PAGE_SIZE = 25;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const tmp = mkdtempSync(join(tmpdir(), "ox-bench-"));
const browser = await launchBrowser();
try {
  for (const count of SIZES) {
    const domain = `gen${count}.com`;
    const file = join(tmp, `${domain}.json`);
    // A positive limit, so the view also counts the domain's mailboxes per type.
    writeFileSync(file, JSON.stringify(generatedFixture({ domain, count, limits: { activesync: count } })));
    const emulator = await startEmulator({ fixture: file });
    const page = await newPage(browser);
    try {
      const cdp = await page.context().newCDPSession(page);
      const heap = async () => {
        await cdp.send("HeapProfiler.collectGarbage");
        return (await cdp.send("Runtime.getHeapUsage")).usedSize;
      };
      const started = Date.now();
      await page.goto(`${emulator.baseUrl}/?domain=${domain}&mailbox=&sections=domain`);
      await page.getByTestId("mailbox-list").waitFor();
      const firstList = Date.now() - started;
      await page.getByTestId("limit-activesync").filter({ hasText: "used" }).waitFor();
      const limitsShown = Date.now() - started;
      const heapLoaded = await heap();
      const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
      let current = 1;
      let forward = true;
      const times = [];
      for (let i = 0; i < PAGES; i++) {
        if (forward && current === pages) forward = false;
        if (!forward && current === 1) forward = true;
        if (pages === 1) break;
        const target = forward ? current + 1 : current - 1;
        const first = generatedName((target - 1) * PAGE_SIZE + 1, count);
        // Timed inside the page (click to the row in the DOM), without the driver's
        // round trips; the wait is a MutationObserver, bounded by the harness timeout.
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
        times.push(Math.round(ms * 10) / 10);
        current = target;
      }
      const heapAfter = await heap();
      const rows = await page.getByTestId("mailbox-row").count();
      console.log(
        `${String(count).padStart(6)} mailboxes: first list ${firstList} ms, limits counted ${limitsShown} ms; ` +
          `page request -> rendered median ${median(times)} ms (max ${Math.max(...times)}) over ${times.length} pages; ` +
          `JS heap ${mb(heapLoaded)} loaded, ${mb(heapAfter)} after ${times.length} pages; ${rows} rows in the DOM`,
      );
    } finally {
      await page.context().close();
      await emulator.stop();
    }
  }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
