import path from "node:path";
import { defineConfig } from "vitest/config";
import { pinnedTestEnv } from "./scripts/test-env.mjs";
import { VITEST_WORKERS } from "./tests/helpers/worker-databases";

// A developer's own SMTP_URL, APP_URL, Stripe keys or PGLITE_DIR must not reach the tests (mail sent for real, another
// origin in links, the dev database): the workers start without them and each test sets what it needs.
const pinned = pinnedTestEnv(process.env);
for (const name of Object.keys(process.env)) if (!(name in pinned)) delete process.env[name];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; under Vitest it is an empty module.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/sandbox/**/*.test.ts"],
    environment: "node",
    env: { NODE_ENV: "test" },
    // Migrates the test database once per run (PostgreSQL) or makes a migrated PGlite snapshot (PGlite).
    globalSetup: ["tests/helpers/global-setup.ts"],
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    // Files run in VITEST_WORKERS processes at once, each with a PostgreSQL database of its own (worker-setup.ts).
    maxWorkers: VITEST_WORKERS,
    setupFiles: ["tests/helpers/worker-setup.ts"],
    // Generous for a busy machine (2 cores shared by several runs): the webhook replay tests make hundreds of Stripe
    // calls. A passing run does not wait for them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
