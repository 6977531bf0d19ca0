// The bundle's two modules (README, "Two modules"): each kind of standalone page loads
// exactly the files the size budget counts for it (scripts/lib/compress.mjs PAGES), so the
// mailbox page never downloads the domain view; the mailbox module refuses a domain view by
// name; the package's `mount()` and `<ox-panel>` load the domain view's module only when a
// configuration shows it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { PAGES } from "../../scripts/lib/compress.mjs";
import {
  assertNoProblems,
  emulatorAndBrowser,
  newPage,
  requests,
  resetDemo,
  screenshot,
  waitForCount,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const USER = "Basic ZGVtbzpkZW1v";
const DOMAIN_QUERY = "?domain=big-domain.com&mailbox=&sections=domain";

/** The bundle's files a page fetched (its own origin, no API, no control endpoint). */
function bundleFiles(page, origin) {
  const files = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/__")) return;
    files.push(url.pathname === "/" ? "index.html" : url.pathname.slice(1));
  });
  return files;
}

describe("two modules", () => {
  const suite = emulatorAndBrowser();

  for (const [kind, query, ready] of [
    ["mailbox", "?mailbox=john.smith", "current-plan"],
    ["domain", DOMAIN_QUERY, "mailbox-list"],
  ]) {
    test(`the ${kind} page loads exactly its files`, async () => {
      const { emulator, browser } = suite;
      await resetDemo(emulator.baseUrl);
      const page = await newPage(browser);
      try {
        const files = bundleFiles(page, emulator.baseUrl);
        await page.goto(`${emulator.baseUrl}/${query}`);
        await waitForTestId(page, ready);
        // Everything the page starts has gone out once its panel shows its data.
        assert.deepEqual([...new Set(files)].sort(), [...PAGES[kind]].sort(), `the ${kind} page's files`);
        assert.equal(files.length, new Set(files).size, "each file once");
        assertNoProblems(page);
        await screenshot(page, `modules-${kind}-page`);
      } finally {
        await page.context().close();
      }
    });
  }

  test("ox-panel.js refuses a domain view by naming `sections` and the module that shows it", async () => {
    const { emulator, browser } = suite;
    await resetDemo(emulator.baseUrl);
    const page = await newPage(browser);
    try {
      await page.goto(`${emulator.baseUrl}/?mailbox=john.smith`);
      await waitForTestId(page, "current-plan");
      const thrown = await page.evaluate(async (auth) => {
        const glue = await import(new URL("ox-panel.js", document.baseURI).href);
        const slot = document.createElement("div");
        slot.id = "slot";
        document.body.append(slot);
        try {
          glue.mount(slot, { account: "test", domain: "big-domain.com", authorization: auth });
          return null;
        } catch (error) {
          return error.message;
        }
      }, USER);
      assert.match(thrown ?? "", /sections/, "the error names the key");
      assert.match(thrown ?? "", /ox-panel-domain\.js/, "and the module that shows it");
      await waitForText(page.locator("#slot [data-testid=config-error]"), "ox-panel-domain.js");
    } finally {
      await page.context().close();
    }
  });

  test("mount() from the package loads the domain view's module only for a domain view", async () => {
    const { emulator, browser } = suite;
    await resetDemo(emulator.baseUrl);
    const page = await newPage(browser);
    try {
      // A page of the bundle without a panel of its own: the element's first example.
      const files = bundleFiles(page, emulator.baseUrl);
      await page.goto(`${emulator.baseUrl}/examples/element-plain/index.html`);
      await page.evaluate(() => document.querySelector("ox-panel")?.remove());
      await page.evaluate(async () => {
        window.oxPanel = await import(new URL("../../ox-panel-element.js", document.baseURI).href);
      });
      assert.ok(!files.some((f) => f.startsWith("ox-panel-domain")), "no domain module before it is needed");

      // A bad domain configuration is refused at once, as by the mailbox panels' mount.
      const refused = await page.evaluate(() => {
        const slot = document.createElement("div");
        document.body.append(slot);
        try {
          window.oxPanel.mount(slot, { account: "test", sections: ["domain"] });
          return null;
        } catch (error) {
          return error.message;
        }
      });
      assert.match(refused ?? "", /domain/, "a missing domain is named");
      assert.ok(!files.some((f) => f.startsWith("ox-panel-domain")), "nothing loaded for a refused one");

      // Unmounted before its module is in: it never mounts.
      await page.evaluate((auth) => {
        const slot = document.createElement("div");
        slot.id = "early-gone";
        document.body.append(slot);
        const handle = window.oxPanel.mount(slot, { account: "test", domain: "big-domain.com", authorization: auth });
        handle.unmount();
        window.__gone = handle.ready;
      }, USER);
      const domainView = await page.evaluate(async (auth) => {
        await window.__gone;
        const slot = document.createElement("div");
        slot.id = "domain-slot";
        document.body.append(slot);
        const handle = window.oxPanel.mount(slot, { account: "test", domain: "big-domain.com", authorization: auth });
        handle.setLocale("de_DE");
        window.__handle = handle;
        await handle.ready;
        return typeof handle.unmount;
      }, USER);
      assert.equal(domainView, "function");
      await waitForCount(page.locator("#domain-slot [data-testid=mailbox-row]"), 25);
      assert.equal(await page.locator("#early-gone").innerHTML(), "", "the early-unmounted one never rendered");
      // setLocale before the module was in still took effect.
      assert.equal(await page.locator("#domain-slot .oxp-root").getAttribute("lang"), "de-DE");
      assert.ok(files.includes("ox-panel-domain_bg.wasm"), "the domain view's module was loaded");
      assert.equal(files.filter((f) => f === "ox-panel-domain_bg.wasm").length, 1, "once");

      await page.evaluate(() => window.__handle.unmount());
      assert.equal(await page.locator("#domain-slot").innerHTML(), "", "unmount empties the element");
      const log = await requests(emulator.baseUrl);
      assert.ok(
        log.some((r) => r.path.startsWith("/api/accounts/test/email/big-domain.com/usernames")),
        "the domain view read its list",
      );
      assertNoProblems(page);
    } finally {
      await page.context().close();
    }
  });

  test("<ox-panel sections=domain> shows the domain view", async () => {
    const { emulator, browser } = suite;
    await resetDemo(emulator.baseUrl);
    const page = await newPage(browser);
    try {
      await page.goto(`${emulator.baseUrl}/examples/element-plain/index.html`);
      await page.evaluate(() => {
        const element = document.querySelector("ox-panel");
        element.setAttribute("domain", "big-domain.com");
        element.removeAttribute("mailbox");
        element.setAttribute("sections", "domain");
      });
      await waitForCount(page.locator("ox-panel [data-testid=mailbox-row]"), 25);
      await screenshot(page, "modules-element-domain");
      assertNoProblems(page);
    } finally {
      await page.context().close();
    }
  });
});
