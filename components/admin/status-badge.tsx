import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { humanize } from "./format";

const VARIANTS: Record<string, BadgeVariant> = {
  paid: "success",
  sent: "success",
  active: "success",
  earned: "success",
  paid_out: "success",
  processed: "success",
  actioned: "success",
  trialing: "free",
  processing: "warning",
  pending: "warning",
  queued: "warning",
  past_due: "warning",
  open: "warning",
  failed: "danger",
  reversed: "danger",
  unpaid: "danger",
};

/** One status word, coloured the same way wherever the console shows it. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANTS[status] ?? "neutral"}>{humanize(status)}</Badge>;
}
