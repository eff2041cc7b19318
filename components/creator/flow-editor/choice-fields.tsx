import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { AlertCircleIcon } from "@/components/ui/icons";

/** A fieldset with a legend, hint and error, for groups of checkboxes or radios. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-ink">{legend}</legend>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-xs font-medium text-danger-text">
          <AlertCircleIcon size={14} className="mt-px shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}

/** A checkbox or radio with its label as a bordered, clickable tile. */
export function ChoiceTile({
  id,
  type,
  name,
  value,
  checked,
  onChange,
  invalid,
  title,
  description,
}: {
  id: string;
  type: "checkbox" | "radio";
  name: string;
  value: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  invalid?: boolean;
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <label
      htmlFor={id}
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-lg border bg-surface px-3 py-2.5 text-sm transition-colors",
        "hover:border-ink-subtle has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
        checked ? "border-accent bg-accent-soft/60" : invalid ? "border-danger-text/50" : "border-line-strong",
      )}
    >
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)] focus-visible:outline-none"
      />
      <span className="flex min-w-0 flex-col gap-0.5">
        <span className="font-medium text-ink">{title}</span>
        {description ? <span className="text-xs text-ink-muted">{description}</span> : null}
      </span>
    </label>
  );
}
