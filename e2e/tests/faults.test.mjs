// Faults against the running page: for the initial reads, the plan change (PUT webmail)
// and each BlackBerry action, the same table of server and network failures, injected
// through the emulator's fault rules. For each: a specific message (data-kind,
// data-outcome, or the failure's own words), the customer's choice kept, the page still
// usable once the fault is gone, and, from the emulator's request log, exactly one PUT per
// confirmed change and one attempt per read (reads are retried only by "Try again").
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertCleanPage,
  browserNetworkErrors,
  launchBrowser,
  loadFixture,
  newPage,
  openStandalone,
  panelEvents,
  poll,
  recordPanelEvents,
  requests,
  resetFixture,
  screenshot,
  setFaults,
  startEmulator,
  waitForAttribute,
  waitForTestId,
  waitForText,
  puts,
  readAfterPut,
} from "../lib/harness.mjs";

const BOX = "john.smith";
const EMAIL = "/api/accounts/test/email/test.com";
const BB = `/api/accounts/test/exchange/test.com/mailboxes/${BOX}/blackberry`;
const WEBMAIL = `${EMAIL}/usernames/${BOX}/webmail`;
const ACTION = `${BB}/action`;
/** Every read the page starts with, by panel (the per-type counts follow the limits). */
const READS = {
  webmail: [WEBMAIL, `${EMAIL}/webmailNames`, `${EMAIL}/webmailLimits`, `${EMAIL}/usernames/${BOX}/mailbox`],
  blackberry: [`${BB}/`, `${BB}/statistics`],
};
const ACTIONS = ["resendServiceBooks", "wipe", "reinitialize"];
/** The page's `timeoutMs` in the time-out cases; the server then answers three times later. */
const SHORT_TIMEOUT_MS = 2000;
const HTML_503 = "<!doctype html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is down for maintenance.</p></body></html>";

/**
 * One row per fault. `read`: the words each panel's load failure shows (`bbAbsent`: the
 * BlackBerry panel reads a 404 as "no service", an answer, not a failure). `plan`: the
 * plan-error's data-kind (`ok`: the change is reported done). `bb`: bb-result's
 * data-outcome and data-status. `reread`: the panel reads the truth again afterwards.
 * `console`: what Chromium itself logs for the answer.
 */
const FAULTS = [
  {
    label: "5 s latency (timeout 15 s)",
    rule: { delayMs: 5000 },
    slow: true,
    read: { ok: true },
    plan: { ok: true, reread: true },
    bb: { outcome: "accepted", status: "202", event: 202, reread: true },
  },
  {
    label: `no answer within timeoutMs ${SHORT_TIMEOUT_MS}`,
    rule: { delayMs: 3 * SHORT_TIMEOUT_MS, status: 504 },
    timeoutMs: SHORT_TIMEOUT_MS,
    read: { text: /did not answer in time/ },
    plan: { kind: "unknown", text: /did not confirm the change/, reread: true },
    bb: { outcome: "unknown", status: null, event: null, text: /Outcome unknown/, reread: true },
  },
  {
    label: "500",
    rule: { status: 500, body: '{"message":"Internal Server Error"}' },
    console: [500],
    read: { text: /error 500/ },
    plan: { kind: "server", text: /error 500/ },
    bb: { outcome: "server", status: "500", event: 500, text: /error 500/ },
  },
  {
    label: "502",
    rule: { status: 502, body: "<html><body>Bad Gateway</body></html>" },
    console: [502],
    read: { text: /error 502/ },
    plan: { kind: "server", text: /error 502/ },
    bb: { outcome: "server", status: "502", event: 502, text: /502/ },
  },
  {
    label: "503 with an HTML body",
    rule: { status: 503, body: HTML_503 },
    console: [503],
    read: { text: /error 503/ },
    plan: { kind: "server", text: /error 503/ },
    bb: { outcome: "server", status: "503", event: 503, text: /error 503/ },
  },
  {
    label: "200 with truncated JSON",
    rule: { status: 200, body: '{"type": "standard", "allowUpgr' },
    read: { text: /cannot read/ },
    plan: { kind: "invalid_body", text: /cannot read/ },
    bb: { outcome: "invalid_body", status: "200", event: 200, text: /cannot read/ },
  },
  {
    label: "200 with an HTML body (not JSON)",
    rule: { status: 200, body: "<html><body>Please sign in to continue</body></html>" },
    read: { text: /cannot read/ },
    plan: { kind: "invalid_body", text: /cannot read/ },
    bb: { outcome: "invalid_body", status: "200", event: 200, text: /cannot read/ },
  },
  {
    // A write's documented success has no body: there an empty 2xx is a success.
    label: "empty 200",
    rule: { status: 200, body: "" },
    read: { text: /cannot read/ },
    plan: { ok: true, reread: true },
    // Accepted, with the status as it came (not a made-up 202).
    bb: { outcome: "accepted", status: "200", event: 200, reread: true },
  },
  {
    label: "dropped connection",
    rule: { drop: true },
    console: ["ERR_EMPTY_RESPONSE"],
    read: { text: /could not be reached/ },
    plan: { kind: "unknown", text: /did not confirm the change/, reread: true },
    bb: { outcome: "unknown", status: null, event: null, text: /Outcome unknown/, reread: true },
  },
  {
    label: "401 mid-session",
    rule: { status: 401, body: '{"message":"session expired"}' },
    console: [401],
    auth: true,
    read: { text: /session has expired/ },
    plan: { kind: "unauthorized", text: /session has expired/ },
    bb: { outcome: "unauthorized", status: "401", event: 401, text: /session has expired/ },
  },
  {
    label: "404",
    rule: { status: 404, body: '{"message":"Not found"}' },
    console: [404],
    read: { text: /does not know this mailbox/, bbAbsent: true },
    plan: { kind: "not_found", text: /does not know this mailbox/ },
    bb: { outcome: "not_found", status: "404", event: 404, text: /no BlackBerry service/, reread: true },
  },
  {
    label: "409",
    rule: { status: 409, body: '{"message":"Conflict"}' },
    console: [409],
    read: { text: /refused this in the current state/ },
    plan: { kind: "conflict", text: /refused this in the current state/ },
    bb: { outcome: "conflict", status: "409", event: 409, text: /not active/, reread: true },
  },
];

const count = (log, method, path) => log.filter((r) => r.method === method && r.path === path).length;

describe("faults", () => {
  let emulator;
  let browser;
  let page;
  /** The console errors the current test provokes on purpose. */
  let allowConsole;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: "main-account" }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });
  /**
   * Runs `body` on a fresh page that records the oxpanel:* events, then checks the page
   * (no page error, panic, CSP violation or unexpected console error) and closes it. Not
   * a beforeEach/afterEach: those hooks also run around every subtest.
   */
  const session = (body) => async (t) => {
    allowConsole = [];
    await resetFixture(emulator.baseUrl, loadFixture("main-account"));
    page = await newPage(browser);
    await recordPanelEvents(page);
    try {
      await body(t);
      assertCleanPage(page, { allowConsole });
    } finally {
      await page.context().close();
    }
  };

  const log = () => requests(emulator.baseUrl);
  const byId = (id) => page.getByTestId(id);
  const webmailPanel = () => byId("webmail-panel");
  const bbPanel = () => byId("blackberry-panel");

  async function open(f, { wait = true } = {}) {
    allowConsole = browserNetworkErrors(...(f.console ?? []));
    const response = await openStandalone(page, emulator.baseUrl, {
      query: `?mailbox=${BOX}`,
      config: f.timeoutMs ? { timeoutMs: f.timeoutMs } : undefined,
    });
    assert.equal(response.status(), 200);
    if (wait) {
      await waitForText(byId("current-plan"), "(standard)");
      await waitForAttribute(byId("blackberry-status"), "data-billing", "open");
      await waitForTestId(page, "loading", { state: "detached" });
    }
  }

  async function authRequired() {
    return (await panelEvents(page)).filter((e) => e.type === "oxpanel:auth-required").length;
  }

  describe("the initial reads", () => {
    for (const f of FAULTS) {
      test(f.label, session(async () => {
        const all = [...READS.webmail, ...READS.blackberry];
        await setFaults(emulator.baseUrl, [{ method: "GET", pathContains: "/api/", ...f.rule }]);
        await open(f, { wait: false });

        if (f.read.ok) {
          // Slow, not failed: the loading state shows meanwhile, then the data.
          await waitForTestId(webmailPanel(), "loading");
          await waitForTestId(bbPanel(), "loading");
          assert.equal(await byId("current-plan").count(), 0);
          await waitForText(byId("current-plan"), "(standard)", { timeout: 15_000 });
          await waitForAttribute(byId("blackberry-status"), "data-billing", "open", { timeout: 15_000 });
          await waitForTestId(page, "loading", { state: "detached" });
          assert.equal(await byId("load-error").count(), 0);
          const seen = await log();
          for (const path of all) assert.equal(count(seen, "GET", path), 1, `GET ${path} once`);
          return;
        }

        const wmError = await waitForTestId(webmailPanel(), "load-error", { timeout: 15_000 });
        await waitForText(wmError, f.read.text);
        assert.equal(await byId("current-plan").count(), 0, "no plan is made up");
        let failing = all;
        if (f.read.bbAbsent) {
          // A 404 on the BlackBerry reads is the API's "no service" answer.
          await waitForAttribute(byId("blackberry-status"), "data-billing", "none");
          assert.equal(await bbPanel().getByTestId("load-error").count(), 0);
          failing = READS.webmail;
        } else {
          await waitForText(await waitForTestId(bbPanel(), "load-error"), f.read.text);
        }
        for (const action of ACTIONS) {
          assert.equal(await byId(`bb-action-${action}`).isDisabled(), true, `${action} disabled`);
        }
        await screenshot(page, `faults-reads-${f.label}`);
        // One attempt each: no read is repeated behind the customer's back.
        const seen = await poll(log, (l) => all.every((p) => count(l, "GET", p) >= 1), { message: "every read sent" });
        const attempts = Object.fromEntries(all.map((path) => [path, count(seen, "GET", path)]));
        for (const path of all) {
          // Chromium itself resends a request whose reused kept-alive connection closes
          // without an answer, once per idle connection (at most 6 per host); the panel
          // never does.
          const most = f.rule.drop ? 6 : 1;
          assert.ok(attempts[path] >= 1 && attempts[path] <= most, `GET ${path}: ${attempts[path]} attempts`);
        }
        if (f.auth) assert.ok((await authRequired()) >= 1, "oxpanel:auth-required fired");

        // "Try again" works once the fault is gone, and repeats only the failed reads.
        await setFaults(emulator.baseUrl, []);
        const panels = f.read.bbAbsent ? [webmailPanel()] : [webmailPanel(), bbPanel()];
        for (const panel of panels) {
          await poll(
            async () => {
              const retry = panel.getByTestId("retry");
              if (await retry.count()) await retry.click();
              return panel.getByTestId("load-error").count();
            },
            (n) => n === 0,
            { message: "the panel loaded after Try again" },
          );
        }
        await waitForText(byId("current-plan"), "(standard)");
        if (!f.read.bbAbsent) await waitForAttribute(byId("blackberry-status"), "data-billing", "open");
        const after = await log();
        for (const path of failing) {
          assert.equal(count(after, "GET", path), attempts[path] + 1, `GET ${path}: one more for Try again`);
        }
        assert.equal(after.filter((r) => r.method !== "GET").length, 0, "nothing but reads");
      }));
    }
  });

  describe("the plan change (PUT webmail)", () => {
    for (const f of FAULTS) {
      test(f.label, session(async (t) => {
        await open(f);
        await setFaults(emulator.baseUrl, [{ method: "PUT", pathContains: "/webmail", ...f.rule }]);
        const submit = byId("plan-submit");
        const idleLabel = await submit.textContent();
        await byId("plan-option-premium").check();
        // Registered before the send: the first answer to the settings read after it.
        const reread = page
          .waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === WEBMAIL, { timeout: 20_000 })
          .catch((e) => e);
        await submit.click();

        if (f.slow) {
          // While it is under way: the form is locked and says so.
          await poll(() => submit.isDisabled(), Boolean, { message: "plan-submit disabled while sending" });
          assert.notEqual(await submit.textContent(), idleLabel, "the button shows the change is under way");
          assert.equal(await byId("plan-option-activesync").isDisabled(), true);
        }
        if (f.plan.ok) {
          await waitForTestId(page, "plan-success", { timeout: 15_000 });
          assert.equal(await byId("plan-error").count(), 0);
        } else {
          const error = await waitForTestId(page, "plan-error");
          await waitForAttribute(error, "data-kind", f.plan.kind);
          await waitForText(error, f.plan.text);
          assert.equal(await byId("plan-success").count(), 0);
        }
        await screenshot(page, `faults-plan-${f.label}`);
        let seen = await log();
        if (f.plan.reread) {
          seen = await poll(log, (l) => readAfterPut(l, WEBMAIL, 1, WEBMAIL), { message: "the settings read again" });
        }
        assert.deepEqual(puts(seen, WEBMAIL).map((r) => r.body), ['{"type":"premium"}'], "one PUT");
        const changed = (await panelEvents(page)).filter((e) => e.type === "oxpanel:plan-changed");
        assert.equal(changed.length, f.plan.ok ? 1 : 0, "plan-changed only for a change the server accepted");
        if (f.auth) assert.ok((await authRequired()) >= 1, "oxpanel:auth-required fired");

        if (!f.plan.ok) {
          await t.test(
            "the customer's choice is kept",
            async () => {
              if (f.plan.reread) {
                // The re-read has been answered and rendered (the current plan comes from it).
                const answer = await reread;
                if (answer instanceof Error) throw answer;
                await answer.finished();
                await waitForText(byId("current-plan"), "(standard)");
                await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
              }
              assert.equal(await byId("plan-option-premium").isChecked(), true);
            },
          );
        }

        // Usable once the fault is gone: another choice goes out as exactly one more PUT.
        await setFaults(emulator.baseUrl, []);
        await byId("plan-option-activesync").check();
        await submit.click();
        await waitForTestId(page, "plan-success");
        await waitForText(byId("current-plan"), "(activesync)");
        seen = await poll(log, (l) => readAfterPut(l, WEBMAIL, 2, WEBMAIL), { message: "the settings read again" });
        assert.deepEqual(
          puts(seen, WEBMAIL).map((r) => r.body),
          ['{"type":"premium"}', '{"type":"activesync"}'],
          "exactly one PUT per confirmed change",
        );
      }));
    }
  });

  describe("the BlackBerry actions", () => {
    async function confirm(action) {
      await byId(`bb-action-${action}`).click();
      await waitForTestId(page, "confirm-dialog");
      if (action !== "resendServiceBooks") await byId("confirm-input").fill(BOX);
      await byId("confirm-submit").click();
    }

    async function outcomeOf(action) {
      const result = byId("bb-result");
      await poll(
        async () => [await result.getAttribute("data-action"), await result.getAttribute("data-outcome")],
        ([a, o]) => a === action && o !== "pending",
        { message: `the outcome of ${action}`, timeout: 15_000 },
      );
      return result;
    }

    for (const f of FAULTS) {
      test(f.label, session(async (t) => {
        await open(f);
        await setFaults(emulator.baseUrl, [{ method: "PUT", pathContains: "/blackberry/action", ...f.rule }]);
        for (const [i, action] of ACTIONS.entries()) {
          await t.test(action, async () => {
            await confirm(action);
            if (f.slow) {
              await waitForAttribute(byId("bb-result"), "data-outcome", "pending");
              for (const a of ACTIONS) assert.equal(await byId(`bb-action-${a}`).isDisabled(), true, `${a} locked`);
            }
            const result = await outcomeOf(action);
            assert.equal(await result.getAttribute("data-outcome"), f.bb.outcome);
            assert.equal(await result.getAttribute("data-status"), f.bb.status);
            if (f.bb.text) await waitForText(result, f.bb.text);
            if (i === 0) await screenshot(page, `faults-bb-${f.label}`);
            let seen = await log();
            if (f.bb.reread) {
              seen = await poll(log, (l) => readAfterPut(l, ACTION, i + 1, `${BB}/statistics`), {
                message: "the device read again",
              });
            }
            const sent = puts(seen, ACTION);
            assert.equal(sent.length, i + 1, `one PUT per confirmation, got ${JSON.stringify(sent)}`);
            assert.deepEqual(JSON.parse(sent[i].body), { action, actionData: "" });
            const events = (await panelEvents(page)).filter((e) => e.type === "oxpanel:blackberry-action");
            assert.deepEqual(events.at(-1)?.detail, { action, status: f.bb.event });
            if (f.auth) assert.ok((await authRequired()) >= i + 1, "oxpanel:auth-required fired");
          });
        }
        // Usable once the fault is gone, and still nothing sent twice.
        await setFaults(emulator.baseUrl, []);
        await confirm("resendServiceBooks");
        assert.equal(await (await outcomeOf("resendServiceBooks")).getAttribute("data-outcome"), "accepted");
        const seen = await poll(log, (l) => readAfterPut(l, ACTION, 4, `${BB}/statistics`), {
          message: "the device read again",
        });
        assert.deepEqual(
          puts(seen, ACTION).map((r) => JSON.parse(r.body).action),
          [...ACTIONS, "resendServiceBooks"],
          "exactly one PUT per confirmation",
        );
      }));
    }
  });
});
