import "server-only";
import { getPeriodUsage } from "@/db/queries/copy-usage";
import {
  ensurePeriodUsageRow,
  findCopyByIdempotencyKey,
  findCopyInPeriod,
  loadCopyContext,
  writeCopy,
  type CopyWrite,
} from "@/db/queries/copies";
import { windowStartFor } from "@/db/queries/rate-limits";
import type { CopySource } from "@/db/schema";
import type { Executor } from "@/db/types";
import { resolveEntitlement } from "@/lib/entitlements";
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

const UNIQUE_VIOLATION = "23505";
const RATE_WINDOW_MS = 60_000;

/**
 * A user presses Copy (PRODUCT.md "The copy", rules 1-8): returns the prompt text and records the copy.
 * Reads run in parallel; the write is one statement (db/queries/copies.ts `writeCopy`) in which the database's
 * unique index, row lock and conditional counts enforce the distinct-copy rule, the paid cap and the trial limit.
 */
export async function recordCopy(
  db: Executor,
  params: { userId: string; slug: string; source: CopySource; idempotencyKey?: string | null; now?: Date },
): Promise<CopyResult> {
  const now = params.now ?? new Date();
  // One statement reads the flow and the copier's subscriptions and counts the copy against the per-minute
  // anti-scraping limit (in PostgreSQL, so every app instance shares it).
  const rateWindowStart = windowStartFor(now, RATE_WINDOW_MS);
  const context = await loadCopyContext(db, {
    slug: params.slug,
    userId: params.userId,
    rateKey: `copy:user:${params.userId}`,
    rateWindowStart,
  });
  // A session whose user was deleted: the copy route does not read the users table before this statement.
  if (!context.userExists) throw new AppError("unauthorized", "Sign in or send an API token.");
  const flow = context.flow;
  const entitlement = resolveEntitlement(context.subscriptions, now, context.personalTenantId);
  if (!flow || flow.status !== "published") throw new AppError("not_found", "Flow not found.");
  if (context.rateCount > COPY_RATE_LIMIT_PER_MINUTE) {
    const windowEnd = rateWindowStart.getTime() + RATE_WINDOW_MS;
    throw new AppError("rate_limited", "Too many copies in a minute. Slow down and try again shortly.", {
      retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
    });
  }
  if (flow.isPremium && !entitlement.premiumAccess) {
    throw new AppError("premium_required", "Premium subscription required.");
  }
  const tenantId = entitlement.tenantId;
  if (!tenantId) throw new AppError("internal", "This account has no tenant.");

  const plan = entitlement.plan;
  const period = copyPeriodFor(entitlement, now);
  const paidCap = plan.paidCopiesPerPeriod;
  const isTrial = entitlement.subscription?.status === "trialing";
  const replay = async (key: string) => {
    const previous = await findCopyByIdempotencyKey(db, { userId: params.userId, idempotencyKey: key });
    if (!previous) return null;
    if (previous.flowId !== flow.id) {
      throw new AppError("conflict", "This Idempotency-Key was already used for another flow.", {
        field: "Idempotency-Key",
      });
    }
    const usage = await getPeriodUsage(db, { userId: params.userId, periodStart: previous.periodStart });
    return result(flow.promptText, previous, false, usage, paidCap);
  };
  if (params.idempotencyKey) {
    const previous = await replay(params.idempotencyKey);
    if (previous) return previous;
  }

  let written;
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
      // Rule 5: no credit for free flows, trials or self-copies; only a paying subscription funds credits.
      mayQualify:
        flow.isPremium && !isTrial && !flow.sharesTenantWithCreator && period.subscriptionId !== null && paidCap > 0,
      paidCap,
      copyLimit: plan.copyLimitPerPeriod,
      creditCents: COPY_CREDIT_CENTS,
      now,
    };
    written = await writeCopy(db, write);
    if (written.outcome === "usage_row_missing") {
      // The first copy of this period: create its usage row, then write (the row lock needs a row to lock).
      await ensurePeriodUsageRow(db, { userId: params.userId, periodStart: period.start, periodEnd: period.end });
      written = await writeCopy(db, write);
      if (written.outcome === "usage_row_missing") throw new Error("copy_period_usage row was not created");
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
    // Rule 3: a repeat in the same period returns the text and counts nothing.
    const [existing, usage] = await Promise.all([
      findCopyInPeriod(db, { userId: params.userId, flowId: flow.id, periodStart: period.start }),
      getPeriodUsage(db, { userId: params.userId, periodStart: period.start }),
    ]);
    // Rule 8: countedForPayout is true only for the request that created the qualifying copy.
    return result(flow.promptText, { ...existing!, countedForPayout: false }, true, usage, paidCap);
  }
  return result(
    flow.promptText,
    { id: written.copyEventId, countedForPayout: written.counted, periodEnd: period.end },
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
