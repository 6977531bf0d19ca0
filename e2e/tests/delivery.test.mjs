// How the bundle reaches the browser and what the page reports about its own load: the
// precompressed files (.br chosen by the browser's Accept-Encoding, with validators and
// 304 on revalidation) and the `oxp:data-rendered` mark that ./x bench times.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import {
  assertNoProblems,
  defaultDist,
  launchBrowser,
  newPage,
  resetFixture,
  setFaults,
  startEmulator,
  waitForTestId,
} from "../lib/harness.mjs";

const MARK = "oxp:data-rendered";

describe("delivery", () => {
  let emulator;
  let browser;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: "main-account" }), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  test("the bundle arrives as its .br files, revalidated by ETag", async () => {
    const dist = defaultDist();
    for (const file of ["ox-panel_bg.wasm", "ox-panel.js", "style.css"]) {
      assert.ok(existsSync(join(dist, `${file}.br`)), `${file}.br was built next to ${file}`);
    }
    await resetFixture(emulator.baseUrl, "main-account");
    const page = await newPage(browser);
    try {
      await page.goto(`${emulator.baseUrl}/?mailbox=john.smith`);
      await waitForTestId(page, "current-plan");
      const entries = await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType("resource")
            .map((e) => [new URL(e.name).pathname.slice(1), { encoded: e.encodedBodySize, decoded: e.decodedBodySize }]),
        ),
      );
      for (const file of ["ox-panel_bg.wasm", "ox-panel.js", "style.css"]) {
        assert.deepEqual(
          entries[file],
          { encoded: readFileSync(join(dist, `${file}.br`)).length, decoded: readFileSync(join(dist, file)).length },
          `${file}: the .br bytes went over the wire, the original came out`,
        );
      }
      assertNoProblems(page);
    } finally {
      await page.context().close();
    }

    const url = `${emulator.baseUrl}/ox-panel_bg.wasm`;
    const first = await fetch(url, { headers: { "accept-encoding": "br" } });
    await first.arrayBuffer();
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("content-type"), "application/wasm");
    assert.equal(first.headers.get("content-encoding"), "br");
    assert.equal(first.headers.get("cache-control"), "no-cache");
    assert.match(first.headers.get("vary") ?? "", /accept-encoding/i);
    const etag = first.headers.get("etag");
    assert.ok(etag, "an ETag");
    const again = await fetch(url, { headers: { "accept-encoding": "br", "if-none-match": etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get("etag"), etag);
  });

  test(`${MARK} is set once, when the current plan and the BlackBerry status are both shown`, async () => {
    await resetFixture(emulator.baseUrl, "main-account");
    // The BlackBerry status comes well after the plan, so the plan alone is seen first.
    await setFaults(emulator.baseUrl, [{ method: "GET", pathContains: "/blackberry/", delayMs: 1500 }]);
    const page = await newPage(browser);
    try {
      await page.goto(`${emulator.baseUrl}/?mailbox=john.smith`);
      await waitForTestId(page, "current-plan");
      // In one synchronous look at the page: no mark while the status is not shown.
      const early = await page.evaluate((mark) => ({
        status: document.querySelector("[data-testid=blackberry-status]") !== null,
        marks: performance.getEntriesByName(mark).length,
      }), MARK);
      assert.ok(early.status || early.marks === 0, `no ${MARK} before the BlackBerry status: ${JSON.stringify(early)}`);
      assert.equal(early.status, false, "the status is still delayed when the plan shows");
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK);
      const at = await page.evaluate(() => ({
        plan: document.querySelector("[data-testid=current-plan]") !== null,
        status: document.querySelector("[data-testid=blackberry-status]") !== null,
      }));
      assert.deepEqual(at, { plan: true, status: true });
      // Later renders (a plan chosen, the summary shown) set no second mark.
      await page.getByTestId("plan-option-premium").check();
      await waitForTestId(page, "plan-summary");
      assert.equal(await page.evaluate((mark) => performance.getEntriesByName(mark).length, MARK), 1);
      assertNoProblems(page);
    } finally {
      await setFaults(emulator.baseUrl, []);
      await page.context().close();
    }
  });
});
