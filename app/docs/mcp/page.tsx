import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { env } from "@/lib/env";
import { TOOL_SUMMARIES } from "@/lib/mcp/tools";
import { COPY_CREDIT_CENTS, COPY_RATE_LIMIT_PER_MINUTE, PLANS } from "@/lib/plans";

export const metadata: Metadata = {
  title: "MCP server",
  description: "Connect Claude, Cursor, VS Code or any MCP client to Flowtab: agents find and load flows themselves.",
};

// The snippets show this server's own URL, read when the page is served (not frozen at build time).
export const dynamic = "force-dynamic";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Snippet({ title, file, children }: { title: string; file?: string; children: string }) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium text-ink">
        {title}
        {file ? <span className="ml-2 font-mono text-xs font-normal text-ink-subtle">{file}</span> : null}
      </figcaption>
      <pre className="overflow-x-auto rounded-xl border border-line bg-surface-muted p-4 font-mono text-[13px] leading-6 text-ink">
        {children}
      </pre>
    </figure>
  );
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export default function McpDocsPage() {
  const endpoint = new URL("/api/mcp", env().APP_URL).href;
  const token = "ft_your_token";
  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Developers"
        title="Flowtab for AI agents (MCP)"
        description="Flowtab is a Model Context Protocol server: your agent searches the catalogue, loads the right flow for the site it is on, and follows it. The creator is paid exactly as for a Copy click."
      />
      <div className="mt-8 flex max-w-3xl flex-col gap-10 text-sm leading-6 text-ink-muted">
        <Section id="endpoint" title="The server">
          <p>
            <code className="font-mono text-ink">{endpoint}</code> speaks MCP over Streamable HTTP (protocol versions
            2025-03-26 and later). It is stateless: every request is a POST with a JSON answer, with no session to keep
            and no stream to hold open.
          </p>
        </Section>

        <Section id="token" title="1. Create a token">
          <p>
            Create an API token at{" "}
            <Link href="/account/tokens" className="text-accent-text underline">
              /account/tokens
            </Link>{" "}
            with both scopes: <code>flows:read</code> lets the agent search, read your library and your plan;{" "}
            <code>flows:copy</code> lets it load flows and prompts. The agent sends it as{" "}
            <code>Authorization: Bearer &lt;token&gt;</code>; without one, or with a revoked or expired one, the server
            answers <code>401</code>. Each request counts against the token&apos;s daily quota (
            {PLANS.free.apiRequestsPerDay.toLocaleString("en-US")} on the free plan,{" "}
            {PLANS.premium.apiRequestsPerDay.toLocaleString("en-US")} on Premium), the same as the{" "}
            <Link href="/docs/api" className="text-accent-text underline">
              JSON API
            </Link>
            .
          </p>
        </Section>

        <Section id="connect" title="2. Connect your client">
          <Snippet title="Claude Code">{`claude mcp add --transport http flowtab ${endpoint} \\
  --header "Authorization: Bearer ${token}"`}</Snippet>
          <Snippet title="Claude Desktop (through mcp-remote)" file="claude_desktop_config.json">
            {json({
              mcpServers: {
                flowtab: {
                  command: "npx",
                  args: ["-y", "mcp-remote", endpoint, "--header", "Authorization:${FLOWTAB_AUTH}"],
                  env: { FLOWTAB_AUTH: `Bearer ${token}` },
                },
              },
            })}
          </Snippet>
          <Snippet title="Cursor" file="~/.cursor/mcp.json">
            {json({
              mcpServers: {
                flowtab: { url: endpoint, headers: { Authorization: "Bearer ${env:FLOWTAB_TOKEN}" } },
              },
            })}
          </Snippet>
          <Snippet title="VS Code" file=".vscode/mcp.json">
            {json({
              servers: {
                flowtab: {
                  type: "http",
                  url: endpoint,
                  headers: { Authorization: "Bearer ${input:flowtab-token}" },
                },
              },
              inputs: [{ type: "promptString", id: "flowtab-token", description: "Flowtab API token", password: true }],
            })}
          </Snippet>
          <Snippet title="Any other client, or curl">{`curl ${endpoint} \\
  -H "Authorization: Bearer ${token}" \\
  -H "Content-Type: application/json" \\
  -H "Accept: application/json, text/event-stream" \\
  -H "MCP-Protocol-Version: 2025-06-18" \\
  -d '{"jsonrpc":"2.0","id":1,"method":"tools/call",
       "params":{"name":"search_flows","arguments":{"query":"merge conflict","site":"github.com"}}}'`}</Snippet>
        </Section>

        <Section id="tools" title="Tools">
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
            {TOOL_SUMMARIES.map((tool) => (
              <li key={tool.name} className="flex flex-col gap-1 p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <code className="font-mono font-medium text-ink">{tool.name}</code>
                  <Badge>{tool.scope}</Badge>
                </p>
                <p>{tool.description}</p>
              </li>
            ))}
          </ul>
        </Section>

        <Section id="prompts" title="Prompts">
          <p>
            Every flow you save on Flowtab is also a prompt in your client (needs <code>flows:read</code> to list,{" "}
            <code>flows:copy</code> to use). Its arguments are the flow&apos;s inputs, the{" "}
            <code>{"{{placeholders}}"}</code> in its text: fill in the ones you know and the server puts them into the
            text; any you leave empty stay as placeholders for the agent to ask about. Premium flows list their
            arguments once you have premium access.
          </p>
        </Section>

        <Section id="copies" title="What a fetch counts">
          <p>
            Loading a free flow is free and counts nothing. Loading a premium flow (with <code>get_flow</code> or a
            prompt) is a copy with source <code>mcp</code>, under the rules of the Copy button: the first load of a flow
            in your billing period pays its creator {COPY_CREDIT_CENTS}¢ (for your first{" "}
            {PLANS.premium.paidCopiesPerPeriod} flows each period), loading it again in the same period answers{" "}
            <code>copy.alreadyCopied: true</code> and counts nothing, a trial includes {PLANS.trial.copyLimitPerPeriod}{" "}
            copies, and more than {COPY_RATE_LIMIT_PER_MINUTE} copies a minute are refused.
          </p>
          <p>
            A refusal comes back as a tool error (<code>isError: true</code>) carrying the JSON API&apos;s error, for
            example{" "}
            <code>{`{ "error": { "code": "premium_required", "message": "Premium subscription required.", "pricingUrl": "…/pricing" } }`}</code>
            : the agent can tell you what happened and where to{" "}
            <Link href="/pricing" className="text-accent-text underline">
              subscribe
            </Link>
            .
          </p>
        </Section>
      </div>
    </Container>
  );
}
