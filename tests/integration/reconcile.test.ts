// The ledger reconciliation (lib/ledger/reconcile.ts, `npm run reconcile`, POST /api/cron/reconcile) on the seeded
// database against the Stripe sandbox holding the seeded billing: no violation; then rows broken by hand, each named.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestReconciliationRun } from "@/db/queries/reconcile";
import { queryRows } from "@/db/rows";
import { seedDatabase } from "@/db/seed";
import { payouts } from "@/db/schema";
import { importSeededBillingIntoSandbox } from "@/lib/billing/sandbox-import";
import { recordReconciliation, runReconciliation } from "@/lib/ledger/reconcile";
import { createTestDb, type TestDb } from "../helpers/db";
import { WEBHOOK_SECRET, startTestSandbox, type TestSandbox } from "../sandbox/helpers";

let t: TestDb;
let sandbox: TestSandbox;
const CRON_SECRET = "reconcile-test-secret";

beforeAll(async () => {
  sandbox = await startTestSandbox();
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.CRON_SECRET = CRON_SECRET;
  t = await createTestDb();
  await seedDatabase(t.db);
  await importSeededBillingIntoSandbox(t.db, { url: sandbox.url });
  // The cron route opens the app's database through getDb(): hand it this one.
  (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")] = Promise.resolve({ db: t.db, driver: t.driver });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

const reconcile = () => runReconciliation(t.db, sandbox.stripe);
const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await queryRows<T>(t.db, query))[0]!;

describe("reconciliation", () => {
  it("finds no violation in the seeded database against the seeded Stripe objects", { timeout: 120_000 }, async () => {
    const result = await reconcile();
    expect(result.violations).toEqual([]);
    expect(result.checked.periods).toBeGreaterThan(100);
    expect(result.checked.stripeInvoices).toBe(result.checked.invoices);
    expect(result.checked.stripeTransfers).toBe(1);
    await recordReconciliation(t.db, result);
    expect(await getLatestReconciliationRun(t.db)).toMatchObject({ violationCount: 0, violations: [] });
  });

  it("names each row broken by hand", { timeout: 120_000 }, async () => {
    const [payout] = await t.db.select().from(payouts);
    await t.db
      .update(payouts)
      .set({ amountCents: payout!.amountCents + 7 })
      .where(eq(payouts.id, payout!.id));
    // A pending credit made earned against its (open) invoice: earned without a paid invoice.
    const pending = await one<{ id: string; subscription_id: string; period_start: string }>(
      sql`select id, subscription_id, period_start from creator_credits where status = 'pending' order by id limit 1`,
    );
    await t.db.execute(sql`
      update creator_credits set status = 'earned', earned_at = now(),
        invoice_id = (select id from invoices i where i.subscription_id = creator_credits.subscription_id
                        and i.period_start = creator_credits.period_start)
      where id = ${pending.id}`);
    // The creator paid a second time for the same month, by hand in the dashboard.
    await sandbox.stripe.transfers.create({
      amount: 500,
      currency: "usd",
      destination: "acct_seed_democreator",
      transfer_group: `payouts-${payout!.month}`,
      metadata: { creatorId: payout!.creatorId },
    });

    const result = await reconcile();
    const lines = result.violations.map((v) => `${v.check} ${v.row}`);
    const payoutRow = `payout ${payout!.id} (creator ${payout!.creatorId}, ${payout!.month})`;
    expect(lines).toEqual(
      expect.arrayContaining([
        `earned_without_paid_invoice creator_credits ${pending.id}`,
        `payout_amount ${payoutRow}`,
        `payout_transfer ${payoutRow}`,
        `paid_twice creator ${payout!.creatorId} ${payout!.month}`,
      ]),
    );
    expect(lines.filter((l) => l.startsWith("transfer_without_paid_payout"))).toHaveLength(1);
    expect(result.violations.find((v) => v.check === "payout_amount")!.message).toBe(
      `amount ${payout!.amountCents + 7} cents is not the ${payout!.amountCents} cents it holds minus the 0 cents it deducts`,
    );
  });

  it("POST /api/cron/reconcile: 401 without the secret; with it, runs, stores and answers the result", async () => {
    const { POST } = await import("@/app/api/cron/reconcile/route");
    const call = (authorization?: string) =>
      POST(
        new Request("http://localhost/api/cron/reconcile", {
          method: "POST",
          headers: authorization ? { authorization } : {},
        }),
      );
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong")).status).toBe(401);
    const response = await call(`Bearer ${CRON_SECRET}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false });
    expect(body.violationCount).toBe(body.violations.length);
    expect(body.violationCount).toBeGreaterThan(0);
    expect((await getLatestReconciliationRun(t.db))!.violationCount).toBe(body.violationCount);
  }, 120_000);

  // The CLI is another process: it can only read a database server (PGlite lives in this process).
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "npm run reconcile prints one line per violation and a summary, and exits 1",
    { timeout: 180_000 },
    async () => {
      const run = await promisify(execFile)(
        "node_modules/.bin/tsx",
        ["--conditions=react-server", "lib/ledger/cli.ts", "--no-record"],
        { env: { ...process.env, STRIPE_SANDBOX_URL: sandbox.url } },
      ).then(
        () => ({ code: 0, stdout: "" }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
      expect(run.code).toBe(1);
      const lines = run.stdout.trim().split("\n");
      expect(lines.at(-1)).toMatch(/^reconcile: \d+ violations \(checked /);
      expect(lines.slice(0, -1).every((l) => l.startsWith("VIOLATION "))).toBe(true);
      expect(lines.some((l) => l.startsWith("VIOLATION payout_amount payout "))).toBe(true);
    },
  );
  if (!process.env.DATABASE_URL) {
    console.warn("reconcile.test.ts: the CLI test needs DATABASE_URL (PostgreSQL); skipped on PGlite.");
  }
});
