import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type FaqItem = { question: string; answer: ReactNode };

/** Questions as native <details>: keyboard and screen-reader friendly with no JavaScript. */
export function Faq({ items, className }: { items: FaqItem[]; className?: string }) {
  return (
    <div className={cn("divide-y divide-line border-y border-line", className)}>
      {items.map((item) => (
        <details key={item.question} className="group">
          <summary className="flex list-none items-start justify-between gap-6 py-5 text-left text-base font-medium text-ink [&::-webkit-details-marker]:hidden">
            <span>{item.question}</span>
            <span
              aria-hidden="true"
              className="relative mt-1 size-4 shrink-0 text-ink-subtle transition-transform duration-200 group-open:rotate-45"
            >
              <span className="absolute top-1/2 left-0 h-0.5 w-4 -translate-y-1/2 rounded bg-current" />
              <span className="absolute top-0 left-1/2 h-4 w-0.5 -translate-x-1/2 rounded bg-current" />
            </span>
          </summary>
          <div className="max-w-3xl pb-6 text-[0.95rem] leading-7 text-ink-muted [&_a]:font-medium [&_a]:text-accent-text [&_a]:underline [&_a]:underline-offset-4">
            {item.answer}
          </div>
        </details>
      ))}
    </div>
  );
}
