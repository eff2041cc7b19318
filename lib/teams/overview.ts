import "server-only";
import { getTenantById } from "@/db/queries/billing";
import { listOpenInvitations } from "@/db/queries/invitations";
import { listMembershipsForUser } from "@/db/queries/memberships";
import { listTeamMembers } from "@/db/queries/teams";
import type { TenantRole } from "@/db/schema";
import type { Executor } from "@/db/types";
import { isLiveSubscription } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";
import { getMembershipOrThrow } from "./loaders";
import { isManager } from "./roles";
import { freeSeats, getTeamSeats } from "./seats";

/** Everything /account/team shows about one team, for a member of it (managers see the invitations too). */
export async function getTeamOverview(db: Executor, params: { tenantId: string; userId: string; now?: Date }) {
  const now = params.now ?? new Date();
  const { role } = await getMembershipOrThrow(db, { tenantId: params.tenantId, userId: params.userId });
  const [tenant, seats, members, invitations] = await Promise.all([
    getTenantById(db, { tenantId: params.tenantId }),
    getTeamSeats(db, { tenantId: params.tenantId, now }),
    listTeamMembers(db, { tenantId: params.tenantId }),
    listOpenInvitations(db, { tenantId: params.tenantId }),
  ]);
  if (!tenant) throw new AppError("not_found", "Team not found.");
  const canManage = isManager(role);
  const sub = seats.subscription;
  return {
    team: { id: tenant.id, name: tenant.name },
    role,
    canManage,
    seats: seats.seats,
    freeSeats: freeSeats(seats),
    pendingInvitations: seats.pendingInvitations,
    subscription: sub
      ? {
          status: sub.status,
          live: isLiveSubscription(sub),
          quantity: sub.quantity,
          unitAmountCents: sub.unitAmountCents,
          currentPeriodEnd: sub.currentPeriodEnd,
          cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
        }
      : null,
    // Members are listed in seat order: the first `seats` of them hold one.
    members: members.map((m, index) => ({ ...m, seated: index < seats.seats, isYou: m.userId === params.userId })),
    withoutSeat: Math.max(0, members.length - seats.seats),
    invitations: canManage ? invitations.map((i) => ({ ...i, expired: i.expiresAt <= now })) : [],
  };
}

export type TeamOverview = Awaited<ReturnType<typeof getTeamOverview>>;

/** The user's teams, for the team page's list (with the role they hold in each). */
export async function listTeamsOf(db: Executor, params: { userId: string }) {
  const memberships = await listMembershipsForUser(db, params);
  return memberships.filter((m) => m.kind === "team") as {
    tenantId: string;
    name: string;
    kind: "team";
    role: TenantRole;
  }[];
}
