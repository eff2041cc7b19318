import "server-only";
import { insertAuditEntry } from "@/db/queries/audit-log";
import type { Executor } from "@/db/types";

/** The platform admin who acts, as the session knows them. */
export type AdminActor = { id: string; email: string };

/** Every admin action, and what kind of thing each acts on. */
const TARGETS = {
  "payouts.run": "payout_month",
  "payout.retry": "payout",
  "stripe_event.reprocess": "stripe_event",
  "flow.unpublish": "flow",
  "flow.republish": "flow",
  // An admin changing someone else's flow in the creator editor (lib/publishing/publish.ts).
  "flow.edit": "flow",
  "flow.publish": "flow",
  "flow_report.dismiss": "flow_report",
} as const;

export type AdminAction = keyof typeof TARGETS;

/**
 * Appends one audit entry. Call it with the transaction that performs the action, so the entry exists exactly when
 * the action's writes do.
 */
export async function recordAdminAction(
  tx: Executor,
  actor: AdminActor,
  entry: { action: AdminAction; targetId: string; details?: Record<string, unknown>; now?: Date },
): Promise<void> {
  await insertAuditEntry(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: entry.action,
    targetType: TARGETS[entry.action],
    targetId: entry.targetId,
    details: entry.details ?? {},
    now: entry.now,
  });
}
