import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { PlanId } from "@/lib/plans";

export type PricedPlanId = Exclude<PlanId, "trial">;

export type PlanCtaProps = {
  planId: PricedPlanId;
  /** The highlighted card gets the primary style. */
  highlighted?: boolean;
  className?: string;
};

/**
 * The call to action on a pricing card. Isolated so the billing work can swap it for a checkout form
 * (same props) without touching the pricing page.
 */
export function PlanCta({ planId, highlighted = false, className }: PlanCtaProps) {
  const variant = highlighted ? "primary" : "secondary";
  if (planId === "free") {
    return (
      <Link href="/register" className={buttonClasses({ variant, size: "lg", fullWidth: true, className })}>
        Create a free account
      </Link>
    );
  }
  return (
    <Link href="/register?next=/pricing" className={buttonClasses({ variant, size: "lg", fullWidth: true, className })}>
      Start free trial
    </Link>
  );
}
