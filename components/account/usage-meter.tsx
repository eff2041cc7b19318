import { formatDay } from "@/components/account/format";

/** "37 of 100 paid copies used this period, resets on 12 Dec" with a bar. */
export function UsageMeter({ used, allowance, resetsAt }: { used: number; allowance: number; resetsAt: string }) {
  const pct = allowance > 0 ? Math.min(100, Math.round((used / allowance) * 100)) : 0;
  return (
    <div>
      <p className="text-sm text-ink" data-testid="copy-counter">
        <span className="font-semibold tabular-nums">{used}</span> of <span className="tabular-nums">{allowance}</span>{" "}
        paid copies used this period, resets on {formatDay(resetsAt)}
      </p>
      <div
        className="mt-2 h-2 overflow-hidden rounded-full bg-surface-muted"
        role="progressbar"
        aria-label="Paid copies used this period"
        aria-valuemin={0}
        aria-valuemax={allowance}
        aria-valuenow={used}
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
