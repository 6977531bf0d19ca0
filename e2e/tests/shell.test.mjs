// The app shell: the standalone page renders the header and the two sections for the
// configured account, domain and mailbox; the query string overrides the mailbox; nothing
// breaks the page's strict Content-Security-Policy.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertNoProblems,
  launchBrowser,
  newPage,
  screenshot,
  startEmulator,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

describe("app shell", () => {
  let emulator;
  let browser;

  before(async () => {
    [emulator, browser] = await Promise.all([
      startEmulator({ fixture: "main-account" }),
      launchBrowser(),
    ]);
  });

  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  async function openShell(query) {
    const page = await newPage(browser);
    const response = await page.goto(`${emulator.baseUrl}/${query}`);
    assert.equal(response.status(), 200, "index.html is served");
    await waitForTestId(page, "webmail-panel");
    await waitForTestId(page, "blackberry-panel");
    return page;
  }

  test("renders the header and both sections for the configured mailbox", async () => {
    const page = await openShell("?mailbox=john.smith");
    try {
      await page.locator("header").first().waitFor({ state: "visible" });
      for (const id of ["webmail-panel", "blackberry-panel"]) {
        const section = page.getByTestId(id);
        await waitForText(section, "john.smith");
        const text = await section.textContent();
        assert.match(text, /test\.com/, `${id} shows the domain`);
        assert.match(text, /\btest\b/, `${id} shows the account`);
      }
      await screenshot(page, "shell");
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });

  test("the query string overrides the mailbox", async () => {
    const page = await openShell("?mailbox=locked.user");
    try {
      await waitForText(page.getByTestId("webmail-panel"), "locked.user");
      await waitForText(page.getByTestId("blackberry-panel"), "locked.user");
      const body = await page.locator("body").textContent();
      assert.doesNotMatch(body, /john\.smith/, "the configured mailbox is replaced");
      await screenshot(page, "shell-query-override");
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });
});
