// Accessibility: axe-core's WCAG 2.x A/AA rules (wcag2a, wcag2aa, wcag21a, wcag21aa,
// wcag22aa) on every state of both panels, the confirmation dialog, the domain view and
// the example host page, in the light and the dark theme; a keyboard-only plan change and
// wipe; no sideways scrolling at 320 px and at 640 px (1280 px at 200 % zoom); the motion
// off under prefers-reduced-motion; the German, right-to-left and 320 px pages screenshotted.
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertCleanPage,
  assertNoHorizontalScroll,
  browserNetworkErrors,
  checkA11y,
  focusedTestId,
  launchBrowser,
  newPage,
  poll,
  resetDemo,
  ROOT,
  screenshot,
  setFaults,
  startEmulator,
  tabTo,
  waitForAttribute,
  waitForRequestsAfter,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const BOX = "john.smith";
const EMAIL = "/api/accounts/test/email/test.com";
const WEBMAIL = `${EMAIL}/usernames/${BOX}/webmail`;
const ACTION = `/api/accounts/test/exchange/test.com/mailboxes/${BOX}/blackberry/action`;
const DOMAIN_VIEW = "?domain=big-domain.com&mailbox=&sections=domain";
const THEMES = ["light", "dark"];

/**
 * Physical directions in a stylesheet (what does not mirror under dir="rtl"): properties
 * with left/right/top/bottom, physical width/height sizes, text-align and float to a side.
 * Media queries (`max-width`) are not properties and are skipped.
 */
function physicalDeclarations(css) {
  const physical =
    /(?:^|[;{\s])((?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)(?:-\w+)?|left|right|top|bottom|(?:min-|max-)?(?:width|height)|float|clear)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)/;
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line, i) => [i + 1, line.replace(/@media[^{]*/g, "")])
    .filter(([, line]) => physical.test(line))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

test("the stylesheets use logical properties only (they mirror under dir=rtl)", () => {
  for (const file of ["style.css", "host-example.css"]) {
    const css = readFileSync(join(ROOT, "static", file), "utf8");
    assert.deepEqual(physicalDeclarations(css), [], file);
  }
  // The check itself finds what it must.
  assert.equal(physicalDeclarations(".a { margin-left: 1px; }\n.b { text-align: left }\n.c{top:0}").length, 3);
});

describe("accessibility", () => {
  let emulator;
  let browser;
  let page;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });
  afterEach(async () => {
    await page?.context().close();
    page = undefined;
  });

  async function open(query = "", { colorScheme = "light", viewport, reducedMotion } = {}) {
    await resetDemo(emulator.baseUrl);
    page = await newPage(browser, {
      colorScheme,
      reducedMotion,
      ...(viewport ? { viewport } : {}),
    });
    await page.goto(`${emulator.baseUrl}/${query}`);
    return page;
  }
  const byId = (id) => page.getByTestId(id);

  /** checkA11y on the page; what axe could not decide goes to the test's diagnostics. */
  async function a11y(t, label) {
    const result = await checkA11y(page, label);
    for (const item of result.incomplete) t.diagnostic(`${label}: axe could not decide ${item}`);
    return result;
  }

  async function outcome(action, accept) {
    const result = byId("bb-result");
    return poll(
      async () => [await result.getAttribute("data-action"), await result.getAttribute("data-outcome")],
      ([a, o]) => a === action && accept(o),
      { message: `the outcome of ${action}` },
    );
  }

  for (const theme of THEMES) {
    test(`both panels, every state (${theme})`, async (t) => {
      const check = (state) => a11y(t, `${state}, ${theme}`);
      // Loading: the reads held back until the check is done.
      await resetDemo(emulator.baseUrl);
      await setFaults(emulator.baseUrl, [{ method: "GET", pathContains: "/api/", delayMs: 3000, times: 6 }]);
      page = await newPage(browser, { colorScheme: theme });
      await page.goto(`${emulator.baseUrl}/`);
      await waitForTestId(page, "loading");
      assert.equal(await byId("loading").count(), 2, "both panels loading");
      assert.ok((await check("loading")).passes > 0, "axe ran its rules");
      await setFaults(emulator.baseUrl, []);

      // Loaded: the full activesync plan disabled with its reason; the BlackBerry device.
      await waitForTestId(page, "current-plan");
      await waitForTestId(page, "plan-option-activesync-reason");
      await waitForTestId(page, "bb-device");
      await check("loaded, an option disabled with its reason");
      await screenshot(page, `a11y-loaded-${theme}`);

      // A plan change that succeeds.
      await byId("plan-option-premium").check();
      await waitForTestId(page, "plan-summary");
      await check("a change chosen");
      await byId("plan-submit").click();
      await waitForTestId(page, "plan-success");
      await check("plan changed");

      // A plan change the server fails (502); the downgrade's warning on the way.
      await waitForText(byId("current-plan"), /premium/i);
      await byId("plan-option-standard").check();
      await waitForTestId(page, "downgrade-warning");
      await setFaults(emulator.baseUrl, [{ method: "PUT", pathContains: "/webmail", status: 502, body: "bad gateway" }]);
      await byId("plan-submit").click();
      await waitForTestId(page, "plan-error");
      await check("plan change failed");
      await setFaults(emulator.baseUrl, []);

      // Each confirmation dialog, before and after the name is typed.
      for (const action of ["resendServiceBooks", "wipe", "reinitialize"]) {
        await byId(`bb-action-${action}`).click();
        await waitForTestId(page, "confirm-dialog");
        await check(`confirm ${action}`);
        if (action !== "resendServiceBooks") {
          await byId("confirm-input").fill("john");
          await check(`confirm ${action}, a wrong name typed`);
          await byId("confirm-input").fill(BOX);
          await check(`confirm ${action}, the name typed`);
        }
        if (action === "wipe") await screenshot(page, `a11y-dialog-${theme}`);
        await byId("confirm-cancel").click();
        await waitForTestId(page, "confirm-dialog", { state: "detached" });
      }

      // Accepted.
      await byId("bb-action-resendServiceBooks").click();
      await byId("confirm-submit").click();
      await outcome("resendServiceBooks", (o) => o === "accepted");
      await waitForRequestsAfter(emulator.baseUrl, (r) => r.method === "PUT" && r.path === ACTION, [
        (r) => r.method === "GET" && r.path.includes("/blackberry/statistics"),
      ]);
      await check("action accepted");

      // Refused by the server (a destructive action: announced assertively).
      await setFaults(emulator.baseUrl, [{ method: "PUT", pathContains: "/blackberry/action", status: 502, body: "bad gateway" }]);
      await byId("bb-action-wipe").click();
      await byId("confirm-input").fill(BOX);
      await byId("confirm-submit").click();
      await outcome("wipe", (o) => o !== "pending" && o !== "accepted");
      await waitForAttribute(page.locator("[data-testid=bb-result]").locator(".."), "aria-live", "assertive");
      await check("action refused");
      await screenshot(page, `a11y-refused-${theme}`);
      assertCleanPage(page, { allowConsole: browserNetworkErrors(502) });
    });

    test(`load failure, no BlackBerry service, disabled actions (${theme})`, async (t) => {
      await resetDemo(emulator.baseUrl);
      await setFaults(emulator.baseUrl, [{ method: "GET", pathContains: "/webmail", status: 502, body: "bad gateway" }]);
      page = await newPage(browser, { colorScheme: theme });
      await page.goto(`${emulator.baseUrl}/`);
      await waitForTestId(page, "load-error");
      await waitForTestId(page, "bb-device");
      await a11y(t, `load failure, ${theme}`);
      await page.context().close();

      await open("?mailbox=no.blackberry", { colorScheme: theme });
      await waitForAttribute(byId("blackberry-status"), "data-billing", "none");
      await waitForTestId(page, "bb-actions-reason");
      await waitForTestId(page, "current-plan");
      await a11y(t, `no BlackBerry service, ${theme}`);
      await page.context().close();

      await open("?mailbox=locked.user", { colorScheme: theme });
      await waitForTestId(page, "allow-upgrade-reason");
      await a11y(t, `upgrades locked, ${theme}`);
      assertCleanPage(page);
    });

    test(`domain view: list, bulk progress and result (${theme})`, async (t) => {
      await open(DOMAIN_VIEW, { colorScheme: theme });
      await waitForTestId(page, "mailbox-list");
      await a11y(t, `domain list, ${theme}`);
      const rows = page.getByTestId("mailbox-row");
      for (const i of [0, 1, 2]) await rows.nth(i).getByTestId("bulk-select").check();
      await page.locator("[data-testid^=bulk-target-]").last().check();
      await waitForTestId(page, "bulk-preview");
      await a11y(t, `domain bulk preview, ${theme}`);
      await setFaults(emulator.baseUrl, [{ method: "PUT", delayMs: 2000 }]);
      await byId("bulk-submit").click();
      await waitForAttribute(byId("bulk-progress"), "data-phase", "running");
      await a11y(t, `domain bulk running, ${theme}`);
      await setFaults(emulator.baseUrl, []);
      await waitForAttribute(byId("bulk-progress"), "data-phase", "finished", { timeout: 20_000 });
      await a11y(t, `domain bulk finished, ${theme}`);
      await screenshot(page, `a11y-domain-${theme}`);

      await rows.first().getByTestId("open-mailbox").click();
      await waitForTestId(page, "current-plan");
      await a11y(t, `domain, one mailbox opened, ${theme}`);
      // The opened mailbox has no BlackBerry service: the browser logs its 404.
      assertCleanPage(page, { allowConsole: browserNetworkErrors(404) });
    });

    test(`example host page (${theme})`, async (t) => {
      await open(`host-example.html?theme=${theme}`, { colorScheme: theme });
      await waitForAttribute(page.locator("html"), "data-host-ready", "true");
      await poll(() => page.getByTestId("current-plan").count(), (n) => n === 2, { message: "both panels loaded" });
      await poll(() => page.getByTestId("bb-device").count(), (n) => n === 2, { message: "both devices" });
      await a11y(t, `host example, ${theme}`);
      await page.getByTestId("bb-action-wipe").first().click();
      await waitForTestId(page, "confirm-dialog");
      await a11y(t, `host example with a dialog, ${theme}`);
      assertCleanPage(page);
    });
  }

  test("keyboard only: a plan change and a wipe, Tab, arrows, Space, Enter, typing and Escape", async () => {
    await open();
    await waitForTestId(page, "current-plan");
    await waitForTestId(page, "bb-device");
    /** The focused element shows a focus ring (an outline of some width). */
    const ring = async () => {
      const { id, style, width } = await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { id: el.dataset.testid ?? el.className, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(style !== "none" && width >= 2, `a visible focus ring on ${id}: ${style} ${width}px`);
    };
    // The one focus the test gives: the page itself.
    await page.locator("body").focus();

    // The radio group: Tab reaches the checked plan, an arrow moves past the disabled one.
    await tabTo(page, "plan-option-standard");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focusedTestId(page), "plan-option-premium", "the arrow skips the full activesync");
    assert.equal(await byId("plan-option-premium").isChecked(), true);
    await ring();
    await tabTo(page, "plan-submit");
    await ring();
    await page.keyboard.press("Enter");
    await waitForTestId(page, "plan-success");
    await waitForText(byId("current-plan"), /premium/i);

    // The wipe: Escape closes the dialog and focus returns to its button.
    await tabTo(page, "bb-action-wipe");
    await page.keyboard.press("Enter");
    await waitForTestId(page, "confirm-dialog");
    assert.equal(await focusedTestId(page), "confirm-cancel", "focus starts on Cancel");
    await ring();
    await page.keyboard.press("Escape");
    await waitForTestId(page, "confirm-dialog", { state: "detached" });
    assert.equal(await focusedTestId(page), "bb-action-wipe", "focus back on the button that opened it");
    await ring();

    // Again with Space; Tab and Shift+Tab stay inside the dialog.
    await page.keyboard.press("Space");
    await waitForTestId(page, "confirm-dialog");
    const seen = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focusedTestId(page));
    }
    // The confirm button is disabled until the name is typed: input and Cancel only.
    assert.deepEqual(seen, ["confirm-input", "confirm-cancel", "confirm-input", "confirm-cancel"]);
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focusedTestId(page), "confirm-input");
    await page.keyboard.type(BOX);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await focusedTestId(page), "confirm-submit");
    await page.keyboard.press("Tab");
    assert.equal(await focusedTestId(page), "confirm-input", "Tab from the last control wraps to the first");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focusedTestId(page), "confirm-submit", "Shift+Tab from the first wraps to the last");
    await ring();
    await page.keyboard.press("Enter");
    await outcome("wipe", (o) => o === "accepted");
    const log = await waitForRequestsAfter(emulator.baseUrl, (r) => r.method === "PUT" && r.path === ACTION, [
      (r) => r.method === "GET" && r.path.includes("/blackberry/statistics"),
    ]);
    assert.deepEqual(
      log.filter((r) => r.method === "PUT").map((r) => [r.path, JSON.parse(r.body)]),
      [
        [WEBMAIL, { type: "premium" }],
        [ACTION, { action: "wipe", actionData: "" }],
      ],
    );
    // Focus went to the outcome (its button is disabled while it is sent).
    await ring();
    assertCleanPage(page);
  });

  for (const width of [320, 640]) {
    test(`no sideways scrolling at ${width} px`, async () => {
      const viewport = { width, height: 800 };
      await open("", { viewport });
      await waitForTestId(page, "current-plan");
      await waitForTestId(page, "bb-device");
      await assertNoHorizontalScroll(page, `both panels at ${width} px`);
      if (width === 320) await screenshot(page, "320px");
      await byId("bb-action-wipe").click();
      await waitForTestId(page, "confirm-dialog");
      await assertNoHorizontalScroll(page, `the dialog at ${width} px`);
      const box = await byId("confirm-dialog").boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `the dialog fits: ${JSON.stringify(box)}`);
      if (width === 320) await screenshot(page, "320px-dialog");
      await page.context().close();

      await open(DOMAIN_VIEW, { viewport });
      await waitForTestId(page, "mailbox-list");
      await assertNoHorizontalScroll(page, `the domain view at ${width} px`);
      if (width === 320) await screenshot(page, "320px-domain");
      await page.context().close();

      await open("host-example.html", { viewport });
      await waitForAttribute(page.locator("html"), "data-host-ready", "true");
      await waitForTestId(page, "current-plan");
      await assertNoHorizontalScroll(page, `the host example at ${width} px`);
      assertCleanPage(page);
    });
  }

  test("prefers-reduced-motion: no animation or transition", async () => {
    await resetDemo(emulator.baseUrl);
    await setFaults(emulator.baseUrl, [{ method: "GET", pathContains: "/api/", delayMs: 3000, times: 6 }]);
    page = await newPage(browser, { reducedMotion: "reduce" });
    await page.goto(`${emulator.baseUrl}/`);
    await waitForTestId(page, "loading");
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll(".oxp-root, .oxp-root *")]
        .filter((el) => {
          const s = getComputedStyle(el);
          const animated = s.animationName !== "none" && parseFloat(s.animationDuration) > 0;
          const transition = s.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
          return animated || transition;
        })
        .map((el) => el.className),
    );
    assert.deepEqual(moving, []);
    await setFaults(emulator.baseUrl, []);
    // The same page without the preference does animate the placeholder (the check is real).
    await page.emulateMedia({ reducedMotion: "no-preference" });
    assert.notEqual(await byId("loading").first().evaluate((el) => getComputedStyle(el).animationName), "none");
  });

  for (const [locale, name, lang, dir, heading] of [
    ["de_DE", "german", "de-DE", "ltr", "Webmail-Tarif"],
    ["ar", "rtl", "ar", "rtl", "خطة البريد عبر الويب"],
  ]) {
    test(`?locale=${locale}: screenshot, language and direction`, async (t) => {
      await open(`?locale=${locale}`);
      await waitForTestId(page, "current-plan");
      await waitForTestId(page, "bb-device");
      const root = page.locator(".oxp-root").first();
      await waitForAttribute(root, "lang", lang);
      await waitForAttribute(root, "dir", dir);
      await waitForText(page.locator(".oxp-panel-title").first(), heading);
      // The panel's title (its text, not its block) and the radio buttons are at the
      // right in right to left only.
      const [title, radio, panel] = await Promise.all([
        page.locator(".oxp-panel-title").first().evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const r = range.getBoundingClientRect();
          return { x: r.x, width: r.width };
        }),
        byId("plan-option-standard").boundingBox(),
        page.locator(".oxp-panel").first().boundingBox(),
      ]);
      const middle = panel.x + panel.width / 2;
      assert.equal(radio.x > middle, dir === "rtl", `the radio at ${radio.x} in ${JSON.stringify(panel)}`);
      assert.equal(title.x > middle, dir === "rtl", `the title's text at ${title.x} in ${JSON.stringify(panel)}`);
      await a11y(t, `?locale=${locale}`);
      await screenshot(page, name);
      assertCleanPage(page);
    });
  }
});
