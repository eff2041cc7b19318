import { z } from "zod";
import { FLOW_REPORT_NOTE_MAX, FLOW_REPORT_REASONS, type FlowReportReason } from "@/db/schema";

/** The words people see for each reason: in the Report dialog, on /admin, and in the email to the creator. */
export const REPORT_REASONS: Record<FlowReportReason, { label: string; description: string }> = {
  broken: { label: "Broken", description: "It fails or gives wrong results." },
  outdated: { label: "Outdated", description: "The website or the agent has changed since it was written." },
  unsafe: { label: "Unsafe", description: "It could cause harm, leak data, or break a site's rules." },
  spam: { label: "Spam", description: "Advertising, misleading, or not a real flow." },
  other: { label: "Other", description: "Something else: tell us in the note." },
};

/** What the Report dialog offers, in order (passed to the client component as props). */
export const REPORT_FORM = {
  reasons: FLOW_REPORT_REASONS.map((value) => ({ value, ...REPORT_REASONS[value] })),
  noteMax: FLOW_REPORT_NOTE_MAX,
};

/** A report as submitted: a known reason and an optional note (trimmed; empty means none). */
export const reportInputSchema = z.object({
  reason: z.enum(FLOW_REPORT_REASONS, { error: "Choose a reason." }),
  note: z
    .string()
    .trim()
    .max(FLOW_REPORT_NOTE_MAX, `Keep the note under ${FLOW_REPORT_NOTE_MAX} characters.`)
    .optional()
    .transform((note) => (note ? note : null)),
});
