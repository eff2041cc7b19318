import "server-only";
import type Stripe from "stripe";
import { getTenantById, setTenantCustomerId } from "@/db/queries/billing";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";
import { getStripe } from "./stripe-client";

/**
 * One Stripe customer per tenant, created once. The idempotency key makes concurrent or retried calls
 * create the same customer; the conditional update keeps the first id stored.
 */
export async function ensureCustomer(
  db: Executor,
  params: { tenantId: string; email: string; name: string | null },
  stripe: Stripe = getStripe(),
): Promise<string> {
  const tenant = await getTenantById(db, { tenantId: params.tenantId });
  if (!tenant) throw new AppError("not_found", "Tenant not found.");
  if (tenant.stripeCustomerId) return tenant.stripeCustomerId;
  const customer = await stripe.customers.create(
    { email: params.email, name: params.name ?? undefined, metadata: { tenantId: tenant.id } },
    { idempotencyKey: `customer:${tenant.id}` },
  );
  const stored = await setTenantCustomerId(db, { tenantId: tenant.id, customerId: customer.id });
  return stored ?? customer.id;
}
