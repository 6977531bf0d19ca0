// Loading states keep the room their content takes: whatever order the reads answer in,
// the standalone page's cumulative layout shift stays within 0.02 (the bound Lighthouse
// calls good is 0.1). Each order is forced with late (but real) answers from the emulator.
// The example host page too, at Lighthouse's mobile and desktop viewports: its slots keep a
// loaded panel's room before the module has mounted (host-example.css).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertCleanPage, emulatorAndBrowser, newPage, resetDemo, resetFixture, setFaults } from "../lib/harness.mjs";
import {
  HOST_LATE_READS,
  LATE_READS,
  measureHostLayoutShift,
  measureLayoutShift,
  VIEWPORTS,
} from "../lib/layout-shift.mjs";

const MAX_CLS = 0.02;

/** The page moved at most MAX_CLS, and nothing went wrong in it. */
function assertStable(page, { cls, sources }) {
  assert.ok(cls <= MAX_CLS, `CLS ${cls.toFixed(4)} > ${MAX_CLS}; shifts:\n  ${sources.join("\n  ")}`);
  assertCleanPage(page);
}

describe("layout stability while loading", () => {
  const suite = emulatorAndBrowser({ fixture: "main-account" });

  // The default viewport (1280 x 900) and Lighthouse's mobile one: at phone width the
  // plan panel's lines wrap, so any part of it arriving on its own would move the rest.
  const standaloneViewports = { default: {}, mobile: VIEWPORTS.mobile };
  for (const [name, contextOptions] of Object.entries(standaloneViewports)) {
    for (const [order, rules] of Object.entries(LATE_READS)) {
      const at = name === "default" ? "" : `${name}, `;
      test(`${at}${order}: cumulative layout shift at most ${MAX_CLS}`, async () => {
        const { emulator, browser } = suite;
        await resetFixture(emulator.baseUrl, "main-account");
        await setFaults(emulator.baseUrl, rules);
        const page = await newPage(browser, contextOptions);
        try {
          assertStable(page, await measureLayoutShift(page, `${emulator.baseUrl}/?mailbox=john.smith`));
        } finally {
          await setFaults(emulator.baseUrl, []);
          await page.context().close();
        }
      });
    }
  }
});

describe("layout stability of the example host page while loading", () => {
  // The built-in demo data: host-example.html mounts john.smith and premium.user.
  const suite = emulatorAndBrowser();

  // The standalone page on the demo data too: john.smith's domain has reached its
  // activesync limit, so that option carries a reason once the counts are in.
  test(`standalone page, demo data, mobile: cumulative layout shift at most ${MAX_CLS}`, async () => {
    const { emulator, browser } = suite;
    await resetDemo(emulator.baseUrl);
    const page = await newPage(browser, VIEWPORTS.mobile);
    try {
      assertStable(page, await measureLayoutShift(page, `${emulator.baseUrl}/`));
    } finally {
      await page.context().close();
    }
  });

  for (const [name, contextOptions] of Object.entries(VIEWPORTS)) {
    const { width, height } = contextOptions.viewport;
    for (const [order, rules] of Object.entries(HOST_LATE_READS)) {
      const title = `${name} ${width}x${height}, ${order}: cumulative layout shift at most ${MAX_CLS}`;
      test(title, async (t) => {
        const { emulator, browser } = suite;
        await resetDemo(emulator.baseUrl);
        await setFaults(emulator.baseUrl, rules);
        const page = await newPage(browser, contextOptions);
        try {
          const url = `${emulator.baseUrl}/host-example.html`;
          const shifts = await measureHostLayoutShift(page, url);
          const { cls, shown, slotHeights } = shifts;
          t.diagnostic(
            `CLS ${cls.toFixed(4)} (${shown.toFixed(4)} when both panels showed their plan and BlackBerry status); ` +
              `slot heights before mount ${slotHeights.beforeMount.join(", ")}, loaded ${slotHeights.loaded.join(", ")}`,
          );
          assertStable(page, shifts);
        } finally {
          await setFaults(emulator.baseUrl, []);
          await page.context().close();
        }
      });
    }
  }
});
