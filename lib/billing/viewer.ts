import "server-only";
import { getUserBillingFlags } from "@/db/queries/billing";
import { listMembershipsForUser } from "@/db/queries/memberships";
import type { Executor } from "@/db/types";
import { getEntitlement, isLiveSubscription } from "@/lib/entitlements";

export type BillingViewer = {
  signedIn: boolean;
  /** The one free trial has not been used. */
  trialAvailable: boolean;
  /** The address is confirmed (the trial needs it). True when signed out: nothing to say yet. */
  emailVerified: boolean;
  email: string | null;
  premiumAccess: boolean;
  /** Their personal plan has a Stripe subscription in any state: billing is managed in the portal. */
  hasSubscription: boolean;
  /** Belongs to at least one team (the Team card then leads to it). */
  inTeam: boolean;
};

const SIGNED_OUT: BillingViewer = {
  signedIn: false,
  trialAvailable: true,
  emailVerified: true,
  email: null,
  premiumAccess: false,
  hasSubscription: false,
  inTeam: false,
};

/** What the pricing page's buttons should offer this viewer (the Premium card is about their personal plan). */
export async function getBillingViewer(db: Executor, userId: string | null): Promise<BillingViewer> {
  if (!userId) return SIGNED_OUT;
  const memberships = await listMembershipsForUser(db, { userId });
  const personal = memberships.find((m) => m.kind === "personal");
  const [flags, entitlement] = await Promise.all([
    getUserBillingFlags(db, { userId }),
    getEntitlement(db, { userId, tenantId: personal?.tenantId }),
  ]);

  return {
    signedIn: true,
    trialAvailable: flags?.trialUsedAt === null,
    emailVerified: Boolean(flags?.emailVerified),
    email: flags?.email ?? null,
    premiumAccess: entitlement.premiumAccess,
    hasSubscription: isLiveSubscription(entitlement.subscription),
    inTeam: memberships.some((m) => m.kind === "team"),
  };
}
