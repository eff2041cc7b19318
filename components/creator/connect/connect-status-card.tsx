import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CheckIcon, MinusIcon } from "@/components/ui/icons";
import { describeRequirement, type ConnectState, type ConnectStatus } from "@/lib/connect/status";
import { SetupButton } from "./setup-button";

/** What the creator came back with from Stripe, or why starting failed. */
export type ConnectNotice = "returned" | "error" | "sync_failed" | null;

const BADGES: Record<ConnectState, { label: string; variant: BadgeVariant }> = {
  not_started: { label: "Not set up", variant: "neutral" },
  incomplete: { label: "Setup not finished", variant: "warning" },
  action_required: { label: "Action required", variant: "warning" },
  enabled: { label: "Payouts enabled", variant: "success" },
};

const DESCRIPTIONS: Record<ConnectState, string> = {
  not_started: "Connect a Stripe account to receive your monthly payouts. Your earnings keep accruing until you do.",
  incomplete: "You started setting up payouts with Stripe but did not finish. Pick up where you left off.",
  action_required: "Stripe needs a little more before it can send you money. Your earnings keep accruing meanwhile.",
  enabled: "Stripe can receive your transfers. Payouts go out on the 1st of each month once you have $10 or more.",
};

function Fact({ ok, label, value }: { ok: boolean; label: string; value: string }) {
  return (
    <div className="flex items-center justify-between gap-3 py-2">
      <dt className="flex items-center gap-2 text-ink-muted">
        <span
          aria-hidden="true"
          className={`flex size-5 items-center justify-center rounded-full ${ok ? "bg-success-soft text-success-text" : "bg-surface-sunken text-ink-subtle"}`}
        >
          {ok ? <CheckIcon size={13} /> : <MinusIcon size={13} />}
        </span>
        {label}
      </dt>
      <dd className="font-medium text-ink">{value}</dd>
    </div>
  );
}

/** Stripe Connect status on /creator and /creator/payouts, with "Set up payouts" / "Continue setup". */
export function ConnectStatusCard({
  status,
  action,
  notice = null,
}: {
  status: ConnectStatus;
  action: () => Promise<void>;
  notice?: ConnectNotice;
}) {
  const badge = BADGES[status.state];
  const needsSetup = status.state !== "enabled" || status.requirementsDue.length > 0;
  const buttonLabel = status.state === "not_started" ? "Set up payouts" : "Continue setup";
  return (
    <Card data-testid="connect-status">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle as="h2">Payout account</CardTitle>
          <Badge variant={badge.variant} data-testid="connect-state">
            {badge.label}
          </Badge>
        </div>
        <CardDescription>{DESCRIPTIONS[status.state]}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {notice === "returned" ? (
          status.state === "enabled" ? (
            <Alert variant="success" title="You're all set">
              Stripe has your details and your account can receive payouts.
            </Alert>
          ) : (
            <Alert variant="info" title="Welcome back">
              Stripe hasn’t finished with your account yet. If you submitted everything, this updates within a few
              minutes; otherwise continue the setup below.
            </Alert>
          )
        ) : null}
        {notice === "error" ? (
          <Alert variant="danger" title="Couldn’t open Stripe">
            We couldn’t reach Stripe to start your payout setup. Please try again in a minute.
          </Alert>
        ) : null}
        {notice === "sync_failed" ? (
          <Alert variant="warning" title="Status may be out of date">
            We couldn’t confirm your account with Stripe just now. It updates on its own shortly.
          </Alert>
        ) : null}
        {status.state !== "not_started" ? (
          <dl className="divide-y divide-line">
            <Fact
              ok={status.detailsSubmitted}
              label="Details submitted"
              value={status.detailsSubmitted ? "Yes" : "No"}
            />
            <Fact
              ok={status.transfersCapability === "active"}
              label="Transfers"
              value={status.transfersCapability.charAt(0).toUpperCase() + status.transfersCapability.slice(1)}
            />
            <Fact
              ok={status.payoutsEnabled}
              label="Payouts to your bank"
              value={status.payoutsEnabled ? "Enabled" : "Not yet"}
            />
          </dl>
        ) : null}
        {status.requirementsDue.length > 0 ? (
          <div>
            <p className="font-medium text-ink">Stripe still needs</p>
            <ul className="mt-1 list-disc pl-5 text-ink-muted">
              {status.requirementsDue.slice(0, 6).map((key) => (
                <li key={key}>{describeRequirement(key)}</li>
              ))}
              {status.requirementsDue.length > 6 ? <li>and {status.requirementsDue.length - 6} more</li> : null}
            </ul>
          </div>
        ) : null}
        {needsSetup ? (
          <form action={action}>
            <SetupButton fullWidth>{buttonLabel}</SetupButton>
          </form>
        ) : null}
        {status.stripeAccountId ? (
          <p className="text-xs text-ink-subtle">
            Stripe account <span className="font-mono">{status.stripeAccountId}</span>
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
