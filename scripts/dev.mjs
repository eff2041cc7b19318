#!/usr/bin/env node
// `npm run dev`: the whole product on one machine with no accounts or keys.
// - writes a random AUTH_SECRET to .env.local on first run
// - starts the Stripe sandbox on :12111 unless STRIPE_SECRET_KEY is set (real Stripe)
// - starts `next dev` on :3000 (PGlite in .data/ unless DATABASE_URL is set)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

const envFile = ".env.local";
const current = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
if (!/^AUTH_SECRET=/m.test(current) && !process.env.AUTH_SECRET) {
  appendFileSync(
    envFile,
    `${current && !current.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`,
  );
  console.log("Wrote a new AUTH_SECRET to .env.local");
}

const port = process.env.PORT ?? "3000";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const children = [];
const env = { ...process.env, APP_URL: appUrl };

if (!process.env.STRIPE_SECRET_KEY && existsSync("stripe-sandbox/server.ts")) {
  const sandboxPort = process.env.SANDBOX_PORT ?? "12111";
  env.STRIPE_SANDBOX_URL ??= `http://localhost:${sandboxPort}`;
  env.STRIPE_WEBHOOK_SECRET ??= "whsec_flowtab_sandbox";
  children.push(
    spawn("node_modules/.bin/tsx", ["stripe-sandbox/server.ts"], {
      stdio: "inherit",
      env: { ...env, SANDBOX_PORT: sandboxPort },
    }),
  );
}

children.push(spawn("node_modules/.bin/next", ["dev", "-p", port], { stdio: "inherit", env }));

const stop = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
};
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
