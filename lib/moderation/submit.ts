import "server-only";
import { getReportableFlow, insertOpenReport } from "@/db/queries/flow-reports";
import { incrementBucket } from "@/db/queries/rate-limits";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";
import { isFlowSlug } from "@/lib/flows/slug";
import { reportInputSchema } from "./input";

/** Reports one user may file per hour, across all flows: enough for someone who finds several broken flows. */
export const REPORTS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

/**
 * A signed-in user reports a published flow. Every attempt counts against the hourly limit (kept in
 * rate_limit_buckets, shared by every instance); a second open report of the same flow by the same user is
 * refused by the partial unique index, not by a read before the insert.
 */
export async function reportFlow(
  db: Db,
  params: { userId: string; slug: string; input: { reason: unknown; note?: unknown }; now?: Date },
): Promise<{ reportId: string }> {
  const now = params.now ?? new Date();
  const limit = await incrementBucket(db, { key: `report:user:${params.userId}`, windowMs: HOUR_MS, now });
  if (limit.count > REPORTS_PER_HOUR) {
    throw new AppError("rate_limited", "You have sent many reports in the last hour. Try again later.", {
      retryAfterSeconds: Math.max(1, Math.ceil((limit.windowEnd.getTime() - now.getTime()) / 1000)),
    });
  }
  const input = reportInputSchema.parse(params.input);
  const flow = isFlowSlug(params.slug) ? await getReportableFlow(db, { slug: params.slug }) : null;
  if (!flow) throw new AppError("not_found", "Flow not found.");
  if (flow.creatorId === params.userId) throw new AppError("forbidden", "You cannot report your own flow.");
  const report = await insertOpenReport(db, {
    flowId: flow.id,
    reporterId: params.userId,
    reason: input.reason,
    details: input.note,
    now,
  });
  if (!report) {
    throw new AppError("conflict", "You have already reported this flow. An admin will look at it soon.");
  }
  return { reportId: report.id };
}
