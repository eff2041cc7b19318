import "server-only";
import type Stripe from "stripe";
import { getPeriodUsage } from "@/db/queries/copy-usage";
import {
  ensurePeriodUsageRow,
  findCopyByIdempotencyKey,
  findCopyInPeriod,
  loadCopyContext,
  writeCopy,
  type CopyWrite,
} from "@/db/queries/copies";
import type { CopySource } from "@/db/schema";
import type { Executor } from "@/db/types";
import { ensureCreditPeriod } from "@/lib/billing/credit-lifecycle";
import { resolveEntitlement } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";
import { COPY_CREDIT_CENTS, COPY_RATE_LIMIT_PER_MINUTE } from "@/lib/plans";
import { copyPeriodFor } from "./period";
import { COPY_RATE_WINDOW_MS, copyRateKey, copyRateWindowStart } from "./rate-limit";
import { refreshStaleEntitlement } from "./stale-period";

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

const UNIQUE_VIOLATION = "23505";

/**
 * A user presses Copy (PRODUCT.md "The copy", rules 1-8): returns the prompt text and records the copy.
 * Two statements in the usual case: one read, and the write (db/queries/copies.ts `writeCopy`) in which the
 * database's unique index, row locks and conditional counts enforce the distinct-copy rule, the paid cap, the trial
 * limit, and the credit's status against its period's payment. Only when the stored period no longer contains `now`
 * (a renewal not synced yet) is the subscription synced from Stripe first (`stripe`, default the app's client).
 */
export async function recordCopy(
  db: Executor,
  params: {
    userId: string;
    slug: string;
    source: CopySource;
    idempotencyKey?: string | null;
    now?: Date;
    stripe?: Stripe;
    /** The tenant the user acts in (an API token's, or the one chosen in the header); null = their best plan. */
    tenantId?: string | null;
  },
): Promise<CopyResult> {
  const now = params.now ?? new Date();
  // One statement reads the flow and the copier's subscriptions and counts the copy against the per-minute
  // anti-scraping limit (in PostgreSQL, so every app instance shares it; reader views count in the same bucket).
  const rateWindowStart = copyRateWindowStart(now);
  const context = await loadCopyContext(db, {
    slug: params.slug,
    userId: params.userId,
    rateKey: copyRateKey(params.userId),
    rateWindowStart,
  });
  // A session whose user was deleted: the copy route does not read the users table before this statement.
  if (!context.userExists) throw new AppError("unauthorized", "Sign in or send an API token.");
  const flow = context.flow;
  if (!flow || flow.status !== "published") throw new AppError("not_found", "Flow not found.");
  if (context.rateCount > COPY_RATE_LIMIT_PER_MINUTE) {
    const windowEnd = rateWindowStart.getTime() + COPY_RATE_WINDOW_MS;
    throw new AppError("rate_limited", "Too many copies in a minute. Slow down and try again shortly.", {
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
    });
  }
  let entitlement = resolveEntitlement(context.subscriptions, now, context.personalTenantId, params.tenantId);
  // Rule 2: never into a period that has ended. The rare stale path: sync from Stripe, then decide.
  entitlement = await refreshStaleEntitlement(db, {
    entitlement,
    userId: params.userId,
    personalTenantId: context.personalTenantId,
    tenantId: params.tenantId,
    now,
    stripe: params.stripe,
  });
  if (flow.isPremium && !entitlement.premiumAccess) {
    throw new AppError("premium_required", "Premium subscription required.");
  }
  const tenantId = entitlement.tenantId;
  if (!tenantId) throw new AppError("internal", "This account has no tenant.");

  const plan = entitlement.plan;
  const period = copyPeriodFor(entitlement, now);
  const paidCap = plan.paidCopiesPerPeriod;
  const isTrial = entitlement.subscription?.status === "trialing";
  // Rule 8: a replay counts nothing, whatever the first request did; it answers with the recorded copy's id.
  const replay = async (key: string) => {
    const previous = await findCopyByIdempotencyKey(db, {
      userId: params.userId,
      periodStart: period.start,
      idempotencyKey: key,
    });
    if (!previous) return null;
    if (previous.flowId !== flow.id) {
      throw new AppError("conflict", "This Idempotency-Key was already used for another flow.", {
        field: "Idempotency-Key",
      });
    }
    const usage = await getPeriodUsage(db, { userId: params.userId, periodStart: previous.periodStart });
    return result(
      flow.promptText,
      { id: previous.id, counted: false, periodEnd: previous.periodEnd },
      true,
      usage,
      paidCap,
    );
  };
  if (params.idempotencyKey) {
    const previous = await replay(params.idempotencyKey);
    if (previous) return previous;
  }

  // Rule 5: no credit for free flows, trials or self-copies; only a paying subscription funds credits.
  const mayQualify =
    flow.isPremium && !isTrial && !flow.sharesTenantWithCreator && period.subscriptionId !== null && paidCap > 0;
  let written;
  // A team's seats fund 100 qualifying copies each per period, shared by whoever holds them in that period.
  const seats = plan.perSeat ? (entitlement.subscription?.quantity ?? 0) : 0;
  const poolCap = mayQualify && seats > 0 ? paidCap * seats : null;
  try {
    const write: CopyWrite = {
      userId: params.userId,
      tenantId,
      flowId: flow.id,
      creatorId: flow.creatorId,
      subscriptionId: period.subscriptionId,
      periodStart: period.start,
      periodEnd: period.end,
      source: params.source,
      idempotencyKey: params.idempotencyKey ?? null,
      mayQualify,
      paidCap,
      poolCap,
      copyLimit: plan.copyLimitPerPeriod,
      creditCents: COPY_CREDIT_CENTS,
      now,
    };
    written = await writeCopy(db, write);
    if (written.outcome === "rows_missing") {
      // The first copy of this period: create its usage row (and a team's pool row) and, for a copy that may earn a
      // credit, settle its credit period (what the period's payment funds), then write (the locks need rows).
      await ensurePeriodUsageRow(db, {
        userId: params.userId,
        periodStart: period.start,
        periodEnd: period.end,
        poolSubscriptionId: poolCap === null ? null : period.subscriptionId,
      });
      if (mayQualify && entitlement.subscription) {
        const subscription = entitlement.subscription;
        await db.transaction((tx) =>
          ensureCreditPeriod(tx, { subscription, periodStart: period.start, periodEnd: period.end }, now),
        );
      }
      written = await writeCopy(db, write);
      if (written.outcome === "rows_missing") throw new Error("the copy period's rows were not created");
    }
  } catch (error) {
    // The same idempotency key raced in from a parallel retry: return what that request recorded.
    const previous = params.idempotencyKey && isUniqueViolation(error) ? await replay(params.idempotencyKey) : null;
    if (previous) return previous;
    throw error;
  }

  // At the trial's limit a repeat of an earlier copy is still allowed: it counts nothing.
  const repeatAtLimit =
    written.outcome === "limit_reached" &&
    (await findCopyInPeriod(db, { userId: params.userId, flowId: flow.id, periodStart: period.start })) !== null;
  if (written.outcome === "limit_reached" && !repeatAtLimit) {
    throw new AppError(
      "quota_exceeded",
      `Your free trial includes ${plan.copyLimitPerPeriod} copies. Subscribe to keep copying.`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil((period.end.getTime() - now.getTime()) / 1000)),
        details: { checkoutUrl: "/pricing" },
      },
    );
  }
  if (written.outcome !== "recorded") {
    // Rules 3 and 8: a repeat in the same period returns the text, counts nothing, and names the recorded copy.
    const [existing, usage] = await Promise.all([
      findCopyInPeriod(db, { userId: params.userId, flowId: flow.id, periodStart: period.start }),
      getPeriodUsage(db, { userId: params.userId, periodStart: period.start }),
    ]);
    if (!existing) throw new Error(`the copy this request repeats was not found (flow ${flow.id})`);
    // Rule 8: countedForPayout is true only for the request that created the qualifying copy.
    return result(
      flow.promptText,
      { id: existing.id, counted: false, periodEnd: existing.periodEnd },
      true,
      usage,
      paidCap,
    );
  }
  return result(
    flow.promptText,
    { id: written.copyEventId, counted: written.counted, periodEnd: period.end },
    false,
    { copies: written.copies, paidCopies: written.paidCopies },
    paidCap,
  );
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

function result(
  promptText: string,
  event: { id: string; counted: boolean; periodEnd: Date },
  alreadyCopied: boolean,
  usage: { copies: number; paidCopies: number },
  paidCap: number,
): CopyResult {
  return {
    promptText,
    copy: {
      id: event.id,
      countedForPayout: event.counted,
      alreadyCopied,
      copiesThisPeriod: usage.copies,
      paidCopiesRemaining: Math.max(0, paidCap - usage.paidCopies),
      periodEnd: event.periodEnd.toISOString(),
    },
  };
}
