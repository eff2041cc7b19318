// POST /api/cron/payouts: the monthly creator payout run (Bearer CRON_SECRET, body { "month": "YYYY-MM" }).
// Called at least daily (retries are due hourly), it also drops expired rate-limit windows.
import { z } from "zod";
import { getDb } from "@/db";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { pruneRateLimitWindows } from "@/lib/maintenance";
import { assertCronAuthorized } from "@/lib/payouts/cron-auth";
import { runPayoutJob } from "@/lib/payouts/job";
import { payoutMonthSchema } from "@/lib/payouts/month";

const bodySchema = z.object({ month: payoutMonthSchema });

export const POST = apiRoute(async (request: Request) => {
  assertCronAuthorized(request.headers.get("authorization"));
  const { month } = bodySchema.parse(await readJsonBody(request));
  const db = await getDb();
  const summary = await runPayoutJob(db, { month });
  await pruneRateLimitWindows(db);
  return Response.json(summary);
});
