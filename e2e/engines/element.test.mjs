// The <ox-panel> custom element in every engine (./harness.mjs), on the example page
// examples/element-dynamic/: the credential set as a property, an attribute change that
// shows another mailbox (one read of it), and removal (unmounted, nothing sent after).
import assert from "node:assert/strict";
import { poll, requests, resetDemo } from "../lib/emulator.mjs";
import {
  assertCleanPage,
  click,
  find,
  forEachEngine,
  markRequestLog,
  open,
  screenshot,
  waitForText,
} from "./harness.mjs";

const WEBMAIL = (box) => `/api/accounts/test/email/test.com/usernames/${box}/webmail`;

forEachEngine("the <ox-panel> element", {}, (suite) => {
  suite.beforeEach(async () => {
    await resetDemo(suite.baseUrl);
  });

  const script = (body, ...args) => suite.driver.executeScript(body, ...args);
  /** Children of the element's shadow container (what the panel rendered), or null. */
  const rendered = () => script(`return window.__panel?.shadowRoot?.querySelector("[part=panel]")?.childElementCount ?? null;`);

  suite.test("mount with the credential as a property, an attribute change, removal", async () => {
    await open(suite, "/examples/element-dynamic/index.html");
    // The page set the credential as a property before the element was defined.
    await waitForText(suite, "current-plan", "(standard)");
    await find(suite, "blackberry-status");
    const where = await script(`
      const el = document.querySelector("ox-panel");
      window.__panel = el;
      return {
        defined: customElements.get("ox-panel") === el.constructor,
        inDocument: document.querySelectorAll("[data-testid]").length,
        inShadow: el.shadowRoot.querySelectorAll("[data-testid=current-plan]").length,
        authorizationAttribute: el.hasAttribute("authorization"),
        credentialInMarkup: document.documentElement.outerHTML.includes("ZGVtbzpkZW1v"),
        styled: getComputedStyle(el.shadowRoot.querySelector(".oxp-root")).paddingTop,
      };`);
    assert.deepEqual(where, {
      defined: true,
      inDocument: 0,
      inShadow: 1,
      authorizationAttribute: false,
      credentialInMarkup: false,
      styled: "16px",
    });
    // Its reads were answered (the emulator answers 401 without the credential).
    let log = await markRequestLog(suite);
    assert.equal(log.filter((r) => r.method === "GET" && r.path === WEBMAIL("john.smith")).length, 1);

    // An attribute change: that mailbox, read once.
    await resetDemo(suite.baseUrl);
    await script(`window.__panel.setAttribute("mailbox", "premium.user");`);
    await waitForText(suite, "current-plan", "(premium)");
    await waitForText(suite, "panel-target", "premium.user");
    log = await markRequestLog(suite);
    assert.equal(log.filter((r) => r.method === "GET" && r.path === WEBMAIL("premium.user")).length, 1, "one read of the new mailbox");
    assert.deepEqual(log.filter((r) => r.path.includes("john.smith")), [], "nothing of the old mailbox");
    await screenshot(suite, "element-premium");

    // Removed by the page's own button: unmounted, and nothing is sent after it.
    await click(suite, "#remove");
    await poll(rendered, (n) => n === 0, { message: "the removed element's panel unmounted" });
    assert.equal(await script("return window.__panel.handle;"), null);
    const before = (await requests(suite.baseUrl)).length;
    await script(`window.__panel.setAttribute("mailbox", "john.smith");`);
    log = await markRequestLog(suite);
    assert.deepEqual(log.slice(before).filter((r) => r.path.startsWith("/api/accounts")), [], "no request after removal");
    assert.equal(await rendered(), 0);
    await assertCleanPage(suite);
  });
});
