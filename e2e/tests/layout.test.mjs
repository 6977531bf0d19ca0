// Loading states keep the room their content takes: whatever order the reads answer in,
// the standalone page's cumulative layout shift stays within 0.02 (the bound Lighthouse
// calls good is 0.1). Each order is forced with late (but real) answers from the emulator.
// The example host page too, at Lighthouse's mobile and desktop viewports: its slots keep a
// loaded panel's room before the module has mounted (host-example.css).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  assertCleanPage,
  launchBrowser,
  newPage,
  resetDemo,
  resetFixture,
  setFaults,
  startEmulator,
} from "../lib/harness.mjs";
import {
  HOST_LATE_READS,
  LATE_READS,
  measureHostLayoutShift,
  measureLayoutShift,
  VIEWPORTS,
} from "../lib/layout-shift.mjs";

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

  // The default viewport (1280 x 900) and Lighthouse's mobile one: at phone width the
  // plan panel's lines wrap, so any part of it arriving on its own would move the rest.
  const standaloneViewports = { default: {}, mobile: VIEWPORTS.mobile };
  for (const [name, contextOptions] of Object.entries(standaloneViewports)) {
    for (const [order, rules] of Object.entries(LATE_READS)) {
      const at = name === "default" ? "" : `${name}, `;
      test(`${at}${order}: cumulative layout shift at most ${MAX_CLS}`, async () => {
        await resetFixture(emulator.baseUrl, "main-account");
        await setFaults(emulator.baseUrl, rules);
        const page = await newPage(browser, contextOptions);
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
  }
});

describe("layout stability of the example host page while loading", () => {
  let emulator;
  let browser;

  before(async () => {
    // The built-in demo data: host-example.html mounts john.smith and premium.user.
    [emulator, browser] = await Promise.all([startEmulator(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  // The standalone page on the demo data too: john.smith's domain has reached its
  // activesync limit, so that option carries a reason once the counts are in.
  test(`standalone page, demo data, mobile: cumulative layout shift at most ${MAX_CLS}`, async () => {
    await resetDemo(emulator.baseUrl);
    const page = await newPage(browser, VIEWPORTS.mobile);
    try {
      const { cls, sources } = await measureLayoutShift(page, `${emulator.baseUrl}/`);
      assert.ok(cls <= MAX_CLS, `CLS ${cls.toFixed(4)} > ${MAX_CLS}; shifts:\n  ${sources.join("\n  ")}`);
      assertCleanPage(page);
    } finally {
      await page.context().close();
    }
  });

  for (const [name, contextOptions] of Object.entries(VIEWPORTS)) {
    const { width, height } = contextOptions.viewport;
    for (const [order, rules] of Object.entries(HOST_LATE_READS)) {
      const title = `${name} ${width}x${height}, ${order}: cumulative layout shift at most ${MAX_CLS}`;
      test(title, async (t) => {
        await resetDemo(emulator.baseUrl);
        await setFaults(emulator.baseUrl, rules);
        const page = await newPage(browser, contextOptions);
        try {
          const url = `${emulator.baseUrl}/host-example.html`;
          const { cls, shown, sources, slotHeights } = await measureHostLayoutShift(page, url);
          t.diagnostic(
            `CLS ${cls.toFixed(4)} (${shown.toFixed(4)} when both panels showed their plan and BlackBerry status); ` +
              `slot heights before mount ${slotHeights.beforeMount.join(", ")}, loaded ${slotHeights.loaded.join(", ")}`,
          );
          assert.ok(cls <= MAX_CLS, `CLS ${cls.toFixed(4)} > ${MAX_CLS}; shifts:\n  ${sources.join("\n  ")}`);
          assertCleanPage(page);
        } finally {
          await setFaults(emulator.baseUrl, []);
          await page.context().close();
        }
      });
    }
  }
});
