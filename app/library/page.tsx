import type { Metadata } from "next";
import Link from "next/link";
import { PlanSummary } from "@/components/account/plan-summary";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { CopyHistoryList, SavedFlowsList } from "@/components/library/library-lists";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { listCopyHistory, listSavedFlows } from "@/db/queries/library";
import { getAccountSummary } from "@/lib/account-summary";
import { requirePremiumPage } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Library", robots: { index: false } };

// Premium page: middleware.ts redirects early, and this server check is the real gate.
export default async function LibraryPage() {
  const { user } = await requirePremiumPage("/library");
  const db = await getDb();
  const [summary, saved, history] = await Promise.all([
    getAccountSummary(db, { userId: user.id }),
    listSavedFlows(db, { userId: user.id }),
    listCopyHistory(db, { userId: user.id }),
  ]);
  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Premium"
        title="Your library"
        description="Read premium flows in the reader and copy them with one click."
        actions={
          <Link href="/flows?access=premium" className={buttonClasses({})}>
            Browse premium flows
          </Link>
        }
      />
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-10">
          <section aria-labelledby="saved-title">
            <h2 id="saved-title" className="mb-4 text-lg font-semibold text-ink">
              Saved flows
            </h2>
            <SavedFlowsList items={saved.items} total={saved.total} />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title" className="mb-4 text-lg font-semibold text-ink">
              Copy history
            </h2>
            <CopyHistoryList items={history.items} total={history.total} />
          </section>
        </div>
        <aside>{summary ? <PlanSummary summary={summary} /> : null}</aside>
      </div>
    </Container>
  );
}
