import "server-only";
import {
  getEarningsSummary,
  listEarningsMonths,
  listPayouts,
  type EarningsMonth,
  type EarningsSummary,
  type PayoutRow,
} from "@/db/queries/earnings";
import type { Executor } from "@/db/types";

export type EarningsOverview = { summary: EarningsSummary; months: EarningsMonth[]; payouts: PayoutRow[] };

/** The figures, months and payouts of one creator: what the dashboard shows and the API returns, one read. */
export async function getEarningsOverview(
  db: Executor,
  params: { creatorId: string; now?: Date },
): Promise<EarningsOverview> {
  const now = params.now ?? new Date();
  const [summary, months, payouts] = await Promise.all([
    getEarningsSummary(db, { creatorId: params.creatorId, now }),
    listEarningsMonths(db, { creatorId: params.creatorId, now }),
    listPayouts(db, { creatorId: params.creatorId }),
  ]);
  return { summary, months, payouts };
}

/** The public shape of `GET /api/v1/creators/me/earnings` (PRODUCT.md: a contract; nothing more, nothing less). */
export type EarningsJson = {
  availableCents: number;
  pendingCents: number;
  lifetimePaidCents: number;
  thisMonthCents: number;
  months: Array<{ month: string; qualifyingCopies: number; earnedCents: number; status: EarningsMonth["status"] }>;
  payouts: Array<{ month: string; amountCents: number; status: PayoutRow["status"]; paidAt: string | null }>;
};

export function toEarningsJson(overview: EarningsOverview): EarningsJson {
  const { summary } = overview;
  return {
    availableCents: summary.availableCents,
    pendingCents: summary.pendingCents,
    lifetimePaidCents: summary.lifetimePaidCents,
    thisMonthCents: summary.thisMonthCents,
    months: overview.months.map((m) => ({
      month: m.month,
      qualifyingCopies: m.qualifyingCopies,
      earnedCents: m.earnedCents,
      status: m.status,
    })),
    payouts: overview.payouts.map((p) => ({
      month: p.month,
      amountCents: p.amountCents,
      status: p.status,
      paidAt: p.paidAt ? p.paidAt.toISOString() : null,
    })),
  };
}
