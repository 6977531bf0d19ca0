// Loading states keep the room their content takes: whatever order the reads answer in,
// the standalone page's cumulative layout shift stays within 0.02 (the bound Lighthouse
// calls good is 0.1). Each order is forced with late (but real) answers from the emulator.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertCleanPage, launchBrowser, newPage, resetFixture, setFaults, startEmulator } from "../lib/harness.mjs";
import { LATE_READS, measureLayoutShift } from "../lib/layout-shift.mjs";

const MAX_CLS = 0.02;

describe("layout stability while loading", () => {
  let emulator;
  let browser;

  before(async () => {
    [emulator, browser] = await Promise.all([startEmulator({ fixture: "main-account" }), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  for (const [order, rules] of Object.entries(LATE_READS)) {
    test(`${order}: cumulative layout shift at most ${MAX_CLS}`, async () => {
      await resetFixture(emulator.baseUrl, "main-account");
      await setFaults(emulator.baseUrl, rules);
      const page = await newPage(browser);
      try {
        const { cls, sources } = await measureLayoutShift(page, `${emulator.baseUrl}/?mailbox=john.smith`);
        assert.ok(cls <= MAX_CLS, `CLS ${cls.toFixed(4)} > ${MAX_CLS}; shifts:\n  ${sources.join("\n  ")}`);
        assertCleanPage(page);
      } finally {
        await setFaults(emulator.baseUrl, []);
        await page.context().close();
      }
    });
  }
});
