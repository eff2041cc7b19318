import "server-only";
import {
  countCopiesBetween,
  getSubscriptionFigures,
  getTrialFunnel,
  listCreatorLiabilities,
  type LiabilityMonth,
  type SubscriberCount,
  type TrialFunnel,
} from "@/db/queries/admin-metrics";
import type { Executor } from "@/db/types";
import { monthBounds, monthOf } from "@/lib/payouts/month";

const DAY_MS = 86_400_000;
export const TRIAL_WINDOW_DAYS = 30;

export type PlatformMetrics = {
  /** "This period" on the platform view is the current UTC calendar month (subscribers' own periods differ). */
  period: { month: string; start: Date; end: Date };
  mrrCents: number;
  subscribers: SubscriberCount[];
  trials: TrialFunnel & { since: Date; until: Date };
  copies: { total: number; qualifying: number };
};

/** The marketplace's figures at `now`, as /admin shows them. */
export async function getPlatformMetrics(db: Executor, params: { now?: Date } = {}): Promise<PlatformMetrics> {
  const now = params.now ?? new Date();
  const month = monthOf(now);
  const period = { month, ...monthBounds(month) };
  const since = new Date(now.getTime() - TRIAL_WINDOW_DAYS * DAY_MS);
  const [subscriptions, trials, copies] = await Promise.all([
    getSubscriptionFigures(db),
    getTrialFunnel(db, { since, until: now }),
    countCopiesBetween(db, period),
  ]);
  return {
    period,
    mrrCents: subscriptions.mrrCents,
    subscribers: subscriptions.byStatus,
    trials: { ...trials, since, until: now },
    copies,
  };
}

export type CreatorLiabilities = { months: LiabilityMonth[]; totalOwedCents: number; totalPendingCents: number };

/** What creators are owed, by month of the copies, with the totals. */
export async function getCreatorLiabilities(db: Executor): Promise<CreatorLiabilities> {
  const months = await listCreatorLiabilities(db);
  return {
    months,
    // Owed now: earned and unpaid, net of reversals the next payouts will deduct. Pending is owed only once paid.
    totalOwedCents: months.reduce((sum, m) => sum + m.earnedCents - m.toDeductCents, 0),
    totalPendingCents: months.reduce((sum, m) => sum + m.pendingCents, 0),
  };
}
