// Issue 11, cases 4 and 5: no demo accounts and no Stripe sandbox in production unless explicitly allowed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/open";
import { queryRows } from "@/db/rows";
import { DemoSeedRefused, seedDatabase } from "@/db/seed";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const userCount = async (db = t.db) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`))[0]!.n;

describe("seeding demo data", () => {
  it("refuses under NODE_ENV=production and writes nothing", async () => {
    await t.reset();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ALLOW_DEMO_SEED", undefined);
    await expect(seedDatabase(t.db)).rejects.toBeInstanceOf(DemoSeedRefused);
    await expect(seedDatabase(t.db, { onlyIfEmpty: true })).rejects.toThrow(/NODE_ENV=production/);
    expect(await userCount()).toBe(0);
  });

  it("refuses a database that has a real user, and writes nothing", async () => {
    await t.reset();
    await makeUser(t.db, "Real Person");
    await expect(seedDatabase(t.db)).rejects.toThrow(/1 real user/);
    expect(await userCount()).toBe(1);
  });

  it("goes ahead when forced (--force, or ALLOW_DEMO_SEED=1 in production)", async () => {
    await t.reset();
    await makeUser(t.db, "Real Person");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ALLOW_DEMO_SEED", "1");
    const summary = await seedDatabase(t.db);
    expect(summary.users).toBeGreaterThan(40);
    const [admin] = await queryRows<{ verified: boolean }>(
      t.db,
      sql`select email_verified is not null as verified from users where email = 'admin@flowtab.dev'`,
    );
    expect(admin).toEqual({ verified: true });
  }, 120_000);

  it("`npm start` without DATABASE_URL: the app's own PGlite is migrated but gets no demo accounts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "flowtab-prod-pglite-"));
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ALLOW_DEMO_SEED", undefined);
    vi.stubEnv("DATABASE_URL", undefined);
    vi.stubEnv("PGLITE_DIR", path.join(dir, "pglite"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const database = await openDatabase({ autoMigrateAndSeed: true });
    try {
      expect(database.driver).toBe("pglite");
      expect(await userCount(database.db)).toBe(0);
      expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toContain("demo data not seeded");
    } finally {
      await database.close();
      warn.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("the Stripe sandbox in a production app", () => {
  async function load(env: Record<string, string | undefined>) {
    vi.stubEnv("STRIPE_SECRET_KEY", undefined);
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", undefined);
    vi.stubEnv("STRIPE_PRICE_ID", undefined);
    vi.stubEnv("STRIPE_SANDBOX_URL", "http://127.0.0.1:12999");
    vi.stubEnv("ALLOW_STRIPE_SANDBOX", undefined);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    // Fresh modules: lib/env.ts parses the environment once per module instance.
    return import("@/lib/billing/stripe-client");
  }

  it("refuses it without ALLOW_STRIPE_SANDBOX=1: no client, no sandbox webhook secret", async () => {
    const client = await load({ NODE_ENV: "production" });
    expect(() => client.getStripe()).toThrow(/refuses the Stripe sandbox in production/);
    expect(() => client.billingConfig()).toThrow(/refuses the Stripe sandbox in production/);
  });

  it("a webhook signed with the sandbox's public secret gets 503 in production, never applied", async () => {
    await load({ NODE_ENV: "production" });
    const Stripe = (await import("stripe")).default;
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "invoice.paid", data: { object: {} } });
    const header = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_flowtab_sandbox",
    });
    const { POST } = await import("@/app/api/webhooks/stripe/route");
    const response = await POST(
      new Request("http://localhost/api/webhooks/stripe", {
        method: "POST",
        body: payload,
        headers: { "stripe-signature": header },
      }),
    );
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("unavailable");
  });

  it("uses it with ALLOW_STRIPE_SANDBOX=1 (the e2e server), and in development", async () => {
    let client = await load({ NODE_ENV: "production", ALLOW_STRIPE_SANDBOX: "1" });
    expect(client.stripeSandboxUrl()).toBe("http://127.0.0.1:12999");
    expect(client.billingConfig()).toMatchObject({ priceId: "price_flowtab_premium_monthly" });
    vi.resetModules();
    client = await load({ NODE_ENV: "development" });
    expect(client.getStripe()).toBeTruthy();
    expect(client.billingConfig().webhookSecret).toBe("whsec_flowtab_sandbox");
  });
});
