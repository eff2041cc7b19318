"use client";

import { useState } from "react";
import { formatDay } from "@/components/account/format";
import { CopyFlowButton, type CopyInfo } from "@/components/flows/copy-flow-button";

export type PeriodUsage = {
  copiesThisPeriod: number;
  paidCopiesUsed: number;
  paidAllowance: number;
  copyLimit: number | null;
  periodEnd: string;
};

/** The reader's Copy button and the period counter, which moves as soon as a copy is recorded. */
export function ReaderCopyPanel({ slug, usage }: { slug: string; usage: PeriodUsage }) {
  const [state, setState] = useState(usage);
  function onCopied(copy: CopyInfo) {
    setState((s) => ({
      ...s,
      copiesThisPeriod: copy.copiesThisPeriod,
      paidCopiesUsed: s.paidAllowance - copy.paidCopiesRemaining,
      periodEnd: copy.periodEnd,
    }));
  }
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 shadow-card sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-ink" data-testid="copy-counter" aria-live="polite">
        {state.paidAllowance > 0 ? (
          <>
            <span className="font-semibold tabular-nums">{state.paidCopiesUsed}</span> of {state.paidAllowance} paid
            copies used this period, resets on {formatDay(state.periodEnd)}
          </>
        ) : state.copyLimit !== null ? (
          <>
            <span className="font-semibold tabular-nums">{state.copiesThisPeriod}</span> of {state.copyLimit} trial
            copies used, trial ends on {formatDay(state.periodEnd)}
          </>
        ) : (
          <>
            <span className="font-semibold tabular-nums">{state.copiesThisPeriod}</span> copies this period
          </>
        )}
      </p>
      <CopyFlowButton slug={slug} onCopied={onCopied} />
    </div>
  );
}
