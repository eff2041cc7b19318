#!/usr/bin/env node
// `npm test`: every test that needs no network.
//   1. `npm run lint` (tsc, ESLint, Prettier, knip, redocly), counted as one test; it runs beside step 2.
//   2. Vitest: unit, integration (PGlite, or PostgreSQL when DATABASE_URL is set) and sandbox tests.
//   3. `next build` (in a full run started as soon as lint is done, beside the rest of Vitest), the e2e servers on
//      free ports (scripts/e2e-server.mjs), then Playwright against them.
// Prints a last line "N passed, N failed" summed over all three; a server that cannot start counts as a failure.
// Flags: --unit (Vitest only), --e2e (Playwright only); both skip lint. Other arguments go to the runners as filters.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { freePort, portIsFree } from "./free-port.mjs";
import { pinnedTestEnv } from "./test-env.mjs";

const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";
const filters = args.filter((a) => a !== "--unit" && a !== "--e2e");
mkdirSync("reports", { recursive: true });
const testEnv = { ...pinnedTestEnv(process.env), NEXT_TELEMETRY_DISABLED: "1" };
const startedAt = Date.now();

function run(cmd, cmdArgs, env = testEnv) {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env });
  return result.status ?? 1;
}

/** run() without blocking the event loop, so lint's output can be collected meanwhile. */
function runAsync(cmd, cmdArgs, env = testEnv) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: "inherit", env });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

/** Debian's chromium, or Playwright's own; installs Debian's when missing and we are root with apt. */
function findChromium() {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH && existsSync(process.env.PLAYWRIGHT_CHROMIUM_PATH)) {
    return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const own = spawnSync(
    "node",
    ["-e", "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"],
    { encoding: "utf8" },
  );
  if (own.status === 0 && own.stdout && existsSync(own.stdout)) return "";
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests (apt-get install -y chromium)...");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    if (run("apt-get", ["install", "-y", "-qq", "chromium"], process.env) === 0 && existsSync("/usr/bin/chromium")) {
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
let skipped = 0;
const notices = [];

/**
 * Runs a command beside the others with its output in `logFile`, printed in one piece when it is done (so it does not
 * interleave with Vitest's). Resolves with the exit code and the seconds it took.
 */
function runLogged(cmd, cmdArgs, logFile) {
  const since = Date.now();
  const log = createWriteStream(logFile);
  const child = spawn(cmd, cmdArgs, { env: testEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return new Promise((resolve) => {
    let done = false;
    const finish = (code) => {
      if (done) return;
      done = true;
      log.end(() => {
        console.log(readFileSync(logFile, "utf8").trimEnd());
        resolve({ code, took: seconds(since) });
      });
    };
    child.on("error", (error) => {
      log.write(`${cmd} could not start: ${error.message}\n`);
      finish(1);
    });
    child.on("close", (code) => finish(code ?? 1));
  });
}

/** `npm run lint`, started first and run beside Vitest (it is mostly CPU, Vitest mostly waits on the database). */
async function startLint() {
  const { code, took } = await runLogged("node", ["scripts/lint.mjs"], "reports/lint.log");
  console.log(`lint: ${code === 0 ? "passed" : "FAILED"} (${took})`);
  return code === 0;
}

/** One e2e run at a time per checkout: they share `.next`. */
let holdsE2eLock = false;
function takeE2eLock() {
  if (holdsE2eLock) return;
  holdsE2eLock = true;
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

/** `next build`, its output in reports/next-build.log. It holds the e2e lock (`.next` is shared by e2e runs). */
async function startBuild() {
  takeE2eLock();
  const { code, took } = await runLogged("node_modules/.bin/next", ["build"], "reports/next-build.log");
  console.log(`next build: done (${took})`);
  return code;
}

const lint = only === "all" ? startLint() : null;
// The build is CPU like lint, so it waits for lint, then runs beside the rest of Vitest (which mostly waits on the
// database) instead of after it.
const build = lint ? lint.then(() => startBuild()) : null;

if (only !== "e2e") {
  const since = Date.now();
  rmSync("reports/vitest.json", { force: true });
  const code = await runAsync("node_modules/.bin/vitest", [
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
    skipped += report.numPendingTests + report.numTodoTests;
    // A file that failed to load has no failed test in it, yet the run failed.
    if (code !== 0 && report.numFailedTests === 0) failed += 1;
    if (!testEnv.DATABASE_URL && report.numPendingTests > 0) {
      notices.push(
        `${report.numPendingTests} Vitest tests skipped: race tests need real parallel connections (set DATABASE_URL to a PostgreSQL 15 database, as .ci/run does).`,
      );
    }
  } else if (code !== 0) {
    failed += 1;
  }
  console.log(`vitest: done (${seconds(since)})`);
}

if (lint) {
  if (await lint) passed += 1;
  else failed += 1;
}

/** E2E_PORT / E2E_SANDBOX_PORT when set (and free), otherwise ports the kernel says are free. */
async function choosePorts() {
  const ports = {};
  for (const [name, server] of [
    ["E2E_PORT", "next start"],
    ["E2E_SANDBOX_PORT", "the Stripe sandbox"],
  ]) {
    const wanted = process.env[name];
    if (wanted) {
      if (!(await portIsFree(Number(wanted)))) {
        return { error: `e2e: ${server} could not start: port ${wanted} (${name}) is already in use` };
      }
      ports[name] = wanted;
    } else {
      ports[name] = String(await freePort());
    }
  }
  return { ports };
}

/** Tests Playwright never started (their project's dependency failed): unproven, so counted as failures. */
function didNotRun(report) {
  let count = 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) if (test.results.length === 0 && test.expectedStatus !== "skipped") count++;
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return count;
}

/** Starts scripts/e2e-server.mjs, its output in reports/e2e-server.log; resolves once it is ready or has failed. */
function startE2eServers(ports) {
  const log = createWriteStream("reports/e2e-server.log");
  const server = spawn("node", ["scripts/e2e-server.mjs"], {
    env: { ...testEnv, ...ports },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve) => {
    const onData = (chunk) => {
      log.write(chunk);
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes("e2e servers ready:")) resolve({ server, log });
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.once("exit", (code) => {
      const line = output.match(/^e2e: .*$/m)?.[0];
      resolve({ error: line ?? `e2e: the e2e servers exited with code ${code} (see reports/e2e-server.log)` });
    });
  });
}

function stopE2eServers(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", resolve);
    server.kill("SIGTERM");
    setTimeout(() => server.kill("SIGKILL"), 10_000).unref();
  });
}

if (only !== "unit") {
  const chromium = findChromium();
  const early = await choosePorts(); // an override that is taken fails before the build, not after it
  if (early.error) {
    console.error(early.error);
    failed += 1;
  } else {
    const built = await (build ?? startBuild());
    if (built !== 0) {
      console.error("e2e: next build failed");
      failed += 1;
    } else {
      // Chosen again just before the servers start, so a port taken during the build is not used.
      const { ports, error } = await choosePorts();
      const started = error ? { error } : await startE2eServers(ports);
      if (started.error) {
        console.error(started.error);
        failed += 1;
      } else {
        const since = Date.now();
        rmSync("reports/playwright.json", { force: true });
        const code = run("node_modules/.bin/playwright", ["test", ...filters], {
          ...testEnv,
          ...ports,
          E2E_SERVERS_RUNNING: "1",
          PLAYWRIGHT_CHROMIUM_PATH: chromium,
        });
        const report = readJson("reports/playwright.json");
        if (report?.stats) {
          const notRun = didNotRun(report);
          passed += report.stats.expected + (report.stats.flaky ?? 0);
          failed += report.stats.unexpected + notRun;
          skipped += report.stats.skipped - notRun;
          if (notRun > 0) console.error(`e2e: ${notRun} tests did not run because a project they depend on failed`);
          // Errors outside any test (a spec that does not load, a failed setup) fail the run too.
          failed += report.errors?.length ?? 0;
          if (code !== 0 && report.stats.unexpected === 0 && !report.errors?.length) failed += 1;
        } else if (code !== 0) {
          failed += 1;
        }
        console.log(`playwright: done (${seconds(since)}); server log in reports/e2e-server.log`);
        await stopE2eServers(started.server);
        started.log.end();
      }
    }
  }
  // Fresh PGlite directories and sandbox state made for this run.
  for (const entry of spawnSync("sh", ["-c", "ls -d .data-e2e-* 2>/dev/null"], { encoding: "utf8" }).stdout.split(
    "\n",
  )) {
    if (entry.trim()) rmSync(entry.trim(), { recursive: true, force: true });
  }
}

for (const notice of notices) console.log(`NOTICE: ${notice}`);
console.log(`npm test took ${seconds(startedAt)}${skipped ? `; ${skipped} skipped` : ""}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
