/**
 * The plan table: the only place where Flowtab's plan numbers live.
 * Everything else (entitlements, copy engine, quotas, pricing page) asks this module.
 */
export type PlanId = "free" | "trial" | "premium" | "team";

export type Plan = {
  id: PlanId;
  name: string;
  /** Price per seat per month in integer cents (USD). */
  priceCents: number;
  premiumAccess: boolean;
  /** Qualifying (paid) copies per seat per billing period. */
  paidCopiesPerPeriod: number;
  /** Total copies allowed per period; null = unlimited. Free plan copies free flows only. */
  copyLimitPerPeriod: number | null;
  apiRequestsPerDay: number;
  publishesPerMonth: number;
  perSeat: boolean;
};

export const PLANS: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    priceCents: 0,
    premiumAccess: false,
    paidCopiesPerPeriod: 0,
    copyLimitPerPeriod: null,
    apiRequestsPerDay: 200,
    publishesPerMonth: 5,
    perSeat: false,
  },
  trial: {
    id: "trial",
    name: "Free trial",
    priceCents: 0,
    premiumAccess: true,
    paidCopiesPerPeriod: 0,
    copyLimitPerPeriod: 20,
    apiRequestsPerDay: 1_000,
    publishesPerMonth: 20,
    perSeat: false,
  },
  premium: {
    id: "premium",
    name: "Premium",
    priceCents: 1_000, // $10.00
    premiumAccess: true,
    paidCopiesPerPeriod: 100,
    copyLimitPerPeriod: null,
    apiRequestsPerDay: 10_000,
    publishesPerMonth: 100,
    perSeat: false,
  },
  team: {
    id: "team",
    name: "Team",
    priceCents: 1_000, // $10.00 per seat
    premiumAccess: true,
    paidCopiesPerPeriod: 100,
    copyLimitPerPeriod: null,
    apiRequestsPerDay: 10_000,
    publishesPerMonth: 100,
    perSeat: true,
  },
};

/** Money rules of the copy economy. */
export const COPY_CREDIT_CENTS = 7; // $0.07 per qualifying copy
/** Creators' share of what a subscriber paid for a period: its credits never add up to more (100 x 7c = 70% of $10). */
export const CREATOR_SHARE_PERCENT = 70;
export const TRIAL_DAYS = 7;
export const PAYOUT_THRESHOLD_CENTS = 1_000; // $10.00: below this a creator's balance carries forward
export const COPY_RATE_LIMIT_PER_MINUTE = 120;
