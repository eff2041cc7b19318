import "server-only";
import { getPeriodUsage } from "@/db/queries/copy-usage";
import { listMembershipsForUser } from "@/db/queries/memberships";
import { getUserById } from "@/db/queries/users";
import type { Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { copyPeriodFor } from "@/lib/copies/period";
import { getEntitlement, isLiveSubscription } from "@/lib/entitlements";

/**
 * Who the user is, which plan applies and how much of the period they used: /api/user/me and /account.
 * `tenantId` is the tenant they act in (a token's, or the one chosen in the header); without it, the tenant whose
 * plan serves them best.
 */
export async function getAccountSummary(
  db: Executor,
  params: { userId: string; tenantId?: string | null; now?: Date },
) {
  const now = params.now ?? new Date();
  const [user, memberships, entitlement] = await Promise.all([
    getUserById(db, { userId: params.userId }),
    listMembershipsForUser(db, { userId: params.userId }),
    getEntitlement(db, { userId: params.userId, tenantId: params.tenantId, now }),
  ]);
  if (!user) return null;
  const tenant = memberships.find((m) => m.tenantId === (params.tenantId ?? entitlement.tenantId));
  const period = copyPeriodFor(entitlement, now);
  const usage = await getPeriodUsage(db, { userId: user.id, periodStart: period.start });
  const sub = entitlement.subscription;
  const paidAllowance = entitlement.plan.paidCopiesPerPeriod;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      handle: user.handle,
      isAdmin: user.isAdmin,
      /** A free trial starts only for a verified address. */
      emailVerified: user.emailVerified !== null,
    },
    tenant: tenant ? { id: tenant.tenantId, name: tenant.name, kind: tenant.kind, role: tenant.role } : null,
    plan: entitlement.plan.id,
    entitlement: {
      premiumAccess: entitlement.premiumAccess,
      /** A team member beyond the team's seats: the team's plan does not reach them. */
      withoutSeat: entitlement.withoutSeat,
      status: sub?.status ?? null,
      inGracePeriod: entitlement.inGracePeriod,
      cancelAtPeriodEnd: sub?.cancelAtPeriodEnd ?? false,
      trialEnd: sub?.trialEnd?.toISOString() ?? null,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      copiesThisPeriod: usage.copies,
      paidCopiesUsed: usage.paidCopies,
      paidCopiesRemaining: Math.max(0, paidAllowance - usage.paidCopies),
      copyLimit: entitlement.plan.copyLimitPerPeriod,
      apiRequestsPerDay: entitlement.plan.apiRequestsPerDay,
    },
    billing: billingDetails(sub, now),
  };
}

/** What the account page says about money: the next invoice and the trial's remaining days. */
function billingDetails(sub: Subscription | null, now: Date) {
  const renews = sub && ["trialing", "active", "past_due"].includes(sub.status) && !sub.cancelAtPeriodEnd;
  const trialDaysLeft =
    sub?.status === "trialing" && sub.trialEnd
      ? Math.max(0, Math.ceil((sub.trialEnd.getTime() - now.getTime()) / 86_400_000))
      : null;
  return {
    hasSubscription: isLiveSubscription(sub),
    seats: sub?.quantity ?? null,
    nextInvoiceCents: renews ? sub.unitAmountCents * sub.quantity : null,
    nextInvoiceAt: renews ? sub.currentPeriodEnd.toISOString() : null,
    trialDaysLeft,
  };
}

export type AccountSummary = NonNullable<Awaited<ReturnType<typeof getAccountSummary>>>;
