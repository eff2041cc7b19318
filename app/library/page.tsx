import type { Metadata } from "next";
import { PlanSummary } from "@/components/account/plan-summary";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { getDb } from "@/db";
import { getAccountSummary } from "@/lib/account-summary";
import { requirePremiumPage } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Library" };

// Premium page: middleware.ts redirects early, and this server check is the real gate.
export default async function LibraryPage() {
  const { user } = await requirePremiumPage("/library");
  const summary = await getAccountSummary(await getDb(), { userId: user.id });
  return (
    <Container className="py-10">
      <PageHeader eyebrow="Premium" title="Your library" description="Premium flows you can read and copy." />
      <div className="mt-8 max-w-xl">{summary ? <PlanSummary summary={summary} /> : null}</div>
    </Container>
  );
}
