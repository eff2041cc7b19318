import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look of text controls. aria-invalid="true" (set by <Field>) turns the border red. */
export const controlClasses =
  "block w-full rounded-lg border border-line-strong bg-surface text-ink shadow-card placeholder:text-ink-subtle " +
  "transition-colors hover:border-ink-subtle focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus/40 " +
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:opacity-70 " +
  "aria-[invalid=true]:border-danger-text aria-[invalid=true]:focus-visible:outline-danger-text/40";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, "h-10 px-3 text-sm", className)} {...props} />;
}
