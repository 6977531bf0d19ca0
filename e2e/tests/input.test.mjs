// Customer input the panel must take calmly. Repeated input: a double click, a held Enter
// (key repeat) and a second submit while the first is under way, on every control that
// sends, each followed by exactly one PUT in the emulator's request log. Odd names:
// account, domain and mailbox names with `/`, `..`, `%2F`, `?`, `#`, a space, non-ASCII
// letters and 300 characters, from the query string: every request stays in its route
// (its path segments decode back to exactly the name) and the page shows the names as text.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertCleanPage,
  launchBrowser,
  loadFixture,
  newPage,
  openStandalone,
  poll,
  requests,
  resetFixture,
  screenshot,
  setFaults,
  startEmulator,
  waitForAttribute,
  waitForTestId,
  waitForText,
  puts,
  readAfterPut,
} from "../lib/harness.mjs";

const BOX = "john.smith";
const EMAIL = "/api/accounts/test/email/test.com";
const BB = `/api/accounts/test/exchange/test.com/mailboxes/${BOX}/blackberry`;
const WEBMAIL = `${EMAIL}/usernames/${BOX}/webmail`;
const ACTION = `${BB}/action`;
/** How long a PUT is held in the "while in flight" cases. */
const IN_FLIGHT_MS = 2000;

/** Key repeat: keydowns without a keyup, as a held key produces (repeat=true after the first). */
async function holdEnter(page, times = 8) {
  for (let i = 0; i < times; i++) await page.keyboard.down("Enter");
  await page.keyboard.up("Enter");
}

describe("input", () => {
  let emulator;
  let browser;
  let page;
  let allowConsole;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: "main-account" }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });
  /** Runs `body` on a fresh page, then checks the page and closes it (see faults.test.mjs). */
  const session = (body) => async (t) => {
    allowConsole = [];
    page = await newPage(browser);
    try {
      await body(t);
      assertCleanPage(page, { allowConsole });
    } finally {
      await page.context().close();
    }
  };

  const byId = (id) => page.getByTestId(id);
  const log = () => requests(emulator.baseUrl);

  async function openJohn() {
    await resetFixture(emulator.baseUrl, loadFixture("main-account"));
    const response = await openStandalone(page, emulator.baseUrl, { query: `?mailbox=${BOX}` });
    assert.equal(response.status(), 200);
    await waitForText(byId("current-plan"), "(standard)");
    await waitForAttribute(byId("blackberry-status"), "data-billing", "open");
    await waitForTestId(page, "loading", { state: "detached" });
  }

  describe("repeated input sends one request", () => {
    // Run in order on one page: each changes the plan from where the previous one left it.
    const PLAN_CASES = [
      {
        label: "double click on plan-submit",
        to: "premium",
        send: () => byId("plan-submit").dblclick(),
      },
      {
        label: "Enter held on plan-submit",
        to: "activesync",
        send: async () => {
          await byId("plan-submit").focus();
          await holdEnter(page);
        },
      },
      {
        label: "Enter held on the chosen option (implicit submission)",
        to: "standard",
        send: async () => {
          await byId("plan-option-standard").focus();
          await holdEnter(page);
        },
      },
      {
        label: "submit again while the first is under way",
        to: "premium",
        slow: true,
        send: async () => {
          await byId("plan-submit").click();
          await poll(() => byId("plan-submit").isDisabled(), Boolean, { message: "plan-submit locked" });
          // The locked controls ignore whatever reaches them meanwhile.
          await byId("plan-submit").dblclick({ force: true });
          await byId("plan-option-premium").focus();
          await holdEnter(page, 4);
          await page.keyboard.press("Enter");
        },
      },
    ];

    test("plan change: plan-submit", session(async (t) => {
      await openJohn();
      for (const [i, c] of PLAN_CASES.entries()) {
        await t.test(c.label, async () => {
          await setFaults(emulator.baseUrl, c.slow ? [{ method: "PUT", pathContains: "/webmail", delayMs: IN_FLIGHT_MS }] : []);
          await byId(`plan-option-${c.to}`).check();
          await c.send();
          await waitForTestId(page, "plan-success");
          await waitForText(byId("current-plan"), `(${c.to})`);
          // The re-read follows the answer: any second PUT would sit before it.
          const seen = await poll(log, (l) => readAfterPut(l, WEBMAIL, i + 1, WEBMAIL), {
            message: "the settings read again",
          });
          const sent = puts(seen, WEBMAIL);
          assert.equal(sent.length, i + 1, `one PUT for this change, got ${JSON.stringify(sent.map((r) => r.body))}`);
          assert.equal(sent[i].body, JSON.stringify({ type: c.to }));
        });
      }
    }));

    const ACTION_CASES = [
      { label: "double click on confirm-submit", send: () => byId("confirm-submit").dblclick() },
      {
        label: "Enter held on confirm-submit",
        send: async () => {
          await byId("confirm-submit").focus();
          await holdEnter(page);
        },
      },
      {
        label: "Enter held in confirm-input",
        destructiveOnly: true,
        send: async () => {
          await byId("confirm-input").focus();
          await holdEnter(page);
        },
      },
      {
        label: "confirm again while the first is under way",
        slow: true,
        send: async (action) => {
          await byId("confirm-submit").click();
          await waitForAttribute(byId("bb-result"), "data-outcome", "pending");
          // Every action is locked until the answer: no second dialog, nothing sent.
          for (const a of ["resendServiceBooks", "wipe", "reinitialize"]) {
            await byId(`bb-action-${a}`).click({ force: true });
          }
          assert.equal(await byId("confirm-dialog").count(), 0, `no dialog while ${action} is under way`);
          await holdEnter(page, 4);
        },
      },
    ];

    for (const action of ["resendServiceBooks", "wipe", "reinitialize"]) {
      test(`BlackBerry ${action}: confirm-submit`, session(async (t) => {
        await openJohn();
        const cases = ACTION_CASES.filter((c) => action !== "resendServiceBooks" || !c.destructiveOnly);
        for (const [i, c] of cases.entries()) {
          await t.test(c.label, async () => {
            await setFaults(
              emulator.baseUrl,
              c.slow ? [{ method: "PUT", pathContains: "/blackberry/action", delayMs: IN_FLIGHT_MS }] : [],
            );
            await byId(`bb-action-${action}`).click();
            await waitForTestId(page, "confirm-dialog");
            if (action !== "resendServiceBooks") await byId("confirm-input").fill(BOX);
            await waitForAttribute(byId("confirm-submit"), "disabled", null);
            await c.send(action);
            const result = byId("bb-result");
            await poll(
              async () => [await result.getAttribute("data-outcome"), (await puts(await log(), ACTION)).length],
              ([o, n]) => o === "accepted" && n === i + 1,
              { message: `${action} accepted` },
            );
            const seen = await poll(log, (l) => readAfterPut(l, ACTION, i + 1, `${BB}/statistics`), {
              message: "the device read again",
            });
            const sent = puts(seen, ACTION);
            assert.equal(sent.length, i + 1, `one PUT for this confirmation, got ${sent.length}`);
            assert.deepEqual(JSON.parse(sent[i].body), { action, actionData: "" });
            assert.equal(await byId("confirm-dialog").count(), 0, "the dialog closed with the send");
          });
        }
      }));
    }
  });

  describe("odd names stay in their route and show as text", () => {
    const LONG = "jü李/ ?#%.a".repeat(30);
    const NAMES = ["a/b", "..", "%2F", "?x=1", "#frag", "john smith", "jürgen", "李", LONG];
    assert.equal(LONG.length, 300);

    /** main-account's john.smith under account, domain and mailbox all called `name`. */
    function fixture(name) {
      const f = loadFixture("main-account");
      const domain = f.accounts.test.domains["test.com"];
      domain.mailboxes = { [name]: domain.mailboxes[BOX] };
      return { credentials: f.credentials, accounts: { [name]: { domains: { [name]: domain } } } };
    }

    // The API's routes, with A(ccount), D(omain), M(ailbox) for the name's segments.
    const ROUTES = [
      ["api", "accounts", "A", "email", "D", "usernames", "M", "webmail"],
      ["api", "accounts", "A", "email", "D", "usernames", "M", "mailbox"],
      ["api", "accounts", "A", "email", "D", "webmailNames"],
      ["api", "accounts", "A", "email", "D", "webmailLimits"],
      ["api", "accounts", "A", "email", "D", "usernames"],
      ["api", "accounts", "A", "exchange", "D", "mailboxes", "M", "blackberry"],
      ["api", "accounts", "A", "exchange", "D", "mailboxes", "M", "blackberry", "statistics"],
      ["api", "accounts", "A", "exchange", "D", "mailboxes", "M", "blackberry", "action"],
    ];
    const LIST_QUERY_KEYS = new Set(["page", "pageSize", "details", "sortField", "sortOrder", "filterUsername"]);

    /** Why `path` is not a request of one route for exactly `name`, or null. */
    function routeProblem(path, name) {
      if (path.includes("#")) return "a fragment reached the server";
      const [rawPath, query, ...more] = path.split("?");
      if (more.length) return "more than one ?";
      const segments = rawPath.split("/");
      if (segments.shift() !== "") return "not absolute";
      // The form with a trailing "/", which the API's own links use.
      if (segments.length > 1 && segments.at(-1) === "") segments.pop();
      const route = ROUTES.find(
        (r) => r.length === segments.length && r.every((part, i) => part.length === 1 || part === segments[i]),
      );
      if (!route) return `no route has the segments ${JSON.stringify(segments)}`;
      for (const [i, part] of route.entries()) {
        if (part.length !== 1) continue;
        let decoded;
        try {
          decoded = decodeURIComponent(segments[i]);
        } catch {
          return `segment ${i} does not decode`;
        }
        if (decoded !== name) return `segment ${i} decodes to ${JSON.stringify(decoded)}`;
      }
      if (query !== undefined) {
        if (route.at(-1) !== "usernames") return "a query on a route that takes none";
        for (const [key] of new URLSearchParams(query)) {
          if (!LIST_QUERY_KEYS.has(key)) return `unexpected query key ${JSON.stringify(key)}`;
        }
      }
      return null;
    }

    for (const name of NAMES) {
      const label = name.length > 20 ? `${name.length} characters` : JSON.stringify(name);
      test(`account, domain and mailbox ${label}`, session(async () => {
        await resetFixture(emulator.baseUrl, fixture(name));
        const q = encodeURIComponent(name);
        const response = await openStandalone(page, emulator.baseUrl, { query: `?account=${q}&domain=${q}&mailbox=${q}` });
        assert.equal(response.status(), 200);

        if (name === "..") {
          // A dot segment would climb out of the route: refused before anything is sent.
          allowConsole = [/ox-panel failed to start/];
          await waitForText(await waitForTestId(page, "config-error"), "account");
          assert.deepEqual(await log(), [], "nothing was requested");
          return;
        }

        await waitForText(byId("current-plan"), "(standard)");
        await waitForAttribute(byId("blackberry-status"), "data-billing", "open");
        const target = await byId("panel-target").textContent();
        assert.ok(target.includes(`${name}@${name}`), `panel-target shows the names: ${target}`);
        assert.ok((await byId("bb-target").textContent()).includes(`${name}@${name}`));
        if (name === "a/b") await screenshot(page, "input-odd-names");

        // A change and an action go to the same routes.
        await byId("plan-option-premium").check();
        await byId("plan-submit").click();
        await waitForText(byId("current-plan"), "(premium)");
        await byId("bb-action-resendServiceBooks").click();
        await byId("confirm-submit").click();
        await waitForAttribute(byId("bb-result"), "data-outcome", "accepted");

        // The action's re-read comes last.
        const seen = await poll(
          log,
          (l) => {
            const at = l.findIndex((r) => r.method === "PUT" && r.path.endsWith("/blackberry/action"));
            return at >= 0 && l.slice(at + 1).some((r) => r.path.endsWith("/blackberry/statistics"));
          },
          { message: "the device read again after the action" },
        );
        const problems = seen.map((r) => [r, routeProblem(r.path, name)]).filter(([, p]) => p);
        assert.deepEqual(problems.map(([r, p]) => `${r.method} ${r.path}: ${p}`), []);
        assert.deepEqual(
          seen.filter((r) => r.method === "PUT").map((r) => r.body),
          ['{"type":"premium"}', '{"action":"resendServiceBooks","actionData":""}'],
          "one PUT each, with the documented bodies",
        );
      }));
    }
  });
});
