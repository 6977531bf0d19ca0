// The domain view against hostway-emulator: a generated domain (e2e/lib/generate-domain.mjs),
// paging, sort and filter (a slow answer never replaces a newer one), the limits up front,
// opening one mailbox and coming back (reload and the back button), and the bulk plan
// change: refused rows never sent, cancel half-way, retry after 502s.
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
  setFaults,
  startEmulator,
  waitForAttribute,
  waitForCount,
  waitForTestId,
  waitForText,
} from "../lib/harness.mjs";
import { generatedFixture, generatedName } from "../lib/generate-domain.mjs";

const DOMAIN = "gen.com";
const COUNT = 60;
const FIXTURE = generatedFixture({ domain: DOMAIN, count: COUNT, limits: { activesync: 8 } });
const VIEW = `?domain=${DOMAIN}&mailbox=&sections=domain`;
const name = (i) => generatedName(i, COUNT);
// Generated mailboxes: every 5th activesync (6 of 60 here), every 10th premium, every
// 7th without allowUpgrade.
const PUT_OF = (path) => /\/usernames\/([^/]+)\/webmail$/.exec(path)?.[1];

describe("domain view", () => {
  let emulator;
  let browser;
  let page;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: FIXTURE }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });
  beforeEach(async () => {
    await page?.context().close();
    await setFaults(emulator.baseUrl, []);
    await resetFixture(emulator.baseUrl, FIXTURE);
  });

  async function open(suffix = "") {
    page = await newPage(browser);
    await page.goto(`${emulator.baseUrl}/${VIEW}${suffix}`);
    await waitForTestId(page, "mailbox-list");
    return page;
  }

  const rows = () => page.getByTestId("mailbox-row");
  const usernames = () => rows().evaluateAll((els) => els.map((e) => e.dataset.username));
  const puts = async () => (await requests(emulator.baseUrl)).filter((r) => r.method === "PUT");
  const phase = (expected) => waitForAttribute(page.getByTestId("bulk-progress"), "data-phase", expected);
  const row = (user) => page.locator(`[data-testid=mailbox-row][data-username="${user}"]`);

  async function selectRows(indices) {
    for (const i of indices) await row(name(i)).getByTestId("bulk-select").check();
    await waitForText(page.getByTestId("bulk-selected"), `${indices.length} mailboxes selected`);
  }

  test("paging, sort and page size on the server; only one page in the DOM", async () => {
    await open();
    await waitForCount(rows(), 25);
    assert.equal((await usernames())[0], name(1));
    await waitForText(page.getByTestId("page-info"), "Page 1 of 3 (60 mailboxes)");
    await page.getByTestId("page-next").click();
    await waitForText(page.getByTestId("page-info"), "Page 2 of 3");
    await poll(usernames, (u) => u[0] === name(26) && u.length === 25, { message: "page 2" });
    assert.match(page.url(), /#page=2$/);
    await page.getByTestId("sort").selectOption("quota");
    await waitForText(page.getByTestId("page-info"), "Page 1 of 3");
    // By quota, then name: the standard (1 GB) mailboxes first.
    await poll(usernames, (u) => u[0] === name(1) && !u.includes(name(5)), { message: "sorted by quota" });
    await page.getByTestId("page-size").selectOption("50");
    await waitForCount(rows(), 50);
    const log = await requests(emulator.baseUrl);
    assert.ok(log.some((r) => r.path.includes("page=1&pageSize=50&sortField=quota&sortOrder=asc&details=1")));
    assert.ok(log.some((r) => r.path.includes("page=2&pageSize=25&sortField=username")));
    assertNoProblems(page);
  });

  test("filter: debounced, and a slow older answer never replaces a newer one", async () => {
    await open();
    // The first filter request is answered late.
    await setFaults(emulator.baseUrl, [{ method: "GET", pathContains: "filterUsername", delayMs: 2000, times: 1 }]);
    const slow = page.waitForResponse((r) => r.url().includes("filterUsername") && !r.url().includes("user00011"));
    await page.getByTestId("mailbox-filter").fill("user0001");
    await poll(() => requests(emulator.baseUrl), (log) => log.some((r) => r.path.includes("filterUsername")), {
      message: "the first filter request",
    });
    await page.getByTestId("mailbox-filter").fill("user00011");
    await poll(usernames, (u) => u.length === 1 && u[0] === "user00011", { message: "the newer answer" });
    // The older answer (user00010 … user00019) arrives after it and is dropped.
    await (await slow).finished();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await usernames(), ["user00011"]);
    const filters = (await requests(emulator.baseUrl)).filter((r) => r.path.includes("filterUsername"));
    assert.equal(filters.length, 2, JSON.stringify(filters));
    assert.match(page.url(), /filter=user00011/);
    await screenshot(page, "domain-filter");
  });

  test("the limits up front, and the limit counted across a selection", async () => {
    await open();
    await waitForText(page.getByTestId("limit-activesync"), "SMX Sync Advanced: 6 of 8 used");
    // Three standard mailboxes for the last two seats: the third is refused before sending.
    await selectRows([1, 2, 3]);
    await page.getByTestId("bulk-target-activesync").check();
    await waitForAttribute(page.getByTestId("bulk-preview"), "data-send", "2");
    const refused = page.getByTestId("bulk-refused");
    await waitForCount(refused, 1);
    assert.equal(await refused.getAttribute("data-username"), name(3));
    assert.equal(await refused.getAttribute("data-code"), "limit_reached");
    assert.equal(await refused.getAttribute("data-selection"), "true");
    assert.match(await refused.textContent(), /other selected mailboxes/);
    assert.deepEqual(await puts(), []);
    await screenshot(page, "domain-limits");
  });

  test("open one mailbox and return: reload and the back button keep the place", async () => {
    await open("#page=2");
    await poll(usernames, (u) => u[0] === name(26), { message: "page 2 from the hash" });
    await row(name(27)).getByTestId("open-mailbox").click();
    await waitForTestId(page, "current-plan");
    await waitForTestId(page, "blackberry-panel");
    assert.match(page.url(), new RegExp(`#mailbox=${name(27)}&page=2$`));
    await page.reload();
    await waitForText(page.getByTestId("current-plan"), "SMX Mail Basic (standard)");
    // The browser's back button returns to the list, on its page.
    await page.goBack();
    await waitForTestId(page, "mailbox-list");
    await poll(usernames, (u) => u[0] === name(26), { message: "back on page 2" });
    // And the view's own back button does too.
    await row(name(28)).getByTestId("open-mailbox").click();
    await waitForTestId(page, "current-plan");
    await page.getByTestId("domain-back").click();
    await poll(usernames, (u) => u[0] === name(26), { message: "back on page 2 again" });
    assert.match(page.url(), /#page=2$/);
    // A hostile hash is ignored, not an error.
    await page.goto(`${emulator.baseUrl}/${VIEW}#page=-1&sort=%3Cscript%3E&mailbox=..`);
    await waitForText(page.getByTestId("page-info"), "Page 1 of 3");
    assertNoProblems(page, { allowConsole: [/status of 404/] });
  });

  test("bulk change of 10 where 2 are refused by the rules: exactly 8 PUTs", async () => {
    await open();
    // All standard; 7 and 14 have upgrades turned off.
    const chosen = [1, 2, 3, 4, 6, 7, 8, 9, 11, 14];
    await selectRows(chosen);
    await page.getByTestId("bulk-target-premium").check();
    await waitForAttribute(page.getByTestId("bulk-preview"), "data-send", "8");
    assert.equal(await page.getByTestId("bulk-preview").getAttribute("data-refused"), "2");
    const refused = await page.getByTestId("bulk-refused").evaluateAll((els) => els.map((e) => [e.dataset.username, e.dataset.code]));
    assert.deepEqual(refused, [[name(7), "upgrade_not_allowed"], [name(14), "upgrade_not_allowed"]]);
    await page.getByTestId("bulk-submit").click();
    await phase("finished");
    await waitForText(page.getByTestId("bulk-progress-text"), "8 of 8 finished: 8 changed");
    const sent = await puts();
    assert.equal(sent.length, 8);
    assert.deepEqual(sent.map((r) => PUT_OF(r.path)).sort(), chosen.filter((i) => i !== 7 && i !== 14).map(name).sort());
    assert.ok(sent.every((r) => r.body === '{"type":"premium"}'));
    // The re-read list shows the new plans.
    await waitForText(row(name(1)).getByTestId("row-plan"), "SMA Collaborate Premium");
    await waitForAttribute(row(name(1)).getByTestId("bulk-result"), "data-state", "done");
    await screenshot(page, "domain-bulk-done");
    assertNoProblems(page);
  });

  test("cancel half-way: nothing is sent after it", async () => {
    await open();
    await setFaults(emulator.baseUrl, [{ method: "PUT", delayMs: 1500 }]);
    await selectRows([1, 2, 3, 4, 6, 8, 9, 11, 12, 13]);
    await page.getByTestId("bulk-target-premium").check();
    await waitForAttribute(page.getByTestId("bulk-preview"), "data-send", "10");
    await page.getByTestId("bulk-submit").click();
    await poll(puts, (p) => p.length === 4, { message: "the first four PUTs" });
    await page.getByTestId("bulk-cancel").click();
    await phase("cancelled");
    // The positive signal after the run: the list is read again, after the last answer.
    await poll(
      () => requests(emulator.baseUrl),
      (log) => {
        const lastPut = log.findLastIndex((r) => r.method === "PUT");
        return log.slice(lastPut + 1).some((r) => r.method === "GET" && r.path.includes("/usernames?") && r.path.includes("pageSize=25"));
      },
      { message: "the list re-read after the cancelled run" },
    );
    assert.equal((await puts()).length, 4);
    await waitForText(page.getByTestId("bulk-progress-text"), "4 changed, 0 failed, 6 not sent");
    await waitForAttribute(row(name(13)).getByTestId("bulk-result"), "data-state", "cancelled");
    assertNoProblems(page);
  });

  test("retry after 502s sends only the failed rows, never one that succeeded", async () => {
    await open();
    await setFaults(emulator.baseUrl, [
      { method: "PUT", pathContains: `/${name(2)}/`, status: 502, body: "bad gateway", times: 1 },
      { method: "PUT", pathContains: `/${name(4)}/`, status: 502, body: "bad gateway", times: 1 },
    ]);
    const chosen = [1, 2, 3, 4, 6];
    await selectRows(chosen);
    await page.getByTestId("bulk-target-premium").check();
    await waitForAttribute(page.getByTestId("bulk-preview"), "data-send", "5");
    await page.getByTestId("bulk-submit").click();
    await phase("finished");
    await waitForText(page.getByTestId("bulk-progress-text"), "3 changed, 2 failed");
    await waitForAttribute(row(name(2)).getByTestId("bulk-result"), "data-state", "failed");
    await page.getByTestId("bulk-retry").click();
    await waitForText(page.getByTestId("bulk-progress-text"), "5 changed, 0 failed");
    await phase("finished");
    const per = {};
    for (const r of await puts()) per[PUT_OF(r.path)] = (per[PUT_OF(r.path)] ?? 0) + 1;
    assert.deepEqual(per, { [name(1)]: 1, [name(2)]: 2, [name(3)]: 1, [name(4)]: 2, [name(6)]: 1 });
    assert.equal(await page.getByTestId("bulk-retry").count(), 0);
    // The browser logs the two 502s.
    assertNoProblems(page, { allowConsole: [/status of 502/] });
  });
});
