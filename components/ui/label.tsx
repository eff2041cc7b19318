import type { ComponentProps } from "react";
import { cn } from "./cn";

export type LabelProps = ComponentProps<"label"> & {
  /** Shows a discreet "Optional" tag (we mark the exception, not the rule). */
  optional?: boolean;
};

export function Label({ className, optional, children, ...props }: LabelProps) {
  return (
    <label className={cn("flex items-baseline gap-2 text-sm font-medium text-ink", className)} {...props}>
      {children}
      {optional ? <span className="text-xs font-normal text-ink-subtle">Optional</span> : null}
    </label>
  );
}
