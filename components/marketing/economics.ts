import { COPY_CREDIT_CENTS, PAYOUT_THRESHOLD_CENTS, PLANS, TRIAL_DAYS } from "@/lib/plans";
import { percentOf } from "./format";

/** The copy economy's figures as the marketing pages state them, derived from lib/plans (never typed in). */
export function copyEconomics() {
  const priceCents = PLANS.premium.priceCents;
  const paidCopies = PLANS.premium.paidCopiesPerPeriod;
  const creatorPoolCents = paidCopies * COPY_CREDIT_CENTS;
  const platformCents = priceCents - creatorPoolCents;
  return {
    priceCents,
    paidCopies,
    creditCents: COPY_CREDIT_CENTS,
    creatorPoolCents,
    platformCents,
    creatorPercent: percentOf(creatorPoolCents, priceCents),
    platformPercent: percentOf(platformCents, priceCents),
    payoutThresholdCents: PAYOUT_THRESHOLD_CENTS,
    trialDays: TRIAL_DAYS,
    trialCopyLimit: PLANS.trial.copyLimitPerPeriod,
  };
}
