import type { ReconciliationRun } from "@/db/schema";
import { Alert } from "@/components/ui/alert";

/** How many violations the card lists (the run stores more; `npm run reconcile` prints them all). */
const SHOWN = 10;

const when = (date: Date) => date.toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** The latest ledger reconciliation (daily job, or `npm run reconcile`): OK, or its first violations. */
export function ReconciliationCard({ run }: { run: ReconciliationRun | null }) {
  if (!run) {
    return (
      <Alert variant="info" title="Ledger reconciliation has not run yet">
        It runs daily (POST /api/cron/reconcile) and with <code>npm run reconcile</code>.
      </Alert>
    );
  }
  const checked = Object.entries(run.checked)
    .map(([what, n]) => `${n.toLocaleString("en-US")} ${what}`)
    .join(", ");
  if (run.violationCount === 0) {
    return (
      <Alert variant="success" title={`Ledger reconciled: no violation (${when(run.finishedAt)})`}>
        Checked {checked} against Stripe.
      </Alert>
    );
  }
  return (
    <Alert
      variant="danger"
      title={`Ledger reconciliation found ${run.violationCount} violation${run.violationCount === 1 ? "" : "s"} (${when(run.finishedAt)})`}
    >
      <p>
        Checked {checked} against Stripe. Run <code>npm run reconcile</code> for the full list.
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs break-all">
        {run.violations.slice(0, SHOWN).map((v, i) => (
          <li key={i}>
            {v.check} · {v.row}: {v.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
