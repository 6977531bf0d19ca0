// Cumulative layout shift of the standalone page while its reads come in, measured with a
// PerformanceObserver('layout-shift') (Lighthouse's CLS without the session windows: every
// shift counts). Reported, never asserted: e2e/tests/layout.test.mjs asserts the bound.
// Usage: node e2e/bench/layout-shift.mjs [DIST]   (default: target/e2e-dist)
import { launchBrowser, newPage, setFaults, startEmulator } from "../lib/harness.mjs";
import { LATE_READS, measureLayoutShift } from "../lib/layout-shift.mjs";

const emulator = await startEmulator({ dist: process.argv[2] });
const browser = await launchBrowser();
try {
  for (const [name, rules] of Object.entries(LATE_READS)) {
    await setFaults(emulator.baseUrl, rules);
    const page = await newPage(browser);
    const { cls, shifts, sources } = await measureLayoutShift(page, `${emulator.baseUrl}/?mailbox=john.smith`);
    console.log(`${name.padEnd(28)} CLS ${cls.toFixed(4)} (${shifts} shifts)`);
    if (process.env.OX_BENCH_VERBOSE) for (const s of sources) console.log(`    ${s}`);
    await page.context().close();
  }
} finally {
  await setFaults(emulator.baseUrl, []).catch(() => {});
  await browser.close();
  await emulator.stop();
}
