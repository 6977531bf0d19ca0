// The OX plan panel against hostway-emulator: every example of the PUT documentation
// driven through the UI, checking what the customer sees and, through the emulator's
// request log, that nothing is sent where the client rules know the answer and exactly
// one PUT where they do not.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertNoProblems,
  launchBrowser,
  newPage,
  poll,
  requests,
  resetFixture,
  screenshot,
  startEmulator,
  waitForAttribute,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const USER = "Basic ZGVtbzpkZW1v";
const ADMIN = "Basic YWRtaW46YWRtaW4=";
const WEBMAIL = (box) => `/api/accounts/test/email/test.com/usernames/${box}/webmail`;

function mailbox(type, allowUpgrade, usage, extra = {}) {
  return {
    type, allowUpgrade, resetPassword: false, theme: "test_theme", language: "en_US",
    timezone: "America/Chicago", quota: { standard: 1024, activesync: 5120, premium: 25600 }[type],
    usage, master: false, ...extra,
  };
}

function fixture({ demoRole = "user" } = {}) {
  return {
    credentials: { [USER]: demoRole, [ADMIN]: "admin" },
    accounts: {
      test: {
        domains: {
          "test.com": {
            webmailNames: { standard: "SMX Mail Basic", activesync: "SMX Sync Advanced", premium: "SMA Collaborate Premium" },
            webmailLimits: { standard: -1, activesync: 3, premium: -1 },
            planQuotasMb: { standard: 1024, activesync: 5120, premium: 25600 },
            upgradesEnabled: true,
            mailboxes: {
              "john.smith": mailbox("standard", true, 200),
              "locked.user": mailbox("standard", false, 100),
              "premium.user": mailbox("premium", true, 300),
              "big.user": mailbox("premium", true, 3000),
              "sync.one": mailbox("activesync", true, 10),
              "sync.two": mailbox("activesync", true, 10),
            },
          },
        },
      },
    },
  };
}

describe("OX plan panel", () => {
  let emulator;
  let browser;
  let page;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: fixture() }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });
  beforeEach(async () => {
    await page?.context().close();
    await resetFixture(emulator.baseUrl, fixture());
  });

  async function open(query) {
    page = await newPage(browser);
    await page.goto(`${emulator.baseUrl}/${query}`);
    await waitForTestId(page, "current-plan");
    return page;
  }

  const puts = async () => (await requests(emulator.baseUrl)).filter((r) => r.method === "PUT");

  async function submitAndWaitForPut(count = 1) {
    await page.getByTestId("plan-submit").click();
    return poll(puts, (p) => p.length >= count, { message: `${count} PUT(s)` });
  }

  test("seed: success updating the type sends exactly one PUT {\"type\": \"premium\"}", async () => {
    const started = Date.now();
    await open("?mailbox=john.smith");
    const shownAfter = Date.now() - started;
    await screenshot(page, "webmail-loaded");
    assert.equal(await page.getByTestId("current-plan").textContent(), "SMX Mail Basic (standard)");
    // The customer's reads happened; no PUT before the click.
    assert.deepEqual(await puts(), []);
    await page.getByTestId("plan-option-premium").check();
    await waitForText(page.getByTestId("plan-summary"), "from SMX Mail Basic to SMA Collaborate Premium");
    const sent = await submitAndWaitForPut();
    await waitForTestId(page, "plan-success");
    await waitForText(page.getByTestId("current-plan"), "SMA Collaborate Premium (premium)");
    assert.deepEqual(sent.map(({ method, path, body }) => ({ method, path, body })), [
      { method: "PUT", path: WEBMAIL("john.smith"), body: '{"type":"premium"}' },
    ]);
    await screenshot(page, "webmail-success");
    // This fixture's mailboxes have no BlackBerry service: the browser logs those 404s.
    assertNoProblems(page, { allowConsole: [/status of 404/] });
    console.log(`# navigation to current plan shown: ${shownAfter} ms`);
  });

  test("seed: not allowed to be upgraded is known before sending", async () => {
    await open("?mailbox=locked.user");
    for (const type of ["activesync", "premium"]) {
      assert.equal(await page.getByTestId(`plan-option-${type}`).isDisabled(), true);
      await waitForAttribute(page.getByTestId(`plan-option-${type}-reason`), "data-code", "upgrade_not_allowed");
    }
    assert.match(await page.getByTestId("plan-option-premium-reason").textContent(), /Upgrades are turned off/);
    assert.equal(await page.getByTestId("plan-submit").isDisabled(), true);
    await screenshot(page, "webmail-reason");
    assert.deepEqual(await puts(), []);
  });

  test("only the account owner turns allowUpgrade on: the user's box is disabled, the API refuses it", async () => {
    await open("?mailbox=locked.user");
    const box = page.getByTestId("allow-upgrade");
    assert.equal(await box.isChecked(), false);
    assert.equal(await box.isDisabled(), true);
    const reason = page.getByTestId("allow-upgrade-reason");
    await waitForAttribute(reason, "data-code", "upgrade_not_allowed");
    assert.match(await reason.textContent(), /the account owner can turn them on/);
    assert.equal(await box.getAttribute("aria-describedby"), await reason.getAttribute("id"));
    await box.click({ force: true });
    assert.equal(await box.isChecked(), false, "a click on the disabled box changes nothing");
    assert.equal(await page.getByTestId("plan-submit").isDisabled(), true);
    assert.deepEqual(await puts(), []);
    // The two-step way round the lock (the flag first, the upgrade second) is refused
    // by the server too, with the same credentials the page uses.
    const res = await fetch(`${emulator.baseUrl}${WEBMAIL("locked.user")}`, {
      method: "PUT",
      headers: { authorization: USER, "content-type": "application/json; charset=UTF-8" },
      body: JSON.stringify({ type: "standard", allowUpgrade: true }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), {
      message: "The allowUpgrade option can only be turned on by the account owner",
    });
  });

  test("the account owner may turn allowUpgrade on", async () => {
    await resetFixture(emulator.baseUrl, fixture({ demoRole: "admin" }));
    await open("?mailbox=locked.user&role=admin");
    const box = page.getByTestId("allow-upgrade");
    assert.equal(await box.isDisabled(), false);
    await box.check();
    const sent = await submitAndWaitForPut();
    await waitForTestId(page, "plan-success");
    assert.deepEqual(sent.map((r) => r.body), ['{"type":"standard","allowUpgrade":true}']);
  });

  test("seed: allowUpgrade false with a larger type is inconsistent, known before sending", async () => {
    await open("?mailbox=john.smith");
    await page.getByTestId("allow-upgrade").uncheck();
    await waitForAttribute(page.getByTestId("plan-option-premium-reason"), "data-code", "inconsistent_allow_upgrade");
    assert.equal(await page.getByTestId("plan-option-premium").isDisabled(), true);
    // With premium chosen first, the checkbox is the one that cannot change.
    await page.getByTestId("allow-upgrade").check();
    await page.getByTestId("plan-option-premium").check();
    await waitForAttribute(page.getByTestId("allow-upgrade-reason"), "data-code", "inconsistent_allow_upgrade");
    assert.deepEqual(await puts(), []);
  });

  test("seed: an upgraded account cannot turn upgrades off, known before sending", async () => {
    await open("?mailbox=premium.user");
    assert.equal(await page.getByTestId("allow-upgrade").isDisabled(), true);
    await waitForAttribute(page.getByTestId("allow-upgrade-reason"), "data-code", "already_upgraded");
    assert.deepEqual(await puts(), []);
  });

  test("seed: usage above the new quota, unknown to the client, shows the server's refusal in the panel's words", async () => {
    await open("?mailbox=big.user");
    // The standalone page has no planQuotasMb, so the client cannot predict this one.
    await page.getByTestId("plan-option-standard").check();
    await waitForTestId(page, "downgrade-warning");
    const sent = await submitAndWaitForPut();
    // The server's text is one of the rules' known texts: said as the panel says that rule.
    await waitForText(page.getByTestId("plan-error"), "The mailbox holds more than this plan's storage.");
    assert.equal(await page.getByTestId("server-words").count(), 0);
    assert.equal(await page.getByTestId("plan-option-standard").isChecked(), true, "the choice is kept");
    assert.deepEqual(sent.map((r) => r.body), ['{"type":"standard"}']);
    await poll(async () => page.consoleMessages, (m) => m.some((x) => /rule gap/.test(x.text)), { message: "rule-gap warning" });
    assert.ok(!page.consoleMessages.some((m) => m.text.includes("ZGVtbzpkZW1v")), "no secret in the console");
    await screenshot(page, "webmail-server-error");
    assert.equal((await puts()).length, 1);
  });

  test("seed: usage above the new quota, known from planQuotasMb, is refused before sending", async () => {
    page = await newPage(browser);
    await page.goto(`${emulator.baseUrl}/?mailbox=john.smith`);
    // The standalone instance has started, so the module is initialised.
    await waitForTestId(page, "current-plan");
    // Mount a second instance with the host's quota knowledge, through the public mount().
    await page.evaluate(async (auth) => {
      const glue = await import("./ox-panel.js");
      const el = document.createElement("div");
      el.id = "host-mounted";
      document.body.append(el);
      glue.mount(el, {
        apiBase: "/api", account: "test", domain: "test.com", mailbox: "big.user", authorization: auth,
        planQuotasMb: { standard: 1024, activesync: 5120, premium: 25600 }, sections: ["webmail"],
      });
    }, USER);
    const host = page.locator("#host-mounted");
    await host.getByTestId("current-plan").waitFor();
    // The verdict needs the usage too, which may arrive after the plan is shown.
    await waitForAttribute(host.getByTestId("plan-option-standard-reason"), "data-code", "usage_over_quota");
    assert.equal(await host.getByTestId("plan-option-standard").isDisabled(), true);
    assert.deepEqual(await puts(), []);
  });

  test("a downgrade that fits is sent once and warns what is lost", async () => {
    await open("?mailbox=premium.user");
    await page.getByTestId("plan-option-standard").check();
    await waitForTestId(page, "downgrade-warning");
    const sent = await submitAndWaitForPut();
    await waitForTestId(page, "plan-success");
    await waitForText(page.getByTestId("current-plan"), "(standard)");
    assert.deepEqual(sent.map((r) => r.body), ['{"type":"standard"}']);
  });

  test("an admin changes the type of an account whose allowUpgrade is false", async () => {
    await resetFixture(emulator.baseUrl, fixture({ demoRole: "admin" }));
    await open("?mailbox=locked.user&role=admin");
    assert.equal(await page.getByTestId("plan-option-premium").isDisabled(), false);
    await page.getByTestId("plan-option-premium").check();
    const sent = await submitAndWaitForPut();
    await waitForTestId(page, "plan-success");
    await waitForText(page.getByTestId("current-plan"), "(premium)");
    assert.deepEqual(sent.map((r) => r.body), ['{"type":"premium"}']);
  });

  test("a double click on submit sends one PUT", async () => {
    await open("?mailbox=john.smith");
    await page.getByTestId("plan-option-premium").check();
    await page.getByTestId("plan-submit").dblclick();
    await waitForTestId(page, "plan-success");
    // The success re-read is the last request; one PUT before it.
    const log = await requests(emulator.baseUrl);
    assert.equal(log.filter((r) => r.method === "PUT").length, 1);
  });

  test("a full plan is refused before sending", async () => {
    await resetFixture(emulator.baseUrl, (() => {
      const f = fixture();
      f.accounts.test.domains["test.com"].webmailLimits.activesync = 2;
      return f;
    })());
    await open("?mailbox=john.smith");
    await waitForAttribute(page.getByTestId("plan-option-activesync-reason"), "data-code", "limit_reached");
    const counted = (await requests(emulator.baseUrl)).filter((r) => r.path.includes("/usernames?"));
    assert.ok(counted.length >= 1 && counted.every((r) => r.path.includes("details=1")), JSON.stringify(counted));
    assert.deepEqual(await puts(), []);
  });
});
