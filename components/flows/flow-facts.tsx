import Link from "next/link";
import type { FlowDetail } from "@/db/queries/flows";
import { catalogHref } from "@/lib/flows/catalog-href";
import { creatorDisplayName, formatCount } from "./format";

const chip =
  "inline-flex rounded-full border border-line bg-surface px-2.5 py-0.5 text-xs text-ink-muted transition-colors hover:border-line-strong hover:text-ink";

/** The side panel of a flow page: counters, agents, sites, tags and the creator. Public fields only. */
export function FlowFacts({ flow }: { flow: FlowDetail }) {
  return (
    <aside aria-label="About this flow" className="flex flex-col gap-6 lg:sticky lg:top-24 lg:self-start">
      <dl className="grid grid-cols-3 gap-px overflow-hidden rounded-xl border border-line bg-line shadow-card">
        <Stat label="Copies this month" value={flow.copiesThisMonth} />
        <Stat label="Copies in total" value={flow.copies} />
        <Stat label="Likes" value={flow.likes} />
      </dl>

      <FactList title="Tested with" items={flow.agents} href={(agent) => catalogHref({ agent })} />
      <FactList title="Target sites" items={flow.sites} href={(site) => catalogHref({ site })} mono />
      <FactList title="Tags" items={flow.tags} href={(tag) => catalogHref({ tag })} prefix="#" />

      <div className="rounded-xl border border-line bg-surface p-4 shadow-card">
        <h2 className="text-xs font-medium text-ink-subtle">Creator</h2>
        <p className="mt-1 text-sm font-semibold text-ink">{creatorDisplayName(flow.creator)}</p>
        {flow.creator.bio ? (
          <p className="mt-1 line-clamp-4 text-sm leading-6 text-ink-muted">{flow.creator.bio}</p>
        ) : null}
        {flow.creator.handle ? (
          <Link
            href={`/creators/${flow.creator.handle}`}
            className="mt-3 inline-block text-sm font-medium text-accent-text hover:underline"
          >
            More flows by {creatorDisplayName(flow.creator)}
          </Link>
        ) : null}
      </div>
    </aside>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="flex flex-col-reverse gap-1 bg-surface p-3">
      <dt className="text-[11px] leading-4 text-ink-subtle">{label}</dt>
      <dd className="font-mono text-lg font-semibold text-ink tabular-nums">{formatCount(value)}</dd>
    </div>
  );
}

function FactList({
  title,
  items,
  href,
  mono = false,
  prefix = "",
}: {
  title: string;
  items: string[];
  href: (value: string) => string;
  mono?: boolean;
  prefix?: string;
}) {
  if (items.length === 0) return null;
  return (
    <div>
      <h2 className="text-xs font-medium text-ink-subtle">{title}</h2>
      <ul className="mt-2 flex flex-wrap gap-1.5">
        {items.map((item) => (
          <li key={item}>
            <Link href={href(item)} className={mono ? `${chip} font-mono` : chip}>
              {prefix}
              {item}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
