import "server-only";
import { getTenantById } from "@/db/queries/billing";
import { listTeamMembers } from "@/db/queries/teams";
import type { Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { grantsAccess } from "@/lib/entitlements";
import { queueEmail } from "@/lib/email/outbox";
import { teamSeatsShortEmail } from "@/lib/email/team-templates";

/**
 * After a sync from Stripe: when a team's subscription has fewer seats than the team has members (seats lowered in
 * the portal), the members who joined last have no seat; the owners are told who, once per period and seat count.
 */
export async function notifySeatShortage(tx: Executor, subscription: Subscription, now: Date): Promise<void> {
  if (!grantsAccess(subscription, now)) return;
  const tenant = await getTenantById(tx, { tenantId: subscription.tenantId });
  if (tenant?.kind !== "team") return;
  const members = await listTeamMembers(tx, { tenantId: tenant.id });
  if (members.length <= subscription.quantity) return;
  const withoutSeat = members.slice(subscription.quantity).map((m) => m.name ?? m.email);
  for (const owner of members.filter((m) => m.role === "owner")) {
    await queueEmail(tx, {
      to: owner.email,
      kind: "team_seats_short",
      ...teamSeatsShortEmail({
        name: owner.name,
        teamName: tenant.name,
        seats: subscription.quantity,
        members: members.length,
        withoutSeat,
      }),
      dedupeKey: `team-seats-short:${subscription.id}:${subscription.currentPeriodStart.toISOString()}:${subscription.quantity}:${owner.userId}`,
    });
  }
}
