import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { verifyEmailToken, type VerificationOutcome } from "@/lib/auth/email-verification";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false } };
export const dynamic = "force-dynamic";

const MESSAGES: Record<VerificationOutcome, { variant: "success" | "info" | "danger"; title: string; text: string }> = {
  verified: {
    variant: "success",
    title: "Your email is confirmed",
    text: "Thank you. You can start your free trial now.",
  },
  already_verified: {
    variant: "info",
    title: "Your email was already confirmed",
    text: "Nothing more to do: the free trial is open to you if you have not used it yet.",
  },
  expired: {
    variant: "danger",
    title: "This link has expired",
    text: "Links work for 24 hours. Sign in and send yourself a new one from your account page.",
  },
  invalid: {
    variant: "danger",
    title: "This link does not work",
    text: "It was already used, replaced by a newer one, or mistyped. Sign in and send yourself a new one from your account page.",
  },
};

// GET /verify-email?token=...: the link from the verification email. Following it confirms the address (once).
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const outcome = await verifyEmailToken(await getDb(), token);
  const message = MESSAGES[outcome];
  const confirmed = outcome === "verified" || outcome === "already_verified";
  return (
    <Container className="max-w-xl py-16">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Confirm your email</h1>
      <Alert variant={message.variant} title={message.title} className="mt-6">
        {message.text}
      </Alert>
      <div className="mt-6 flex flex-wrap gap-3">
        {confirmed ? (
          <Link href="/pricing" className={buttonClasses()}>
            Start your free trial
          </Link>
        ) : null}
        <Link href="/account" className={buttonClasses({ variant: confirmed ? "secondary" : "primary" })}>
          Go to your account
        </Link>
      </div>
    </Container>
  );
}
