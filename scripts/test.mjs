#!/usr/bin/env node
// `npm test`: every test that needs no network.
//   1. Vitest: unit, integration (PGlite, or PostgreSQL when DATABASE_URL is set) and sandbox tests.
//   2. `next build`, then Playwright against `next start` + the Stripe sandbox (scripts/e2e-server.mjs).
// Prints a last line "N passed, N failed" summed over both.
// Flags: --unit (Vitest only), --e2e (Playwright only); other arguments go to both runners as filters.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";
const filters = args.filter((a) => a !== "--unit" && a !== "--e2e");
mkdirSync("reports", { recursive: true });

function run(cmd, cmdArgs, env = process.env) {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Debian's chromium, or Playwright's own; installs Debian's when missing and we are root with apt. */
function findChromium() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH && existsSync(process.env.PLAYWRIGHT_CHROMIUM_PATH)) {
    return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const own = spawnSync(
    "node",
    ["-e", "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"],
    {
      encoding: "utf8",
    },
  );
  if (own.status === 0 && own.stdout && existsSync(own.stdout)) return "";
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests (apt-get install -y chromium)...");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    if (run("apt-get", ["install", "-y", "-qq", "chromium"]) === 0 && existsSync("/usr/bin/chromium")) {
      return "/usr/bin/chromium";
    }
  }
  console.error(
    "No Chromium found: install it with `sudo apt-get install -y chromium` (or `npx playwright install chromium`) and run npm test again.",
  );
  process.exit(1);
}

let passed = 0;
let failed = 0;
let exitCode = 0;

if (only !== "e2e") {
  rmSync("reports/vitest.json", { force: true });
  const code = run("node_modules/.bin/vitest", [
    "run",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=reports/vitest.json",
    ...filters,
  ]);
  const report = readJson("reports/vitest.json");
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (code !== 0) {
    failed += 1;
  }
  if (code !== 0) exitCode = code;
}

/** One e2e run at a time per checkout: they share `.next` and the e2e ports. */
function takeE2eLock() {
  const lock = ".e2e.lock";
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      process.on("exit", () => rmSync(lock, { force: true }));
      return;
    } catch {
      const holder = Number(readFileSync(lock, "utf8"));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = true;
      } catch {}
      if (!alive) rmSync(lock, { force: true });
      else {
        console.log(`Waiting for another e2e run (pid ${holder}) to finish...`);
        spawnSync("sleep", ["10"]);
      }
    }
  }
}

if (only !== "unit") {
  const chromium = findChromium();
  takeE2eLock();
  const build = run("node_modules/.bin/next", ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (build !== 0) {
    console.error("next build failed");
    failed += 1;
    exitCode = build;
  } else {
    rmSync("reports/playwright.json", { force: true });
    const code = run("node_modules/.bin/playwright", ["test", ...filters], {
      ...process.env,
      PLAYWRIGHT_CHROMIUM_PATH: chromium,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    const report = readJson("reports/playwright.json");
    if (report?.stats) {
      passed += report.stats.expected + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected;
    } else if (code !== 0) {
      failed += 1;
    }
    if (code !== 0) exitCode = code;
  }
  // Fresh PGlite directories made for this run.
  for (const entry of spawnSync("sh", ["-c", "ls -d .data-e2e-* 2>/dev/null"], { encoding: "utf8" }).stdout.split(
    "\n",
  )) {
    if (entry.trim()) rmSync(entry.trim(), { recursive: true, force: true });
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
