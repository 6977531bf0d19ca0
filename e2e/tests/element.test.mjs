// The <ox-panel> custom element (static/ox-panel-element.js), one test per example page in
// examples/: a plain page, a page that changes attributes, swaps the credential and
// removes the element, and a host page with its own strict Content-Security-Policy.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertNoProblems,
  launchBrowser,
  loadFixture,
  markRequestLog,
  newPage,
  poll,
  requests,
  resetFixture,
  screenshot,
  startEmulator,
  waitForRequest,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const WEBMAIL = (box) => `/api/accounts/test/email/test.com/usernames/${box}/webmail`;
// A 401 answer is reported by Chromium itself as a console error ("Failed to load resource").
const ALLOW_401 = [/status of 401/];

/** main-account plus premium.user (premium, with a BlackBerry service of its own). */
function fixture() {
  const f = loadFixture("main-account");
  const mailboxes = f.accounts.test.domains["test.com"].mailboxes;
  const john = mailboxes["john.smith"];
  mailboxes["premium.user"] = {
    ...structuredClone(john),
    type: "premium",
    quota: 25600,
    usage: 700,
    blackberry: {
      billingStatus: "open",
      statistics: { ...john.blackberry.statistics, name: "Premium User", pin: 87654321 },
    },
  };
  return f;
}

/** The example page's event log: [{type, text}]. */
const eventLog = (page) =>
  page.locator("#event-log li").evaluateAll((items) => items.map((li) => ({ type: li.dataset.type, text: li.textContent })));

/** Children of the element's shadow container (what the panel rendered), or null. */
const rendered = (page) =>
  page.evaluate(() => window.__panel?.shadowRoot?.querySelector("[part=panel]")?.childElementCount ?? null);

describe("<ox-panel> custom element", () => {
  let emulator;
  let browser;
  let page;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: fixture() }), launchBrowser()]);
  });
  after(async () => {
    await page?.context().close();
    await browser?.close();
    await emulator?.stop();
  });
  beforeEach(async () => {
    await page?.context().close();
    page = await newPage(browser);
    await resetFixture(emulator.baseUrl, fixture());
  });

  test("plain page: one import defines it, it renders in its shadow root, events reach the document", async () => {
    await page.goto(`${emulator.baseUrl}/examples/element-plain/index.html`);
    const panel = page.locator("ox-panel");
    // Playwright's locators pierce open shadow roots; the document itself holds none of it.
    await waitForText(panel.getByTestId("current-plan"), "(standard)");
    await waitForTestId(page, "blackberry-status");
    const where = await page.evaluate(() => {
      const el = document.querySelector("ox-panel");
      return {
        defined: customElements.get("ox-panel") === el.constructor,
        inDocument: document.querySelectorAll("[data-testid]").length,
        inShadow: el.shadowRoot.querySelectorAll("[data-testid=current-plan]").length,
        stylesheet: el.shadowRoot.querySelector("link[rel=stylesheet]").sheet !== null,
        display: getComputedStyle(el).display,
        attributes: el.getAttributeNames(),
        credentialInMarkup: document.documentElement.outerHTML.includes("ZGVtbzpkZW1v"),
      };
    });
    assert.deepEqual(where, {
      defined: true,
      inDocument: 0,
      inShadow: 1,
      stylesheet: true,
      display: "block",
      attributes: ["account", "domain", "mailbox", "api-base"],
      credentialInMarkup: false,
    });
    // Styled by the bundle's stylesheet inside the shadow root.
    assert.equal(await panel.locator(".oxp-root").first().evaluate((el) => getComputedStyle(el).paddingTop), "16px");

    await panel.getByTestId("plan-option-premium").check();
    await panel.getByTestId("plan-submit").click();
    await waitForTestId(page, "plan-success");
    const events = await poll(() => eventLog(page), (l) => l.length >= 1, { message: "the plan-changed event in the page's log" });
    assert.deepEqual(events, [
      {
        type: "oxpanel:plan-changed",
        text: 'oxpanel:plan-changed from <ox-panel>: {"from":"standard","to":"premium","allowUpgrade":true}',
      },
    ]);
    assertNoProblems(page);
    await screenshot(page, "element-plain");
  });

  test("dynamic page: attributes remount, the credential is read per request, removal unmounts", async () => {
    await page.goto(`${emulator.baseUrl}/examples/element-dynamic/index.html`);
    const panel = page.locator("ox-panel");
    // The credential was set before the element was defined: the first reads carry it.
    await waitForText(panel.getByTestId("current-plan"), "(standard)");
    await page.evaluate(() => (window.__panel = document.querySelector("ox-panel")));
    assert.equal(await page.evaluate(() => window.__panel.hasAttribute("authorization")), false);

    // mailbox attribute → that mailbox.
    await page.selectOption("#mailbox", "premium.user");
    await waitForText(panel.getByTestId("current-plan"), "(premium)");
    await waitForText(panel.getByTestId("panel-target"), "premium.user");

    // Several attributes in one task: one remount (one read of the new mailbox's plan).
    await resetFixture(emulator.baseUrl, fixture());
    await page.evaluate(() => {
      window.__panel.setAttribute("mailbox", "sync.none");
      window.__panel.setAttribute("sections", "webmail");
      window.__panel.setAttribute("mailbox", "john.smith");
    });
    await waitForText(panel.getByTestId("current-plan"), "(standard)");
    let log = await markRequestLog(page, emulator.baseUrl);
    const api = log.filter((r) => r.path.startsWith("/api/accounts"));
    assert.equal(api.filter((r) => r.method === "GET" && r.path === WEBMAIL("john.smith")).length, 1, "one mount");
    assert.deepEqual(api.filter((r) => r.path.includes("sync.none") || r.path.includes("/blackberry")), []);
    assert.equal(await panel.getByTestId("blackberry-panel").count(), 0);
    await page.evaluate(() => window.__panel.removeAttribute("sections"));
    await waitForTestId(page, "blackberry-status");

    // An expired credential, then a mailbox change: that read goes with the new value → 401.
    await page.click("#expire");
    await page.selectOption("#mailbox", "locked.user");
    await waitForTestId(page, "retry");
    const events = await poll(
      () => eventLog(page),
      (l) => l.some((e) => e.type === "oxpanel:auth-required"),
      { message: "oxpanel:auth-required in the page's log" },
    );
    assert.ok(events.some((e) => e.text === "oxpanel:auth-required from <ox-panel>: {}"));
    // Renewed in place (no remount: the same container), "Try again" uses it.
    await page.evaluate(() => (window.__mount = window.__panel.shadowRoot.querySelector(".oxp-mount")));
    await page.click("#renew");
    await panel.getByTestId("retry").first().click();
    await waitForText(panel.getByTestId("current-plan"), "(standard)");
    await waitForText(panel.getByTestId("panel-target"), "locked.user");
    assert.equal(
      await page.evaluate(() => window.__mount === window.__panel.shadowRoot.querySelector(".oxp-mount")),
      true,
      "the credential changed without a remount",
    );
    // A value no header can carry is refused by the setter; the one in use stays.
    const refused = await page.evaluate(() => {
      try {
        window.__panel.authorization = "Basic a\nb";
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(refused, /authorization/);
    assert.equal(await page.evaluate(() => window.__panel.authorization), "Basic ZGVtbzpkZW1v");

    // A locale change alone switches the language in place (handle.setLocale): the same
    // instance, no new read.
    await page.evaluate(() => (window.__mount = window.__panel.shadowRoot.querySelector(".oxp-mount")));
    const reads = async () =>
      (await markRequestLog(page, emulator.baseUrl)).filter((r) => r.method === "GET" && r.path === WEBMAIL("locked.user")).length;
    const readsBefore = await reads();
    await page.evaluate(() => window.__panel.setAttribute("locale", "de_DE"));
    await poll(() => panel.locator(".oxp-root").first().getAttribute("lang"), (l) => l === "de-DE", {
      message: 'lang="de-DE" on the panel',
    });
    assert.equal(await page.evaluate(() => window.__mount === window.__panel.shadowRoot.querySelector(".oxp-mount")), true);
    assert.equal(await reads(), readsBefore, "no re-read for a language switch");

    // A value the configuration refuses: the error in place, naming the key (and in the
    // console, not thrown); without it the panel mounts again.
    await page.evaluate(() => window.__panel.setAttribute("timeout-ms", "soon"));
    await waitForText(panel.getByTestId("config-error"), "timeoutMs");
    assert.equal(await page.evaluate(() => window.__panel.handle), null);
    await page.evaluate(() => window.__panel.removeAttribute("timeout-ms"));
    await waitForTestId(page, "current-plan");
    assert.equal(await panel.getByTestId("config-error").count(), 0);

    // Removed: unmounted (its container emptied), and a detached element mounts nothing.
    await page.click("#remove");
    await poll(() => rendered(page), (n) => n === 0, { message: "the removed element's panel unmounted" });
    assert.equal(await page.evaluate(() => window.__panel.handle), null);
    const mark = (await requests(emulator.baseUrl)).length;
    await page.evaluate(() => window.__panel.setAttribute("mailbox", "premium.user"));
    log = await markRequestLog(page, emulator.baseUrl);
    assert.deepEqual(
      log.slice(mark).filter((r) => r.path.startsWith("/api/accounts")),
      [],
      "no request after the element was removed",
    );
    assert.equal(await rendered(page), 0);
    // locked.user has no BlackBerry service: its read answers 404 ("no service").
    assertNoProblems(page, {
      allowConsole: [...ALLOW_401, /status of 404/, /ox-panel: invalid configuration key `timeoutMs`/],
    });
    await screenshot(page, "element-dynamic");
  });

  test("host page with its own strict CSP: no violation, themed through --oxp-*, dialogs work", async () => {
    const response = await page.goto(`${emulator.baseUrl}/examples/element-csp/index.html`);
    assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
    const panel = page.locator("ox-panel");
    await waitForText(panel.getByTestId("current-plan"), "(standard)");
    await waitForTestId(page, "blackberry-status");
    // The host's rule on the element reaches inside; data-oxp-theme="dark" on it too.
    const look = await panel.locator(".oxp-root").first().evaluate((el) => {
      const cs = getComputedStyle(el);
      return { accent: cs.getPropertyValue("--oxp-accent").trim(), radius: cs.borderRadius, bg: cs.backgroundColor };
    });
    assert.deepEqual(look, { accent: "#0b7a6e", radius: "10px", bg: "rgb(22, 26, 32)" });

    // A confirmation dialog and an action inside the shadow root, under the policy.
    await panel.getByTestId("bb-action-resendServiceBooks").click();
    await panel.getByTestId("confirm-submit").click();
    await waitForRequest(emulator.baseUrl, (r) => r.method === "PUT" && r.path.endsWith("/blackberry/action"));
    await poll(() => eventLog(page), (l) => l.some((e) => e.type === "oxpanel:blackberry-action"), {
      message: "oxpanel:blackberry-action in the page's log",
    });
    assert.deepEqual(page.cspViolations, []);
    assertNoProblems(page);
    await screenshot(page, "element-csp");

    // The page's own policy is in force: an inline style is refused and reported.
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { color: red }";
      document.head.append(style);
    });
    await poll(() => page.cspViolations.length, (n) => n >= 1, { message: "the control violation" });
    assert.equal(page.cspViolations[0].effectiveDirective, "style-src-elem");
  });
});
