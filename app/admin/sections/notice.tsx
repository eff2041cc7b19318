import { Alert } from "@/components/ui/alert";

type Notice = { variant: "success" | "warning" | "danger"; text: string };

/** What the last admin action did (its form redirects to /admin?notice=...). */
const NOTICES: Record<string, Notice> = {
  "retry-paid": { variant: "success", text: "The payout was retried and paid." },
  "retry-failed": { variant: "warning", text: "The payout was retried and failed again; see its last error." },
  "retry-busy": { variant: "warning", text: "A payout run is in progress. Try again when it has finished." },
  "retry-invalid": {
    variant: "danger",
    text: "That payout cannot be retried (it is not failed, or it does not exist).",
  },
  "event-applied": { variant: "success", text: "The event was fetched again from Stripe and applied." },
  "event-duplicate": { variant: "success", text: "The event had already been applied meanwhile; nothing changed." },
  "event-ignored": { variant: "success", text: "The event is of a type Flowtab does not act on." },
  "event-failed": { variant: "danger", text: "Re-processing failed again; its error is in the events log." },
  "event-not-failed": { variant: "warning", text: "Only a failed event can be re-processed." },
  "event-invalid": { variant: "danger", text: "That event is not in the log." },
  "report-unpublished": {
    variant: "success",
    text: "The flow was unpublished, its open reports closed, and its creator emailed.",
  },
  "report-dismissed": { variant: "success", text: "The report was dismissed." },
  "report-resolved": { variant: "warning", text: "That report is no longer open (another admin resolved it)." },
  "report-invalid": { variant: "danger", text: "That request was not valid (the note may be too long)." },
};

export function AdminNotice({ notice }: { notice: string | string[] | undefined }) {
  const shown = typeof notice === "string" ? NOTICES[notice] : undefined;
  if (!shown) return null;
  return (
    <Alert variant={shown.variant} className="mt-6">
      {shown.text}
    </Alert>
  );
}
