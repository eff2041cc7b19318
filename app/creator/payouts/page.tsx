import type { Metadata } from "next";
import { ConnectStatusCard } from "@/components/creator/connect/connect-status-card";
import { FigureCards } from "@/components/creator/dashboard/figure-cards";
import { MonthsTable } from "@/components/creator/dashboard/months-table";
import { PayoutRules } from "@/components/creator/dashboard/payout-rules";
import { PayoutsList } from "@/components/creator/dashboard/payouts-list";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { getCreatorAccount } from "@/db/queries/creator-accounts";
import { requirePageUser } from "@/lib/auth/page-guards";
import { connectStatusOf } from "@/lib/connect/status";
import { getEarningsOverview } from "@/lib/earnings/overview";
import { startPayoutSetupAction } from "../connect/actions";

export const metadata: Metadata = { title: "Payouts" };

export default async function CreatorPayoutsPage() {
  const user = await requirePageUser("/creator/payouts");
  const db = await getDb();
  const [overview, account] = await Promise.all([
    getEarningsOverview(db, { creatorId: user.id }),
    getCreatorAccount(db, { userId: user.id }),
  ]);
  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Creator"
        title="Payouts"
        description="Every transfer to your Stripe account, and the monthly statements behind them."
        actions={
          <a href="/creator/export/payouts.csv" download className={buttonClasses({ variant: "secondary" })}>
            Download CSV
          </a>
        }
      />
      <div className="mt-8 flex flex-col gap-6">
        <FigureCards summary={overview.summary} />
        <div className="grid grid-cols-1 gap-6 *:min-w-0 lg:grid-cols-3">
          <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
            <PayoutsList payouts={overview.payouts} />
            <MonthsTable months={overview.months} />
          </div>
          <div className="flex flex-col gap-6">
            <ConnectStatusCard status={connectStatusOf(account)} action={startPayoutSetupAction} />
            <PayoutRules />
          </div>
        </div>
      </div>
    </Container>
  );
}
