import { formatDate } from "@/components/account/format";
import { formatCents } from "@/components/marketing/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { TeamOverview } from "@/lib/teams/overview";
import { ActionForm, SubmitButton } from "./action-form";
import type { TeamActions } from "./team-actions";

const STATUS: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment overdue",
  paused: "Paused",
  unpaid: "Unpaid",
  incomplete: "Incomplete",
};

/** Seats, who holds them, and (for owners and admins) the way to change them: the portal, or checkout. */
export function SeatsCard({
  overview,
  actions,
  minSeats,
}: {
  overview: TeamOverview;
  actions: TeamActions;
  minSeats: number;
}) {
  const { subscription: sub, canManage } = overview;
  const hidden = <input type="hidden" name="tenantId" value={overview.team.id} />;
  return (
    <Card role="region" aria-labelledby="seats-title">
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle as="h2" id="seats-title">
            Seats
          </CardTitle>
          {sub?.live ? (
            <Badge variant={sub.status === "active" ? "success" : "warning"}>{STATUS[sub.status] ?? sub.status}</Badge>
          ) : null}
        </div>
        <CardDescription>
          Every seat opens all premium flows and funds 100 creator-paying copies a period.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-ink-muted">Seats</dt>
          <dd data-testid="seat-count">{overview.seats}</dd>
          <dt className="text-ink-muted">Members</dt>
          <dd>{overview.members.length}</dd>
          <dt className="text-ink-muted">Pending invitations</dt>
          <dd>{overview.pendingInvitations}</dd>
          <dt className="text-ink-muted">Free seats</dt>
          <dd data-testid="free-seats">{overview.freeSeats}</dd>
          {sub?.live && !sub.cancelAtPeriodEnd ? (
            <>
              <dt className="text-ink-muted">Next invoice</dt>
              <dd>
                {formatCents(sub.unitAmountCents * sub.quantity)} on {formatDate(sub.currentPeriodEnd)}
              </dd>
            </>
          ) : null}
          {sub?.live && sub.cancelAtPeriodEnd ? (
            <>
              <dt className="text-ink-muted">Ends</dt>
              <dd>{formatDate(sub.currentPeriodEnd)} (canceled)</dd>
            </>
          ) : null}
        </dl>
        {overview.withoutSeat > 0 ? (
          <Alert variant="warning" title={`${overview.seats} seats for ${overview.members.length} members`}>
            Seats go to the members who joined first:{" "}
            {overview.withoutSeat === 1 ? "the newest member has" : `the ${overview.withoutSeat} newest members have`}{" "}
            no premium access until {canManage ? "you add seats or remove someone" : "the team adds seats"}.
          </Alert>
        ) : null}
        {canManage && sub?.live ? (
          <ActionForm action={actions.portal} label="Billing portal">
            {hidden}
            <SubmitButton variant="secondary">Add or remove seats</SubmitButton>
          </ActionForm>
        ) : null}
        {canManage && !sub?.live ? (
          <ActionForm action={actions.buySeats} label="Buy seats">
            {hidden}
            <label htmlFor="buy-seats" className="text-ink-muted">
              Seats
            </label>
            <Input
              id="buy-seats"
              name="seats"
              type="number"
              min={minSeats}
              defaultValue={Math.max(minSeats, overview.members.length)}
              className="w-24"
            />
            <SubmitButton>Buy seats</SubmitButton>
          </ActionForm>
        ) : null}
        {!canManage && !sub?.live ? <p className="text-ink-muted">This team has no active subscription.</p> : null}
      </CardContent>
    </Card>
  );
}
