import { formatDate } from "@/components/account/format";
import { UsageMeter } from "@/components/account/usage-meter";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AccountSummary } from "@/lib/account-summary";
import { PLANS } from "@/lib/plans";

const STATUS_LABEL: Record<string, string> = {
  trialing: "Free trial",
  active: "Active",
  past_due: "Payment overdue",
  paused: "Paused",
  canceled: "Canceled",
  incomplete: "Incomplete",
  incomplete_expired: "Expired",
  unpaid: "Unpaid",
};

/** The plan card on /account: plan, status, period and the period's copy usage. */
export function PlanSummary({ summary }: { summary: AccountSummary }) {
  const { entitlement: e } = summary;
  const plan = PLANS[summary.plan];
  return (
    <Card>
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle as="h2">{plan.name}</CardTitle>
          {e.status ? (
            <Badge variant={e.inGracePeriod ? "warning" : e.premiumAccess ? "success" : "neutral"}>
              {STATUS_LABEL[e.status] ?? e.status}
            </Badge>
          ) : null}
        </div>
        <CardDescription>
          {summary.tenant?.kind === "team" ? `Through your team ${summary.tenant.name}. ` : null}
          {e.premiumAccess
            ? `Current period ${formatDate(e.periodStart)} – ${formatDate(e.periodEnd)}${e.cancelAtPeriodEnd ? " · ends then (canceled)" : ""}`
            : "Free flows only. Premium flows need a subscription."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {e.withoutSeat ? (
          <Alert variant="warning" title="No seat for you">
            Your team has more members than seats, and seats go to those who joined first. Premium flows open when the
            team adds a seat.
          </Alert>
        ) : null}
        {e.premiumAccess && plan.paidCopiesPerPeriod > 0 ? (
          <UsageMeter used={e.paidCopiesUsed} allowance={plan.paidCopiesPerPeriod} resetsAt={e.periodEnd} />
        ) : null}
        {e.premiumAccess && plan.copyLimitPerPeriod !== null ? (
          <p className="text-sm text-ink-muted">
            {e.copiesThisPeriod} of {plan.copyLimitPerPeriod} trial copies used.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
