import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { RegisterForm } from "@/components/auth/register-form";
import { oauthProviders } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { getSessionUser } from "@/lib/auth/session";
import { oauthSignInAction, registerAction } from "../actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; next?: string; email?: string }>;
}) {
  const params = await searchParams;
  const from = safeRedirectPath(params.from ?? params.next);
  if (await getSessionUser()) redirect(from);
  return (
    <AuthCard
      title="Create your account"
      subtitle="Free flows right away; premium flows with a 7-day free trial once you confirm your email, no card needed."
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={`/login?from=${encodeURIComponent(from)}`}
            className="font-medium text-accent-text hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      {/* An invitation link sends the invited address along (?email=), so the account matches it. */}
      <RegisterForm action={registerAction} from={from} email={params.email?.slice(0, 254)} />
      <OAuthButtons providers={oauthProviders()} action={oauthSignInAction} />
    </AuthCard>
  );
}
