"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatUsdCents } from "@/lib/payouts/format";

export type RunPayoutsState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "pending"; month: string; jobId: string }
  | {
      status: "done";
      month: string;
      paid: number;
      paidCents: number;
      alreadyPaid: number;
      carriedForward: number;
      notOnboarded: number;
      failed: number;
    };

/** The admin's "Run payouts" button and what the run did. Running it again is always safe. */
export function RunPayoutsForm({
  month,
  monthLabel,
  action,
}: {
  month: string;
  monthLabel: string;
  action: (prev: RunPayoutsState, data: FormData) => Promise<RunPayoutsState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <div className="flex flex-col gap-3">
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="month" value={month} />
        <Button type="submit" loading={pending}>
          Run payouts for {monthLabel}
        </Button>
        <p className="text-xs text-ink-subtle">Pays each creator once; a second run only retries what is due.</p>
      </form>
      {state.status === "error" ? (
        <Alert variant="danger" title="Payout run not completed">
          {state.message}
        </Alert>
      ) : null}
      {state.status === "pending" ? (
        <Alert variant="info" title={`Payout run for ${state.month} queued`}>
          <p data-testid="payout-run-pending">
            It is still waiting or running (job <span className="font-mono text-xs">{state.jobId}</span>). Its payouts
            appear below as it goes; reload the page to follow it.
          </p>
        </Alert>
      ) : null}
      {state.status === "done" ? (
        <Alert variant={state.failed > 0 ? "warning" : "success"} title={`Payout run for ${state.month} finished`}>
          <p data-testid="payout-run-summary">
            Paid {state.paid} creator{state.paid === 1 ? "" : "s"} {formatUsdCents(state.paidCents)} · already paid{" "}
            {state.alreadyPaid} · carried forward {state.carriedForward} · not onboarded {state.notOnboarded} · failed{" "}
            {state.failed}
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
