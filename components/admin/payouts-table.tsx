import { Button } from "@/components/ui/button";
import { formatDateTime, formatUsdCents } from "./format";
import { StatusBadge } from "./status-badge";

export type PayoutRow = {
  id: string;
  creatorEmail: string;
  creatorName: string | null;
  month: string;
  amountCents: number;
  status: string;
  attempts: number;
  needsAdmin: boolean;
  lastError: string | null;
  nextAttemptAt: Date | null;
  paidAt: Date | null;
  stripeTransferId: string | null;
};

/** Recent payouts with their state, the failure reason, and "Retry now" for failed ones. */
export function PayoutsTable({
  payouts,
  retryAction,
}: {
  payouts: PayoutRow[];
  retryAction: (data: FormData) => Promise<void>;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Creator
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Month
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Amount
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Attempts
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {payouts.map((p) => (
            <tr key={p.id} className="align-top">
              <td className="px-4 py-3">
                <p className="font-medium text-ink">{p.creatorName ?? p.creatorEmail}</p>
                <p className="text-xs text-ink-subtle">{p.creatorEmail}</p>
              </td>
              <td className="px-4 py-3 font-mono text-xs">{p.month}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatUsdCents(p.amountCents)}</td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1">
                  <StatusBadge status={p.status} />
                  {p.needsAdmin ? <StatusBadge status="needs_admin" /> : null}
                </div>
              </td>
              <td className="px-4 py-3 tabular-nums">{p.attempts}</td>
              <td className="px-4 py-3 text-xs text-ink-muted">
                {p.status === "paid" ? (
                  <p>
                    Paid {formatDateTime(p.paidAt)}
                    {p.stripeTransferId ? <span className="block font-mono">{p.stripeTransferId}</span> : null}
                  </p>
                ) : null}
                {p.lastError ? <p className="max-w-sm break-words text-danger-text">{p.lastError}</p> : null}
                {p.status === "failed" && p.nextAttemptAt && !p.needsAdmin ? (
                  <p>Next attempt {formatDateTime(p.nextAttemptAt)}</p>
                ) : null}
                {p.status === "failed" ? (
                  <form action={retryAction} className="mt-2">
                    <input type="hidden" name="payoutId" value={p.id} />
                    <Button
                      type="submit"
                      size="sm"
                      variant="secondary"
                      aria-label={`Retry the ${p.month} payout of ${p.creatorEmail} now`}
                    >
                      Retry now
                    </Button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
