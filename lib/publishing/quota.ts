import { countPublishesThisMonth, lockUserPublishing, utcMonthBounds } from "@/db/queries/flow-publishing";
import type { Executor } from "@/db/types";
import { getEntitlement } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";

/**
 * The monthly publish quota (PRODUCT.md: flows published per month, from lib/plans.ts).
 *
 * Rule: a flow counts once, in the UTC calendar month of its FIRST publish. `published_at` records that first
 * publish and is never moved afterwards: unpublishing keeps it, republishing keeps it (the catalogue's "new"
 * sort also stays honest: a flow cannot jump back to the top by being unpublished and republished).
 * So `used` = the creator's flows whose published_at falls in the current UTC month, and republishing an
 * unpublished flow never counts again, in the same month or a later one. Drafts never count.
 * The quota belongs to the flow's creator, also when an admin presses Publish for them.
 */

export type PublishQuota = {
  planName: string;
  limit: number;
  used: number;
  remaining: number;
  /** Start of the next UTC month, when `used` starts again from zero. */
  resetsAt: Date;
};

export async function getPublishQuota(db: Executor, params: { userId: string; now?: Date }): Promise<PublishQuota> {
  const now = params.now ?? new Date();
  const [entitlement, used] = await Promise.all([
    getEntitlement(db, { userId: params.userId, now }),
    countPublishesThisMonth(db, { userId: params.userId, now }),
  ]);
  const limit = entitlement.plan.publishesPerMonth;
  return {
    planName: entitlement.plan.name,
    limit,
    used,
    remaining: Math.max(0, limit - used),
    resetsAt: utcMonthBounds(now).end,
  };
}

/**
 * Inside the caller's transaction: takes the creator's publish lock (held until commit or rollback), then
 * checks the quota. Check and write thus happen under one lock, so parallel publishes cannot overshoot.
 * Throws `quota_exceeded` (no field) when the creator has no publish left this month.
 */
export async function reservePublish(tx: Executor, params: { creatorId: string; now: Date }): Promise<void> {
  await lockUserPublishing(tx, { userId: params.creatorId });
  const quota = await getPublishQuota(tx, { userId: params.creatorId, now: params.now });
  if (quota.remaining > 0) return;
  const resets = quota.resetsAt.toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });
  throw new AppError(
    "quota_exceeded",
    `You have published ${quota.used} of the ${quota.limit} new flows your ${quota.planName} plan allows this month. ` +
      `Keep it as a draft and publish it from ${resets}, or upgrade for a higher limit.`,
    { details: { limit: quota.limit, used: quota.used, resetsAt: quota.resetsAt.toISOString() } },
  );
}
