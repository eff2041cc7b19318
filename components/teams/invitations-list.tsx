"use client";

import { useActionState } from "react";
import { formatDate } from "@/components/account/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { IDLE } from "@/lib/auth/action-state";
import type { TeamOverview } from "@/lib/teams/overview";
import { ActionMessage, SubmitButton } from "./action-form";
import type { TeamActions } from "./team-actions";

/** Open invitations, with Resend (a new link, 7 more days) and Revoke. Owners and admins only. */
export function InvitationsList({ overview, actions }: { overview: TeamOverview; actions: TeamActions }) {
  // Outcomes show above the list: a revoked invitation's row is gone when the answer arrives.
  const [resent, resend] = useActionState(actions.resendInvitation, IDLE);
  const [revoked, revoke] = useActionState(actions.revokeInvitation, IDLE);
  return (
    <section aria-labelledby="invitations-title" className="flex flex-col gap-3">
      <h2 id="invitations-title" className="text-lg font-semibold text-ink">
        Invitations
      </h2>
      <ActionMessage state={resent} />
      <ActionMessage state={revoked} />
      {overview.invitations.length === 0 ? (
        <EmptyState title="No open invitations" description="Invite teammates by email below." />
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
          {overview.invitations.map((i) => (
            <li
              key={i.id}
              aria-label={`Invitation to ${i.email}`}
              className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="flex items-center gap-2 font-medium text-ink">
                  {i.email}
                  <Badge>{i.role === "admin" ? "Admin" : "Member"}</Badge>
                  {i.expired ? <Badge variant="warning">Expired</Badge> : null}
                </p>
                <p className="mt-1 text-xs text-ink-muted">
                  Sent {formatDate(i.sentAt)} · {i.expired ? "expired" : "expires"} {formatDate(i.expiresAt)}
                </p>
              </div>
              <div className="flex flex-wrap items-start gap-2">
                {(["resend", "revoke"] as const).map((kind) => (
                  <form
                    key={kind}
                    action={kind === "resend" ? resend : revoke}
                    aria-label={`${kind === "resend" ? "Resend" : "Revoke"} the invitation to ${i.email}`}
                  >
                    <input type="hidden" name="tenantId" value={overview.team.id} />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <SubmitButton
                      size="sm"
                      variant={kind === "resend" ? "secondary" : "danger"}
                      aria-label={`${kind === "resend" ? "Resend" : "Revoke"} the invitation to ${i.email}`}
                    >
                      {kind === "resend" ? "Resend" : "Revoke"}
                    </SubmitButton>
                  </form>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
