// POST /api/cron/reconcile: the daily ledger reconciliation (Bearer CRON_SECRET). Checks every money invariant against
// Stripe, stores the result for /admin and answers it: 200 either way (violations are the result, not an error).
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api/route";
import { getStripe } from "@/lib/billing/stripe-client";
import { recordReconciliation, runReconciliation } from "@/lib/ledger/reconcile";
import { assertCronAuthorized } from "@/lib/payouts/cron-auth";

export const POST = apiRoute(async (request: Request) => {
  assertCronAuthorized(request.headers.get("authorization"));
  const db = await getDb();
  const result = await runReconciliation(db, getStripe());
  await recordReconciliation(db, result);
  return Response.json({
    ok: result.violations.length === 0,
    violationCount: result.violations.length,
    checked: result.checked,
    violations: result.violations,
    startedAt: result.startedAt.toISOString(),
    finishedAt: result.finishedAt.toISOString(),
  });
});
