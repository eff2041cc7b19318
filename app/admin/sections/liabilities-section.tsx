import { LiabilitiesTable } from "@/components/admin/liabilities-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { getCreatorLiabilities } from "@/lib/admin/metrics";

/** Creator liabilities: earned, not yet paid, by month. */
export async function LiabilitiesSection() {
  const liabilities = await getCreatorLiabilities(await getDb());
  return (
    <section id="liabilities" aria-labelledby="liabilities-title" className="mt-10">
      <h2 id="liabilities-title" className="text-lg font-semibold text-ink">
        Creator liabilities
      </h2>
      <p className="mt-1 mb-4 text-sm text-ink-muted">
        Credits earned by creators and not paid out yet, by the month of the copies. Pending credits become owed when
        the subscriber&apos;s invoice is paid.
      </p>
      {liabilities.months.length === 0 ? (
        <EmptyState title="Nothing owed" description="Every earned credit has been paid out." />
      ) : (
        <LiabilitiesTable {...liabilities} />
      )}
    </section>
  );
}
