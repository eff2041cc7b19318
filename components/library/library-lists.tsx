import Link from "next/link";
import { formatDate } from "@/components/account/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

type Saved = { slug: string; title: string; summary: string; isPremium: boolean; creatorName: string | null };
type Copied = { slug: string; title: string; isPremium: boolean; copiedAt: Date; countedForPayout: boolean };

const readerHref = (slug: string, isPremium: boolean) => (isPremium ? `/library/${slug}` : `/flows/${slug}`);

export function SavedFlowsList({ items, total }: { items: Saved[]; total: number }) {
  if (items.length === 0) {
    return (
      <EmptyState
        title="No saved flows yet"
        description="Save flows from the catalogue to keep them here."
        action={
          <Link href="/flows?access=premium" className="text-sm font-medium text-accent-text hover:underline">
            Browse premium flows
          </Link>
        }
      />
    );
  }
  return (
    <div>
      <p className="mb-3 text-sm text-ink-muted">{total} saved</p>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
        {items.map((f) => (
          <li key={f.slug} className="p-4">
            <div className="flex items-center gap-2">
              <Link href={readerHref(f.slug, f.isPremium)} className="font-medium text-ink hover:underline">
                {f.title}
              </Link>
              {f.isPremium ? null : <Badge variant="free">Free</Badge>}
            </div>
            <p className="mt-1 line-clamp-2 text-sm text-ink-muted">{f.summary}</p>
            {f.creatorName ? <p className="mt-1 text-xs text-ink-subtle">by {f.creatorName}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CopyHistoryList({ items, total }: { items: Copied[]; total: number }) {
  if (items.length === 0) {
    return (
      <EmptyState
        title="Nothing copied yet"
        description="Flows you copy appear here, with the date and whether the copy paid its creator."
      />
    );
  }
  return (
    <div>
      <p className="mb-3 text-sm text-ink-muted">
        {total} {total === 1 ? "copy" : "copies"} in all
      </p>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
        {items.map((c) => (
          <li
            key={`${c.slug}-${c.copiedAt.toISOString()}`}
            className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between"
          >
            <Link href={readerHref(c.slug, c.isPremium)} className="font-medium text-ink hover:underline">
              {c.title}
            </Link>
            <span className="flex shrink-0 items-center gap-2 text-xs whitespace-nowrap text-ink-muted">
              {formatDate(c.copiedAt)}
              {c.countedForPayout ? <Badge variant="success">Paid its creator</Badge> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
