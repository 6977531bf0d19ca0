// Trusted Types enforced (issue 22): every way in (the standalone page, mount(), the
// <ox-panel> element, the domain view) and every journey that renders (mount, re-render,
// dialogs, unmount, remount, a locale switch, a configuration error) under the project's
// strict policy plus "require-trusted-types-for 'script'; trusted-types 'none'": the module
// creates no policy and assigns no string to a sink, so not one violation and not one
// error. Chromium enforces Trusted Types (Firefox and WebKit ignore the directive).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertCleanPage,
  browserNetworkErrors,
  emulatorAndBrowser,
  newPage,
  poll,
  requests,
  resetDemo,
  waitForAttribute,
  waitForCount,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const USER = "Basic ZGVtbzpkZW1v";
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'";
const TRUSTED_TYPES_CSP = `${STRICT}; require-trusted-types-for 'script'; trusted-types 'none'`;

describe("Trusted Types enforced (policy 'none')", () => {
  // The built-in demo data; every page of the bundle under the Trusted Types policy.
  const suite = emulatorAndBrowser({ args: ["--csp", TRUSTED_TYPES_CSP] });
  let page;

  async function open(path, { blank = false } = {}) {
    await page?.context().close();
    await resetDemo(suite.emulator.baseUrl);
    page = await newPage(suite.browser);
    if (blank) {
      // A host page of the test's own at PATH, with the emulator's headers (its policy).
      await page.route(`${suite.emulator.baseUrl}${path}`, async (route) => {
        const original = await route.fetch();
        const headers = { ...original.headers(), "content-type": "text/html; charset=utf-8" };
        delete headers["content-length"];
        const body = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><div id="slot"></div></body></html>';
        await route.fulfill({ status: 200, headers, body });
      });
    }
    const response = await page.goto(`${suite.emulator.baseUrl}${path}`);
    assert.equal(response.headers()["content-security-policy"], TRUSTED_TYPES_CSP);
    return page;
  }

  test("the control: under this policy a string assigned to innerHTML throws (what broke the start)", async () => {
    await open("/?mailbox=john.smith");
    await waitForTestId(page, "current-plan");
    const outcome = await page.evaluate(() => {
      const probe = document.createElement("div");
      try {
        probe.innerHTML = "";
        return "assigned";
      } catch (error) {
        return `${error.name}: ${error.message}`;
      }
    });
    assert.match(outcome, /^TypeError: .*requires 'TrustedHTML' assignment/);
    await poll(() => page.cspViolations, (v) => v.some((x) => x.violatedDirective === "require-trusted-types-for"), {
      message: "the probe's violation report",
    });
    await page.context().close();
    page = undefined;
  });

  test("standalone page: both panels, a plan change, the wipe dialog, an action", async () => {
    await open("/");
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    await waitForTestId(page, "blackberry-status");
    // Re-render after a change.
    await page.getByTestId("plan-option-premium").check();
    await page.getByTestId("plan-submit").click();
    await waitForTestId(page, "plan-success");
    await waitForText(page.getByTestId("current-plan"), "(premium)");
    // A dialog opened and closed with Escape, then one confirmed.
    await page.getByTestId("bb-action-wipe").click();
    await waitForTestId(page, "confirm-dialog");
    await page.keyboard.press("Escape");
    await waitForCount(page.getByTestId("confirm-dialog"), 0);
    await page.getByTestId("bb-action-resendServiceBooks").click();
    await waitForTestId(page, "confirm-dialog");
    await page.getByTestId("confirm-submit").click();
    await waitForAttribute(page.getByTestId("bb-result"), "data-outcome", "accepted");
    assertCleanPage(page);
  });

  test("standalone page: German and Arabic, and a configuration error", async () => {
    await open("/?locale=de_DE");
    await waitForText(page.getByTestId("plan-submit"), "Tarif ändern");
    assertCleanPage(page);
    await open("/?locale=ar");
    await waitForAttribute(page.locator(".oxp-root").first(), "dir", "rtl");
    assertCleanPage(page);
    // Rendered by DOM calls, not the app: the element is emptied first.
    await open("/?apiBase=//elsewhere.example/api");
    await waitForText(page.getByTestId("config-error"), "apiBase");
    // boot.js logs the refused start; the message is in the page.
    assertCleanPage(page, { allowConsole: [/ox-panel failed to start: Error: invalid configuration key `apiBase`/] });
  });

  test("mount(): mount, setLocale, unmount, remount, a bad configuration and a good one after it", async () => {
    await open("/tt-host.html", { blank: true });
    await page.evaluate(async () => {
      const glue = await import(new URL("ox-panel.js", document.baseURI).href);
      await glue.default();
      window.oxPanel = glue;
    });
    const mount = (cfg) =>
      page.evaluate((cfg) => {
        try {
          window.__handle = window.oxPanel.mount(document.getElementById("slot"), cfg);
          return "ok";
        } catch (error) {
          return String(error?.message ?? error);
        }
      }, cfg);
    const config = { apiBase: "/api", account: "test", domain: "test.com", mailbox: "john.smith", authorization: USER };
    assert.equal(await mount(config), "ok");
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    await page.evaluate(() => window.__handle.setLocale("de_DE"));
    await waitForText(page.getByTestId("plan-submit"), "Tarif ändern");
    await page.evaluate(() => window.__handle.setLocale("ar"));
    await waitForAttribute(page.locator(".oxp-root").first(), "dir", "rtl");
    await page.evaluate(() => window.__handle.setLocale(null));
    await waitForAttribute(page.locator(".oxp-root").first(), "dir", "ltr");
    await page.evaluate(() => window.__handle.unmount());
    assert.equal(await page.locator("#slot").evaluate((el) => el.childNodes.length), 0);
    assert.equal(await mount(config), "ok");
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    await page.evaluate(() => window.__handle.unmount());
    assert.match(await mount({ ...config, account: undefined }), /account/);
    await waitForTestId(page, "config-error");
    assert.equal(await mount(config), "ok");
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    assert.equal(await page.getByTestId("config-error").count(), 0);
    assertCleanPage(page);
  });

  test("host-example.html: two instances, unmount and remount", async () => {
    await open("/host-example.html");
    await page.locator('html[data-host-ready="true"]').waitFor({ state: "attached" });
    const slot = (m) => page.getByTestId(`host-mount-${m}`);
    await waitForText(slot("john.smith").getByTestId("current-plan"), "(");
    await waitForText(slot("premium.user").getByTestId("current-plan"), "(");
    await page.getByTestId("host-toggle-john.smith").click();
    await waitForCount(slot("john.smith").getByTestId("current-plan"), 0);
    await page.getByTestId("host-toggle-john.smith").click();
    await waitForText(slot("john.smith").getByTestId("current-plan"), "(");
    assertCleanPage(page);
  });

  test("<ox-panel>: plain page, attribute changes remount, removal unmounts", async () => {
    await open("/examples/element-plain/index.html");
    await waitForText(page.locator("ox-panel").getByTestId("current-plan"), "(standard)");
    assertCleanPage(page);
    await open("/examples/element-dynamic/index.html");
    const panel = page.locator("ox-panel");
    await waitForText(panel.getByTestId("current-plan"), "(standard)");
    await page.selectOption("#mailbox", "premium.user");
    await waitForText(panel.getByTestId("current-plan"), "(premium)");
    await page.click("#remove");
    await waitForCount(page.locator("ox-panel"), 0);
    assertCleanPage(page);
  });

  test("domain view: the list, one mailbox opened and back, a bulk change", async () => {
    await open("/?domain=big-domain.com&mailbox=&sections=domain");
    await waitForTestId(page, "mailbox-list");
    const rows = page.getByTestId("mailbox-row");
    await rows.first().getByTestId("open-mailbox").click();
    await waitForTestId(page, "current-plan");
    await page.getByTestId("domain-back").click();
    await waitForTestId(page, "mailbox-list");
    // Two standard mailboxes to premium (those the rules refuse are not sent).
    const standard = page.locator("[data-testid=mailbox-row][data-type=standard]");
    assert.ok((await standard.count()) >= 2, "two standard mailboxes on the first page");
    for (const k of [0, 1]) await standard.nth(k).getByTestId("bulk-select").check();
    await page.getByTestId("bulk-target-premium").check();
    const send = Number(await page.getByTestId("bulk-preview").getAttribute("data-send"));
    assert.ok(send >= 1, "at least one change to send");
    await page.getByTestId("bulk-submit").click();
    await waitForAttribute(page.getByTestId("bulk-progress"), "data-phase", "finished");
    const puts = (await requests(suite.emulator.baseUrl)).filter((r) => r.method === "PUT");
    assert.equal(puts.length, send);
    // The opened mailbox of big-domain.com has no BlackBerry service: its reads answer 404.
    assertCleanPage(page, { allowConsole: browserNetworkErrors(404) });
  });
});
