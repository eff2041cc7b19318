import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { MonthStatus, PayoutRow } from "@/db/queries/earnings";

const MONTH: Record<MonthStatus, { label: string; variant: BadgeVariant }> = {
  none: { label: "No earnings", variant: "neutral" },
  pending: { label: "Pending", variant: "warning" },
  earned: { label: "Earned", variant: "free" },
  paid: { label: "Paid", variant: "success" },
  mixed: { label: "Partly paid", variant: "neutral" },
};

const PAYOUT: Record<PayoutRow["status"], { label: string; variant: BadgeVariant }> = {
  pending: { label: "Scheduled", variant: "neutral" },
  processing: { label: "Processing", variant: "warning" },
  paid: { label: "Paid", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
};

export function MonthStatusBadge({ status }: { status: MonthStatus }) {
  const { label, variant } = MONTH[status];
  return <Badge variant={variant}>{label}</Badge>;
}

export function PayoutStatusBadge({ status }: { status: PayoutRow["status"] }) {
  const { label, variant } = PAYOUT[status];
  return <Badge variant={variant}>{label}</Badge>;
}
