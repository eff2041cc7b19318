import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { EarningsSummary } from "@/db/queries/earnings";
import { formatUsd } from "./format";

function Figure({ id, label, cents, note }: { id: string; label: string; cents: number; note: ReactNode }) {
  return (
    <Card
      role="group"
      aria-labelledby={`figure-${id}`}
      className="flex flex-col gap-1 p-4 sm:p-5"
      data-testid={`figure-${id}`}
    >
      <p id={`figure-${id}`} className="text-sm font-medium text-ink-muted">
        {label}
      </p>
      <p
        className={`text-xl font-semibold tracking-tight tabular-nums min-[420px]:text-2xl sm:text-3xl ${cents < 0 ? "text-danger-text" : "text-ink"}`}
        data-testid="figure-value"
        data-cents={cents}
      >
        {formatUsd(cents)}
      </p>
      <p className="text-xs text-ink-subtle">{note}</p>
    </Card>
  );
}

/** The four figures at the top of /creator. Each one's rule is written under it, in words. */
export function FigureCards({ summary }: { summary: EarningsSummary }) {
  const availableNote =
    summary.owedBackCents > 0
      ? `Confirmed earnings not yet paid, less ${formatUsd(summary.owedBackCents)} refunded after payout.`
      : "Confirmed earnings not yet paid out.";
  return (
    <section aria-label="Earnings figures" className="grid grid-cols-2 gap-3 *:min-w-0 sm:gap-4 lg:grid-cols-4">
      <Figure id="available" label="Available" cents={summary.availableCents} note={availableNote} />
      <Figure
        id="pending"
        label="Pending"
        cents={summary.pendingCents}
        note="Waiting for the subscriber's invoice to be paid."
      />
      <Figure
        id="lifetime"
        label="Lifetime paid"
        cents={summary.lifetimePaidCents}
        note="Sent to your Stripe account so far."
      />
      <Figure
        id="month"
        label="This month"
        cents={summary.thisMonthCents}
        note="Earned from copies this month (UTC), pending included."
      />
    </section>
  );
}
