import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { HeartIcon } from "@/components/ui/icons";
import type { CatalogItem } from "@/db/queries/flows";
import { AccessBadge } from "./access-badge";
import { creatorDisplayName, formatCount, pluralize } from "./format";

const MAX_AGENTS = 2;

/**
 * One flow in a list. The whole card is clickable through the title link (stretched over the card); the creator
 * link sits above it. Only public fields: a card never has prompt text to show.
 */
export function FlowCard({ flow, headingLevel = "h2" }: { flow: CatalogItem; headingLevel?: "h2" | "h3" }) {
  const Heading = headingLevel;
  const extraAgents = flow.agents.length - MAX_AGENTS;
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-line bg-surface p-5 shadow-card transition-colors focus-within:border-focus hover:border-line-strong">
      <div className="flex flex-wrap items-center gap-1.5">
        <AccessBadge isPremium={flow.isPremium} />
        {flow.sites.map((site) => (
          <Badge key={site} className="font-mono">
            {site}
          </Badge>
        ))}
      </div>
      <Heading className="mt-3 text-base leading-6 font-semibold tracking-tight text-pretty text-ink">
        <Link
          href={`/flows/${flow.slug}`}
          className="rounded-sm outline-none after:absolute after:inset-0 after:rounded-xl group-hover:text-accent-text focus-visible:underline"
        >
          {flow.title}
        </Link>
      </Heading>
      <p className="mt-1.5 line-clamp-3 text-sm leading-6 text-ink-muted">{flow.summary}</p>
      {flow.agents.length > 0 ? (
        <ul aria-label="Tested with" className="mt-3 flex flex-wrap gap-1.5">
          {flow.agents.slice(0, MAX_AGENTS).map((agent) => (
            <li key={agent}>
              <Badge>{agent}</Badge>
            </li>
          ))}
          {extraAgents > 0 ? (
            <li>
              <Badge title={flow.agents.slice(MAX_AGENTS).join(", ")}>+{extraAgents}</Badge>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="mt-auto flex items-center justify-between gap-3 pt-4 text-xs text-ink-subtle">
        {flow.creator.handle ? (
          <Link
            href={`/creators/${flow.creator.handle}`}
            className="relative z-10 min-w-0 truncate hover:text-ink hover:underline"
          >
            by {creatorDisplayName(flow.creator)}
          </Link>
        ) : (
          <span className="min-w-0 truncate">by {creatorDisplayName(flow.creator)}</span>
        )}
        <span className="flex shrink-0 items-center gap-3 font-mono tabular-nums">
          <span>{pluralize(flow.copies, "copy", "copies")}</span>
          <span className="inline-flex items-center gap-1">
            <HeartIcon size={12} />
            {formatCount(flow.likes)}
            <span className="sr-only">{flow.likes === 1 ? "like" : "likes"}</span>
          </span>
        </span>
      </div>
    </article>
  );
}
