import { sql } from "drizzle-orm";
import { queryRows } from "@/db/rows";
import type { Db } from "@/db/types";

/**
 * A fixture for payout and dashboard tests: `count` qualifying copies of one flow by one reader, each in its own
 * period starting `firstPeriodStart` + n seconds (made at that moment), with their 7c credits as the lifecycle
 * leaves them: `earned` at `earnedAt` against a paid invoice, or `pending`. (The whole money chain without any
 * fixture is tests/integration/money-chain.test.ts.)
 */
export async function insertCredits(
  db: Db,
  p: {
    readerId: string;
    readerTenantId: string;
    subscriptionId: string;
    creatorId: string;
    flowId: string;
    count: number;
    firstPeriodStart: Date;
    status: "earned" | "pending";
    earnedAt?: Date;
  },
): Promise<void> {
  let invoiceId: string | null = null;
  if (p.status === "earned") {
    const [invoice] = await queryRows<{ id: string }>(
      db,
      sql`insert into invoices (tenant_id, subscription_id, stripe_invoice_id, status, amount_due_cents, amount_paid_cents, period_start, period_end, paid_at)
          values (${p.readerTenantId}, ${p.subscriptionId}, ${`in_fixture_${Math.random().toString(36).slice(2)}`}, 'paid',
                  1000, 1000, ${p.firstPeriodStart.toISOString()}::timestamptz,
                  ${p.firstPeriodStart.toISOString()}::timestamptz + interval '30 days', ${p.firstPeriodStart.toISOString()}::timestamptz)
          returning id`,
    );
    invoiceId = invoice!.id;
  }
  const start = p.firstPeriodStart.toISOString();
  await db.execute(sql`
    with ev as (
      insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end,
                               counted_for_payout, source, created_at)
      select ${p.readerId}::uuid, ${p.readerTenantId}::uuid, ${p.flowId}::uuid, ${p.creatorId}::uuid, ${p.subscriptionId}::uuid,
             ${start}::timestamptz + make_interval(secs => g), ${start}::timestamptz + make_interval(secs => g) + interval '30 days',
             true, 'web', ${start}::timestamptz + make_interval(secs => g)
      from generate_series(1, ${p.count}::int) g
      returning id, period_start, period_end)
    insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, invoice_id, period_start,
                                 period_end, amount_cents, status, earned_at, created_at)
    select ${p.creatorId}::uuid, id, ${p.readerId}::uuid, ${p.subscriptionId}::uuid, ${invoiceId}::uuid, period_start,
           period_end, 7, ${p.status}, ${p.earnedAt?.toISOString() ?? null}::timestamptz, period_start
    from ev`);
}
