import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BillingCard } from "@/components/account/billing-card";
import { PlanSummary } from "@/components/account/plan-summary";
import { portalAction } from "@/app/billing/actions";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/layout/page-header";
import { getDb } from "@/db";
import { getAccountSummary } from "@/lib/account-summary";
import { requirePageUser } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const summary = await getAccountSummary(await getDb(), { userId: user.id });
  if (!summary) redirect("/login?from=/account");
  return (
    <Container className="py-10">
      <PageHeader title="Account" description={`Signed in as ${summary.user.email}`} />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <PlanSummary summary={summary} />
        <BillingCard summary={summary} portalAction={portalAction} />
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
