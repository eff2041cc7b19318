import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { env } from "@/lib/env";
import { PLANS } from "@/lib/plans";

export const metadata: Metadata = {
  title: "API",
  description: "Search, read and copy Flowtab flows from scripts and the browser extension.",
};

function Example({ title, children }: { title: string; children: string }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold text-ink">{title}</h2>
      <pre className="overflow-x-auto rounded-xl border border-line bg-surface-muted p-4 font-mono text-[13px] leading-6 text-ink">
        {children}
      </pre>
    </section>
  );
}

export default function ApiDocsPage() {
  const base = env().APP_URL;
  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Developers"
        title="The Flowtab API"
        description="The same API the browser extension uses. JSON in and out, camelCase fields, money in integer cents."
      />
      <div className="mt-8 flex max-w-3xl flex-col gap-8 text-sm leading-6 text-ink-muted">
        <p>
          Create a token at{" "}
          <Link href="/account/tokens" className="text-accent-text underline">
            /account/tokens
          </Link>{" "}
          with the scopes you need (<code>flows:read</code>, <code>flows:copy</code>) and send it as{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>. Each token may make{" "}
          {PLANS.free.apiRequestsPerDay.toLocaleString("en-US")} requests a day on the free plan and{" "}
          {PLANS.premium.apiRequestsPerDay.toLocaleString("en-US")} on Premium; past that you get <code>429</code> with{" "}
          <code>Retry-After</code>. The machine-readable description is at{" "}
          <a href="/api/v1/openapi.json" className="text-accent-text underline">
            /api/v1/openapi.json
          </a>
          .
        </p>
        <p>
          Connecting an AI agent? Flowtab is also an MCP server: see{" "}
          <Link href="/docs/mcp" className="text-accent-text underline">
            Flowtab for AI agents (MCP)
          </Link>
          .
        </p>
        <p>
          Errors look like{" "}
          <code>{`{ "error": { "code": "validation_failed", "message": "...", "field": "pageSize" } }`}</code> with the
          matching status: 400/422 bad input, 401 no or bad token, 403 missing scope or no premium access, 404 unknown
          flow, 429 limits.
        </p>
        <Example title="Search the catalogue">{`curl "${base}/api/v1/flows?q=merge+conflict&agent=Claude+for+Chrome&sort=popular&page=1&pageSize=20" \\
  -H "Authorization: Bearer $FLOWTAB_TOKEN"`}</Example>
        <Example title="Read one flow">{`curl "${base}/api/v1/flows/resolve-a-github-merge-conflict-in-the-web-editor" \\
  -H "Authorization: Bearer $FLOWTAB_TOKEN"
# promptText is included only when your plan may read the flow`}</Example>
        <Example title="Copy a flow">{`curl -X POST "${base}/api/v1/flows/SLUG/copy" \\
  -H "Authorization: Bearer $FLOWTAB_TOKEN" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $(uuidgen)" \\
  -d '{"source":"api"}'
# -> { "promptText": "...", "copy": { "id", "countedForPayout", "alreadyCopied",
#      "copiesThisPeriod", "paidCopiesRemaining", "periodEnd" } }`}</Example>
        <Example title="Your plan and usage">{`curl "${base}/api/v1/subscriptions/me" -H "Authorization: Bearer $FLOWTAB_TOKEN"`}</Example>
        <Example title="Your creator earnings">{`curl "${base}/api/v1/creators/me/earnings" -H "Authorization: Bearer $FLOWTAB_TOKEN"`}</Example>
      </div>
    </Container>
  );
}
