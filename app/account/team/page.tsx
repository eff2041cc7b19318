import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { formatCents } from "@/components/marketing/format";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { InvitationsList } from "@/components/teams/invitations-list";
import { InviteForm } from "@/components/teams/invite-form";
import { MembersList } from "@/components/teams/members-list";
import { SeatsCard } from "@/components/teams/seats-card";
import type { TeamActions } from "@/components/teams/team-actions";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page-guards";
import { PLANS } from "@/lib/plans";
import { getActingContext } from "@/lib/tenancy/session-tenant";
import { MAX_TEAM_SEATS, MIN_TEAM_SEATS } from "@/lib/teams/create-team";
import { getTeamOverview, listTeamsOf } from "@/lib/teams/overview";
import {
  buySeatsAction,
  changeRoleAction,
  createTeamAction,
  inviteAction,
  leaveTeamAction,
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  teamPortalAction,
} from "./actions";

export const metadata: Metadata = { title: "Team" };

const actions: TeamActions = {
  invite: inviteAction,
  resendInvitation: resendInvitationAction,
  revokeInvitation: revokeInvitationAction,
  removeMember: removeMemberAction,
  changeRole: changeRoleAction,
  leave: leaveTeamAction,
  portal: teamPortalAction,
  buySeats: buySeatsAction,
};

export default async function TeamPage({
  searchParams,
}: {
  searchParams: Promise<{ team?: string; joined?: string; left?: string }>;
}) {
  const params = await searchParams;
  const user = await requirePageUser("/account/team");
  const db = await getDb();
  const [teams, acting] = await Promise.all([listTeamsOf(db, { userId: user.id }), getActingContext(db, user.id)]);
  // The team asked for in the URL, else the one the user acts in, else their only team.
  const chosen =
    teams.find((t) => t.tenantId === params.team) ??
    teams.find((t) => t.tenantId === acting.tenantId) ??
    (teams.length === 1 ? teams[0] : undefined);
  const overview = chosen ? await getTeamOverview(db, { tenantId: chosen.tenantId, userId: user.id }) : null;
  const others = teams.filter((t) => t.tenantId !== chosen?.tenantId);

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Team"
        title={overview ? overview.team.name : "Flowtab for teams"}
        description={
          overview
            ? overview.role === "owner"
              ? "You own this team."
              : `You are ${overview.role === "admin" ? "an admin" : "a member"} of this team.`
            : `One subscription, one seat per person at ${formatCents(PLANS.team.priceCents)} a month. Owners and admins invite people by email.`
        }
      />
      <div className="mt-6 flex flex-col gap-4">
        {params.joined && overview ? (
          <Alert variant="success" title={`Welcome to ${overview.team.name}`}>
            {overview.members.find((m) => m.isYou)?.seated
              ? "You hold one of the team's seats: every premium flow is open to you."
              : "The team has no free seat for you yet; premium flows open when it adds one."}
          </Alert>
        ) : null}
        {params.left ? <Alert variant="info">You left {params.left}.</Alert> : null}
      </div>

      {overview ? (
        <div className="mt-8 grid gap-8 lg:grid-cols-[22rem_1fr]">
          <div className="flex flex-col gap-6">
            <SeatsCard overview={overview} actions={actions} minSeats={MIN_TEAM_SEATS} />
            {overview.canManage ? (
              <Card>
                <CardHeader>
                  <CardTitle as="h2">Invite a teammate</CardTitle>
                  <CardDescription>They get a link by email that works once, for 7 days.</CardDescription>
                </CardHeader>
                <CardContent>
                  <InviteForm tenantId={overview.team.id} inviteAction={actions.invite} portalAction={actions.portal} />
                </CardContent>
              </Card>
            ) : null}
          </div>
          <div className="flex flex-col gap-8">
            <MembersList overview={overview} actions={actions} />
            {overview.canManage ? <InvitationsList overview={overview} actions={actions} /> : null}
          </div>
        </div>
      ) : null}

      <div className="mt-10 grid gap-6 lg:grid-cols-2">
        {others.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{overview ? "Your other teams" : "Your teams"}</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-2">
                {others.map((t) => (
                  <li key={t.tenantId}>
                    <Link href={`/account/team?team=${t.tenantId}`} className={buttonClasses({ variant: "link" })}>
                      {t.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle as="h2">{teams.length > 0 ? "Create another team" : "Create a team"}</CardTitle>
            <CardDescription>
              Choose the number of seats, then pay in Stripe Checkout. You hold the first seat; change the number any
              time in the billing portal.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTeamForm
              action={createTeamAction}
              minSeats={MIN_TEAM_SEATS}
              maxSeats={MAX_TEAM_SEATS}
              priceLabel={formatCents(PLANS.team.priceCents)}
            />
          </CardContent>
        </Card>
      </div>
    </Container>
  );
}
