import { sql } from "drizzle-orm";
import { queryRows } from "../rows";
import type { Executor } from "../types";
import { cents } from "./earnings";

// The creator's credit ledger as rows for the CSV export (app/creator/export), scoped by the creator in every join.

export type CreditExportRow = {
  creditId: string;
  copiedAt: string;
  flowSlug: string;
  flowTitle: string;
  periodStart: string;
  periodEnd: string;
  status: "pending" | "earned" | "paid_out" | "void" | "reversed";
  amountCents: number;
  earnedAt: string | null;
  reversedAt: string | null;
  /** The month of the payout that paid it, when one did. */
  payoutMonth: string | null;
  /** For a credit reversed after it was paid out: the month of the payout that deducted it again. */
  deductedInPayoutMonth: string | null;
};

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * Every credit of the creator, or of one UTC month (YYYY-MM) of qualifying copies, oldest first. No subscriber
 * identity leaves the ledger: a creator sees which flow earned, never who copied it.
 */
export async function listCreditsForExport(
  db: Executor,
  params: { creatorId: string; month?: string },
): Promise<CreditExportRow[]> {
  if (params.month !== undefined && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(params.month)) {
    throw new Error("listCreditsForExport: month must be YYYY-MM");
  }
  const monthFilter = params.month
    ? sql`and c.created_at >= ((${`${params.month}-01`})::timestamp at time zone 'UTC')
          and c.created_at < (((${`${params.month}-01`})::timestamp + interval '1 month') at time zone 'UTC')`
    : sql``;
  const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', ${ISO})`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select c.id, ${iso("c.created_at")} as copied_at, f.slug, f.title,
             ${iso("c.period_start")} as period_start, ${iso("c.period_end")} as period_end,
             c.status, c.amount_cents, ${iso("c.earned_at")} as earned_at, ${iso("c.reversed_at")} as reversed_at,
             p.month as payout_month, d.month as deducted_month
      from creator_credits c
      join copy_events e on e.id = c.copy_event_id and e.creator_id = ${params.creatorId}
      join flows f on f.id = e.flow_id
      left join payouts p on p.id = c.payout_id and p.creator_id = ${params.creatorId}
      left join payouts d on d.id = c.deducted_in_payout_id and d.creator_id = ${params.creatorId}
      where c.creator_id = ${params.creatorId} ${monthFilter}
      order by c.created_at, c.id`,
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    creditId: String(r.id),
    copiedAt: String(r.copied_at),
    flowSlug: String(r.slug),
    flowTitle: String(r.title),
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    status: String(r.status) as CreditExportRow["status"],
    amountCents: cents(r.amount_cents),
    earnedAt: text(r.earned_at),
    reversedAt: text(r.reversed_at),
    payoutMonth: text(r.payout_month),
    deductedInPayoutMonth: text(r.deducted_month),
  }));
}
