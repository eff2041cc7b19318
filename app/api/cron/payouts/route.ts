// POST /api/cron/payouts: enqueues the month's creator payout run (Bearer CRON_SECRET, body { "month": "YYYY-MM" })
// and answers with its summary once a worker has run it; 202 with the job if that takes longer than `?wait=`
// seconds (0-50, default 50). The run is also scheduled by itself (lib/jobs/registry.ts): this is the manual and
// serverless trigger.
import { z } from "zod";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { QUEUES } from "@/lib/jobs/queues";
import { assertCronAuthorized } from "@/lib/payouts/cron-auth";
import { payoutMonthSchema } from "@/lib/payouts/month";
import { PAYOUT_RUN_WAIT_MS, requestPayoutRun } from "@/lib/payouts/trigger";

const bodySchema = z.object({ month: payoutMonthSchema });
const querySchema = z.object({
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(PAYOUT_RUN_WAIT_MS / 1000)
    .optional(),
});

export const POST = apiRoute(async (request: Request) => {
  assertCronAuthorized(request.headers.get("authorization"));
  const { wait } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { month } = bodySchema.parse(await readJsonBody(request));
  const result = await requestPayoutRun({ month, waitMs: wait === undefined ? undefined : wait * 1000 });
  if (result.state === "finished") return Response.json(result.summary);
  return Response.json(
    {
      job: { id: result.jobId, queue: QUEUES.payoutsMonthly, state: result.jobState },
      message: `The payout run for ${month} is ${result.jobState === "active" ? "running" : "queued"}; its summary will be the job's output.`,
    },
    { status: 202 },
  );
});
