import { PLANS } from "@/lib/plans";
import { invoices, subscriptions, tenantMembers, tenants } from "../schema";
import type { Tx } from "../types";
import { must } from "./batch";
import { PREMIUM_PRICE_ID } from "./demo-billing";
import { seedUuid } from "./ids";
import { DEMO_TEAM } from "./people";
import { addDays, addMs, addUtcMonths, HOUR_MS } from "./time";
import type { UserIds } from "./users-and-tenants";

const TEAM_SUBSCRIPTION_ID = "sub_seed_team";
const TEAM_CUSTOMER_ID = "cus_seed_team";
const TEAM_INVOICE_ID = "in_seed_team_01";

/**
 * The demo team: a team tenant (its own Stripe customer) with an active 3-seat subscription whose period started 12
 * days before `now`; its owner joined first and one member after, so one seat is free for an invitation. No copies:
 * the team's members start their period at zero. Stripe bills in advance: the period's invoice (3 seats) was paid at
 * its start, so the members' qualifying copies earn at once.
 */
export async function writeDemoTeam(tx: Tx, people: ReadonlyMap<string, UserIds>, now: Date): Promise<void> {
  const owner = must(people, DEMO_TEAM.owner.email, "team owner");
  const member = must(people, DEMO_TEAM.member.email, "team member");
  const periodStart = addMs(addDays(now, -12), -4 * HOUR_MS);
  const teamId = seedUuid("tenant", `team:${DEMO_TEAM.name}`);
  await tx
    .insert(tenants)
    .values({
      id: teamId,
      name: DEMO_TEAM.name,
      kind: "team",
      stripeCustomerId: TEAM_CUSTOMER_ID,
      createdAt: addDays(periodStart, -1),
      updatedAt: periodStart,
    })
    .onConflictDoNothing();
  await tx
    .insert(tenantMembers)
    .values([
      { tenantId: teamId, userId: owner.userId, role: "owner", createdAt: addDays(periodStart, -1) },
      { tenantId: teamId, userId: member.userId, role: "member", createdAt: addDays(periodStart, 2) },
    ])
    .onConflictDoNothing();
  await tx
    .insert(subscriptions)
    .values({
      id: seedUuid("subscription", TEAM_SUBSCRIPTION_ID),
      tenantId: teamId,
      stripeSubscriptionId: TEAM_SUBSCRIPTION_ID,
      stripeCustomerId: TEAM_CUSTOMER_ID,
      stripePriceId: PREMIUM_PRICE_ID,
      status: "active",
      quantity: DEMO_TEAM.seats,
      unitAmountCents: PLANS.team.priceCents,
      currentPeriodStart: periodStart,
      currentPeriodEnd: addUtcMonths(periodStart, 1),
      stripeSyncedAt: now,
      createdAt: periodStart,
      updatedAt: periodStart,
    })
    .onConflictDoNothing();
  const amountCents = DEMO_TEAM.seats * PLANS.team.priceCents;
  await tx
    .insert(invoices)
    .values({
      id: seedUuid("invoice", TEAM_INVOICE_ID),
      tenantId: teamId,
      subscriptionId: seedUuid("subscription", TEAM_SUBSCRIPTION_ID),
      stripeInvoiceId: TEAM_INVOICE_ID,
      status: "paid",
      currency: "usd",
      amountDueCents: amountCents,
      amountPaidCents: amountCents,
      periodStart,
      periodEnd: addUtcMonths(periodStart, 1),
      stripeChargeId: TEAM_INVOICE_ID.replace(/^in_/, "ch_"),
      paidAt: periodStart,
      createdAt: periodStart,
      updatedAt: periodStart,
    })
    .onConflictDoNothing();
}
