import Link from "next/link";
import { formatDate } from "@/components/account/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PayoutRow } from "@/db/queries/earnings";
import { formatMonth, formatUsd } from "./format";
import { PayoutStatusBadge } from "./status-badges";

function detail(p: PayoutRow): string | null {
  if (p.status === "paid" && p.paidAt) return `Paid ${formatDate(p.paidAt)}`;
  if (p.status === "failed" && p.needsAdmin) return "Our team is looking into it.";
  if (p.status === "failed" && p.nextAttemptAt) return `Retrying ${formatDate(p.nextAttemptAt)}`;
  if (p.status === "processing") return "On its way to your Stripe account.";
  if (p.status === "pending") return "Scheduled for the next payout run.";
  return null;
}

/** Payouts with status and the reason a transfer failed. `limit` keeps the dashboard short; /creator/payouts shows all. */
export function PayoutsList({ payouts, limit }: { payouts: PayoutRow[]; limit?: number }) {
  const shown = limit ? payouts.slice(0, limit) : payouts;
  return (
    <Card id="payouts">
      <CardHeader>
        <div className="flex items-center justify-between gap-3">
          <CardTitle as="h2">Payouts</CardTitle>
          {limit && payouts.length > 0 ? (
            <Link href="/creator/payouts" className="text-sm font-medium text-accent-text hover:underline">
              View all
            </Link>
          ) : null}
        </div>
        <CardDescription>Monthly transfers of your available earnings, $10 minimum.</CardDescription>
      </CardHeader>
      <CardContent>
        {shown.length === 0 ? (
          <p className="text-sm text-ink-muted">
            No payouts yet. The first one goes out on the 1st after you reach $10 available.
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {shown.map((p) => {
              const note = detail(p);
              return (
                <li
                  key={p.id}
                  className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0"
                  data-testid="payout-row"
                  data-month={p.month}
                >
                  <div className="flex items-center justify-between gap-3">
                    <span className="font-medium text-ink">{formatMonth(p.month)}</span>
                    <span className="font-semibold text-ink tabular-nums">{formatUsd(p.amountCents)}</span>
                  </div>
                  <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-ink-muted">
                    <PayoutStatusBadge status={p.status} />
                    {note ? <span>{note}</span> : null}
                  </div>
                  {p.failureReason ? (
                    <p className="text-xs text-danger-text" data-testid="payout-failure">
                      {p.failureReason}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
