// Cumulative layout shift of a page load, for e2e/tests/layout.test.mjs and
// e2e/bench/layout-shift.mjs: the standalone page, and the example host page with its two
// instances.

/**
 * Orders in which the standalone page's reads can arrive, as emulator fault rules: the
 * named reads answer late (the real answer, delayed), so each loading state is on screen
 * for a while and the answers replace it one after the other.
 */
export const LATE_READS = {
  "no delay": [],
  "plan reads last": [
    { method: "GET", pathContains: "/usernames/john.smith/webmail", delayMs: 400 },
    { method: "GET", pathContains: "/webmailNames", delayMs: 400 },
    { method: "GET", pathContains: "/webmailLimits", delayMs: 400 },
    { method: "GET", pathContains: "/usernames/john.smith/mailbox", delayMs: 400 },
  ],
  "BlackBerry reads last": [{ method: "GET", pathContains: "/blackberry", delayMs: 400 }],
};

/**
 * Opens `url` in `page` and sums every layout shift (not caused by input) until the current
 * plan and the BlackBerry status are shown and two more frames were drawn (the observer
 * reports a frame's shifts after that frame).
 * @returns {Promise<{cls: number, shifts: number, sources: string[]}>}
 */
export async function measureLayoutShift(page, url) {
  await observeLayoutShift(page);
  await page.goto(url);
  await page.getByTestId("current-plan").waitFor();
  await page.getByTestId("blackberry-status").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
  return shiftsSoFar(page);
}

/** Installs, before any of the page's scripts run, the observer that sums the shifts. */
async function observeLayoutShift(page) {
  await page.addInitScript(() => {
    window.__oxLayoutShift = { cls: 0, shifts: 0, sources: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__oxLayoutShift.cls += entry.value;
        window.__oxLayoutShift.shifts += 1;
        for (const s of entry.sources ?? []) {
          const n = s.node;
          const name = n?.dataset?.testid ?? n?.className ?? n?.nodeName ?? "?";
          window.__oxLayoutShift.sources.push(
            `${entry.value.toFixed(4)} ${name}: y ${s.previousRect.y}->${s.currentRect.y}, h ${s.previousRect.height}->${s.currentRect.height}`,
          );
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The shifts summed so far, read after two more frames and a task (see above). */
function shiftsSoFar(page) {
  return page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.__oxLayoutShift)))),
      ),
  );
}

// ---------------------------------------------------------------- the example host page

/** The mailboxes host-example.html mounts a panel for, one slot each. */
export const HOST_MAILBOXES = ["john.smith", "premium.user"];

/**
 * The viewports Lighthouse's presets emulate. Mobile: a Moto G Power (412 x 823 CSS px,
 * device pixel ratio 1.75), without Playwright's `isMobile`: under it Chromium marks
 * every layout shift `hadRecentInput`, so none would be counted.
 */
export const VIEWPORTS = {
  mobile: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 },
  desktop: { viewport: { width: 1350, height: 940 } },
};

/**
 * LATE_READS for host-example.html: the same orders, for both of its instances, and one
 * more: each mailbox's plan settings answer last, after the plan names, limits, counts and
 * usage, so each plan panel goes from loading to complete in one step.
 */
export const HOST_LATE_READS = {
  "no delay": [],
  "plan reads last": [
    // usernames/{mailbox}/webmail, webmailNames, webmailLimits
    { method: "GET", pathContains: "/webmail", delayMs: 400 },
    // the per-type counts
    { method: "GET", pathContains: "/usernames?", delayMs: 400 },
    ...HOST_MAILBOXES.map((m) => ({ method: "GET", pathContains: `/usernames/${m}/mailbox`, delayMs: 400 })),
  ],
  "BlackBerry reads last": [{ method: "GET", pathContains: "/blackberry", delayMs: 400 }],
  "plan settings last": HOST_MAILBOXES.map((m) => ({
    method: "GET",
    pathContains: `/usernames/${m}/webmail`,
    delayMs: 400,
  })),
};

const WASM = /\/ox-panel_bg\.wasm(\?|$)/;

/**
 * measureLayoutShift for a page with a panel in each of several elements (`slots`; the
 * example host page's two): sums every layout shift from navigation until every instance
 * shows its current plan and BlackBerry status (`shown`: the sum up to then) and every read
 * has been answered (the module's "Loading room" classes, style.css, are gone), plus two
 * frames.
 * The .wasm is held back until the page has drawn two frames with nothing mounted yet, so
 * the state before the module has mounted is always on screen (on a fast machine the
 * module could otherwise mount before the first paint, and an empty slot go unmeasured).
 * @returns {Promise<{cls: number, shown: number, shifts: number, sources: string[],
 *   slotHeights: {beforeMount: number[], loaded: number[]}}>}
 */
export async function measureHostLayoutShift(page, url, { slots = "[data-ox-mailbox]" } = {}) {
  await observeLayoutShift(page);
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(WASM, async (route) => {
    await released;
    await route.continue();
  });
  const heights = () =>
    page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect().height), slots);
  try {
    const requested = page.waitForRequest(WASM);
    const navigated = page.goto(url);
    navigated.catch(() => {}); // awaited below, where a failure shows
    await requested;
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
    const beforeMount = await heights();
    const mounted = await page.evaluate(
      (sel) => [...document.querySelectorAll(sel)].filter((el) => el.firstChild).length,
      slots,
    );
    if (!beforeMount.length || mounted) {
      throw new Error(`${beforeMount.length} slots (${slots}), ${mounted} of them not empty before the module loaded`);
    }
    release();
    await navigated;
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="current-plan"]').length === n &&
        document.querySelectorAll('[data-testid="blackberry-status"]').length === n &&
        !document.querySelector('[data-testid="loading"]'),
      beforeMount.length,
    );
    const shown = (await shiftsSoFar(page)).cls;
    await page.waitForFunction(() => !document.querySelector(".oxp-reserve-plan, .oxp-reserve-bb"));
    const result = await shiftsSoFar(page);
    return { ...result, shown, slotHeights: { beforeMount, loaded: await heights() } };
  } finally {
    release();
    await page.unroute(WASM);
  }
}
