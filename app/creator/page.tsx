import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ConnectStatusCard, type ConnectNotice } from "@/components/creator/connect/connect-status-card";
import { ActivitySection } from "@/components/creator/dashboard/activity-section";
import { DashboardSkeleton } from "@/components/creator/dashboard/dashboard-skeleton";
import { ExportsCard } from "@/components/creator/dashboard/exports-card";
import { FigureCards } from "@/components/creator/dashboard/figure-cards";
import { FlowTable } from "@/components/creator/dashboard/flow-table";
import { MonthsTable } from "@/components/creator/dashboard/months-table";
import { PayoutsList } from "@/components/creator/dashboard/payouts-list";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page-guards";
import { syncConnectedAccount } from "@/lib/connect/onboarding";
import { loadCreatorDashboard } from "@/lib/earnings/dashboard";
import { parseDashboardParams, utcMonth, type DashboardParams } from "@/lib/earnings/dashboard-params";
import { startPayoutSetupAction } from "./connect/actions";

export const metadata: Metadata = { title: "Creator dashboard" };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CreatorDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("/creator");
  const search = await searchParams;
  const view = parseDashboardParams(search);
  const connect = one(search.connect);
  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Creator"
        title="Earnings"
        description="7¢ for every qualifying copy of your premium flows, paid monthly through Stripe."
        actions={
          <Link href="/creator/flows/new" className={buttonClasses({ variant: "secondary" })}>
            New flow
          </Link>
        }
      />
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard userId={user.id} view={view} connect={connect} />
      </Suspense>
    </Container>
  );
}

async function Dashboard({ userId, view, connect }: { userId: string; view: DashboardParams; connect?: string }) {
  const db = await getDb();
  let notice: ConnectNotice = connect === "error" ? "error" : null;
  if (connect === "returned") {
    // Back from Stripe's onboarding: read the account once now, so the card is right before account.updated lands.
    notice = "returned";
    try {
      await syncConnectedAccount(db, { userId });
    } catch {
      notice = "sync_failed";
    }
  }
  const now = new Date();
  const data = await loadCreatorDashboard(db, { creatorId: userId, view, now });
  const connectCard = <ConnectStatusCard status={data.connect} action={startPayoutSetupAction} notice={notice} />;

  if (!data.hasActivity) {
    return (
      <div className="mt-8 flex flex-col gap-6">
        <FigureCards summary={data.summary} />
        <div className="grid grid-cols-1 gap-6 *:min-w-0 lg:grid-cols-3 lg:items-start">
          <EmptyState
            className="bg-surface lg:col-span-2"
            title="No earnings yet"
            description="Publish a premium flow. Each subscriber who copies it earns you 7¢ (up to 100 copies per subscriber a month), paid out monthly."
            action={
              <Link href="/creator/flows/new" className={buttonClasses()}>
                Publish your first flow
              </Link>
            }
          />
          {connectCard}
        </div>
      </div>
    );
  }

  return (
    <div className="mt-8 flex flex-col gap-6">
      <FigureCards summary={data.summary} />
      <div className="grid grid-cols-1 gap-6 *:min-w-0 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <ActivitySection points={data.daily} params={view} />
        </div>
        {connectCard}
      </div>
      <FlowTable flows={data.flows} params={view} />
      <div className="grid grid-cols-1 gap-6 *:min-w-0 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <MonthsTable months={data.months} limit={6} />
        </div>
        <div className="flex flex-col gap-6">
          <PayoutsList payouts={data.payouts} limit={5} />
          <ExportsCard month={utcMonth(now)} />
        </div>
      </div>
    </div>
  );
}
