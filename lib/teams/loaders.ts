import "server-only";
import { getInvitation } from "@/db/queries/invitations";
import { getMembership } from "@/db/queries/memberships";
import { getMember, lockTenant } from "@/db/queries/teams";
import type { TenantRole } from "@/db/schema";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";

// getXOrThrow({ tenantId, id }): every loader takes the tenant from the caller's checked membership, so an id from
// another team is "not found" and no handler can forget the tenant.

/** The signed-in user's role in the tenant; not a member means the team does not exist for them. */
export async function getMembershipOrThrow(db: Executor, params: { tenantId: string; userId: string }) {
  const membership = await getMembership(db, params);
  if (!membership) throw new AppError("not_found", "Team not found.");
  return membership;
}

export async function getMemberOrThrow(db: Executor, params: { tenantId: string; id: string }) {
  const member = await getMember(db, { tenantId: params.tenantId, userId: params.id });
  if (!member) throw new AppError("not_found", "That person is not a member of this team.");
  return member;
}

export async function getInvitationOrThrow(db: Executor, params: { tenantId: string; id: string }) {
  const invitation = await getInvitation(db, params);
  if (!invitation) throw new AppError("not_found", "Invitation not found.");
  return invitation;
}

/** Locks the team (membership changes of one team run one at a time) and refuses a personal tenant. */
export async function lockTeamOrThrow(tx: Executor, params: { tenantId: string }) {
  const team = await lockTenant(tx, params);
  if (!team || team.kind !== "team") throw new AppError("not_found", "Team not found.");
  return team;
}

/**
 * The acting user's membership, checked inside the transaction that acts (after the team's lock): the server
 * action's builder checks the role first, and this is the check that holds.
 */
export async function requireTeamRole(
  tx: Executor,
  params: { tenantId: string; userId: string; roles: readonly TenantRole[] },
) {
  const member = await getMember(tx, { tenantId: params.tenantId, userId: params.userId });
  if (!member) throw new AppError("not_found", "Team not found.");
  if (!params.roles.includes(member.role)) {
    throw new AppError("forbidden", "Only the team's owners and admins can do that.");
  }
  return member;
}
