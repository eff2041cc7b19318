"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { ChevronDownIcon, XIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/publishing/flow-input";
import { FLOW_LIMITS } from "@/lib/publishing/limits";
import { stepErrorFor, stepFieldId } from "./field-errors";

/** A step in the editor; `id` is a stable React key that survives reordering. */
export type StepDraft = { id: string; title: string; body: string };

type Props = {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  errors: FieldErrors;
  /** Called when a step's field is edited, so its stale error can be hidden. */
  onEdited: (key: string) => void;
  /** Called when steps are added, removed or reordered: index-based errors no longer point at the right step. */
  onRestructured: () => void;
};

let addedSteps = 0;
/** Ids of steps added in the browser; steps the page starts with are numbered (same on server and client). */
function newStepId(): string {
  addedSteps += 1;
  return `key-added-${addedSteps}`;
}

export function withStepIds(steps: Array<{ title: string; body: string }>): StepDraft[] {
  return steps.map((s, i) => ({ id: `key-${i}`, title: s.title, body: s.body }));
}

/**
 * The numbered steps: add, remove, move up and down. Every control is a native button, so the list works with
 * the keyboard; after a move the focus stays on the button that moved the step, and a live region says where
 * the step went.
 */
export function StepsEditor({ steps, onChange, errors, onEdited, onRestructured }: Props) {
  const [announcement, setAnnouncement] = useState("");
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [steps]);

  const update = (index: number, part: "title" | "body", value: string) => {
    onChange(steps.map((s, i) => (i === index ? { ...s, [part]: value } : s)));
    onEdited(`steps.${index}.${part}`);
  };

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= steps.length) return;
    const next = [...steps];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(target, 0, moved);
    pendingFocus.current = `${moved.id}-${delta < 0 ? "up" : "down"}`;
    setAnnouncement(`Step moved to position ${target + 1} of ${steps.length}.`);
    onRestructured();
    onChange(next);
  };

  const remove = (index: number) => {
    if (steps.length <= 1) return;
    const next = steps.filter((_, i) => i !== index);
    const focusIndex = Math.min(index, next.length - 1);
    pendingFocus.current = stepFieldId(focusIndex, "title");
    setAnnouncement(`Step ${index + 1} removed. ${next.length} step${next.length === 1 ? "" : "s"} left.`);
    onRestructured();
    onChange(next);
  };

  const add = () => {
    if (steps.length >= FLOW_LIMITS.steps.max) return;
    pendingFocus.current = stepFieldId(steps.length, "title");
    setAnnouncement(`Step ${steps.length + 1} added.`);
    onRestructured();
    onChange([...steps, { id: newStepId(), title: "", body: "" }]);
  };

  const full = steps.length >= FLOW_LIMITS.steps.max;

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col gap-4">
        {steps.map((step, index) => {
          const titleError = stepErrorFor(errors, index, "title");
          const bodyError = stepErrorFor(errors, index, "body");
          const first = index === 0;
          const last = index === steps.length - 1;
          return (
            <li
              key={step.id}
              className={cn(
                "rounded-lg border bg-surface-muted/40 p-4",
                titleError || bodyError ? "border-danger-text/40" : "border-line",
              )}
            >
              <div className="mb-3 flex items-center justify-between gap-2">
                <p className="flex items-center gap-2 text-sm font-semibold text-ink">
                  <span className="inline-flex size-6 items-center justify-center rounded-full bg-inverse font-mono text-xs text-on-inverse tabular-nums">
                    {index + 1}
                  </span>
                  Step {index + 1}
                </p>
                <div className="flex items-center gap-1">
                  <IconButton
                    id={`${step.id}-up`}
                    label={`Move step ${index + 1} up`}
                    disabled={first}
                    onClick={() => move(index, -1)}
                  >
                    <ChevronDownIcon className="rotate-180" />
                  </IconButton>
                  <IconButton
                    id={`${step.id}-down`}
                    label={`Move step ${index + 1} down`}
                    disabled={last}
                    onClick={() => move(index, 1)}
                  >
                    <ChevronDownIcon />
                  </IconButton>
                  <IconButton
                    label={`Remove step ${index + 1}`}
                    disabled={steps.length <= 1}
                    onClick={() => remove(index)}
                    danger
                  >
                    <XIcon />
                  </IconButton>
                </div>
              </div>
              <div className="flex flex-col gap-3">
                <Field
                  id={stepFieldId(index, "title")}
                  label={
                    <>
                      <span className="sr-only">Step {index + 1} </span>Title
                    </>
                  }
                  error={titleError}
                >
                  <Input
                    name="stepTitle"
                    value={step.title}
                    placeholder="Open the pull request"
                    onChange={(e) => update(index, "title", e.target.value)}
                  />
                </Field>
                <Field
                  id={stepFieldId(index, "body")}
                  label={
                    <>
                      <span className="sr-only">Step {index + 1} </span>What the agent does
                    </>
                  }
                  error={bodyError}
                >
                  <Textarea
                    name="stepBody"
                    rows={3}
                    value={step.body}
                    placeholder="Go to {{pr_url}} and scroll to the merge box…"
                    onChange={(e) => update(index, "body", e.target.value)}
                  />
                </Field>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" onClick={add} disabled={full}>
          + Add step
        </Button>
        <p className="text-xs text-ink-subtle">
          {steps.length} of {FLOW_LIMITS.steps.max} steps{full ? " (the maximum)" : ""}. Step titles are public; the
          instructions are part of the copied text.
        </p>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

/**
 * A small square button with an accessible name. "Disabled" uses aria-disabled, not the disabled attribute,
 * so a button that just moved its step to the top keeps the keyboard focus.
 */
function IconButton({
  id,
  label,
  disabled,
  danger,
  onClick,
  children,
}: {
  id?: string;
  label: string;
  disabled?: boolean;
  danger?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      aria-label={label}
      title={label}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-md text-ink-muted transition-colors",
        "hover:bg-surface hover:text-ink aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-transparent",
        danger && "hover:text-danger-text",
      )}
    >
      {children}
    </button>
  );
}
