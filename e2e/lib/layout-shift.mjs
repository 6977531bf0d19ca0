// Cumulative layout shift of a page load, for e2e/tests/layout.test.mjs and
// e2e/bench/layout-shift.mjs.

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
  await page.goto(url);
  await page.getByTestId("current-plan").waitFor();
  await page.getByTestId("blackberry-status").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'));
  return page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.__oxLayoutShift)))),
      ),
  );
}
