// The standalone page in every engine (./harness.mjs): the plan panel, the BlackBerry
// panel, the strict CSP, German and Arabic, and the keyboard. The same code for
// Chromium, Firefox and WebKit; each journey checks the emulator's request log, not only
// the screen. The demo data (`hostway-emulator` without a fixture) is the state.
import assert from "node:assert/strict";
import { poll, resetDemo, waitForRequestsAfter } from "../lib/emulator.mjs";
import {
  Key,
  assertCleanPage,
  attr,
  click,
  find,
  findAll,
  focused,
  forEachEngine,
  markRequestLog,
  open,
  press,
  probe,
  prop,
  screenshot,
  tabTo,
  waitForAttr,
  waitForGone,
  waitForProp,
  waitForText,
} from "./harness.mjs";

const WEBMAIL = (box) => `/api/accounts/test/email/test.com/usernames/${box}/webmail`;
const ACTION = (box) => `/api/accounts/test/exchange/test.com/mailboxes/${box}/blackberry/action`;
const bare = (r) => r.path.split("?")[0];
const isWebmailRead = (box) => (r) => r.method === "GET" && r.path === WEBMAIL(box);
const isActionPut = (r) => r.method === "PUT" && bare(r).endsWith("/blackberry/action");
const isStatusRead = (r) => r.method === "GET" && /\/blackberry\/?$/.test(bare(r));
const isStatisticsRead = (r) => r.method === "GET" && /\/blackberry\/statistics\/?$/.test(bare(r));
const ACTIONS = ["resendServiceBooks", "wipe", "reinitialize"];

forEachEngine("the standalone page", {}, (suite) => {
  suite.beforeEach(async () => {
    await resetDemo(suite.baseUrl);
  });

  /** The page on `mailbox` (and more of the query), once the plan and the BlackBerry status are shown. */
  async function openMailbox(mailbox, more = "") {
    await open(suite, `/?mailbox=${encodeURIComponent(mailbox)}${more}`);
    await find(suite, "current-plan");
    await find(suite, "blackberry-status");
    await waitForGone(suite, "loading");
  }

  suite.test("plan: the current plan, reasons on unavailable options, one PUT and a re-read", async () => {
    await openMailbox("john.smith");
    await waitForText(suite, "current-plan", "SMX Mail Basic (standard)");
    // activesync is full in the demo data: disabled, with its reason.
    await waitForProp(suite, "plan-option-activesync", "disabled", true);
    await waitForAttr(suite, "plan-option-activesync-reason", "data-code", "limit_reached");
    assert.equal(await prop(suite, "plan-option-premium", "disabled"), false);
    await click(suite, "plan-option-premium");
    await waitForText(suite, "plan-summary", "from SMX Mail Basic to SMA Collaborate Premium");
    await click(suite, "plan-submit");
    await find(suite, "plan-success");
    await waitForText(suite, "current-plan", "SMA Collaborate Premium (premium)");
    // The re-read of the plan after the PUT is the positive signal; one PUT before it.
    const log = await waitForRequestsAfter(suite.baseUrl, (r) => r.method === "PUT", [isWebmailRead("john.smith")], {
      message: "the plan re-read after the PUT",
    });
    const puts = log.filter((r) => r.method === "PUT");
    assert.deepEqual(
      puts.map(({ method, path, body }) => ({ method, path, body })),
      [{ method: "PUT", path: WEBMAIL("john.smith"), body: '{"type":"premium"}' }],
    );
    await screenshot(suite, "plan-changed");
    await assertCleanPage(suite);
  });

  suite.test("plan: the server's refusal is shown in place, one PUT, the choice kept", async () => {
    // big.user: premium with 3000 MB used; the page does not know the standard quota.
    await openMailbox("big.user");
    await click(suite, "plan-option-standard");
    await find(suite, "downgrade-warning");
    await click(suite, "plan-submit");
    await waitForText(suite, "plan-error", "The mailbox holds more than this plan's storage.");
    assert.equal(await prop(suite, "plan-option-standard", "checked"), true, "the choice is kept");
    const log = await markRequestLog(suite);
    assert.deepEqual(
      log.filter((r) => r.method === "PUT").map((r) => [r.path, r.body]),
      [[WEBMAIL("big.user"), '{"type":"standard"}']],
    );
    await screenshot(suite, "plan-refused");
    // The refusal (400) is an answer, not an error of the page.
    await assertCleanPage(suite);
  });

  /** Opens the wipe confirmation, types the name, and returns the confirm button. */
  async function wipeDialog() {
    await click(suite, "bb-action-wipe");
    await find(suite, "confirm-dialog");
    // Focus starts on Cancel.
    await waitForTestIdFocus("confirm-cancel");
    assert.equal(await prop(suite, "confirm-submit", "disabled"), true, "nothing to confirm before the name");
    const input = await find(suite, "confirm-input");
    await input.sendKeys("john.smith");
    await waitForProp(suite, "confirm-submit", "disabled", false);
    return input;
  }

  async function waitForTestIdFocus(id) {
    await poll(() => focused(suite), (f) => f === id, { message: `focus on ${id}` });
  }

  /** The focused element shows a focus ring (an outline of some width), as keyboard users need. */
  async function assertFocusRing() {
    const ring = await suite.driver.executeScript(`
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { id: el.dataset.testid, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };`);
    assert.ok(ring.style !== "none" && ring.width >= 2, `a visible focus ring on ${ring.id}: ${JSON.stringify(ring)}`);
  }

  /** The status and statistics re-read after the action PUT, then exactly one PUT. */
  async function assertOneWipe() {
    await waitForAttr(suite, "bb-result", "data-outcome", "accepted");
    const log = await waitForRequestsAfter(suite.baseUrl, isActionPut, [isStatusRead, isStatisticsRead], {
      message: "the status and statistics re-read after the action PUT",
    });
    const puts = log.filter(isActionPut);
    assert.equal(puts.length, 1, `exactly one PUT: ${JSON.stringify(puts)}`);
    assert.equal(puts[0].path, ACTION("john.smith"));
    assert.deepEqual(JSON.parse(puts[0].body), { action: "wipe", actionData: "" });
  }

  suite.test("wipe: typed confirmation, one click, one PUT", async () => {
    await openMailbox("john.smith");
    await wipeDialog();
    await screenshot(suite, "wipe-dialog");
    await click(suite, "confirm-submit");
    await assertOneWipe();
    await assertCleanPage(suite);
  });

  suite.test("wipe: a double click on confirm sends one PUT", async () => {
    await openMailbox("john.smith");
    await wipeDialog();
    const submit = await find(suite, "confirm-submit");
    await suite.driver.actions().doubleClick(submit).perform();
    await assertOneWipe();
    await assertCleanPage(suite);
  });

  suite.test("wipe: Enter held down in the name field sends one PUT", async () => {
    await openMailbox("john.smith");
    const input = await wipeDialog();
    await input.click();
    // Repeated keydowns without a keyup: what a held key produces.
    const actions = suite.driver.actions();
    for (let i = 0; i < 8; i++) actions.keyDown(Key.ENTER);
    await actions.keyUp(Key.ENTER).perform();
    await assertOneWipe();
    await assertCleanPage(suite);
  });

  suite.test("BlackBerry: billing status suspended disables every action, and nothing is sent", async () => {
    await openMailbox("bb.suspended");
    await waitForText(suite, "blackberry-status", "Suspended");
    assert.equal(await attr(suite, "blackberry-status", "data-billing"), "suspended");
    await waitForAttr(suite, "bb-actions-reason", "data-reason", "not_open");
    for (const action of ACTIONS) {
      assert.equal(await prop(suite, `bb-action-${action}`, "disabled"), true, `${action} disabled`);
    }
    // A click on a disabled button does nothing.
    await (await find(suite, "bb-action-wipe")).click().catch(() => {});
    assert.equal((await findAll(suite, "confirm-dialog")).length, 0);
    const log = await markRequestLog(suite);
    assert.deepEqual(log.filter((r) => r.method === "PUT"), []);
    await screenshot(suite, "bb-suspended");
    await assertCleanPage(suite);
  });

  suite.test("the strict CSP: the page works under it with no violation and no console error", async () => {
    const res = await fetch(`${suite.baseUrl}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    await openMailbox("john.smith");
    await waitForText(suite, "current-plan", "(standard)");
    await find(suite, "bb-device");
    // Styled by the bundle's stylesheet, which the policy allows.
    assert.equal(await suite.driver.executeScript(`return getComputedStyle(document.querySelector(".oxp-root")).paddingTop;`), "16px");
    // Everything the page started has gone out (and been answered) before the check.
    await markRequestLog(suite);
    await assertCleanPage(suite);
    // The control: the policy is in force and the probe hears this engine report it.
    await suite.driver.executeScript(`
      const style = document.createElement("style");
      style.textContent = "body { color: red }";
      document.head.append(style);`);
    const reported = await poll(
      async () => (await probe(suite)).csp,
      (v) => v.length >= 1,
      { message: "the control violation (an inline style) reported" },
    );
    assert.match(reported[0].directive, /^style-src/);
  });

  suite.test("German: texts, numbers and dates", async () => {
    await openMailbox("john.smith", "&locale=de_DE");
    await waitForText(suite, ".oxp-title", "Postfacheinstellungen");
    await waitForAttr(suite, ".oxp-root", "lang", "de-DE");
    await waitForAttr(suite, ".oxp-root", "dir", "ltr");
    await waitForText(suite, "plan-submit", "Tarif ändern");
    await waitForText(suite, "webmail-panel", "200 MB von 1 GB belegt");
    await waitForText(suite, "blackberry-status", "Aktiv");
    await waitForText(suite, "blackberry-panel", "20.11.2026");
    await click(suite, "bb-action-wipe");
    await waitForText(suite, "confirm-dialog", "Dieses Gerät endgültig löschen?");
    await screenshot(suite, "de-wipe-dialog");
    await click(suite, "confirm-cancel");
    await waitForGone(suite, "confirm-dialog");
    const log = await markRequestLog(suite);
    assert.deepEqual(log.filter((r) => r.method === "PUT"), []);
    await assertCleanPage(suite);
  });

  suite.test("Arabic: right to left, mirrored, Arabic texts", async () => {
    await openMailbox("john.smith", "&locale=ar");
    await waitForText(suite, ".oxp-title", "إعدادات صندوق البريد");
    await waitForAttr(suite, ".oxp-root", "lang", "ar");
    await waitForAttr(suite, ".oxp-root", "dir", "rtl");
    const layout = await suite.driver.executeScript(`
      const root = document.querySelector(".oxp-root");
      const h = document.querySelector(".oxp-title");
      const range = document.createRange();
      range.selectNodeContents(h);
      const words = range.getBoundingClientRect();
      const panel = root.getBoundingClientRect();
      return { direction: getComputedStyle(root).direction, left: words.left - panel.left, right: panel.right - words.right };`);
    assert.equal(layout.direction, "rtl");
    assert.ok(layout.right < layout.left, `the title sits on the right: ${JSON.stringify(layout)}`);
    await waitForText(suite, "plan-submit", "تغيير الخطة");
    await click(suite, "bb-action-wipe");
    await waitForText(suite, "confirm-dialog", "هل تريد مسح هذا الجهاز نهائيًا؟");
    await screenshot(suite, "ar-wipe-dialog");
    await click(suite, "confirm-cancel");
    await waitForGone(suite, "confirm-dialog");
    await assertCleanPage(suite);
  });

  suite.test("keyboard only: Tab, an arrow and Enter change the plan, one PUT", async () => {
    await openMailbox("john.smith");
    await find(suite, "bb-device");
    // The one focus the test gives: the document's body.
    await suite.driver.executeScript("document.activeElement?.blur(); document.body.focus();");
    // Tab reaches the checked plan; an arrow moves past the full (disabled) activesync.
    await tabTo(suite, "plan-option-standard");
    await press(suite, Key.ARROW_DOWN);
    await waitForTestIdFocus("plan-option-premium");
    await waitForProp(suite, "plan-option-premium", "checked", true);
    await assertFocusRing();
    await tabTo(suite, "plan-submit");
    await assertFocusRing();
    await press(suite, Key.ENTER);
    await find(suite, "plan-success");
    await waitForText(suite, "current-plan", "(premium)");
    const log = await waitForRequestsAfter(suite.baseUrl, (r) => r.method === "PUT", [isWebmailRead("john.smith")], {
      message: "the plan re-read after the PUT",
    });
    assert.deepEqual(log.filter((r) => r.method === "PUT").map((r) => r.body), ['{"type":"premium"}']);

    // The wipe dialog by keyboard: focus on Cancel, Tab stays inside, Escape closes it
    // and gives focus back to the button that opened it; nothing is sent.
    await tabTo(suite, "bb-action-wipe");
    await press(suite, Key.ENTER);
    await find(suite, "confirm-dialog");
    await waitForTestIdFocus("confirm-cancel");
    const seen = [];
    for (let i = 0; i < 3; i++) {
      await press(suite, Key.TAB);
      seen.push(await focused(suite));
    }
    assert.deepEqual(seen, ["confirm-input", "confirm-cancel", "confirm-input"], "Tab stays in the dialog");
    await press(suite, Key.ESCAPE);
    await waitForGone(suite, "confirm-dialog");
    await waitForTestIdFocus("bb-action-wipe");
    const after = await markRequestLog(suite);
    assert.equal(after.filter((r) => r.method === "PUT").length, 1, "the plan's PUT only");
    await assertCleanPage(suite);
  });
});
