import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { oauthProviders } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { getSessionUser } from "@/lib/auth/session";
import { loginAction, oauthSignInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from: rawFrom } = await searchParams;
  const from = safeRedirectPath(rawFrom);
  if (await getSessionUser()) redirect(from);
  const registerHref = rawFrom ? `/register?from=${encodeURIComponent(from)}` : "/register";
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Sign in to read and copy your flows."
      footer={
        <>
          New to Flowtab?{" "}
          <Link href={registerHref} className="font-medium text-accent-text hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm action={loginAction} from={from} />
      <OAuthButtons providers={oauthProviders()} action={oauthSignInAction} />
    </AuthCard>
  );
}
