import { PayoutsTable } from "@/components/admin/payouts-table";
import { RunPayoutsForm } from "@/components/admin/run-payouts-form";
import { getDb } from "@/db";
import { listRecentPayouts } from "@/db/queries/payouts";
import { monthLabel, previousMonth } from "@/lib/payouts/month";
import { retryPayoutAction, runPayoutsAction } from "../actions";

/** Payouts by creator and month, "Run payouts" for the last full month, and "Retry now" on failed ones. */
export async function PayoutsSection({ now }: { now: Date }) {
  const payouts = await listRecentPayouts(await getDb(), { limit: 25 });
  const payoutMonth = previousMonth(now);
  return (
    <section id="payouts" aria-labelledby="payouts-title" className="mt-10">
      <div className="mb-4 flex flex-col gap-3">
        <h2 id="payouts-title" className="text-lg font-semibold text-ink">
          Payouts
        </h2>
        <RunPayoutsForm month={payoutMonth} monthLabel={monthLabel(payoutMonth)} action={runPayoutsAction} />
      </div>
      <PayoutsTable payouts={payouts} retryAction={retryPayoutAction} />
    </section>
  );
}
