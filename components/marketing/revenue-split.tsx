import { cn } from "@/components/ui/cn";
import { copyEconomics } from "./economics";
import { formatCents, formatCentsShort, formatCount } from "./format";

/** A typical month for the worked example (fewer than the cap, to show where the unused part goes). */
const EXAMPLE_COPIES = 40;

/** Where one subscriber's monthly fee goes, computed from lib/plans. */
export function RevenueSplit({ className }: { className?: string }) {
  const e = copyEconomics();
  const exampleToCreators = Math.min(EXAMPLE_COPIES, e.paidCopies) * e.creditCents;
  return (
    <div className={cn("rounded-2xl border border-line bg-surface p-6 shadow-card sm:p-8", className)}>
      <p className="font-mono text-xs font-medium tracking-wider text-ink-subtle uppercase">
        One subscriber, one billing period
      </p>
      <p className="mt-2 text-5xl font-semibold tracking-tight text-ink tabular-nums">{formatCents(e.priceCents)}</p>

      <div
        role="img"
        aria-label={`${e.creatorPercent}% to creators, ${e.platformPercent}% to Flowtab`}
        className="mt-6 flex h-3 gap-1 overflow-hidden rounded-full"
      >
        <div className="rounded-full bg-accent" style={{ width: `${e.creatorPercent}%` }} />
        <div className="flex-1 rounded-full bg-line-strong" />
      </div>

      <dl className="mt-6 grid grid-cols-2 gap-6">
        <div>
          <dt className="flex items-center gap-2 text-sm font-medium text-ink">
            <span aria-hidden="true" className="size-2.5 rounded-full bg-accent" />
            Creators · {e.creatorPercent}%
          </dt>
          <dd className="mt-1 text-2xl font-semibold text-ink tabular-nums">{formatCents(e.creatorPoolCents)}</dd>
          <dd className="mt-1 font-mono text-xs text-ink-muted">
            {formatCount(e.paidCopies)} copies × {formatCentsShort(e.creditCents)}
          </dd>
        </div>
        <div>
          <dt className="flex items-center gap-2 text-sm font-medium text-ink">
            <span aria-hidden="true" className="size-2.5 rounded-full bg-line-strong" />
            Flowtab · {e.platformPercent}%
          </dt>
          <dd className="mt-1 text-2xl font-semibold text-ink tabular-nums">{formatCents(e.platformCents)}</dd>
          <dd className="mt-1 font-mono text-xs text-ink-muted">plus any unused part of the pool</dd>
        </div>
      </dl>

      <p className="mt-6 rounded-lg bg-surface-muted px-4 py-3 font-mono text-xs leading-5 text-ink-muted">
        Example: {formatCount(EXAMPLE_COPIES)} premium copies this period → {formatCount(EXAMPLE_COPIES)} ×{" "}
        {formatCentsShort(e.creditCents)} = {formatCents(exampleToCreators)} to their creators,{" "}
        {formatCents(e.priceCents - exampleToCreators)} to Flowtab.
      </p>

      <p className="mt-5 border-t border-line pt-5 text-sm leading-6 text-ink-muted">
        Each of a subscriber&rsquo;s first {formatCount(e.paidCopies)} premium copies in a period pays its creator{" "}
        {formatCentsShort(e.creditCents)}, so no one can send creators more than {e.creatorPercent}% of their fee. Copy
        fewer, and the unused part stays with Flowtab. Copy more, and the extra copies still work; they just pay nobody.
      </p>
    </div>
  );
}
