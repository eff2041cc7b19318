import { spawnSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// Ports: `npm test` (scripts/test.mjs) starts the servers on free ports itself and passes E2E_PORT and
// E2E_SANDBOX_PORT with E2E_SERVERS_RUNNING=1. Run directly (`npx playwright test`), this config picks free ports
// (E2E_PORT / E2E_SANDBOX_PORT still win when set) and starts the servers through webServer. The ports go into
// process.env, so the workers (started later) and the specs read the same ones.
function freePort(): string {
  const probe = spawnSync(
    process.execPath,
    [
      "-e",
      "const s=require('net').createServer();s.listen(0,()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: "utf8" },
  );
  if (probe.status !== 0 || !/^\d+$/.test(probe.stdout)) throw new Error(`no free port: ${probe.stderr}`);
  return probe.stdout;
}
process.env.E2E_PORT ||= freePort();
process.env.E2E_SANDBOX_PORT ||= freePort();
const baseURL = `http://localhost:${process.env.E2E_PORT}`;

// Debian's chromium (or Playwright's own, when installed); scripts/test.mjs finds one before we get here.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || undefined;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

/** Tests that change what every other test sees in the sandbox (its clock, webhook delivery) run after all others. */
const SANDBOX_WIDE = /@sandbox-wide/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Generous for a busy machine (2 cores shared by several runs); a passing run does not wait for them.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // One sign-in per demo account per run; the specs reuse the saved storage state (tests/e2e/support/auth.ts).
    { name: "sign-in", testMatch: /sign-in\.setup\.ts/, use: chromium },
    { name: "chromium", dependencies: ["sign-in"], grepInvert: SANDBOX_WIDE, use: chromium },
    { name: "sandbox-wide", dependencies: ["chromium"], grep: SANDBOX_WIDE, use: chromium },
  ],
  webServer: process.env.E2E_SERVERS_RUNNING
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: "pipe",
        stderr: "pipe",
      },
});
