import { ReconciliationCard } from "@/components/admin/reconciliation-card";
import { getDb } from "@/db";
import { getLatestReconciliationRun } from "@/db/queries/reconcile";

/** The latest ledger reconciliation against Stripe (npm run reconcile, the daily job, or the cron route). */
export async function LedgerSection() {
  const run = await getLatestReconciliationRun(await getDb());
  return (
    <section id="ledger" aria-labelledby="ledger-title" className="mt-10">
      <h2 id="ledger-title" className="mb-4 text-lg font-semibold text-ink">
        Ledger
      </h2>
      <ReconciliationCard run={run} />
    </section>
  );
}
