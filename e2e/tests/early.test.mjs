// Early reads (static/boot.js, src/api/early.rs): the standalone page's first API reads
// start before the module is loaded, and the module takes them over.
// - they really start first: with the .wasm held back until the emulator has logged
//   every first read, the panels still fill in, and nothing is read twice;
// - the boot script never sends what the module would not: for every page of a corpus
//   (ordinary and hostile addresses, host configurations) the API requests, their
//   headers and their number are the same as with the module reading alone (a boot
//   script that only mounts), so each early read was taken over, and a page the module
//   refuses (an apiBase from the address, a dot name) got none.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertNoProblems,
  emulatorAndBrowser,
  markRequestLog,
  newPage,
  openStandalone,
  poll,
  requests,
  resetDemo,
  waitForTestId,
} from "../lib/harness.mjs";

const FIRST_READS = [
  "/api/accounts/test/email/test.com/usernames/john.smith/webmail",
  "/api/accounts/test/email/test.com/webmailNames",
  "/api/accounts/test/email/test.com/webmailLimits",
  "/api/accounts/test/email/test.com/usernames/john.smith/mailbox",
  "/api/accounts/test/email/test.com/usernames?page=1&pageSize=500&details=1",
  "/api/accounts/test/exchange/test.com/mailboxes/john.smith/blackberry/",
  "/api/accounts/test/exchange/test.com/mailboxes/john.smith/blackberry/statistics",
];

// The module alone: what the page does without the boot script's early reads (the module
// the page needs, chosen as boot.js chooses it).
const MODULE_ONLY_BOOT = `
import { load, pageNeedsDomain } from "./ox-panel-modules.js";
const { mountStandalone } = await load(pageNeedsDomain());
try {
  mountStandalone(document.getElementById("ox-panel-root"));
} catch {
  // A refused configuration is shown in the page by the module (as boot.js lets it).
}
`;

// Chromium reports a 4xx answer itself as a console error ("Failed to load resource");
// boot.js says why a refused configuration did not start (the page shows it too).
const ALLOWED_CONSOLE = [/status of 4\d\d/, /^console error: ox-panel failed to start: Error: invalid configuration key/];

/** The page's API requests (and anything to another origin) as the browser sent them:
 * method, URL and the headers that matter. */
function recordApiRequests(page, baseUrl) {
  const sent = [];
  const origin = new URL(baseUrl).origin;
  page.on("request", (request) => {
    const url = new URL(request.url());
    const api = url.pathname.startsWith("/api/") && url.pathname !== "/api/openapi.json";
    if (url.origin === origin && !api) return;
    const h = request.headers();
    sent.push(
      JSON.stringify([request.method(), request.url(), h.authorization ?? null, h.accept ?? null, h["content-type"] ?? null]),
    );
  });
  return sent;
}

/** Opens the page, waits until it has mounted (or refused its configuration) and every
 * first read has gone out, then returns the emulator's log and what the browser sent. */
async function load(browser, baseUrl, { query, config, moduleOnly }) {
  await resetDemo(baseUrl);
  const page = await newPage(browser);
  try {
    if (moduleOnly) {
      await page.route(`${baseUrl}/boot.js`, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: MODULE_ONLY_BOOT }),
      );
    }
    const sent = recordApiRequests(page, baseUrl);
    await openStandalone(page, baseUrl, { query, config });
    await page.waitForFunction(
      () =>
        document.querySelector("[data-testid=config-error]") ||
        (document.querySelector(".oxp-root") && !document.querySelector(".oxp-reserve-plan, .oxp-reserve-bb")),
    );
    const log = (await markRequestLog(page, baseUrl)).slice(0, -1);
    assertNoProblems(page, { allowConsole: ALLOWED_CONSOLE });
    return { log: log.map((r) => `${r.method} ${r.path}`).sort(), sent: sent.sort() };
  } finally {
    await page.context().close();
  }
}

describe("early reads", () => {
  const suite = emulatorAndBrowser();

  test("the first reads go out before the .wasm arrives, and none is sent twice", async () => {
    const { emulator, browser } = suite;
    await resetDemo(emulator.baseUrl);
    const page = await newPage(browser);
    try {
      let held = 0;
      // The .wasm (its preload and any fetch of it) waits until every first read has
      // reached the emulator: without early reads nothing would, and this would time out.
      await page.route(`${emulator.baseUrl}/ox-panel_bg.wasm`, async (route) => {
        held += 1;
        await poll(
          () => requests(emulator.baseUrl),
          (log) => FIRST_READS.every((path) => log.some((r) => r.method === "GET" && r.path === path)),
          { message: "every first read in the emulator's log while the .wasm is held back" },
        );
        await route.continue();
      });
      await page.goto(`${emulator.baseUrl}/`);
      await waitForTestId(page, "current-plan");
      await waitForTestId(page, "blackberry-status");
      assert.ok(held >= 1, "the .wasm went through the held route");
      const log = (await markRequestLog(page, emulator.baseUrl)).slice(0, -1);
      const gets = log.filter((r) => r.method === "GET").map((r) => r.path);
      assert.deepEqual([...gets].sort(), [...FIRST_READS].sort(), "each first read once, and nothing else");
      assertNoProblems(page);
    } finally {
      await page.context().close();
    }
  });

  const pages = [
    { name: "the default page", query: "" },
    { name: "another mailbox", query: "?mailbox=locked.user" },
    { name: "a premium mailbox", query: "?mailbox=premium.user" },
    { name: "a suspended BlackBerry service", query: "?mailbox=bb.suspended" },
    { name: "a repeated key (the first one counts)", query: "?mailbox=premium.user&mailbox=locked.user" },
    { name: "an empty account (ignored)", query: "?account=" },
    { name: "the admin role", query: "?role=admin" },
    { name: "another Exchange user and domain", query: "?exchangeUser=premium.user&exchangeDomain=test.com" },
    { name: "the domain view (empty mailbox)", query: "?mailbox=" },
    { name: "one section", query: "?sections=webmail" },
    { name: "an apiBase path from the address", query: "?apiBase=/api" },
    { name: "an apiBase on another origin (refused)", query: "?apiBase=http://127.0.0.1:9/api" },
    { name: "a dot-dot mailbox (refused)", query: "?mailbox=.." },
    { name: "a name with a slash", query: "?mailbox=a%2Fb" },
    { name: "a name that needs encoding", query: "?mailbox=j%C3%B6rg%20x" },
    { name: "no credential (the browser's own)", query: "", config: { authorization: null } },
    { name: "an apiBase with a trailing slash", query: "", config: { apiBase: "/api/" } },
    { name: "a timeout and quotas", query: "", config: { timeoutMs: 5000, planQuotasMb: { premium: 4096 } } },
  ];

  for (const { name, query, config } of pages) {
    test(`the same requests as the module alone: ${name}`, async () => {
      const { emulator, browser } = suite;
      const alone = await load(browser, emulator.baseUrl, { query, config, moduleOnly: true });
      const early = await load(browser, emulator.baseUrl, { query, config, moduleOnly: false });
      assert.deepEqual(early.log, alone.log, "the emulator saw the same requests, each as often");
      assert.deepEqual(early.sent, alone.sent, "the browser sent the same requests with the same headers");
    });
  }
});
