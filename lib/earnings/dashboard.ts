import "server-only";
import { getCreatorAccount } from "@/db/queries/creator-accounts";
import { dailySeries, hasCreatorActivity, perFlowStats, type DailyPoint, type FlowStats } from "@/db/queries/earnings";
import type { Executor } from "@/db/types";
import { connectStatusOf, type ConnectStatus } from "@/lib/connect/status";
import type { DashboardParams } from "./dashboard-params";
import { getEarningsOverview, type EarningsOverview } from "./overview";

export type CreatorDashboard = EarningsOverview & {
  daily: DailyPoint[];
  flows: FlowStats[];
  connect: ConnectStatus;
  /** False for a member who never published, earned or was paid: the page shows a welcome instead of tables. */
  hasActivity: boolean;
};

/** Everything /creator shows, read from our own tables (never from Stripe on a page view). */
export async function loadCreatorDashboard(
  db: Executor,
  params: { creatorId: string; view: DashboardParams; now?: Date },
): Promise<CreatorDashboard> {
  const now = params.now ?? new Date();
  const { creatorId, view } = params;
  const [overview, daily, flows, account, hasActivity] = await Promise.all([
    getEarningsOverview(db, { creatorId, now }),
    dailySeries(db, { creatorId, days: view.range, now }),
    perFlowStats(db, { creatorId, sort: view.sort, dir: view.dir }),
    getCreatorAccount(db, { userId: creatorId }),
    hasCreatorActivity(db, { creatorId }),
  ]);
  return { ...overview, daily, flows, connect: connectStatusOf(account), hasActivity };
}
