"use server";

import { revalidatePath } from "next/cache";
import { TENANT_ROLES } from "@/db/schema";
import { teamAction, userAction } from "@/lib/auth/action";
import { portalUrlFor } from "@/lib/billing/actions-core";
import { rememberChosenTenant } from "@/lib/tenancy/session-tenant";
import { buySeatsSchema, buyTeamSeats, createTeam, createTeamSchema } from "@/lib/teams/create-team";
import {
  invitationInputSchema,
  inviteInputSchema,
  inviteToTeam,
  resendInvitation,
  revokeInvitation,
} from "@/lib/teams/invitations";
import {
  changeTeamMemberRole,
  leaveTeam,
  memberInputSchema,
  removeTeamMember,
  roleInputSchema,
  teamInputSchema,
} from "@/lib/teams/members";
import { MANAGER_ROLES } from "@/lib/teams/roles";

const TEAM_PAGE = "/account/team";

/** Create a team and go to Stripe Checkout for its seats; the new team becomes the one the user acts in. */
export const createTeamAction = userAction(createTeamSchema, async ({ db, user, input }) => {
  const { tenantId, url } = await createTeam(db, { userId: user.id, input });
  await rememberChosenTenant(tenantId);
  return { redirectTo: url };
});

/** Checkout for a team without a live subscription (first purchase after a left checkout, or after it ended). */
export const buySeatsAction = teamAction(buySeatsSchema, MANAGER_ROLES, async ({ db, user, input }) => ({
  redirectTo: await buyTeamSeats(db, { userId: user.id, tenantId: input.tenantId, seats: input.seats }),
}));

/** Add or remove seats, change the card, cancel: the team's Customer Portal. */
export const teamPortalAction = teamAction(teamInputSchema, MANAGER_ROLES, async ({ db, user, input }) => ({
  redirectTo: await portalUrlFor(db, { userId: user.id, tenantId: input.tenantId }),
}));

export const inviteAction = teamAction(inviteInputSchema, MANAGER_ROLES, async ({ db, user, input }) => {
  await inviteToTeam(db, {
    tenantId: input.tenantId,
    inviterId: user.id,
    email: input.email,
    role: input.role,
  });
  revalidatePath(TEAM_PAGE);
  return { message: `Invitation sent to ${input.email}.` };
});

export const resendInvitationAction = teamAction(invitationInputSchema, MANAGER_ROLES, async ({ db, user, input }) => {
  const invitation = await resendInvitation(db, {
    tenantId: input.tenantId,
    invitationId: input.invitationId,
    actorId: user.id,
  });
  revalidatePath(TEAM_PAGE);
  return { message: `A new link was sent to ${invitation.email}.` };
});

export const revokeInvitationAction = teamAction(invitationInputSchema, MANAGER_ROLES, async ({ db, user, input }) => {
  const invitation = await revokeInvitation(db, {
    tenantId: input.tenantId,
    invitationId: input.invitationId,
    actorId: user.id,
  });
  revalidatePath(TEAM_PAGE);
  return { message: `The invitation to ${invitation.email} was revoked.` };
});

export const removeMemberAction = teamAction(memberInputSchema, MANAGER_ROLES, async ({ db, user, input }) => {
  const removed = await removeTeamMember(db, {
    tenantId: input.tenantId,
    actorId: user.id,
    userId: input.userId,
  });
  revalidatePath(TEAM_PAGE);
  return { message: `${removed.name ?? removed.email} was removed from the team.` };
});

export const changeRoleAction = teamAction(roleInputSchema, MANAGER_ROLES, async ({ db, user, input }) => {
  const changed = await changeTeamMemberRole(db, {
    tenantId: input.tenantId,
    actorId: user.id,
    userId: input.userId,
    role: input.role,
  });
  revalidatePath(TEAM_PAGE);
  return {
    message: `${changed.name ?? changed.email} is now ${changed.role === "admin" ? "an admin" : `a ${changed.role}`}.`,
  };
});

export const leaveTeamAction = teamAction(teamInputSchema, TENANT_ROLES, async ({ db, user, input }) => {
  const team = await leaveTeam(db, { tenantId: input.tenantId, userId: user.id });
  return { redirectTo: `${TEAM_PAGE}?left=${encodeURIComponent(team.name)}` };
});
