import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/account/format";
import { CreateTokenForm } from "@/components/account/tokens/create-token-form";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { listApiTokens } from "@/db/queries/api-tokens";
import { requirePageUser } from "@/lib/auth/page-guards";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requirePageUser("/account/tokens");
  const tokens = await listApiTokens(await getDb(), { userId: user.id });
  const now = new Date();
  return (
    <Container className="py-10">
      <PageHeader
        title="API tokens"
        description="Tokens let the browser extension, your scripts and your AI agents use Flowtab as you. Send one as Authorization: Bearer <token>."
      />
      <p className="mt-4 text-sm text-ink-muted">
        How to use one:{" "}
        <Link href="/docs/api" className="text-accent-text underline">
          the JSON API
        </Link>{" "}
        for scripts, or{" "}
        <Link href="/docs/mcp" className="text-accent-text underline">
          the MCP server
        </Link>{" "}
        for Claude, Cursor, VS Code and other agents (give the token both scopes).
      </p>
      <div className="mt-8 grid gap-6 lg:grid-cols-[22rem_1fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">New token</CardTitle>
          </CardHeader>
          <CardContent>
            <CreateTokenForm action={createTokenAction} />
          </CardContent>
        </Card>
        <section aria-labelledby="tokens-title">
          <h2 id="tokens-title" className="mb-4 text-lg font-semibold text-ink">
            Your tokens
          </h2>
          {tokens.length === 0 ? (
            <EmptyState title="No tokens yet" description="Create one to use the API from a script or the extension." />
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
              {tokens.map((t) => {
                const state = t.revokedAt ? "Revoked" : t.expiresAt && t.expiresAt <= now ? "Expired" : "Active";
                return (
                  <li key={t.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <p className="flex items-center gap-2 font-medium text-ink">
                        {t.name}
                        <Badge variant={state === "Active" ? "success" : "neutral"}>{state}</Badge>
                      </p>
                      <p className="mt-1 font-mono text-xs text-ink-muted">{t.prefix}…</p>
                      <p className="mt-1 text-xs text-ink-subtle">
                        {t.scopes.join(", ")} · created {formatDate(t.createdAt)} · last used{" "}
                        {t.lastUsedAt ? formatDate(t.lastUsedAt) : "never"}
                        {t.expiresAt ? ` · expires ${formatDate(t.expiresAt)}` : ""}
                      </p>
                    </div>
                    {state === "Active" ? (
                      <form action={revokeTokenAction}>
                        <input type="hidden" name="tokenId" value={t.id} />
                        <Button type="submit" variant="danger" size="sm" aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </Button>
                      </form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </Container>
  );
}
