import type { ComponentProps } from "react";
import { cn } from "./cn";

export type BadgeVariant = "neutral" | "premium" | "free" | "success" | "warning" | "danger";

const variants: Record<BadgeVariant, string> = {
  neutral: "border-line bg-surface-muted text-ink-muted",
  premium: "border-premium/40 bg-premium-soft text-premium-text",
  free: "border-accent/30 bg-accent-soft text-accent-text",
  success: "border-success-text/25 bg-success-soft text-success-text",
  warning: "border-warning-text/25 bg-warning-soft text-warning-text",
  danger: "border-danger-text/25 bg-danger-soft text-danger-text",
};

export type BadgeProps = ComponentProps<"span"> & { variant?: BadgeVariant };

export function Badge({ variant = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
