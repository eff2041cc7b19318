"use client";

import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { IDLE, type ActionState, type FormAction } from "@/lib/auth/action-state";

/** A submit button that shows a spinner while its form's action runs. */
export function SubmitButton(props: Omit<ButtonProps, "type" | "loading">) {
  const { pending } = useFormStatus();
  return <Button type="submit" loading={pending} {...props} />;
}

/** The outcome of the last submit, announced: errors at once, confirmations politely. */
export function ActionMessage({ state, className }: { state: ActionState; className?: string }) {
  if (!state.message || state.status === "idle") return null;
  const error = state.status === "error";
  return (
    <p
      role={error ? "alert" : "status"}
      className={cn("text-sm font-medium", error ? "text-danger-text" : "text-success-text", className)}
    >
      {state.message}
    </p>
  );
}

/** A small form (one button and hidden fields) on a builder action, with its outcome shown beside it. */
export function ActionForm({
  action,
  children,
  className,
  label,
}: {
  action: FormAction;
  children: ReactNode;
  className?: string;
  /** An accessible name for the form, when a page has many alike. */
  label?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} aria-label={label} className={cn("flex flex-col gap-1", className)}>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
      <ActionMessage state={state} />
    </form>
  );
}
