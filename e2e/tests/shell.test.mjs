// The app shell: the standalone page renders its header and the two sections for the
// configured account, domain and mailbox; the query string overrides the mailbox; nothing
// breaks the page's strict Content-Security-Policy.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertNoProblems,
  launchBrowser,
  newPage,
  resetFixture,
  screenshot,
  startEmulator,
  waitForRequest,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";

const webmailPath = (mailbox) => `/api/accounts/test/email/test.com/usernames/${mailbox}/webmail`;

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
    await resetFixture(emulator.baseUrl, "main-account");
    const page = await newPage(browser);
    const response = await page.goto(`${emulator.baseUrl}/${query}`);
    assert.equal(response.status(), 200, "index.html is served");
    assert.match(
      response.headers()["content-security-policy"] ?? "",
      /script-src 'self' 'wasm-unsafe-eval'/,
      "the page is served under the strict CSP",
    );
    await page.locator("#ox-panel-root header").waitFor({ state: "visible" });
    await waitForTestId(page, "webmail-panel");
    await waitForTestId(page, "blackberry-panel");
    return page;
  }

  test("renders the header and both sections for the configured mailbox", async () => {
    const page = await openShell("?mailbox=john.smith");
    try {
      const header = page.locator("#ox-panel-root header");
      await waitForText(header, "john.smith@test.com");
      assert.match(await header.textContent(), /\btest\b.*john\.smith@test\.com/s, "account and address");
      await waitForText(page.getByTestId("current-plan"), "SMX Mail Basic");
      await waitForText(page.getByTestId("blackberry-panel"), "john.smith@test.com");
      await waitForRequest(emulator.baseUrl, (r) => r.method === "GET" && r.path === webmailPath("john.smith"));
      await screenshot(page, "shell");
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });

  test("the query string overrides the mailbox", async () => {
    const page = await openShell("?mailbox=locked.user");
    try {
      await waitForText(page.locator("#ox-panel-root header"), "locked.user@test.com");
      await waitForText(page.getByTestId("blackberry-panel"), "locked.user");
      await waitForRequest(emulator.baseUrl, (r) => r.method === "GET" && r.path === webmailPath("locked.user"));
      assert.doesNotMatch(await page.locator("body").textContent(), /john\.smith/, "the configured mailbox is replaced");
      await screenshot(page, "shell-query-override");
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
    }
  });

  test("the bundle also works from a sub-path (relative URLs)", async () => {
    const sub = await startEmulator({ fixture: "main-account", args: ["--dist-prefix", "/panel/modules/ox/"] });
    const page = await newPage(browser);
    try {
      const response = await page.goto(`${sub.baseUrl}/panel/modules/ox/?mailbox=john.smith`);
      assert.equal(response.status(), 200);
      await waitForText(page.locator("#ox-panel-root header"), "john.smith@test.com");
      await waitForText(page.getByTestId("current-plan"), "SMX Mail Basic");
      const wasm = (await requestsSeenBy(page)).find((u) => u.endsWith(".wasm"));
      assert.equal(new URL(wasm).pathname, "/panel/modules/ox/ox-panel_bg.wasm");
      assertNoProblems(page, { consoleErrors: false });
    } finally {
      await page.context().close();
      await sub.stop();
    }
  });
});

/** URLs of the resources the page loaded (Resource Timing). */
function requestsSeenBy(page) {
  return page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
}
