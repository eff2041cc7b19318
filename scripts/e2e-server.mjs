#!/usr/bin/env node
// The server Playwright tests run against: `next start` on E2E_PORT with a fresh database and (when present)
// the Stripe sandbox. With DATABASE_URL it resets and seeds that database; without it PGlite gets a new directory
// (never the dev one) and the app migrates and seeds it on boot.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3200";
const sandboxPort = process.env.E2E_SANDBOX_PORT ?? "12199";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use",
  CRON_SECRET: "e2e-cron-secret-0123456789", // tests/e2e/admin.spec.ts calls the cron route with it
  // The background jobs run in the server (the admin's payout run waits for one); no mail leaves the machine.
  RUN_JOBS_IN_PROCESS: "1",
};
delete env.SMTP_URL;

if (env.DATABASE_URL) {
  const reset = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/support/reset-db.ts"], {
    stdio: "inherit",
    env,
  });
  if (reset.status !== 0) process.exit(reset.status ?? 1);
} else {
  env.PGLITE_DIR = path.join(mkdtempSync(path.join(process.cwd(), ".data-e2e-")), "pglite");
}

const children = [];
if (existsSync("stripe-sandbox/server.ts") && !env.STRIPE_SECRET_KEY) {
  env.STRIPE_SANDBOX_URL = `http://localhost:${sandboxPort}`;
  env.STRIPE_WEBHOOK_SECRET ??= "whsec_flowtab_sandbox";
  const stateFile = path.join(mkdtempSync(path.join(process.cwd(), ".data-e2e-sandbox-")), "state.json");
  children.push(
    spawn("node_modules/.bin/tsx", ["stripe-sandbox/server.ts"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "test", SANDBOX_PORT: sandboxPort, SANDBOX_STATE_FILE: stateFile },
    }),
  );
}
children.push(spawn("node_modules/.bin/next", ["start", "-p", port], { stdio: "inherit", env }));

const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("exit", stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
