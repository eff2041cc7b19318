import "server-only";
import { incrementBucket } from "@/db/queries/rate-limits";
import { getPeriodUsage } from "@/db/queries/copy-usage";
import {
  bumpFlowCopyCounters,
  countCopyInPeriod,
  ensurePeriodUsageRow,
  findCopyByIdempotencyKey,
  findCopyInPeriod,
  getFlowForCopy,
  insertCopyEvent,
  insertPendingCredit,
  markCopyCounted,
  sharesTenantWithCreator,
} from "@/db/queries/copies";
import type { CopySource } from "@/db/schema";
import type { Executor } from "@/db/types";
import { getEntitlement } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";
import { COPY_CREDIT_CENTS, COPY_RATE_LIMIT_PER_MINUTE } from "@/lib/plans";
import { copyPeriodFor } from "./period";

export type CopyResult = {
  promptText: string;
  copy: {
    id: string;
    countedForPayout: boolean;
    alreadyCopied: boolean;
    copiesThisPeriod: number;
    paidCopiesRemaining: number;
    periodEnd: string;
  };
};

/**
 * A user presses Copy (PRODUCT.md "The copy", rules 1-8): returns the prompt text and records the copy.
 * Everything that must agree (the distinct row, the period counters, the creator credit, the flow counters)
 * is written in one transaction; the database's unique index and conditional updates enforce the caps.
 */
export async function recordCopy(
  db: Executor,
  params: { userId: string; slug: string; source: CopySource; idempotencyKey?: string | null; now?: Date },
): Promise<CopyResult> {
  const now = params.now ?? new Date();
  const flow = await getFlowForCopy(db, { slug: params.slug });
  if (!flow || flow.status !== "published") throw new AppError("not_found", "Flow not found.");

  // Anti-scraping: counted in PostgreSQL so every app instance shares the limit.
  const minute = await incrementBucket(db, { key: `copy:user:${params.userId}`, windowMs: 60_000, now });
  if (minute.count > COPY_RATE_LIMIT_PER_MINUTE) {
    throw new AppError("rate_limited", "Too many copies in a minute. Slow down and try again shortly.", {
      retryAfterSeconds: Math.max(1, Math.ceil((minute.windowEnd.getTime() - now.getTime()) / 1000)),
    });
  }

  const entitlement = await getEntitlement(db, { userId: params.userId, now });
  if (flow.isPremium && !entitlement.premiumAccess) {
    throw new AppError("premium_required", "Premium subscription required.");
  }
  const period = copyPeriodFor(entitlement, now);
  const tenantId = entitlement.tenantId;
  if (!tenantId) throw new AppError("internal", "This account has no tenant.");
  const plan = entitlement.plan;
  const paidCap = plan.paidCopiesPerPeriod;

  if (params.idempotencyKey) {
    const previous = await findCopyByIdempotencyKey(db, { userId: params.userId, idempotencyKey: params.idempotencyKey });
    if (previous) return result(flow.promptText, previous, false, await getPeriodUsage(db, { userId: params.userId, periodStart: previous.periodStart }), paidCap);
  }

  const isTrial = entitlement.subscription?.status === "trialing" && entitlement.premiumAccess;
  const selfCopy = await sharesTenantWithCreator(db, { userId: params.userId, creatorId: flow.creatorId });
  const mayQualify = flow.isPremium && !isTrial && !selfCopy && period.subscriptionId !== null && paidCap > 0;

  return db.transaction(async (tx) => {
    await ensurePeriodUsageRow(tx, { userId: params.userId, periodStart: period.start, periodEnd: period.end });
    const inserted = await insertCopyEvent(tx, {
      userId: params.userId,
      tenantId,
      flowId: flow.id,
      creatorId: flow.creatorId,
      subscriptionId: period.subscriptionId,
      periodStart: period.start,
      periodEnd: period.end,
      source: params.source,
      idempotencyKey: params.idempotencyKey ?? null,
      now,
    });

    if (!inserted) {
      // Rule 3: a repeat in the same period returns the text and counts nothing.
      const existing = await findCopyInPeriod(tx, { userId: params.userId, flowId: flow.id, periodStart: period.start });
      const usage = await getPeriodUsage(tx, { userId: params.userId, periodStart: period.start });
      return result(flow.promptText, existing!, true, usage, paidCap);
    }

    const counted = await countCopyInPeriod(tx, {
      userId: params.userId,
      periodStart: period.start,
      mayQualify,
      paidCap,
      copyLimit: plan.copyLimitPerPeriod,
    });
    if (!counted) {
      // Throwing rolls back the copy row inserted above.
      throw new AppError("quota_exceeded", `Your free trial includes ${plan.copyLimitPerPeriod} copies. Subscribe to keep copying.`, {
        retryAfterSeconds: Math.max(1, Math.ceil((period.end.getTime() - now.getTime()) / 1000)),
        details: { checkoutUrl: "/pricing" },
      });
    }
    if (counted.counted) {
      await markCopyCounted(tx, { copyEventId: inserted.id });
      await insertPendingCredit(tx, {
        creatorId: flow.creatorId,
        copyEventId: inserted.id,
        subscriberId: params.userId,
        subscriptionId: period.subscriptionId!,
        periodStart: period.start,
        periodEnd: period.end,
        amountCents: COPY_CREDIT_CENTS,
      });
    }
    await bumpFlowCopyCounters(tx, { flowId: flow.id, now });
    return result(flow.promptText, { ...inserted, countedForPayout: counted.counted }, false, counted, paidCap);
  });
}

function result(
  promptText: string,
  event: { id: string; countedForPayout: boolean; periodEnd: Date },
  alreadyCopied: boolean,
  usage: { copies: number; paidCopies: number },
  paidCap: number,
): CopyResult {
  return {
    promptText,
    copy: {
      id: event.id,
      countedForPayout: event.countedForPayout,
      alreadyCopied,
      copiesThisPeriod: usage.copies,
      paidCopiesRemaining: Math.max(0, paidCap - usage.paidCopies),
      periodEnd: event.periodEnd.toISOString(),
    },
  };
}
