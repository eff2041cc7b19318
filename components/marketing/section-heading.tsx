import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type SectionHeadingProps = {
  eyebrow: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  align?: "left" | "center";
  /** Heading element id, for aria-labelledby on the section. */
  id?: string;
  className?: string;
};

export function SectionHeading({ eyebrow, title, lead, align = "left", id, className }: SectionHeadingProps) {
  return (
    <div className={cn("max-w-2xl", align === "center" && "mx-auto text-center", className)}>
      <p className="font-mono text-xs font-medium tracking-wider text-accent-text uppercase">{eyebrow}</p>
      <h2 id={id} className="mt-3 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
        {title}
      </h2>
      {lead ? <p className="mt-4 text-base leading-7 text-ink-muted sm:text-lg">{lead}</p> : null}
    </div>
  );
}
