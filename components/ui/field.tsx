import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { AlertCircleIcon } from "./icons";
import { Label } from "./label";

/** Props a control needs to be wired to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export type FieldProps = {
  /** The control's id; the label, hint and error ids derive from it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Error message(s), e.g. from zod's flattened fieldErrors. Empty or null means valid. */
  error?: string | string[] | null;
  optional?: boolean;
  className?: string;
  /**
   * The control: either one element (Input, Textarea, Select, ...) which receives id / aria-describedby /
   * aria-invalid, or a function of those props for controls that need them placed elsewhere.
   */
  children: ReactElement<FieldControlProps> | ((control: FieldControlProps) => ReactNode);
};

/** Computes the wiring props, for building a field by hand. */
function fieldControlProps(id: string, opts: { hasHint?: boolean; hasError?: boolean } = {}): FieldControlProps {
  const describedBy = [opts.hasHint && `${id}-hint`, opts.hasError && `${id}-error`].filter(Boolean).join(" ");
  return {
    id,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": opts.hasError ? true : undefined,
  };
}

/**
 * Label + control + hint + error, wired for assistive tech.
 * <Field id="email" label="Email" error={errors?.email}><Input name="email" type="email" /></Field>
 */
export function Field({ id, label, hint, error, optional, className, children }: FieldProps) {
  const messages = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const control = fieldControlProps(id, { hasHint: Boolean(hint), hasError: messages.length > 0 });
  const rendered =
    typeof children === "function"
      ? children(control)
      : isValidElement(children)
        ? cloneElement(children, control)
        : children;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id} optional={optional}>
        {label}
      </Label>
      {rendered}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      {messages.length > 0 ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-xs font-medium text-danger-text">
          <AlertCircleIcon size={14} className="mt-px shrink-0" />
          <span>{messages.join(" ")}</span>
        </p>
      ) : null}
    </div>
  );
}
