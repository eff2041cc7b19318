import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { BillingViewer } from "@/lib/billing/viewer";
import { TRIAL_DAYS, type PlanId } from "@/lib/plans";

export type PricedPlanId = Exclude<PlanId, "trial">;

export type PlanCtaProps = {
  planId: PricedPlanId;
  /** The highlighted card gets the primary style. */
  highlighted?: boolean;
  className?: string;
  viewer: BillingViewer;
  /** Server actions that redirect to Stripe Checkout / the Customer Portal. */
  checkoutAction: () => Promise<void>;
  portalAction: () => Promise<void>;
};

/** The call to action on a pricing card, fitted to who is looking. */
export function PlanCta({
  planId,
  highlighted = false,
  className,
  viewer,
  checkoutAction,
  portalAction,
}: PlanCtaProps) {
  const classes = buttonClasses({
    variant: highlighted ? "primary" : "secondary",
    size: "lg",
    fullWidth: true,
    className,
  });
  if (planId === "free") {
    return viewer.signedIn ? (
      <Link href="/flows?access=free" className={classes}>
        Browse free flows
      </Link>
    ) : (
      <Link href="/register" className={classes}>
        Create a free account
      </Link>
    );
  }
  if (planId === "team") {
    // /account/team creates the team and sends its owner to Checkout for the seats.
    if (!viewer.signedIn) {
      return (
        <Link href="/register?from=/account/team" className={classes}>
          Create a team
        </Link>
      );
    }
    return (
      <Link href="/account/team" className={classes}>
        {viewer.inTeam ? "Manage your team" : "Create a team"}
      </Link>
    );
  }
  if (!viewer.signedIn) {
    return (
      <Link href="/register?from=/pricing" className={classes}>
        Start {TRIAL_DAYS}-day free trial
      </Link>
    );
  }
  if (viewer.hasSubscription) {
    return (
      <form action={portalAction}>
        <button type="submit" className={classes}>
          Manage billing
        </button>
      </form>
    );
  }
  if (viewer.trialAvailable && !viewer.emailVerified) {
    // The trial needs a confirmed address; the notice at the top of the page sends the link again.
    return (
      <div className="flex flex-col gap-2">
        <button type="button" disabled aria-describedby="trial-needs-email" className={classes}>
          Start {TRIAL_DAYS}-day free trial
        </button>
        <p id="trial-needs-email" className="text-center text-xs text-ink-muted">
          Confirm your email first: open the link we sent you.
        </p>
      </div>
    );
  }
  return (
    <form action={checkoutAction}>
      <button type="submit" className={classes}>
        {viewer.trialAvailable ? `Start ${TRIAL_DAYS}-day free trial` : "Subscribe"}
      </button>
    </form>
  );
}
