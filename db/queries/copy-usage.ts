import { and, eq } from "drizzle-orm";
import { copyPeriodUsage } from "../schema";
import type { Executor } from "../types";

/** A user's copy counters for the period starting at `periodStart` (zeros when nothing was copied). */
export async function getPeriodUsage(db: Executor, params: { userId: string; periodStart: Date }) {
  const [row] = await db
    .select({ copies: copyPeriodUsage.copies, paidCopies: copyPeriodUsage.paidCopies })
    .from(copyPeriodUsage)
    .where(and(eq(copyPeriodUsage.userId, params.userId), eq(copyPeriodUsage.periodStart, params.periodStart)));
  return row ?? { copies: 0, paidCopies: 0 };
}
