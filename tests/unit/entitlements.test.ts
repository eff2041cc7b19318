import { describe, expect, it } from "vitest";
import type { Subscription } from "@/db/schema";
import type { UserSubscriptionRow } from "@/db/queries/subscriptions";
import { calendarMonthOf, copyPeriodFor } from "@/lib/copies/period";
import { grantsAccess, resolveEntitlement } from "@/lib/entitlements";

const now = new Date("2026-11-22T12:00:00Z");

function sub(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: "s1",
    tenantId: "t-personal",
    stripeSubscriptionId: "sub_1",
    stripeCustomerId: "cus_1",
    stripePriceId: "price_1",
    status: "active",
    quantity: 1,
    unitAmountCents: 1000,
    currentPeriodStart: new Date("2026-11-12T09:00:00Z"),
    currentPeriodEnd: new Date("2026-12-12T09:00:00Z"),
    cancelAtPeriodEnd: false,
    canceledAt: null,
    trialStart: null,
    trialEnd: null,
    endedAt: null,
    stripeSyncedAt: now,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const row = (s: Subscription, tenantKind: "personal" | "team" = "personal", seated = true): UserSubscriptionRow => ({
  subscription: s,
  tenantKind,
  tenantName: "T",
  role: tenantKind === "team" ? "member" : "owner",
  seated,
});

describe("access by Stripe status (PRODUCT.md)", () => {
  it.each([
    ["trialing", true],
    ["active", true],
    ["past_due", true],
    ["paused", false],
    ["incomplete", false],
    ["incomplete_expired", false],
    ["unpaid", false],
    ["canceled", false],
  ] as const)("%s grants access: %s", (status, expected) => {
    expect(grantsAccess(sub({ status }), now)).toBe(expected);
  });

  it("cancel at period end keeps access until the period ends, not after", () => {
    const s = sub({ cancelAtPeriodEnd: true });
    expect(grantsAccess(s, now)).toBe(true);
    expect(grantsAccess(s, new Date("2026-12-12T09:00:00Z"))).toBe(false);
  });
});

describe("resolveEntitlement", () => {
  it("no subscription: free plan, calendar-month period", () => {
    const e = resolveEntitlement([], now, "t-personal");
    expect(e.plan.id).toBe("free");
    expect(e.premiumAccess).toBe(false);
    expect(copyPeriodFor(e, now)).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
      subscriptionId: null,
    });
  });

  it("trialing is the trial plan, past_due is premium in grace", () => {
    expect(resolveEntitlement([row(sub({ status: "trialing" }))], now, "t-personal").plan.id).toBe("trial");
    const e = resolveEntitlement([row(sub({ status: "past_due" }))], now, "t-personal");
    expect(e).toMatchObject({ premiumAccess: true, inGracePeriod: true });
    expect(e.plan.id).toBe("premium");
  });

  it("a team seat gives the team plan and the team's period", () => {
    const team = sub({ id: "s-team", tenantId: "t-team", currentPeriodStart: new Date("2026-11-03T00:00:00Z") });
    const e = resolveEntitlement([row(sub({ status: "canceled" })), row(team, "team")], now, "t-personal");
    expect(e.plan.id).toBe("team");
    expect(copyPeriodFor(e, now)).toMatchObject({ start: new Date("2026-11-03T00:00:00Z"), subscriptionId: "s-team" });
  });

  it("a team member without a seat gets nothing from the team's subscription", () => {
    const team = sub({ id: "s-team", tenantId: "t-team" });
    const e = resolveEntitlement([row(team, "team", false)], now, "t-personal");
    expect(e).toMatchObject({ premiumAccess: false, withoutSeat: true, tenantId: "t-personal" });
    expect(e.plan.id).toBe("free");
    expect(copyPeriodFor(e, now)).toMatchObject({ subscriptionId: null, start: new Date("2026-11-01T00:00:00Z") });
  });

  it("a seatless team membership does not hide a personal subscription", () => {
    const team = sub({ id: "s-team", tenantId: "t-team" });
    const e = resolveEntitlement([row(team, "team", false), row(sub())], now, "t-personal");
    expect(e).toMatchObject({ premiumAccess: true, tenantId: "t-personal", withoutSeat: false });
    expect(e.plan.id).toBe("premium");
  });

  it("acting in one tenant uses that tenant's plan only", () => {
    const rows = [row(sub({ id: "s-team", tenantId: "t-team" }), "team"), row(sub({ status: "canceled" }))];
    expect(resolveEntitlement(rows, now, "t-personal", "t-team")).toMatchObject({
      premiumAccess: true,
      tenantId: "t-team",
    });
    const personal = resolveEntitlement(rows, now, "t-personal", "t-personal");
    expect(personal).toMatchObject({ premiumAccess: false, tenantId: "t-personal", withoutSeat: false });
    expect(personal.subscription?.status).toBe("canceled");
    // A tenant the user does not belong to has no rows: nothing is granted there.
    expect(resolveEntitlement(rows, now, "t-personal", "t-other")).toMatchObject({
      premiumAccess: false,
      tenantId: "t-other",
    });
  });

  it("a canceled personal subscription leaves the free plan but remains visible", () => {
    const e = resolveEntitlement([row(sub({ status: "canceled" }))], now, "t-personal");
    expect(e.plan.id).toBe("free");
    expect(e.subscription?.status).toBe("canceled");
  });

  it("calendar months roll over at UTC midnight, December into January", () => {
    expect(calendarMonthOf(new Date("2026-12-31T23:59:59Z"))).toEqual({
      start: new Date("2026-12-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
  });
});
