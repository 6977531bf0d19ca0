// Hardened host pages (issue 22; docs/contract.md, "What a host page may require"): the
// example pages in examples/hardened/, each served by hostway-emulator with the headers of
// its .headers file: a nonce-based strict CSP without 'self' ('strict-dynamic', Trusted
// Types), a cross-origin isolated page (COOP same-origin, COEP require-corp) that loads the
// bundle from another origin (a CDN: --cdn), and the standalone page in a frame sandboxed
// without allow-same-origin. Each with the <ox-panel> element and mount() where it applies.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertCleanPage,
  launchBrowser,
  markRequestLog,
  newPage,
  poll,
  requests,
  resetDemo,
  screenshot,
  startEmulator,
  waitForAttribute,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const COOP_COEP = ["--header", "Cross-Origin-Opener-Policy: same-origin", "--header", "Cross-Origin-Embedder-Policy: require-corp"];

describe("hardened host pages", () => {
  let browser;
  let plain; // the bundle and its pages, the emulator's defaults (no CORS on the files)
  let cdn; // the bundle as a CDN serves it (--cdn)
  let isolated; // host pages that load the bundle from `cdn`, every answer COOP + COEP
  let noCors; // host pages that load the bundle from `plain`
  let page;

  before(async () => {
    [browser, plain, cdn] = await Promise.all([launchBrowser(), startEmulator(), startEmulator({ args: ["--cdn"] })]);
    [isolated, noCors] = await Promise.all([
      startEmulator({ args: ["--bundle-url", `${cdn.baseUrl}/`, ...COOP_COEP] }),
      startEmulator({ args: ["--bundle-url", `${plain.baseUrl}/`, ...COOP_COEP] }),
    ]);
  });
  after(async () => {
    await page?.context().close();
    await browser?.close();
    await Promise.all([plain, cdn, isolated, noCors].map((e) => e?.stop()));
  });

  async function open(emulator, path) {
    await page?.context().close();
    await resetDemo(emulator.baseUrl);
    page = await newPage(browser);
    return page.goto(`${emulator.baseUrl}${path}`);
  }

  /** The page's two panels render, and a plan change in the element goes through. */
  async function bothPanelsWork() {
    const element = page.locator("ox-panel");
    await waitForText(element.getByTestId("current-plan"), "(standard)");
    await waitForTestId(page, "blackberry-status");
    await waitForText(page.locator("#mounted").getByTestId("current-plan"), "(premium)");
    await element.getByTestId("plan-option-premium").check();
    await element.getByTestId("plan-submit").click();
    await waitForTestId(page, "plan-success");
    await poll(
      () => page.locator("#event-log li").allTextContents(),
      (items) => items.some((t) => t.startsWith("oxpanel:plan-changed from <ox-panel>")),
      { message: "the plan-changed event in the page's log" },
    );
  }

  test("nonce-based strict CSP ('strict-dynamic', no 'self', Trusted Types): element and mount()", async () => {
    const nonces = [];
    for (let load = 0; load < 2; load++) {
      const response = await open(plain, "/examples/hardened/nonce.html");
      const csp = response.headers()["content-security-policy"];
      const nonce = /script-src 'nonce-([0-9a-f]{32})' 'strict-dynamic' 'wasm-unsafe-eval';/.exec(csp)?.[1];
      assert.ok(nonce, `a nonce in ${csp}`);
      assert.doesNotMatch(/script-src[^;]*/.exec(csp)[0], /'self'/);
      assert.match(csp, /require-trusted-types-for 'script'; trusted-types 'none'/);
      assert.equal(await page.locator("script").evaluate((s) => s.nonce), nonce);
      nonces.push(nonce);
    }
    assert.notEqual(nonces[0], nonces[1], "a new nonce per answer");
    await bothPanelsWork();
    await screenshot(page, "host-nonce");
    assertCleanPage(page);
  });

  test("cross-origin isolated page, bundle from a CDN origin: element and mount()", async () => {
    const response = await open(isolated, "/examples/hardened/isolated.html");
    assert.equal(response.headers()["cross-origin-embedder-policy"], "require-corp");
    assert.equal(response.headers()["cross-origin-opener-policy"], "same-origin");
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    await bothPanelsWork();
    // The module, its .wasm and its stylesheet came from the CDN; the API was the page's.
    const fromCdn = await page.evaluate((origin) => {
      const names = performance.getEntriesByType("resource").map((e) => e.name);
      return ["ox-panel-element.js", "ox-panel.js", "ox-panel_bg.wasm", "style.css"].filter((f) =>
        names.includes(`${origin}/${f}`),
      );
    }, cdn.baseUrl);
    assert.deepEqual(fromCdn, ["ox-panel-element.js", "ox-panel.js", "ox-panel_bg.wasm", "style.css"]);
    const log = await requests(isolated.baseUrl);
    assert.ok(log.some((r) => r.method === "PUT" && r.path.endsWith("/john.smith/webmail")));
    assertCleanPage(page);
  });

  test("cross-origin isolated: the standalone page", async () => {
    await open(isolated, "/");
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    await waitForTestId(page, "blackberry-status");
    assertCleanPage(page);
  });

  test("cross-origin isolated: a bundle server without CORS and CORP fails (what the CDN must send)", async () => {
    // Loaded means every module script has run or failed.
    await open(noCors, "/examples/hardened/isolated.html");
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.equal(await page.evaluate(() => customElements.get("ox-panel") === undefined), true);
    assert.equal(await page.getByTestId("current-plan").count(), 0);
    assert.ok(
      page.problems().some((p) => /CORS|Cross-Origin|blocked/i.test(p)),
      `a CORS or CORP refusal:\n${page.problems().join("\n")}`,
    );
  });

  test("sandboxed frame without allow-same-origin: a translated message naming what to allow, nothing sent", async () => {
    await open(cdn, "/examples/hardened/sandboxed.html");
    const frame = page.frameLocator("#panel-frame");
    const message = frame.getByTestId("host-error");
    await waitForText(message, "allow-same-origin");
    await waitForAttribute(message, "data-reason", "opaque-origin");
    assert.equal(await message.getAttribute("lang"), "de-DE");
    assert.match(await message.textContent(), /^Dieses Modul kann in einem abgeschotteten Frame/);
    assert.equal(await message.getAttribute("role"), "alert");
    // The positive signal after the frame's start: a request of the page's own; before it,
    // not one request of the API's.
    const log = await markRequestLog(page, cdn.baseUrl);
    assert.deepEqual(log.filter((r) => r.path.startsWith("/api/accounts")), []);
    await screenshot(page, "host-sandboxed");
    assertCleanPage(page, { allowConsole: [/ox-panel failed to start/] });
  });
});
