import type { ReactNode } from "react";
import { cn } from "./cn";
import { AlertCircleIcon, AlertTriangleIcon, CheckCircleIcon, InfoIcon } from "./icons";

export type AlertVariant = "info" | "success" | "warning" | "danger";

const styles: Record<AlertVariant, string> = {
  info: "border-info-text/20 bg-info-soft text-info-text",
  success: "border-success-text/20 bg-success-soft text-success-text",
  warning: "border-warning-text/25 bg-warning-soft text-warning-text",
  danger: "border-danger-text/25 bg-danger-soft text-danger-text",
};

const icons: Record<AlertVariant, typeof InfoIcon> = {
  info: InfoIcon,
  success: CheckCircleIcon,
  warning: AlertTriangleIcon,
  danger: AlertCircleIcon,
};

export type AlertProps = {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  /** A link or button shown at the end (e.g. "Update card"). */
  action?: ReactNode;
  className?: string;
};

/** An inline banner. Danger is announced at once (role="alert"); the others politely (role="status"). */
export function Alert({ variant = "info", title, children, action, className }: AlertProps) {
  const Icon = icons[variant];
  return (
    <div
      role={variant === "danger" ? "alert" : "status"}
      className={cn(
        "flex flex-col gap-3 rounded-lg border p-4 text-sm sm:flex-row sm:items-start",
        styles[variant],
        className,
      )}
    >
      <div className="flex flex-1 gap-3">
        <Icon size={18} className="mt-px shrink-0" />
        <div className="flex flex-col gap-1">
          {title ? <p className="font-semibold">{title}</p> : null}
          {children ? (
            <div className="text-ink-muted [&_a]:font-medium [&_a]:text-ink [&_a]:underline">{children}</div>
          ) : null}
        </div>
      </div>
      {action ? <div className="shrink-0 pl-7 sm:pl-0">{action}</div> : null}
    </div>
  );
}
