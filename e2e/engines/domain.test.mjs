// The domain view in every engine (./harness.mjs): paging, the name filter, and a bulk
// change of three selected mailboxes where the rules refuse one: two PUTs.
import assert from "node:assert/strict";
import { poll, requests, resetFixture } from "../lib/emulator.mjs";
import { generatedFixture, generatedName } from "../lib/generate-domain.mjs";
import {
  assertCleanPage,
  attr,
  click,
  find,
  findAll,
  forEachEngine,
  markRequestLog,
  open,
  screenshot,
  waitForAttr,
  waitForText,
} from "./harness.mjs";

const DOMAIN = "gen.com";
const COUNT = 60;
// Generated mailboxes: every 5th activesync, every 10th premium, every 7th without allowUpgrade.
const FIXTURE = generatedFixture({ domain: DOMAIN, count: COUNT });
const VIEW = `/?domain=${DOMAIN}&mailbox=&sections=domain`;
const name = (i) => generatedName(i, COUNT);
const PUT_OF = (path) => /\/usernames\/([^/]+)\/webmail$/.exec(path)?.[1];
const ROW = (user) => `[data-testid="mailbox-row"][data-username="${user}"]`;

forEachEngine("the domain view", {}, (suite) => {
  suite.beforeEach(async () => {
    await resetFixture(suite.baseUrl, FIXTURE);
  });

  const usernames = async () => {
    const rows = await findAll(suite, "mailbox-row");
    return Promise.all(rows.map((r) => r.getAttribute("data-username")));
  };

  suite.test("paging and the name filter, read from the server", async () => {
    await open(suite, VIEW);
    await find(suite, "mailbox-list");
    await waitForText(suite, "page-info", "Page 1 of 3 (60 mailboxes)");
    await poll(usernames, (u) => u.length === 25 && u[0] === name(1), { message: "page 1" });
    await click(suite, "page-next");
    await waitForText(suite, "page-info", "Page 2 of 3");
    await poll(usernames, (u) => u.length === 25 && u[0] === name(26), { message: "page 2" });
    const filter = await find(suite, "mailbox-filter");
    await filter.sendKeys("user00011");
    await poll(usernames, (u) => u.length === 1 && u[0] === "user00011", { message: "the filtered list" });
    const log = await markRequestLog(suite);
    assert.ok(log.some((r) => r.method === "GET" && r.path.includes("page=2&pageSize=25")), "page 2 read");
    assert.ok(log.some((r) => r.method === "GET" && r.path.includes("filterUsername") && r.path.includes("user00011")), "filter read");
    assert.deepEqual(log.filter((r) => r.method === "PUT"), []);
    await screenshot(suite, "domain-filter");
    await assertCleanPage(suite);
  });

  suite.test("bulk change of three where the rules refuse one: exactly two PUTs", async () => {
    await open(suite, VIEW);
    await find(suite, "mailbox-list");
    // 1 and 2 are standard with upgrades allowed; 7 has allowUpgrade false.
    const chosen = [1, 2, 7];
    for (const i of chosen) await click(suite, `${ROW(name(i))} [data-testid="bulk-select"]`);
    await waitForText(suite, "bulk-selected", "3 mailboxes selected");
    await click(suite, "bulk-target-premium");
    await waitForAttr(suite, "bulk-preview", "data-send", "2");
    assert.equal(await attr(suite, "bulk-preview", "data-refused"), "1");
    assert.equal(await attr(suite, "bulk-refused", "data-username"), name(7));
    assert.equal(await attr(suite, "bulk-refused", "data-code"), "upgrade_not_allowed");
    await click(suite, "bulk-submit");
    await waitForAttr(suite, "bulk-progress", "data-phase", "finished");
    await waitForText(suite, "bulk-progress-text", "2 of 2 finished: 2 changed");
    // The list is read again after the last answer: the positive signal that the run is over.
    const log = await poll(
      () => requests(suite.baseUrl),
      (l) => {
        const lastPut = l.findLastIndex((r) => r.method === "PUT");
        return lastPut >= 0 && l.slice(lastPut + 1).some((r) => r.method === "GET" && r.path.includes("/usernames?"));
      },
      { message: "the list re-read after the bulk change" },
    );
    const puts = log.filter((r) => r.method === "PUT");
    assert.deepEqual(puts.map((r) => PUT_OF(r.path)).sort(), [name(1), name(2)]);
    assert.ok(puts.every((r) => r.body === '{"type":"premium"}'));
    await waitForText(suite, `${ROW(name(1))} [data-testid="row-plan"]`, "SMA Collaborate Premium");
    await screenshot(suite, "domain-bulk");
    await assertCleanPage(suite);
  });
});
