// Languages: the standalone page in German and Arabic (?locale=), the account's language
// when no locale is configured, and a host page switching languages with
// handle.setLocale() without a reload and without a request.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertNoProblems,
  launchBrowser,
  loadFixture,
  markRequestLog,
  newPage,
  requests,
  resetFixture,
  screenshot,
  startEmulator,
  waitForAttribute,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const USER = "Basic ZGVtbzpkZW1v";

/** main-account plus de.user, whose account language is German. */
function fixture() {
  const f = loadFixture("main-account");
  const mailboxes = f.accounts.test.domains["test.com"].mailboxes;
  mailboxes["de.user"] = { ...structuredClone(mailboxes["john.smith"]), language: "de_DE" };
  return f;
}

describe("languages", () => {
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

  const root = () => page.locator(".oxp-root");
  const title = () => page.locator(".oxp-title");

  async function openWipeDialog() {
    const wipe = page.getByTestId("bb-action-wipe");
    await wipe.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="bb-action-wipe"]')?.disabled);
    await wipe.click();
    return waitForTestId(page, "confirm-dialog");
  }

  test("?locale=de_DE: German texts, numbers, sizes and dates", async () => {
    await page.goto(`${emulator.baseUrl}/?locale=de_DE`);
    await waitForText(title(), "Postfacheinstellungen");
    await waitForAttribute(root(), "lang", "de-DE");
    await waitForAttribute(root(), "dir", "ltr");
    await waitForText(page.getByTestId("plan-submit"), "Tarif ändern");
    await waitForText(page.getByTestId("webmail-panel"), "200 MB von 1 GB belegt");
    await waitForText(page.getByTestId("blackberry-status"), "Aktiv");
    await waitForText(page.getByTestId("blackberry-panel"), "20.11.2026");
    const dialog = await openWipeDialog();
    await waitForText(dialog, "Dieses Gerät endgültig löschen?");
    await waitForText(page.getByTestId("confirm-submit"), "Gerät endgültig löschen");
    await screenshot(page, "i18n-de-wipe-dialog");
    await page.getByTestId("confirm-cancel").click();
    assertNoProblems(page);
  });

  test("?locale=ar: right to left, Arabic headings, buttons and confirmation", async () => {
    await page.goto(`${emulator.baseUrl}/?locale=ar`);
    await waitForText(title(), "إعدادات صندوق البريد");
    await waitForAttribute(root(), "lang", "ar");
    await waitForAttribute(root(), "dir", "rtl");
    assert.equal(await root().evaluate((e) => getComputedStyle(e).direction), "rtl");
    // Mirrored: the title's words sit at the right edge of the panel.
    const gaps = await title().evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const words = range.getBoundingClientRect();
      const panel = h.closest(".oxp-root").getBoundingClientRect();
      return { left: words.left - panel.left, right: panel.right - words.right };
    });
    assert.ok(gaps.right < gaps.left, `title on the right: ${JSON.stringify(gaps)}`);
    await waitForText(page.getByTestId("plan-submit"), "تغيير الخطة");
    const dialog = await openWipeDialog();
    await waitForText(dialog, "هل تريد مسح هذا الجهاز نهائيًا؟");
    await waitForText(page.getByTestId("confirm-cancel"), "إلغاء");
    await screenshot(page, "i18n-ar-wipe-dialog");
    await page.getByTestId("confirm-cancel").click();
    assertNoProblems(page);
  });

  test("no configured locale: the account's language decides", async () => {
    await page.goto(`${emulator.baseUrl}/?mailbox=de.user`);
    await waitForText(title(), "Postfacheinstellungen");
    await waitForAttribute(root(), "lang", "de-DE");
    assertNoProblems(page);
  });

  test("a host page switches languages with setLocale, without a reload or a request", async () => {
    await page.route(`${emulator.baseUrl}/i18n-host.html`, async (route) => {
      const original = await route.fetch({ url: `${emulator.baseUrl}/` });
      const headers = { ...original.headers(), "content-type": "text/html; charset=utf-8" };
      delete headers["content-length"];
      const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head>
        <body><div id="slot"></div></body></html>`;
      await route.fulfill({ status: 200, headers, body });
    });
    await page.goto(`${emulator.baseUrl}/i18n-host.html`);
    await page.evaluate(
      async ([auth]) => {
        const glue = await import(new URL("ox-panel.js", document.baseURI).href);
        await glue.default();
        window.__loads = (window.__loads ?? 0) + 1;
        window.__handle = glue.mount(document.getElementById("slot"), {
          apiBase: "/api", account: "test", domain: "test.com", mailbox: "john.smith", authorization: auth,
        });
      },
      [USER],
    );
    await waitForText(title(), "Mailbox settings");
    await page.getByTestId("blackberry-status").waitFor();
    await waitForText(page.getByTestId("webmail-panel"), "200 MB of 1 GB used");
    const before = await requests(emulator.baseUrl);

    const setLocale = (value) => page.evaluate((v) => window.__handle.setLocale(v), value);
    await setLocale("de_DE");
    await waitForText(title(), "Postfacheinstellungen");
    await waitForText(page.getByTestId("plan-submit"), "Tarif ändern");
    await waitForText(page.getByTestId("webmail-panel"), "200 MB von 1 GB belegt");
    await setLocale("ar");
    await waitForAttribute(root(), "dir", "rtl");
    await waitForText(title(), "إعدادات صندوق البريد");
    await setLocale("en--US"); // malformed: English, and no throw
    await waitForAttribute(root(), "lang", "en-US");
    await waitForText(title(), "Mailbox settings");
    await setLocale("de_AT");
    await waitForAttribute(root(), "lang", "de-DE");
    await setLocale(null); // back to the account's language (en_US here)
    await waitForText(title(), "Mailbox settings");
    await waitForAttribute(root(), "dir", "ltr");

    const log = await markRequestLog(page, emulator.baseUrl);
    assert.deepEqual(log.slice(before.length, -1), [], "no request for a language change");
    assert.equal(await page.evaluate(() => window.__loads), 1, "no reload");
    await screenshot(page, "i18n-host-set-locale");
    assertNoProblems(page);
  });
});
