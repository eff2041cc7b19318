import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserSearchForm } from "@/components/admin/search-form";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { requireAdminPage } from "./admin-guard";
import { AuditSection } from "./sections/audit-section";
import { JobsSection } from "./sections/jobs-section";
import { LedgerSection } from "./sections/ledger-section";
import { LiabilitiesSection } from "./sections/liabilities-section";
import { MetricsSection } from "./sections/metrics-section";
import { AdminNotice } from "./sections/notice";
import { PayoutsSection } from "./sections/payouts-section";
import { ReportsSection } from "./sections/reports-section";
import { StripeEventsSection } from "./sections/stripe-events-section";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

// The console is a stack of self-contained sections (app/admin/sections/), each reading its own data and query
// parameters: adding one is one import and one line here.
export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin");
  const params = await searchParams;
  const now = new Date();

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Platform admin"
        title="Admin console"
        description="Revenue, subscribers, copies, creator payouts, Stripe events, reports and the audit log."
      />
      <AdminNav current="/admin" />
      <AdminNotice notice={params.notice} />
      <div className="mt-6">
        <UserSearchForm />
      </div>
      <MetricsSection now={now} />
      <LiabilitiesSection />
      <LedgerSection />
      <PayoutsSection now={now} params={params} />
      <JobsSection now={now} />
      <StripeEventsSection params={params} />
      <ReportsSection params={params} />
      <AuditSection params={params} />
    </Container>
  );
}
