import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/account/format";
import { Container } from "@/components/layout/container";
import { InvitationAnswer } from "@/components/teams/invitation-answer";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_OPEN, viewInvitation } from "@/lib/teams/invitation-response";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Team invitation", robots: { index: false } };

// GET /invite/[token]: the link from an invitation email. Anyone holding it sees the team; accepting needs the
// invited address signed in (signing up first keeps the link through ?from=).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [view, user] = await Promise.all([viewInvitation(await getDb(), { token }), getSessionUser()]);
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <Container className="flex justify-center py-16">
      <Card className="w-full max-w-lg">
        <CardContent className="flex flex-col gap-4">
          {!view ? (
            <>
              <h1 className="text-2xl font-semibold tracking-tight text-ink">This invitation link is not valid</h1>
              <p className="text-sm text-ink-muted">
                It may be incomplete, or a newer invitation replaced it. Ask the team for a new one.
              </p>
            </>
          ) : (
            <>
              <p className="font-mono text-xs font-medium tracking-wider text-accent-text uppercase">Team invitation</p>
              <h1 className="text-2xl font-semibold tracking-tight text-ink">Join {view.teamName} on Flowtab</h1>
              <p className="text-sm text-ink-muted">
                {view.inviterName ?? "A teammate"} invited <strong className="text-ink">{view.email}</strong> to join as{" "}
                {view.role === "admin" ? "an admin" : "a member"}. A seat on the team opens every premium flow, paid for
                by the team.
              </p>
              {view.state !== "open" ? (
                <Alert variant="warning">{NOT_OPEN[view.state]}</Alert>
              ) : !user ? (
                <>
                  <p className="text-sm text-ink-muted">
                    Sign in as {view.email} to accept, or create an account with that address first. This link still
                    works afterwards (until {formatDate(view.expiresAt)}).
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <Link
                      href={`/register?from=${encodeURIComponent(here)}&email=${encodeURIComponent(view.email)}`}
                      className={buttonClasses({})}
                    >
                      Create an account
                    </Link>
                    <Link
                      href={`/login?from=${encodeURIComponent(here)}`}
                      className={buttonClasses({ variant: "secondary" })}
                    >
                      Sign in to accept
                    </Link>
                  </div>
                  <InvitationAnswer token={token} declineAction={declineInvitationAction} />
                </>
              ) : user.email !== view.email ? (
                <>
                  <Alert variant="warning" title="Signed in as someone else">
                    You are signed in as {user.email}, but this invitation is for {view.email}. Sign out, then open this
                    link again and sign in with that address.
                  </Alert>
                  <form action="/logout" method="post">
                    <button type="submit" className={buttonClasses({ variant: "secondary" })}>
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <InvitationAnswer
                  token={token}
                  acceptAction={acceptInvitationAction}
                  declineAction={declineInvitationAction}
                />
              )}
            </>
          )}
        </CardContent>
      </Card>
    </Container>
  );
}
