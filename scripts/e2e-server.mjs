#!/usr/bin/env node
// The servers Playwright tests run against: the Stripe sandbox, then `next start`, with a fresh database. With
// DATABASE_URL it resets and seeds that database; without it PGlite gets a new directory (never the dev one) and the
// app migrates and seeds it on boot.
// Ports: E2E_PORT and E2E_SANDBOX_PORT when set (scripts/test.mjs and playwright.config.ts pass free ones), otherwise
// free ports chosen here. Prints "e2e servers ready: app URL, sandbox URL" once both answer; when one cannot start it
// prints one line "e2e: <server> could not start: <why>" and exits 1.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { freePort } from "./free-port.mjs";
import { pinnedTestEnv } from "./test-env.mjs";

const READY_TIMEOUT_MS = 180_000;
const port = Number(process.env.E2E_PORT || (await freePort()));
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT || (await freePort()));
const appUrl = `http://localhost:${port}`;

const env = {
  ...pinnedTestEnv(process.env),
  NODE_ENV: "production",
  PORT: String(port),
  APP_URL: appUrl,
  AUTH_SECRET: "e2e-only-secret-not-for-production-use",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  // A production build (NODE_ENV=production) refuses the Stripe sandbox and demo accounts unless told otherwise:
  // this server is a test server, so it opts in to both.
  ALLOW_STRIPE_SANDBOX: "1",
  ALLOW_DEMO_SEED: "1",
  // The background jobs run in the server (the admin's payout run waits for one); no mail leaves the machine.
  RUN_JOBS_IN_PROCESS: "1",
};

const children = [];
let stopping = false;
const stop = () => {
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
};
process.on("SIGINT", () => (stop(), process.exit(130)));
process.on("SIGTERM", () => (stop(), process.exit(143)));
process.on("exit", stop);

function fail(server, why) {
  console.error(`e2e: ${server} could not start: ${why}`);
  stop();
  process.exit(1);
}

/** The child's last words, made short: "port N is already in use" for the usual case. */
function reasonFrom(output, code, usedPort) {
  if (/EADDRINUSE|address already in use|is in use/i.test(output)) return `port ${usedPort} is already in use`;
  const last = output
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
  return `exited with code ${code}${last ? `: ${last.slice(0, 300)}` : ""}`;
}

/** Starts a child, echoes its output, and remembers the recent part of it for the failure line. */
function startChild(cmd, args, childEnv) {
  const child = spawn(cmd, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.output = "";
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    stream.on("data", (chunk) => {
      sink.write(chunk);
      child.output = (child.output + chunk.toString()).slice(-4000);
    });
  }
  children.push(child);
  return child;
}

/** Resolves when `ready()` holds; rejects with the reason when the child exits first or time runs out. */
function waitFor(child, usedPort, ready) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const onExit = (code) => reject(new Error(reasonFrom(child.output, code, usedPort)));
    child.once("exit", onExit);
    const tick = async () => {
      if (child.exitCode !== null) return;
      if (await ready().catch(() => false)) {
        child.off("exit", onExit);
        return resolve();
      }
      if (Date.now() - started > READY_TIMEOUT_MS) {
        return reject(new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s`));
      }
      setTimeout(tick, 250);
    };
    tick();
  });
}

if (env.DATABASE_URL) {
  const reset = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/support/reset-db.ts"], {
    encoding: "utf8",
    env,
  });
  process.stdout.write(reset.stdout ?? "");
  process.stderr.write(reset.stderr ?? "");
  if (reset.status !== 0) fail("the database", reasonFrom(`${reset.stdout}\n${reset.stderr}`, reset.status, 0));
} else {
  env.PGLITE_DIR = path.join(mkdtempSync(path.join(process.cwd(), ".data-e2e-")), "pglite");
}

let sandboxUrl = null;
if (existsSync("stripe-sandbox/server.ts")) {
  sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  env.STRIPE_SANDBOX_URL = sandboxUrl;
  env.STRIPE_WEBHOOK_SECRET = "whsec_flowtab_sandbox";
  const stateFile = path.join(mkdtempSync(path.join(process.cwd(), ".data-e2e-sandbox-")), "state.json");
  const sandbox = startChild("node_modules/.bin/tsx", ["stripe-sandbox/server.ts"], {
    ...env,
    NODE_ENV: "test",
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_STATE_FILE: stateFile,
  });
  await waitFor(sandbox, sandboxPort, async () => sandbox.output.includes("stripe-sandbox: listening on")).catch(
    (error) => fail(`the Stripe sandbox (port ${sandboxPort})`, error.message),
  );
}

const app = startChild("node_modules/.bin/next", ["start", "-p", String(port)], env);
await waitFor(app, port, async () => (await fetch(`${appUrl}/api/health`)).ok).catch((error) =>
  fail(`next start (port ${port})`, error.message),
);
console.log(`e2e servers ready: app ${appUrl}, sandbox ${sandboxUrl ?? "none"}`);

// Once ready, a server that dies takes the other with it: the run then fails loudly instead of timing out.
for (const child of children)
  child.on("exit", (code) => {
    if (stopping) return;
    console.error(`e2e: a server exited during the run (code ${code})`);
    stop();
    process.exit(code || 1);
  });
