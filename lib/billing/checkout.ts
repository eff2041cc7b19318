import "server-only";
import { z } from "zod";
import { getTenantById, getUserBillingFlags, listLiveSubscriptions } from "@/db/queries/billing";
import { getMembership } from "@/db/queries/memberships";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";
import { LIVE_SUBSCRIPTION_STATUSES } from "@/lib/entitlements";
import { TRIAL_DAYS } from "@/lib/plans";
import { ensureCustomer } from "./customers";
import { createPortalUrl } from "./portal";
import { billingConfig, getStripe } from "./stripe-client";

export const checkoutInputSchema = z.object({
  tenantId: z.uuid().optional(),
  quantity: z.coerce.number().int().min(1).max(500).default(1),
});

export type CheckoutOutcome = { kind: "checkout"; url: string } | { kind: "portal"; url: string };

/**
 * Starts a subscription checkout for a tenant (the user's personal tenant unless a team is named):
 * the customer first, then a Checkout Session in subscription mode. A 7-day trial without a card is offered
 * once per person, and only to a verified email address (an unverified one that could still take the trial gets
 * `email_unverified`). A tenant that already has a live subscription is sent to the portal instead.
 */
export async function startCheckout(
  db: Executor,
  params: { userId: string; personalTenantId: string; input: z.input<typeof checkoutInputSchema> },
): Promise<CheckoutOutcome> {
  const input = checkoutInputSchema.parse(params.input);
  const tenantId = input.tenantId ?? params.personalTenantId;
  const membership = await getMembership(db, { tenantId, userId: params.userId });
  if (!membership || membership.role === "member") {
    throw new AppError("forbidden", "Only the tenant's owner or an admin can manage billing.", { field: "tenantId" });
  }
  const tenant = await getTenantById(db, { tenantId });
  const user = await getUserBillingFlags(db, { userId: params.userId });
  if (!tenant || !user) throw new AppError("not_found", "Tenant not found.");
  if (tenant.kind === "personal" && input.quantity !== 1) {
    throw new AppError("validation_failed", "A personal plan has one seat.", { field: "quantity" });
  }
  if (tenant.kind === "team" && input.quantity < 2) {
    throw new AppError("validation_failed", "A team has at least 2 seats.", { field: "quantity" });
  }

  // The trial is for people who proved their address (issue 11, case 9): until then there is nothing to check out.
  if (user.trialUsedAt === null && user.emailVerified === null) {
    throw new AppError("email_unverified", "Confirm your email address first: we sent you a link.");
  }

  const customerId = await ensureCustomer(db, {
    tenantId,
    email: user.email,
    name: tenant.kind === "team" ? tenant.name : user.name,
  });
  if ((await listLiveSubscriptions(db, { tenantId, liveStatuses: LIVE_SUBSCRIPTION_STATUSES })).length > 0) {
    return { kind: "portal", url: await createPortalUrl(customerId) };
  }

  const { priceId, appUrl } = billingConfig();
  // The trial is one person's (once per person); a team pays for its seats from the start.
  const offerTrial = tenant.kind === "personal" && user.trialUsedAt === null;
  const metadata = { tenantId, userId: params.userId };
  const session = await getStripe().checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    client_reference_id: tenantId,
    line_items: [{ price: priceId, quantity: input.quantity }],
    metadata,
    subscription_data: {
      metadata,
      ...(offerTrial
        ? { trial_period_days: TRIAL_DAYS, trial_settings: { end_behavior: { missing_payment_method: "pause" } } }
        : {}),
    },
    payment_method_collection: offerTrial ? "if_required" : "always",
    success_url: `${appUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${appUrl}/pricing?checkout=canceled`,
  });
  if (!session.url) throw new AppError("unavailable", "Stripe did not return a checkout URL.");
  return { kind: "checkout", url: session.url };
}
