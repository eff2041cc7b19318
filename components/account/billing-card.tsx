import Link from "next/link";
import { formatDate } from "@/components/account/format";
import { formatCents } from "@/components/marketing/format";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AccountSummary } from "@/lib/account-summary";

/** Billing on /account: next invoice, trial days left, past-due banner, and the way to the portal. */
export function BillingCard({ summary, portalAction }: { summary: AccountSummary; portalAction: () => Promise<void> }) {
  const { billing, entitlement } = summary;
  // A team's billing belongs to its owners and admins; its members see the plan, not the card.
  if (summary.tenant?.kind === "team" && summary.tenant.role === "member") {
    return (
      <Card role="region" aria-labelledby="billing-card-title">
        <CardHeader>
          <CardTitle as="h2" id="billing-card-title">
            Billing
          </CardTitle>
          <CardDescription>
            {summary.tenant.name}&rsquo;s owners and admins manage its seats and payment.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/account/team" className={buttonClasses({ variant: "secondary" })}>
            See your team
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card role="region" aria-labelledby="billing-card-title">
      <CardHeader>
        <CardTitle as="h2" id="billing-card-title">
          Billing
        </CardTitle>
        <CardDescription>Payments are handled by Stripe.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {entitlement.inGracePeriod ? (
          <Alert
            variant="warning"
            title="Payment failed"
            action={
              <form action={portalAction}>
                <Button type="submit" size="sm">
                  Update card
                </Button>
              </form>
            }
          >
            We couldn’t charge your card. You keep access while Stripe retries; update your card in the billing portal.
          </Alert>
        ) : null}
        {entitlement.status === "paused" ? (
          <Alert
            variant="warning"
            title="Premium is paused"
            action={
              <form action={portalAction}>
                <Button type="submit" size="sm">
                  Add a card
                </Button>
              </form>
            }
          >
            Your trial ended without a card. Add one in the billing portal and resume to get premium flows back.
          </Alert>
        ) : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          {billing.trialDaysLeft !== null ? (
            <>
              <dt className="text-ink-muted">Trial</dt>
              <dd data-testid="trial-days-left">
                {billing.trialDaysLeft} {billing.trialDaysLeft === 1 ? "day" : "days"} left
              </dd>
            </>
          ) : null}
          {billing.nextInvoiceCents !== null && billing.nextInvoiceAt && !entitlement.inGracePeriod ? (
            <>
              {/* While past due the unpaid invoice comes first (the banner); a trial bills only once a card is on file. */}
              <dt className="text-ink-muted">
                {entitlement.status === "trialing" ? "After the trial" : "Next invoice"}
              </dt>
              <dd data-testid="next-invoice">
                {formatCents(billing.nextInvoiceCents)} on {formatDate(billing.nextInvoiceAt)}
              </dd>
            </>
          ) : null}
          {entitlement.cancelAtPeriodEnd ? (
            <>
              <dt className="text-ink-muted">Ends</dt>
              <dd>{formatDate(entitlement.periodEnd)}, canceled (resume it in the portal)</dd>
            </>
          ) : null}
          {billing.seats !== null && billing.seats > 1 ? (
            <>
              <dt className="text-ink-muted">Seats</dt>
              <dd>{billing.seats}</dd>
            </>
          ) : null}
        </dl>
        {billing.hasSubscription ? (
          <form action={portalAction}>
            <Button type="submit" variant="secondary">
              Manage billing
            </Button>
          </form>
        ) : (
          <div>
            <Link href="/pricing" className={buttonClasses({})}>
              See plans
            </Link>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
