import "server-only";
import { countPendingInvitations } from "@/db/queries/invitations";
import { countMembers, listTenantSubscriptions } from "@/db/queries/teams";
import type { Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { grantsAccess, LIVE_SUBSCRIPTION_STATUSES } from "@/lib/entitlements";

export type TeamSeats = {
  /** Seats = the quantity of the team's subscription that grants access now; 0 without one. */
  seats: number;
  /** That subscription, or the team's latest live one (e.g. paused) for display. */
  subscription: Subscription | null;
  members: number;
  /** Open invitations that have not expired: each holds a seat until it is answered. */
  pendingInvitations: number;
};

export async function getTeamSeats(db: Executor, params: { tenantId: string; now: Date }): Promise<TeamSeats> {
  const [subscriptions, members, pendingInvitations] = await Promise.all([
    listTenantSubscriptions(db, { tenantId: params.tenantId, statuses: LIVE_SUBSCRIPTION_STATUSES }),
    countMembers(db, { tenantId: params.tenantId }),
    countPendingInvitations(db, { tenantId: params.tenantId, now: params.now }),
  ]);
  const granting = subscriptions.find((s) => grantsAccess(s, params.now)) ?? null;
  return {
    seats: granting?.quantity ?? 0,
    subscription: granting ?? subscriptions[0] ?? null,
    members,
    pendingInvitations,
  };
}

/** Seats neither held by a member nor reserved by a pending invitation. */
export function freeSeats(s: TeamSeats): number {
  return Math.max(0, s.seats - s.members - s.pendingInvitations);
}
