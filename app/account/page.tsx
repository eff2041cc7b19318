import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BillingCard } from "@/components/account/billing-card";
import { PlanSummary } from "@/components/account/plan-summary";
import { portalAction } from "@/app/billing/actions";
import { resendVerificationAction } from "@/app/verify-email/actions";
import { VerifyEmailNotice } from "@/components/account/verify-email-notice";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/layout/page-header";
import { getDb } from "@/db";
import { getAccountSummary } from "@/lib/account-summary";
import { requirePageUser } from "@/lib/auth/page-guards";
import { getChosenTenantId } from "@/lib/tenancy/session-tenant";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ verification?: string }> }) {
  const user = await requirePageUser("/account");
  const db = await getDb();
  // The tenant chosen in the header (validated), else the one whose plan serves the user best.
  const summary = await getAccountSummary(db, { userId: user.id, tenantId: await getChosenTenantId(db, user.id) });
  if (!summary) redirect("/login?from=/account");
  const { verification } = await searchParams;
  return (
    <Container className="py-10">
      <PageHeader title="Account" description={`Signed in as ${summary.user.email}`} />
      {summary.user.emailVerified ? null : (
        <VerifyEmailNotice
          className="mt-6"
          email={summary.user.email}
          from="/account"
          status={verification}
          action={resendVerificationAction}
        />
      )}
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <PlanSummary summary={summary} />
        <BillingCard summary={summary} portalAction={portalAction} />
        <Card>
          <CardHeader>
            <CardTitle as="h2">Team</CardTitle>
            <CardDescription>
              {summary.tenant?.kind === "team"
                ? `Members, seats and invitations of ${summary.tenant.name}.`
                : "One subscription with a seat for everyone; invite people by email."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Link href="/account/team" className={buttonClasses({ variant: "secondary" })}>
              {summary.tenant?.kind === "team" ? "Manage the team" : "Teams"}
            </Link>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">API tokens</CardTitle>
            <CardDescription>For the browser extension and your scripts.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link href="/account/tokens" className={buttonClasses({ variant: "secondary" })}>
              Manage API tokens
            </Link>
          </CardContent>
        </Card>
      </div>
    </Container>
  );
}
