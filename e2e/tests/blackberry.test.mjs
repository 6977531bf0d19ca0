// The BlackBerry panel against hostway-emulator: every action goes through to 202 with
// exactly one PUT and the documented body; cancelling, Escape and a wrong name send
// nothing; a double click or a held Enter sends one PUT; every billing status but
// `open` and a mailbox without the service disable the actions with the reason; a 409,
// a 502 and a dropped connection show their message and are never sent again.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
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
  SCREENSHOT_DIR,
  setFaults,
  startEmulator,
  waitForAttribute,
  waitForRequestsAfter,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const ACTION_PATH = "/api/accounts/test/exchange/test.com/mailboxes/john.smith/blackberry/action";
const ACTIONS = ["resendServiceBooks", "wipe", "reinitialize"];

const NOT_OPEN = [
  ["bb.pending", "pending", "Being set up"],
  ["bb.suspended", "suspended", "Suspended"],
  ["bb.close-pending", "close_pending", "Closing"],
  ["bb.closed", "closed", "Closed"],
  ["bb.purge-pending", "purge_pending", "Being removed"],
];

/** main-account plus one mailbox per billing status and one without the service. */
function fixture({ johnStatus = "open" } = {}) {
  const f = loadFixture("main-account");
  const mailboxes = f.accounts.test.domains["test.com"].mailboxes;
  const john = mailboxes["john.smith"];
  john.blackberry.billingStatus = johnStatus;
  for (const [name, status] of NOT_OPEN) {
    mailboxes[name] = structuredClone(john);
    mailboxes[name].blackberry.billingStatus = status;
  }
  mailboxes["no.blackberry"] = structuredClone(john);
  delete mailboxes["no.blackberry"].blackberry;
  return f;
}

/** The viewport only: a modal covers the viewport, not the whole page. */
async function viewportScreenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

const bare = (r) => r.path.split("?")[0];
const isActionPut = (r) => r.method === "PUT" && bare(r).endsWith("/blackberry/action");
const isStatusRead = (r) => r.method === "GET" && /\/blackberry\/?$/.test(bare(r));
const isStatisticsRead = (r) => r.method === "GET" && /\/blackberry\/statistics\/?$/.test(bare(r));

function assertPuts(log, expected) {
  const puts = log.filter(isActionPut);
  assert.equal(puts.length, expected, `exactly ${expected} PUT(s), got ${JSON.stringify(puts)}`);
  return puts;
}

/**
 * For an answer after which the panel reads the service again (202, 409, no answer):
 * waits for the status and statistics reads that follow the first PUT (the panel starts
 * them only once the PUT is settled, so a resent or second PUT would be in the log by
 * then), and checks the log holds exactly `expected` PUTs.
 */
async function assertPutsOnceReread(baseUrl, expected) {
  const log = await waitForRequestsAfter(baseUrl, isActionPut, [isStatusRead, isStatisticsRead], {
    message: "the status and statistics re-read after the action PUT",
  });
  return assertPuts(log, expected);
}

/**
 * Where nothing is read again (nothing sent, or a refusal such as 502): waits for a
 * marker request the page sends after everything it started, then checks the PUTs.
 */
async function assertPutsAfterMark(page, baseUrl, expected) {
  return assertPuts(await markRequestLog(page, baseUrl), expected);
}

describe("BlackBerry panel", () => {
  let emulator;
  let browser;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: fixture() }), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  /** A fresh state and log, a page on `mailbox`, once its BlackBerry status is shown. */
  async function open(mailbox = "john.smith", { state = fixture(), faults = [] } = {}) {
    await resetFixture(emulator.baseUrl, state);
    await setFaults(emulator.baseUrl, faults);
    const page = await newPage(browser);
    const response = await page.goto(`${emulator.baseUrl}/?mailbox=${encodeURIComponent(mailbox)}`);
    assert.equal(response.status(), 200);
    await waitForTestId(page, "blackberry-status");
    await waitForTestId(page, "loading", { state: "detached" });
    return page;
  }

  const testId = (page, id) => page.getByTestId(id);
  const panel = (page) => page.getByTestId("blackberry-panel");

  async function openDialog(page, action) {
    await testId(page, `bb-action-${action}`).click();
    await waitForTestId(page, "confirm-dialog");
    // Focus starts on Cancel.
    await poll(
      () => page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
      (id) => id === "confirm-cancel",
      { message: "focus on confirm-cancel" },
    );
  }

  async function confirmAction(page, action) {
    await openDialog(page, action);
    if (action !== "resendServiceBooks") await testId(page, "confirm-input").fill("john.smith");
    await testId(page, "confirm-submit").click();
  }

  const outcome = (page) => testId(page, "bb-result").getAttribute("data-outcome");
  const waitOutcome = (page, expected) =>
    poll(() => outcome(page).catch(() => null), (o) => o === expected, { message: `bb-result ${expected}` });

  test("shows the status card", async () => {
    const page = await open();
    try {
      await waitForText(testId(page, "blackberry-status"), "Active");
      await waitForTestId(page, "bb-device");
      assert.equal((await testId(page, "bb-device-name").textContent()).trim(), "John Smith");
      assert.equal((await testId(page, "bb-device-pin").textContent()).trim(), "12345678");
      const fwd = await testId(page, "bb-device-last-forward").textContent();
      assert.match(fwd, /2026/);
      assert.doesNotMatch(fwd, /11\/20\/2026 10:00:00/, "shown in the locale, not as the raw API text");
      for (const action of ACTIONS) {
        assert.equal(await testId(page, `bb-action-${action}`).isEnabled(), true, `${action} enabled`);
      }
      // Both reads went out, and nothing else BlackBerry-related.
      const log = await requests(emulator.baseUrl);
      const bb = log.filter((r) => r.path.includes("/blackberry"));
      assert.ok(bb.some((r) => r.method === "GET" && /\/blackberry\/?$/.test(r.path)), "status read");
      assert.ok(bb.some((r) => r.method === "GET" && r.path.endsWith("/blackberry/statistics")), "statistics read");
      assert.equal(bb.filter((r) => r.method !== "GET").length, 0);
      await panel(page).scrollIntoViewIfNeeded();
      await screenshot(page, "blackberry-status-card");
      assertNoProblems(page);
    } finally {
      await page.context().close();
    }
  });

  for (const action of ACTIONS) {
    test(`${action}: confirmed, one PUT with the documented body, 202`, async () => {
      const page = await open();
      try {
        const events = page.evaluate(
          () =>
            new Promise((resolve) => {
              document.addEventListener("oxpanel:blackberry-action", (e) => resolve(e.detail), { once: true });
            }),
        );
        await confirmAction(page, action);
        await waitOutcome(page, "accepted");
        await waitForText(testId(page, "bb-result"), "next time it connects");
        assert.deepEqual(await events, { action, status: 202 });
        const puts = await assertPutsOnceReread(emulator.baseUrl, 1);
        assert.equal(puts[0].path, ACTION_PATH);
        assert.deepEqual(JSON.parse(puts[0].body), { action, actionData: "" });
        assert.equal(puts[0].body, JSON.stringify({ action, actionData: "" }));
        // The status and statistics were read again after the answer.
        const log = await requests(emulator.baseUrl);
        const putAt = log.findIndex(isActionPut);
        assert.ok(log.slice(putAt + 1).some((r) => r.path.endsWith("/blackberry/statistics")), "re-read");
        const item = testId(page, "bb-activity-item").first();
        assert.equal(await item.getAttribute("data-action"), action);
        assert.equal(await item.getAttribute("data-outcome"), "accepted");
        assertNoProblems(page);
      } finally {
        await page.context().close();
      }
    });
  }

  test("Cancel and Escape send nothing and give focus back", async () => {
    const page = await open();
    try {
      for (const action of ACTIONS) {
        await openDialog(page, action);
        if (action !== "resendServiceBooks") await testId(page, "confirm-input").fill("john.smith");
        await testId(page, "confirm-cancel").click();
        await waitForTestId(page, "confirm-dialog", { state: "detached" });
        await poll(
          () => page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
          (id) => id === `bb-action-${action}`,
          { message: `focus back on bb-action-${action}` },
        );

        await openDialog(page, action);
        if (action !== "resendServiceBooks") await testId(page, "confirm-input").fill("john.smith");
        await page.keyboard.press("Escape");
        await waitForTestId(page, "confirm-dialog", { state: "detached" });
      }
      await assertPutsAfterMark(page, emulator.baseUrl, 0);
      assert.equal(await testId(page, "bb-result").count(), 0);
    } finally {
      await page.context().close();
    }
  });

  test("Tab stays inside the dialog", async () => {
    const page = await open();
    try {
      await openDialog(page, "wipe");
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
      const seen = [];
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press("Tab");
        seen.push(await focused());
      }
      // Submit is disabled: the cycle is input → Cancel → input …
      assert.deepEqual(seen, ["confirm-input", "confirm-cancel", "confirm-input", "confirm-cancel", "confirm-input"]);
      await page.keyboard.press("Shift+Tab");
      assert.equal(await focused(), "confirm-cancel");
      await page.keyboard.press("Escape");
      await assertPutsAfterMark(page, emulator.baseUrl, 0);
    } finally {
      await page.context().close();
    }
  });

  test("a wrong or partial name keeps the button disabled", async () => {
    const page = await open();
    try {
      for (const action of ["wipe", "reinitialize"]) {
        await openDialog(page, action);
        const dialog = testId(page, "confirm-dialog");
        assert.equal(await dialog.getAttribute("role"), "alertdialog");
        assert.equal(await dialog.getAttribute("aria-modal"), "true");
        const submit = testId(page, "confirm-submit");
        assert.equal(
          (await submit.textContent()).trim(),
          action === "wipe" ? "Wipe device permanently" : "Reinitialize device",
        );
        const input = testId(page, "confirm-input");
        for (const wrong of ["", "j", "john", "john.smit", "JOHN.SMITH", "john.smith ", "john.smithx", "locked.user"]) {
          await input.fill(wrong);
          assert.equal(await submit.isDisabled(), true, `${action}: ${JSON.stringify(wrong)} keeps it disabled`);
          // Enter in the field cannot submit either.
          await input.press("Enter");
        }
        await input.fill("john.smi");
        if (action === "wipe") await viewportScreenshot(page, "blackberry-wipe-dialog-partial-name");
        await input.fill("john.smith");
        await waitForAttribute(submit, "disabled", null);
        if (action === "wipe") await viewportScreenshot(page, "blackberry-wipe-dialog");
        await testId(page, "confirm-cancel").click();
        await waitForTestId(page, "confirm-dialog", { state: "detached" });
      }
      await assertPutsAfterMark(page, emulator.baseUrl, 0);
    } finally {
      await page.context().close();
    }
  });

  test("a double click on confirm sends one PUT", async () => {
    const page = await open();
    try {
      await openDialog(page, "wipe");
      await testId(page, "confirm-input").fill("john.smith");
      await testId(page, "confirm-submit").dblclick();
      await waitOutcome(page, "accepted");
      await assertPutsOnceReread(emulator.baseUrl, 1);
    } finally {
      await page.context().close();
    }
  });

  test("Enter held down in the name field sends one PUT", async () => {
    const page = await open();
    try {
      await openDialog(page, "reinitialize");
      await testId(page, "confirm-input").fill("john.smith");
      await testId(page, "confirm-input").focus();
      // Repeated keydowns without a keyup: what a held key produces.
      for (let i = 0; i < 8; i++) await page.keyboard.down("Enter");
      await page.keyboard.up("Enter");
      await waitOutcome(page, "accepted");
      const puts = await assertPutsOnceReread(emulator.baseUrl, 1);
      assert.deepEqual(JSON.parse(puts[0].body), { action: "reinitialize", actionData: "" });
    } finally {
      await page.context().close();
    }
  });

  for (const [mailbox, status, words] of NOT_OPEN) {
    test(`billing status ${status} disables the actions with the reason`, async () => {
      const page = await open(mailbox);
      try {
        await waitForText(testId(page, "blackberry-status"), words);
        assert.equal(await testId(page, "blackberry-status").getAttribute("data-billing"), status);
        const reason = testId(page, "bb-actions-reason");
        assert.equal(await reason.getAttribute("data-reason"), "not_open");
        assert.match(await reason.textContent(), /only take actions while it is active/);
        const reasonId = await reason.getAttribute("id");
        for (const action of ACTIONS) {
          const button = testId(page, `bb-action-${action}`);
          assert.equal(await button.isDisabled(), true, `${action} disabled`);
          const describedBy = (await button.getAttribute("aria-describedby")) ?? "";
          assert.ok(describedBy.split(" ").includes(reasonId), `${action} is described by the reason`);
          await button.click({ force: true });
        }
        assert.equal(await testId(page, "confirm-dialog").count(), 0);
        if (status === "suspended") {
          await panel(page).scrollIntoViewIfNeeded();
          await screenshot(page, "blackberry-suspended");
        }
        await assertPutsAfterMark(page, emulator.baseUrl, 0);
        assertNoProblems(page);
      } finally {
        await page.context().close();
      }
    });
  }

  test("no BlackBerry service: actions disabled with the reason", async () => {
    const page = await open("no.blackberry");
    try {
      await waitForText(testId(page, "blackberry-status"), "No BlackBerry service on this mailbox");
      assert.equal(await testId(page, "bb-actions-reason").getAttribute("data-reason"), "no_service");
      for (const action of ACTIONS) {
        assert.equal(await testId(page, `bb-action-${action}`).isDisabled(), true);
      }
      assert.equal(await testId(page, "bb-device").count(), 0);
      assert.equal(await testId(page, "load-error").count(), 0, "a 404 is not a load failure");
      await screenshot(page, "blackberry-no-service");
      await assertPutsAfterMark(page, emulator.baseUrl, 0);
      // The 404s of the reads are the expected answer, not a problem of the page.
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });

  test("409: the service left `open` after the page loaded", async () => {
    const page = await open();
    try {
      await waitForText(testId(page, "blackberry-status"), "Active");
      // The provider suspends the service behind the panel's back.
      await resetFixture(emulator.baseUrl, fixture({ johnStatus: "suspended" }));
      await confirmAction(page, "wipe");
      await waitOutcome(page, "conflict");
      await waitForText(testId(page, "blackberry-status"), "Suspended");
      await waitForText(testId(page, "bb-result"), /suspended, and devices only take actions while it is active/);
      assert.equal(await testId(page, "bb-result").getAttribute("data-status"), "409");
      assert.equal(await testId(page, "bb-action-wipe").isDisabled(), true);
      assert.equal(await testId(page, "bb-actions-reason").getAttribute("data-reason"), "not_open");
      await panel(page).scrollIntoViewIfNeeded();
      await screenshot(page, "blackberry-409");
      await assertPutsOnceReread(emulator.baseUrl, 1);
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });

  test("502: the message, and no second PUT", async () => {
    const page = await open("john.smith", {
      faults: [{ method: "PUT", pathContains: "/blackberry/action", status: 502, body: "<html>Bad Gateway</html>" }],
    });
    try {
      await confirmAction(page, "wipe");
      await waitOutcome(page, "server");
      await waitForText(testId(page, "bb-result"), "internal error (502)");
      await waitForText(testId(page, "bb-result"), "Check the device status before trying again");
      assert.equal(await testId(page, "bb-result").locator("button").count(), 0, "no one-click retry");
      await screenshot(page, "blackberry-502");
      // A 502 is not followed by a re-read (bb_state::rereads_after).
      await assertPutsAfterMark(page, emulator.baseUrl, 1);
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });

  test("a dropped connection: outcome unknown, and no second PUT", async () => {
    const page = await open("john.smith", {
      faults: [{ method: "PUT", pathContains: "/blackberry/action", drop: true }],
    });
    try {
      await confirmAction(page, "wipe");
      await waitOutcome(page, "unknown");
      await waitForText(testId(page, "bb-result"), "Outcome unknown");
      await waitForText(testId(page, "bb-result"), "Check the device status before trying again");
      assert.equal(await testId(page, "bb-result").locator("button").count(), 0, "no one-click retry");
      assert.equal(await testId(page, "bb-action-wipe").isEnabled(), true, "a new attempt needs the whole confirmation");
      await screenshot(page, "blackberry-dropped");
      await assertPutsOnceReread(emulator.baseUrl, 1);
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });
});
