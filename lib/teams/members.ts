import "server-only";
import { z } from "zod";
import { countMembers, deleteMember, revokeMemberTokens, setMemberRole } from "@/db/queries/teams";
import { TENANT_ROLES, type TenantRole } from "@/db/schema";
import type { Executor } from "@/db/types";
import { queueEmail } from "@/lib/email/outbox";
import { teamRemovedEmail } from "@/lib/email/team-templates";
import { AppError } from "@/lib/errors";
import { getMemberOrThrow, lockTeamOrThrow, requireTeamRole } from "./loaders";
import { assertMayChangeRole, assertMayRemove, MANAGER_ROLES } from "./roles";

export const memberInputSchema = z.object({ tenantId: z.uuid(), userId: z.uuid() });
export const roleInputSchema = memberInputSchema.extend({ role: z.enum(TENANT_ROLES) });
export const teamInputSchema = z.object({ tenantId: z.uuid() });

/**
 * An owner or admin removes someone: their seat is free at once (the next member by join date takes it if the team
 * is short of seats), their API tokens made in the team are revoked, and they are told by email.
 */
export async function removeTeamMember(
  db: Executor,
  params: { tenantId: string; actorId: string; userId: string; now?: Date },
) {
  const now = params.now ?? new Date();
  if (params.userId === params.actorId) {
    throw new AppError("conflict", "To leave the team yourself, use Leave team.");
  }
  return db.transaction(async (tx) => {
    const team = await lockTeamOrThrow(tx, { tenantId: params.tenantId });
    const actor = await requireTeamRole(tx, { tenantId: team.id, userId: params.actorId, roles: MANAGER_ROLES });
    const target = await getMemberOrThrow(tx, { tenantId: team.id, id: params.userId });
    const owners = await countMembers(tx, { tenantId: team.id, role: "owner" });
    assertMayRemove({ actor: actor.role, target: target.role, owners });
    await deleteMember(tx, { tenantId: team.id, userId: target.userId });
    await revokeMemberTokens(tx, { tenantId: team.id, userId: target.userId, at: now });
    await queueEmail(tx, {
      to: target.email,
      kind: "team_removed",
      ...teamRemovedEmail({ name: target.name, teamName: team.name }),
      dedupeKey: `team-removed:${team.id}:${target.userId}:${now.toISOString()}`,
    });
    return target;
  });
}

/** Changes a member's role within the rules of assertMayChangeRole (checked under the team's lock). */
export async function changeTeamMemberRole(
  db: Executor,
  params: { tenantId: string; actorId: string; userId: string; role: TenantRole },
) {
  return db.transaction(async (tx) => {
    const team = await lockTeamOrThrow(tx, { tenantId: params.tenantId });
    const actor = await requireTeamRole(tx, { tenantId: team.id, userId: params.actorId, roles: MANAGER_ROLES });
    const target = await getMemberOrThrow(tx, { tenantId: team.id, id: params.userId });
    if (target.role === params.role) return target;
    const owners = await countMembers(tx, { tenantId: team.id, role: "owner" });
    assertMayChangeRole({ actor: actor.role, target: target.role, next: params.role, owners });
    await setMemberRole(tx, { tenantId: team.id, userId: target.userId, role: params.role });
    return { ...target, role: params.role };
  });
}

/** Anyone leaves a team, except its last owner; their tokens made in the team are revoked. */
export async function leaveTeam(db: Executor, params: { tenantId: string; userId: string; now?: Date }) {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const team = await lockTeamOrThrow(tx, { tenantId: params.tenantId });
    const me = await getMemberOrThrow(tx, { tenantId: team.id, id: params.userId });
    if (me.role === "owner" && (await countMembers(tx, { tenantId: team.id, role: "owner" })) <= 1) {
      throw new AppError("conflict", "You are the team's last owner. Make someone else an owner before you leave.");
    }
    await deleteMember(tx, { tenantId: team.id, userId: me.userId });
    await revokeMemberTokens(tx, { tenantId: team.id, userId: me.userId, at: now });
    return team;
  });
}
