// Measures, on the built-in demo data, the time from navigation to the current plan and
// the BlackBerry status being shown. Reported, never asserted: run by `./x bench`.
import { launchBrowser, newPage, startEmulator } from "../lib/harness.mjs";

const RUNS = Number(process.env.OX_BENCH_RUNS ?? 15);

const emulator = await startEmulator();
const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const plan = [];
  const status = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    const started = Date.now();
    await page.goto(`${emulator.baseUrl}/?mailbox=john.smith`);
    await page.getByTestId("current-plan").waitFor();
    plan.push(Date.now() - started);
    await page.getByTestId("blackberry-status").waitFor();
    status.push(Date.now() - started);
    await page.context().close();
  }
  // The first run includes compiling the wasm module in a cold browser.
  console.log(`navigation -> current plan shown:      first ${plan[0]} ms, median ${median(plan.slice(1))} ms over ${RUNS - 1} warm runs`);
  console.log(`navigation -> BlackBerry status shown: first ${status[0]} ms, median ${median(status.slice(1))} ms over ${RUNS - 1} warm runs`);
} finally {
  await browser.close();
  await emulator.stop();
}
