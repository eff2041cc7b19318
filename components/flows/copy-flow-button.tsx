"use client";

import { useEffect, useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CopyIcon } from "@/components/ui/icons";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";

/** The copy as the server recorded it (PRODUCT.md "The copy", rule 8). */
export type CopyInfo = {
  id: string;
  countedForPayout: boolean;
  alreadyCopied: boolean;
  copiesThisPeriod: number;
  paidCopiesRemaining: number;
  periodEnd: string;
};
type CopyResponse = { promptText: string; copy?: CopyInfo };
type ErrorResponse = { error?: { code?: string; message?: string } };

function failureTitle(status: number): string {
  if (status === 401) return "Sign in to copy this flow";
  if (status === 403) return "Premium subscription required";
  if (status === 404) return "This flow is no longer available";
  if (status === 429) return "Too many copies for now";
  return "Could not copy the flow";
}

/**
 * Copy: asks the server for the text (which records the copy), puts it on the clipboard, and says so.
 * When the browser refuses the Clipboard API, the text opens in a dialog, selected, for Ctrl+C.
 */
export function CopyFlowButton({
  slug,
  label = "Copy flow",
  size = "md",
  onCopied,
}: {
  slug: string;
  label?: string;
  size?: ButtonProps["size"];
  /** Called with the server's record of the copy, e.g. to move the period counter at once. */
  onCopied?: (copy: CopyInfo) => void;
}) {
  const { toast } = useToast();
  const [busy, setBusy] = useState(false);
  const [fallbackText, setFallbackText] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (fallbackText !== null) textareaRef.current?.select();
  }, [fallbackText]);

  async function copy() {
    if (busy) return;
    setBusy(true);
    try {
      const response = await fetch(`/api/v1/flows/${encodeURIComponent(slug)}/copy`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ source: "web" }),
      });
      const body = (await response.json().catch(() => null)) as (CopyResponse & ErrorResponse) | null;
      if (!response.ok || typeof body?.promptText !== "string") {
        toast({ title: failureTitle(response.status), description: body?.error?.message, variant: "danger" });
        return;
      }
      if (body.copy) onCopied?.(body.copy);
      const description = body.copy?.alreadyCopied
        ? "You copied this flow before in this period; it counts once."
        : "Paste it into your browser agent.";
      try {
        await navigator.clipboard.writeText(body.promptText);
        toast({ title: "Flow copied", description, variant: "success" });
      } catch {
        setFallbackText(body.promptText);
      }
    } catch {
      toast({
        title: "Could not reach Flowtab",
        description: "Check your connection and try again.",
        variant: "danger",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button onClick={copy} loading={busy} size={size}>
        {busy ? null : <CopyIcon size={16} />}
        {label}
      </Button>
      <Dialog
        open={fallbackText !== null}
        onClose={() => setFallbackText(null)}
        title="Copy the flow"
        description="Your browser did not let us use the clipboard. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it."
        initialFocusRef={textareaRef}
        size="lg"
        footer={
          <Button variant="secondary" onClick={() => setFallbackText(null)}>
            Done
          </Button>
        }
      >
        <Textarea
          ref={textareaRef}
          readOnly
          rows={12}
          aria-label="Flow text"
          value={fallbackText ?? ""}
          onFocus={(event) => event.currentTarget.select()}
          onCopy={() => toast({ title: "Flow copied", variant: "success" })}
          className="font-mono text-xs"
        />
      </Dialog>
    </>
  );
}
