import type { FlowStep } from "@/db/schema";
import { LockIcon } from "./icons";

type Props =
  /** Public: titles only (premium flows, or the outline above a free flow's text). */
  | { titles: string[]; steps?: undefined; locked?: boolean }
  /** Free flows: titles with their bodies. */
  | { steps: FlowStep[]; titles?: undefined; locked?: undefined };

/** The numbered steps of a flow. */
export function FlowSteps(props: Props) {
  const items = props.steps ?? props.titles.map((title) => ({ title, body: null as string | null }));
  if (items.length === 0) return null;
  return (
    <ol className="flex flex-col gap-3">
      {items.map((step, i) => (
        <li key={i} className="flex gap-3">
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-md border border-line bg-surface-muted font-mono text-xs text-ink-muted"
          >
            {String(i + 1).padStart(2, "0")}
          </span>
          <div className="min-w-0 flex-1 pt-0.5">
            <p className="flex items-start justify-between gap-3 text-sm font-medium text-ink">
              <span>{step.title}</span>
              {props.locked ? (
                <LockIcon size={14} className="mt-0.5 shrink-0 text-ink-subtle" aria-label="Premium" role="img" />
              ) : null}
            </p>
            {step.body ? (
              <p className="mt-1 text-sm leading-6 whitespace-pre-line text-ink-muted">{step.body}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
