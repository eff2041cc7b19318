import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page-guards";
import { syncAfterCheckout } from "@/lib/billing/checkout-return";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Welcome to Premium" };

export default async function CheckoutSuccessPage({
  searchParams,
}: {
  searchParams: Promise<{ session_id?: string }>;
}) {
  const { session_id: sessionId = "" } = await searchParams;
  const user = await requirePageUser(`/checkout/success?session_id=${encodeURIComponent(sessionId)}`);
  let result: Awaited<ReturnType<typeof syncAfterCheckout>> | null = null;
  let missing = false;
  try {
    result = await syncAfterCheckout(await getDb(), { userId: user.id, sessionId });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    missing = error.code === "not_found";
  }
  const active = result?.entitlement.premiumAccess ?? false;
  const trialing = result?.entitlement.subscription?.status === "trialing";
  return (
    <Container className="flex justify-center py-16">
      <Card className="w-full max-w-lg">
        <CardContent className="flex flex-col gap-4">
          {active ? (
            <>
              <h1 className="text-2xl font-semibold tracking-tight text-ink">
                {result?.team
                  ? `${result.team.name} is ready`
                  : trialing
                    ? "Your free trial has started"
                    : "You're subscribed"}
              </h1>
              <p className="text-sm text-ink-muted">
                {result?.team
                  ? `Your team has ${result.entitlement.subscription?.quantity ?? 0} seats. Invite your teammates by email: each seat opens every premium flow.`
                  : "Every premium flow is open to you now. Read them in the Library and copy them with one click."}
              </p>
              <div className="flex flex-wrap gap-2">
                {result?.team ? (
                  <Link href="/account/team" className={buttonClasses({})}>
                    Invite your team
                  </Link>
                ) : null}
                <Link href="/library" className={buttonClasses({ variant: result?.team ? "secondary" : "primary" })}>
                  Open the Library
                </Link>
                <Link href="/account" className={buttonClasses({ variant: "secondary" })}>
                  Your account
                </Link>
              </div>
            </>
          ) : missing ? (
            <>
              <h1 className="text-2xl font-semibold tracking-tight text-ink">We couldn’t find this checkout</h1>
              <p className="text-sm text-ink-muted">
                The link may be incomplete, or the checkout belongs to another account. Nothing was charged by this
                page.
              </p>
              <div>
                <Link href="/pricing" className={buttonClasses({ variant: "secondary" })}>
                  See plans
                </Link>
              </div>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold tracking-tight text-ink">We’re confirming your payment</h1>
              <Alert variant="info">
                Stripe hasn’t confirmed this checkout yet. This page updates when you reload it; nothing is charged
                twice.
              </Alert>
              <div>
                <Link href="/account" className={buttonClasses({ variant: "secondary" })}>
                  Go to your account
                </Link>
              </div>
            </>
          )}
        </CardContent>
      </Card>
    </Container>
  );
}
