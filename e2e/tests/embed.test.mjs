// Embedding (issue 7): the example host page with two instances, mount() with a bad
// configuration, unmount, the strict Content-Security-Policy, sub-path hosting, an API on
// another origin, a shadow-root mount, theming, and the README's quick start in a blank
// page of its own.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ROOT,
  assertNoProblems,
  launchBrowser,
  loadFixture,
  newPage,
  poll,
  requests,
  resetFixture,
  screenshot,
  setFaults,
  startEmulator,
  waitForCount,
  waitForRequest,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const USER = "Basic ZGVtbzpkZW1v";
const PREFIX = "/panel/modules/ox/";
const EVENT_NAMES = ["oxpanel:plan-changed", "oxpanel:blackberry-action", "oxpanel:auth-required"];
const WEBMAIL = (box) => `/api/accounts/test/email/test.com/usernames/${box}/webmail`;
const DARK_BG = "rgb(22, 26, 32)"; // --oxp-bg #161a20
const LIGHT_BG = "rgb(255, 255, 255)"; // --oxp-bg #ffffff
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

function config(mailbox, extra = {}) {
  return { apiBase: "/api", account: "test", domain: "test.com", mailbox, authorization: USER, role: "user", ...extra };
}

/** A request on `path` of a mailbox's OX or BlackBerry endpoints. */
const isFor = (mailbox) => (r) => r.path.includes(`/${encodeURIComponent(mailbox)}/`) || r.path.endsWith(`/${encodeURIComponent(mailbox)}`);

describe("embedding", () => {
  let emulator;
  let browser;
  let page;

  before(async () => {
    [emulator, browser] = await Promise.all([
      // The strict default CSP, and the bundle served at / and under PREFIX too.
      startEmulator({ fixture: fixture(), args: ["--dist-prefix", PREFIX] }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await page?.context().close();
    await browser?.close();
    await emulator?.stop();
  });
  beforeEach(async () => {
    await page?.context().close();
    page = undefined;
    await setFaults(emulator.baseUrl, []);
    await resetFixture(emulator.baseUrl, fixture());
  });

  // ------------------------------------------------------------------ helpers

  const slot = (mailbox) => page.getByTestId(`host-mount-${mailbox}`);

  /** Opens the example host page and waits until both instances show their plan. */
  async function openHost(base = emulator.baseUrl, query = "", options = {}) {
    page = await newPage(browser, options);
    const response = await page.goto(`${base}/host-example.html${query}`);
    assert.equal(response.status(), 200);
    await page.locator('html[data-host-ready="true"]').waitFor({ state: "attached" });
    for (const mailbox of ["john.smith", "premium.user"]) {
      await waitForText(slot(mailbox).getByTestId("current-plan"), "(");
      await slot(mailbox).getByTestId("blackberry-status").waitFor();
    }
    return page;
  }

  /** The host page's event log, oldest first: [{event, instance, detail}]. */
  async function hostEvents() {
    const items = await page
      .getByTestId("host-event-log")
      .locator("li")
      .evaluateAll((lis) => lis.map((li) => ({ ...li.dataset })));
    return items.reverse().map((d) => ({ event: d.event, instance: d.instance, detail: JSON.parse(d.detail) }));
  }

  const waitForEvents = (count) =>
    poll(hostEvents, (list) => list.length >= count, { message: `${count} event(s) in the host's log` });

  /** Types of the event listeners registered directly on the element matching `selector`. */
  async function listenerTypes(selector) {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { result } = await cdp.send("Runtime.evaluate", {
        expression: `document.querySelector(${JSON.stringify(selector)})`,
      });
      assert.ok(result.objectId, `${selector} exists`);
      const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
      return listeners.map((l) => l.type);
    } finally {
      await cdp.detach();
    }
  }

  /**
   * A blank page of the test's own at BASE/PATH, served with the emulator's headers (its
   * strict CSP), with ox-panel loaded as window.oxPanel. Every oxpanel:* event that reaches
   * the document is recorded in window.__oxEvents.
   */
  async function openBlank(base = emulator.baseUrl, path = "/embed-blank.html") {
    page = await newPage(browser);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank host</title></head>
      <body><div id="slot" data-testid="slot"></div></body></html>`;
    await page.route(`${base}${path}`, async (route) => {
      const original = await route.fetch();
      const headers = { ...original.headers(), "content-type": "text/html; charset=utf-8" };
      delete headers["content-length"];
      await route.fulfill({ status: 200, headers, body: html });
    });
    const response = await page.goto(`${base}${path}`);
    assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
    await page.evaluate(async (names) => {
      window.__oxEvents = [];
      for (const name of names) {
        document.addEventListener(name, (e) =>
          window.__oxEvents.push({ type: e.type, target: e.target.id || e.target.tagName, detail: e.detail }),
        );
      }
      const glue = await import(new URL("ox-panel.js", document.baseURI).href);
      await glue.default();
      window.oxPanel = glue;
    }, EVENT_NAMES);
    return page;
  }

  /** mount() on the blank page; returns {ok} or the thrown value as {isError, name, message}. */
  function mountOnBlank(cfg, selector = "#slot") {
    return page.evaluate(
      ([cfg, selector]) => {
        try {
          window.__handle = window.oxPanel.mount(document.querySelector(selector), cfg);
          return { ok: true };
        } catch (e) {
          return { ok: false, isError: e instanceof Error, name: e?.name, message: e?.message ?? String(e) };
        }
      },
      [cfg, selector],
    );
  }

  async function changePlan(scope, type = "premium") {
    await scope.getByTestId(`plan-option-${type}`).check();
    await scope.getByTestId("plan-submit").click();
  }

  /** Every element with a style="" attribute in the document and open shadow roots. */
  const inlineStyles = () =>
    page.evaluate(() => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll("*")) {
          if (el.hasAttribute("style")) found.push(el.outerHTML.slice(0, 120));
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found;
    });

  /** Computed background and --oxp-accent of the .oxp-root inside `scope`. */
  const rootLook = (scope) =>
    scope.locator(".oxp-root").first().evaluate((el) => {
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, accent: cs.getPropertyValue("--oxp-accent").trim(), scheme: cs.colorScheme };
    });

  // ------------------------------------------------------------------ the example host page

  test("host page: two instances act independently and the host logs each event with its detail", async () => {
    await openHost();
    assert.match(await slot("john.smith").getByTestId("current-plan").textContent(), /\(standard\)/);
    assert.match(await slot("premium.user").getByTestId("current-plan").textContent(), /\(premium\)/);
    const before = (await requests(emulator.baseUrl)).length;

    // A plan change in john.smith's panel: one PUT, for john.smith only.
    await changePlan(slot("john.smith"));
    await waitForTestId(page, "plan-success");
    await waitForText(slot("john.smith").getByTestId("current-plan"), "(premium)");
    const writes = (await requests(emulator.baseUrl)).slice(before).filter((r) => r.method !== "GET");
    assert.deepEqual(
      writes.map(({ method, path, body }) => ({ method, path, body })),
      [{ method: "PUT", path: WEBMAIL("john.smith"), body: '{"type":"premium"}' }],
    );
    // The other instance did not move: no success message, no choice, same plan.
    assert.equal(await slot("premium.user").getByTestId("plan-success").count(), 0);
    assert.match(await slot("premium.user").getByTestId("current-plan").textContent(), /\(premium\)/);

    let events = await waitForEvents(1);
    assert.deepEqual(events, [
      {
        event: "oxpanel:plan-changed",
        instance: "john.smith",
        detail: { from: "standard", to: "premium", allowUpgrade: true },
      },
    ]);

    // A BlackBerry action in premium.user's panel: its dialog only, its PUT only, its event.
    await slot("premium.user").getByTestId("bb-action-resendServiceBooks").click();
    await slot("premium.user").getByTestId("confirm-dialog").waitFor();
    assert.equal(await slot("john.smith").getByTestId("confirm-dialog").count(), 0, "no dialog in the other instance");
    const input = slot("premium.user").getByTestId("confirm-input");
    if (await input.count()) await input.fill("premium.user");
    const beforeAction = (await requests(emulator.baseUrl)).length;
    await slot("premium.user").getByTestId("confirm-submit").click();
    await waitForTestId(page, "bb-result");
    events = await waitForEvents(2);
    assert.deepEqual(events[1], {
      event: "oxpanel:blackberry-action",
      instance: "premium.user",
      detail: { action: "resendServiceBooks", status: 202 },
    });
    const actionWrites = (await requests(emulator.baseUrl)).slice(beforeAction).filter((r) => r.method !== "GET");
    assert.equal(actionWrites.length, 1);
    assert.equal(actionWrites[0].method, "PUT");
    assert.ok(isFor("premium.user")(actionWrites[0]), `the action went to premium.user: ${actionWrites[0].path}`);
    assert.match(actionWrites[0].body, /resendServiceBooks/);
    assert.equal(await slot("john.smith").getByTestId("bb-result").count(), 0, "no result in the other instance");

    // Element ids stay unique with two instances on one page.
    const duplicateIds = await page.evaluate(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    assert.deepEqual(duplicateIds, []);

    assert.deepEqual(await inlineStyles(), []);
    assertNoProblems(page);
  });

  test("host page: light and dark theme, explicit override on any ancestor, screenshots", async () => {
    await openHost();
    // Some events in the log, so that the screenshots show it.
    await changePlan(slot("john.smith"));
    await waitForEvents(1);
    await waitForTestId(page, "plan-success");

    const light = await rootLook(slot("john.smith"));
    assert.equal(light.bg, LIGHT_BG);
    assert.equal(light.accent, "#0b7a6e", "the host's --oxp-accent on :root reaches the module");
    assert.equal(light.scheme, "light");
    console.log(`# screenshot: ${await screenshot(page, "host-example-light")}`);

    await page.getByTestId("host-theme-dark").check();
    for (const mailbox of ["john.smith", "premium.user"]) {
      await poll(() => rootLook(slot(mailbox)), (look) => look.bg === DARK_BG, { message: `${mailbox} dark` });
    }
    const dark = await rootLook(slot("premium.user"));
    assert.equal(dark.accent, "#4fd1c5");
    assert.equal(dark.scheme, "dark");
    console.log(`# screenshot: ${await screenshot(page, "host-example-dark")}`);

    // "System": the module follows prefers-color-scheme ...
    await page.getByTestId("host-theme-system").check();
    await page.emulateMedia({ colorScheme: "dark" });
    await poll(() => rootLook(slot("john.smith")), (l) => l.bg === DARK_BG, { message: "system dark" });
    await page.emulateMedia({ colorScheme: "light" });
    await poll(() => rootLook(slot("john.smith")), (l) => l.bg === LIGHT_BG, { message: "system light" });

    // ... and data-oxp-theme on the mount element beats both the system and an ancestor.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.evaluate(() => {
      document.documentElement.dataset.oxpTheme = "dark";
      document.querySelector('[data-ox-mailbox="john.smith"]').dataset.oxpTheme = "light";
    });
    await poll(() => rootLook(slot("john.smith")), (l) => l.bg === LIGHT_BG, { message: "mount element light" });
    assert.equal((await rootLook(slot("premium.user"))).bg, DARK_BG, "the other instance follows <html>");
    assertNoProblems(page);
  });

  test("host page: the host swaps the credential after oxpanel:auth-required, without remounting", async () => {
    await openHost();
    await page.getByTestId("host-expire-credential").click();
    await changePlan(slot("john.smith"));
    await waitForTestId(page, "plan-error");
    const events = await waitForEvents(1);
    assert.deepEqual(events, [{ event: "oxpanel:auth-required", instance: "john.smith", detail: {} }]);
    await waitForText(page.getByTestId("host-status"), "renewed");

    // The host answered with setAuthorization(fresh): the same instance now succeeds.
    await slot("john.smith").getByTestId("plan-submit").click();
    await waitForTestId(page, "plan-success");
    const puts = (await requests(emulator.baseUrl)).filter((r) => r.method === "PUT");
    assert.deepEqual(puts.map((r) => r.path), [WEBMAIL("john.smith"), WEBMAIL("john.smith")]);
    const after = await waitForEvents(2);
    assert.deepEqual(after[1], {
      event: "oxpanel:plan-changed",
      instance: "john.smith",
      detail: { from: "standard", to: "premium", allowUpgrade: true },
    });
    // premium.user still holds the expired value: it was not touched by john.smith's renewal.
    assert.ok(after.every((e) => e.instance === "john.smith"));
    assertNoProblems(page, { allowConsole: ALLOW_401 });
  });

  test("unmount: the element is left empty, without listeners, and the instance sends nothing more", async () => {
    await openHost();
    const john = '[data-ox-mailbox="john.smith"]';
    // Yew's delegated listeners live on the module's own container, never on the host's element.
    assert.deepEqual(await listenerTypes(john), []);
    assert.ok((await listenerTypes(`${john} > .oxp-mount`)).length > 0, "the container has the app's listeners");

    // Unmount while a plan change is on the wire: its answer must not start a re-read.
    await setFaults(emulator.baseUrl, [{ method: "PUT", pathContains: "john.smith", delayMs: 800 }]);
    const beforePut = (await requests(emulator.baseUrl)).length;
    await changePlan(slot("john.smith"));
    await waitForRequest(emulator.baseUrl, (r) => r.method === "PUT");
    await page.getByTestId("host-toggle-john.smith").click();
    assert.equal(await page.locator(john).evaluate((el) => el.childNodes.length), 0, "the element is empty");
    assert.deepEqual(await listenerTypes(john), [], "no listener left on the element");

    // The PUT did happen: its event still reaches the host.
    const events = await waitForEvents(1);
    assert.equal(events[0].event, "oxpanel:plan-changed");
    assert.equal(events[0].instance, "john.smith");

    // A barrier: remount premium.user and wait for its reads; john.smith stays silent.
    await page.getByTestId("host-toggle-premium.user").click();
    await page.getByTestId("host-toggle-premium.user").click();
    await waitForText(slot("premium.user").getByTestId("current-plan"), "(premium)");
    const afterUnmount = (await requests(emulator.baseUrl)).slice(beforePut);
    assert.deepEqual(
      afterUnmount.filter(isFor("john.smith")).map((r) => `${r.method} ${r.path}`),
      [`PUT ${WEBMAIL("john.smith")}`],
      "after the unmount nothing but the PUT already sent",
    );
    assert.ok(afterUnmount.some(isFor("premium.user")), "the barrier's reads arrived");
    assert.equal(await page.locator(john).evaluate((el) => el.childNodes.length), 0);

    // The same element takes a new instance.
    await page.getByTestId("host-toggle-john.smith").click();
    await waitForText(slot("john.smith").getByTestId("current-plan"), "(premium)");
    assertNoProblems(page);
  });

  // ------------------------------------------------------------------ mount() on a blank page

  test("mount with a bad configuration: a clear message in the element and an Error naming the key", async () => {
    await openBlank();
    const cases = [
      { cfg: { domain: "test.com", mailbox: "john.smith", authorization: USER }, key: "account" },
      { cfg: { account: "test", mailbox: "john.smith" }, key: "domain" },
      { cfg: config("john.smith", { role: 5 }), key: "role" },
      { cfg: config("john.smith", { role: "owner" }), key: "role" },
      { cfg: config("john.smith", { upgradesEnabled: "yes" }), key: "upgradesEnabled" },
      { cfg: config("john.smith", { sections: "webmail" }), key: "sections" },
      { cfg: "account=test", key: "config" },
      { cfg: null, key: "config" },
    ];
    for (const { cfg, key } of cases) {
      const outcome = await mountOnBlank(cfg);
      const label = JSON.stringify(cfg);
      assert.equal(outcome.ok, false, `${label} is refused`);
      assert.equal(outcome.isError, true, `${label}: an Error is thrown`);
      assert.equal(outcome.name, "Error");
      assert.ok(outcome.message.includes(`\`${key}\``), `${label}: "${outcome.message}" names ${key}`);
      const shown = page.getByTestId("slot").getByTestId("config-error");
      await waitForCount(shown, 1);
      const text = await shown.textContent();
      assert.match(text, /not set up correctly/);
      assert.ok(text.includes(key), `${label}: the message in the element names ${key}: ${text}`);
      assert.equal(await shown.getAttribute("role"), "alert");
      assert.equal(await page.locator("#slot > *").count(), 1, "only the message is in the element");
    }
    assert.deepEqual(await requests(emulator.baseUrl), [], "a bad configuration sends nothing");

    // The same element then takes a good configuration.
    assert.deepEqual(await mountOnBlank(config("john.smith")), { ok: true });
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    assert.equal(await page.getByTestId("config-error").count(), 0);
    assertNoProblems(page);
  });

  test("without authorization the browser's cookies go; a 401 raises oxpanel:auth-required; setAuthorization recovers", async () => {
    await openBlank();
    await page.context().addCookies([{ name: "host_session", value: "s3cr3t", url: emulator.baseUrl }]);
    // The host's own proxy in front of the API: it authenticates the session cookie and
    // answers 401 once the session is over (without a Basic challenge, or browsers prompt).
    const seen = [];
    await page.route(
      (url) => url.pathname.startsWith("/api/"),
      async (route) => {
        const headers = await route.request().allHeaders();
        const entry = { cookie: headers.cookie ?? null, authorization: headers.authorization ?? null };
        seen.push(entry);
        if (entry.authorization) await route.continue();
        else await route.fulfill({ status: 401, contentType: "application/json", body: '{"message":"session expired"}' });
      },
    );
    const cfg = config("john.smith", { sections: ["webmail"] });
    delete cfg.authorization;
    assert.deepEqual(await mountOnBlank(cfg), { ok: true });
    await poll(
      () => page.evaluate(() => window.__oxEvents),
      (list) => list.some((e) => e.type === "oxpanel:auth-required"),
      { message: "oxpanel:auth-required" },
    );
    const first = await page.evaluate(() => window.__oxEvents[0]);
    assert.deepEqual(first, { type: "oxpanel:auth-required", target: "slot", detail: {} });
    assert.ok(seen.length > 0 && seen.every((e) => e.cookie === "host_session=s3cr3t" && e.authorization === null),
      `cookies and no Authorization: ${JSON.stringify(seen)}`);

    // The host swaps in a credential through the handle; "Try again" uses it.
    const before = seen.length;
    await page.evaluate((value) => window.__handle.setAuthorization(value), USER);
    await page.getByRole("button", { name: "Try again" }).first().click();
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    const retried = seen.slice(before);
    // Reads keep the browser's default credentials mode (a same-origin cookie may ride
    // along); what matters is that the swapped header now goes on every request.
    assert.ok(retried.length > 0 && retried.every((e) => e.authorization === USER),
      `the header on every request: ${JSON.stringify(retried)}`);
    assertNoProblems(page, { allowConsole: ALLOW_401 });
  });

  test("shadow-root mount: styled by the stylesheet linked inside, events reach the host", async () => {
    await openBlank();
    await page.evaluate(async (cfg) => {
      const host = document.createElement("div");
      host.id = "shadow-host";
      document.body.append(host);
      const root = host.attachShadow({ mode: "open" });
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL("style.css", document.baseURI).href;
      const loaded = new Promise((resolve, reject) => {
        link.addEventListener("load", resolve);
        link.addEventListener("error", reject);
      });
      const inner = document.createElement("div");
      inner.id = "inner-slot";
      root.append(link, inner);
      await loaded;
      window.__handle = window.oxPanel.mount(inner, cfg);
    }, config("john.smith"));
    const host = page.locator("#shadow-host");
    await waitForText(host.getByTestId("current-plan"), "(standard)");
    assert.equal(await page.evaluate(() => document.querySelectorAll(".oxp-root").length), 0, "all in the shadow tree");

    // The stylesheet inside the shadow root is enough: defaults on :host.
    const look = await rootLook(host);
    assert.equal(look.bg, LIGHT_BG);
    assert.equal(await host.locator(".oxp-root").evaluate((el) => getComputedStyle(el).paddingTop), "16px");
    await page.evaluate(() => document.querySelector("#shadow-host").setAttribute("data-oxp-theme", "dark"));
    await poll(() => rootLook(host), (l) => l.bg === DARK_BG, { message: "dark via the shadow host" });
    await page.evaluate(() => document.querySelector("#shadow-host").removeAttribute("data-oxp-theme"));
    await poll(() => rootLook(host), (l) => l.bg === LIGHT_BG, { message: "light again" });

    // Clicks inside the shadow root work, and the composed event reaches the document.
    await changePlan(host);
    await waitForTestId(page, "plan-success");
    const events = await poll(
      () => page.evaluate(() => window.__oxEvents),
      (list) => list.length >= 1,
      { message: "the plan-changed event at the document" },
    );
    assert.deepEqual(events, [
      {
        type: "oxpanel:plan-changed",
        target: "shadow-host", // retargeted to the shadow host outside the shadow root
        detail: { from: "standard", to: "premium", allowUpgrade: true },
      },
    ]);

    // Dialogs work inside the shadow root too.
    await host.getByTestId("bb-action-resendServiceBooks").click();
    await host.getByTestId("confirm-dialog").waitFor();
    await host.getByTestId("confirm-cancel").click();
    await waitForCount(host.getByTestId("confirm-dialog"), 0);

    await page.evaluate(() => window.__handle.unmount());
    assert.equal(await page.evaluate(() => document.querySelector("#shadow-host").shadowRoot.querySelector("#inner-slot").childNodes.length), 0);
    assert.deepEqual(await inlineStyles(), []);
    assertNoProblems(page);
  });

  // ------------------------------------------------------------------ CSP, sub-path, other origin

  test("strict CSP: zero violations on the standalone page and the example host page", async () => {
    for (const path of ["/", "/host-example.html"]) {
      page = await newPage(browser);
      const response = await page.goto(`${emulator.baseUrl}${path}`);
      const csp = response.headers()["content-security-policy"] ?? "";
      assert.match(csp, /default-src 'self'/, `${path}: strict CSP header`);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      await waitForTestId(page, "webmail-panel");
      await waitForText(page.getByTestId("current-plan").first(), "(standard)");
      await waitForTestId(page, "blackberry-status");
      // Open a dialog too: overlays are where inline styles like to creep in.
      await page.getByTestId("bb-action-wipe").first().click();
      await page.getByTestId("confirm-dialog").first().waitFor();
      await page.getByTestId("confirm-cancel").first().click();
      assert.deepEqual(page.cspViolations, [], `${path}: no securitypolicyviolation`);
      assert.deepEqual(await inlineStyles(), [], `${path}: no style="" attribute`);
      assertNoProblems(page);
      await page.context().close();
      page = undefined;
    }
  });

  test(`sub-path hosting: the bundle works from ${PREFIX}`, async () => {
    for (const path of [PREFIX, `${PREFIX}host-example.html`]) {
      page = await newPage(browser);
      const loaded = [];
      page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
      const response = await page.goto(`${emulator.baseUrl}${path}`);
      assert.equal(response.status(), 200);
      await waitForText(page.getByTestId("current-plan").first(), "(standard)");
      const assets = loaded.filter((p) => !p.startsWith("/api/"));
      for (const file of ["ox-panel.js", "ox-panel_bg.wasm", "style.css"]) {
        assert.ok(assets.includes(`${PREFIX}${file}`), `${path}: ${file} from ${PREFIX} (${assets.join(", ")})`);
      }
      assert.deepEqual(assets.filter((p) => !p.startsWith(PREFIX)), [], `${path}: nothing outside ${PREFIX}`);
      assertNoProblems(page);
      await page.context().close();
      page = undefined;
    }
  });

  test("an absolute apiBase on another origin (CORS from the page's origin)", async () => {
    // The page's origin lists the API's in connect-src; the API allows the page's origin.
    const csp =
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
      "connect-src 'self' http://127.0.0.1:*; img-src 'self' data:; frame-ancestors 'self'";
    const site = await startEmulator({ fixture: fixture(), args: ["--csp", csp] });
    let api;
    try {
      api = await startEmulator({ dist: null, fixture: fixture(), args: ["--cors-origin", site.baseUrl] });
      assert.notEqual(new URL(api.baseUrl).origin, new URL(site.baseUrl).origin);
      await openHost(site.baseUrl, `?apiBase=${encodeURIComponent(`${api.baseUrl}/api`)}`);
      await changePlan(slot("john.smith"));
      await waitForTestId(page, "plan-success");
      const events = await waitForEvents(1);
      assert.equal(events[0].instance, "john.smith");
      const apiLog = await requests(api.baseUrl);
      assert.ok(apiLog.some((r) => r.method === "GET" && r.path === WEBMAIL("premium.user")));
      assert.deepEqual(
        apiLog.filter((r) => r.method === "PUT").map((r) => r.path),
        [WEBMAIL("john.smith")],
      );
      assert.deepEqual(await requests(site.baseUrl), [], "nothing went to the page's own origin");
      assertNoProblems(page);
    } finally {
      await page?.context().close();
      page = undefined;
      await api?.stop();
      await site.stop();
    }
  });

  // ------------------------------------------------------------------ the README's quick start

  test("README quick start: the snippet works in a blank page of its own", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("### Quick start");
    assert.ok(start >= 0, "README.md has an Embedding › Quick start section");
    const section = readme.slice(start);
    const block = (lang) => {
      const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(section);
      assert.ok(m, `a \`\`\`${lang} block in the quick start`);
      return m[1];
    };
    const html = block("html");
    const js = block("js");
    // The snippet's layout: my-panel.html and my-panel.js, the bundle copied into ox/.
    assert.match(html, /src="my-panel\.js"/);
    assert.match(js, /from "\.\/ox\/ox-panel\.js"/);

    page = await newPage(browser);
    const base = `${emulator.baseUrl}/quickstart/`;
    await page.route((url) => url.pathname.startsWith("/quickstart/"), async (route) => {
      const path = new URL(route.request().url()).pathname.slice("/quickstart/".length);
      if (path.startsWith("ox/")) {
        // The bundle, as the emulator serves it under the sub-path.
        const response = await route.fetch({ url: `${emulator.baseUrl}${PREFIX}${path.slice(3)}` });
        await route.fulfill({ response });
        return;
      }
      const original = await route.fetch({ url: emulator.baseUrl + "/" });
      const headers = { ...original.headers() };
      delete headers["content-length"];
      const body = { "my-panel.html": html, "my-panel.js": js }[path];
      if (body === undefined) {
        await route.fulfill({ status: 404, body: "not found" });
        return;
      }
      headers["content-type"] = path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
      await route.fulfill({ status: 200, headers, body });
    });
    const response = await page.goto(`${base}my-panel.html`);
    assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    await changePlan(page);
    await waitForTestId(page, "plan-success");
    await poll(
      () => page.consoleMessages.map((m) => m.text),
      (texts) => texts.some((t) => t.includes("plan changed")),
      { message: "the snippet's plan-changed listener ran" },
    );
    assertNoProblems(page);
  });
});
