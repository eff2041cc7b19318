import "server-only";
import { z } from "zod";
import { getAccountSummary } from "@/lib/account-summary";
import { AppError } from "@/lib/errors";
import { defineTool } from "./define";

export const accountTool = defineTool({
  name: "account",
  title: "My Flowtab plan and usage",
  description:
    "Your plan (free, trial, premium or team), subscription status, copies this billing period, paid copies " +
    "remaining (each pays a creator 7 cents) and when the period ends.",
  scope: "flows:read",
  input: z.object({}).strict(),
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: async ({ db, userId, appUrl }) => {
    const summary = await getAccountSummary(db, { userId });
    if (!summary) throw new AppError("unauthorized", "Sign in to continue.");
    const e = summary.entitlement;
    // GET /api/v1/subscriptions/me's fields, plus what an agent needs to explain a refusal.
    return {
      plan: summary.plan,
      status: e.status,
      premiumAccess: e.premiumAccess,
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      cancelAtPeriodEnd: e.cancelAtPeriodEnd,
      trialEnd: e.trialEnd,
      copiesThisPeriod: e.copiesThisPeriod,
      copyLimit: e.copyLimit,
      paidCopiesRemaining: e.paidCopiesRemaining,
      pricingUrl: new URL("/pricing", appUrl).href,
    };
  },
});
