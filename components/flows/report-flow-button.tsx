"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { AlertCircleIcon } from "@/components/ui/icons";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { FlagIcon } from "./icons";

export type ReportFlowState =
  | { status: "idle" }
  | { status: "done" }
  /** This user already has an open report of this flow. */
  | { status: "already"; message: string }
  | { status: "error"; message: string; field?: "reason" | "note" };

type Props = {
  slug: string;
  flowTitle: string;
  reasons: { value: string; label: string; description: string }[];
  noteMax: number;
  /** The user already has an open report of this flow: the button says so and stays disabled. */
  alreadyReported: boolean;
  action: (prev: ReportFlowState, data: FormData) => Promise<ReportFlowState>;
};

/** "Report" and its dialog: a reason, an optional note, and one open report per person and flow. */
export function ReportFlowButton({ slug, flowTitle, reasons, noteMax, alreadyReported, action }: Props) {
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formId = useId();
  const noteId = useId();
  const errorId = useId();
  // Sent (or found already sent): the dialog closes and the button says so, from the action's answer alone.
  const reported = alreadyReported || state.status === "done" || state.status === "already";

  useEffect(() => {
    if (state.status === "done") {
      toast({ title: "Thanks for the report", description: "An admin will look at this flow.", variant: "success" });
    } else if (state.status === "already") {
      toast({ title: "Already reported", description: state.message, variant: "info" });
    }
  }, [state, toast]);

  if (reported) {
    return (
      <Button type="button" variant="ghost" disabled title="You reported this flow; an admin will look at it.">
        <FlagIcon size={16} /> Reported
      </Button>
    );
  }

  const error = state.status === "error" ? state : null;
  return (
    <>
      <Button type="button" variant="ghost" onClick={() => setOpen(true)}>
        <FlagIcon size={16} /> Report
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Report this flow"
        description={`Tell us what is wrong with “${flowTitle}”. The creator does not see who reported it.`}
        footer={
          <>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" form={formId} loading={pending}>
              Send report
            </Button>
          </>
        }
      >
        <form id={formId} action={formAction} className="flex flex-col gap-4">
          <input type="hidden" name="slug" value={slug} />
          <fieldset
            className="flex flex-col gap-2"
            aria-invalid={error?.field === "reason" ? true : undefined}
            aria-describedby={error?.field === "reason" ? errorId : undefined}
          >
            <legend className="mb-1 text-sm font-medium text-ink">Reason</legend>
            {reasons.map((r) => (
              <label
                key={r.value}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-lg border border-line-strong px-3 py-2 text-sm",
                  "hover:border-ink-subtle has-[:checked]:border-accent has-[:checked]:bg-accent-soft/60",
                )}
              >
                <input
                  type="radio"
                  name="reason"
                  value={r.value}
                  required
                  className="mt-0.5 size-4 shrink-0 accent-[var(--color-accent)]"
                />
                <span className="flex flex-col">
                  <span className="font-medium text-ink">{r.label}</span>
                  <span className="text-xs text-ink-muted">{r.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={noteId} className="flex items-baseline gap-2 text-sm font-medium text-ink">
              Note <span className="text-xs font-normal text-ink-subtle">Optional</span>
            </label>
            <Textarea
              id={noteId}
              name="note"
              rows={3}
              maxLength={noteMax}
              placeholder="Which step fails, what changed on the site, ..."
              aria-invalid={error?.field === "note" ? true : undefined}
              aria-describedby={error?.field === "note" ? errorId : undefined}
            />
          </div>
          {error ? (
            <p id={errorId} role="alert" className="flex items-start gap-1.5 text-sm font-medium text-danger-text">
              <AlertCircleIcon size={16} className="mt-0.5 shrink-0" />
              <span>{error.message}</span>
            </p>
          ) : null}
        </form>
      </Dialog>
    </>
  );
}
