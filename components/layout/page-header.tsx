import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type PageHeaderProps = {
  title: ReactNode;
  /** Small mono label above the title. */
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Buttons or links aligned to the right on wide screens. */
  actions?: ReactNode;
  className?: string;
};

/** The heading block at the top of an app page (one <h1>). */
export function PageHeader({ title, eyebrow, description, actions, className }: PageHeaderProps) {
  return (
    <div
      className={cn(
        "flex flex-col gap-4 border-b border-line pb-6 sm:flex-row sm:items-end sm:justify-between",
        className,
      )}
    >
      <div className="min-w-0">
        {eyebrow ? (
          <p className="mb-2 font-mono text-xs font-medium tracking-wider text-accent-text uppercase">{eyebrow}</p>
        ) : null}
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{title}</h1>
        {description ? <p className="mt-2 max-w-2xl text-sm text-ink-muted sm:text-base">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
