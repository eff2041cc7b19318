import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/container";
import { ProtectedText } from "@/components/library/protected-text";
import { ReaderCopyPanel } from "@/components/library/reader-copy-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db";
import { getFlowBySlug, getFlowPromptForEntitledUser } from "@/db/queries/flows";
import { getAccountSummary } from "@/lib/account-summary";
import { requirePremiumPage } from "@/lib/auth/page-guards";
import { countReaderView } from "@/lib/copies/rate-limit";
import { isFlowSlug } from "@/lib/flows/slug";
import { ReportControl } from "../../flows/_report/report-control";

export const metadata: Metadata = { title: "Library", robots: { index: false } };

// The protected reader. Middleware redirects early; this server check is the real gate, and the premium text
// is loaded only after it passes.
export default async function LibraryReaderPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requirePremiumPage(`/library/${slug}`);
  const db = await getDb();
  const flow = isFlowSlug(slug) ? await getFlowBySlug(db, { slug }) : null;
  if (!flow) notFound();
  // A view shows the premium text: it counts against the per-user copy limit (120 a minute), earns nothing.
  const view = await countReaderView(db, { userId: user.id });
  if (!view.allowed) return <ReaderSlowDown title={flow.title} retryAfterSeconds={view.retryAfterSeconds} />;
  const [text, summary] = await Promise.all([
    getFlowPromptForEntitledUser(db, { slug }),
    getAccountSummary(db, { userId: user.id }),
  ]);
  if (!text || !summary) notFound();
  const e = summary.entitlement;
  return (
    <Container className="py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/library" className="hover:text-ink hover:underline">
          Library
        </Link>{" "}
        / <span className="text-ink">{flow.title}</span>
      </nav>
      {e.inGracePeriod ? (
        <Alert variant="warning" className="mt-4" title="Payment failed">
          You keep access while Stripe retries.{" "}
          <Link href="/account" className="underline">
            Update your card
          </Link>
          .
        </Alert>
      ) : null}
      <header className="mt-4 flex flex-col gap-3">
        <div className="flex flex-wrap gap-2">
          {flow.isPremium ? <Badge variant="premium">Premium</Badge> : <Badge variant="free">Free</Badge>}
          {flow.agents.map((a) => (
            <Badge key={a}>{a}</Badge>
          ))}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{flow.title}</h1>
        <p className="max-w-3xl text-ink-muted">{flow.summary}</p>
        <div>
          <ReportControl flow={flow} userId={user.id} />
        </div>
      </header>
      <div className="sticky top-2 z-10 mt-6">
        <ReaderCopyPanel
          slug={flow.slug}
          usage={{
            copiesThisPeriod: e.copiesThisPeriod,
            paidCopiesUsed: e.paidCopiesUsed,
            paidAllowance: e.paidCopiesRemaining + e.paidCopiesUsed,
            copyLimit: e.copyLimit,
            periodEnd: e.periodEnd,
          }}
        />
      </div>
      <article className="mt-8 max-w-3xl rounded-2xl border border-line bg-surface p-6 shadow-card sm:p-8">
        <ProtectedText text={text.promptText} />
      </article>
    </Container>
  );
}

/** Over the per-minute limit: the flow's title and a way back, never its text. */
function ReaderSlowDown({ title, retryAfterSeconds }: { title: string; retryAfterSeconds: number }) {
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
      <Alert variant="warning" className="mt-6 max-w-2xl" title="Too many flows in a minute">
        You have opened or copied more than 120 flows in the last minute. Try again in {retryAfterSeconds} seconds.{" "}
        <Link href="/library" className="underline">
          Back to your library
        </Link>
        .
      </Alert>
    </Container>
  );
}
