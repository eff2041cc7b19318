import "server-only";
import type Stripe from "stripe";
import { getStripeEventLogEntry } from "@/db/queries/stripe-event-log";
import type { Db } from "@/db/types";
import { recordAdminAction, type AdminActor } from "@/lib/admin/audit";
import { AppError } from "@/lib/errors";
import { getStripe } from "../stripe-client";
import { handleStripeEvent, type DispatchResult } from "./dispatch";

export type ReprocessResult = DispatchResult & { eventId: string; type: string };

/** A Stripe event id as Stripe writes it; anything else is refused before Stripe is asked. */
export const STRIPE_EVENT_ID = /^evt_[A-Za-z0-9_]{1,250}$/;

/**
 * An admin's "Re-process" on a failed event: the event is fetched again from Stripe by its id (never from our log
 * or a form) and goes through the normal dispatcher, which still applies it at most once. The audit entry is
 * written in the transaction that stores the outcome: the effect's own one when it applies.
 */
export async function reprocessStripeEvent(
  db: Db,
  params: { eventId: string; actor: AdminActor; stripe?: Stripe; now?: () => Date },
): Promise<ReprocessResult> {
  if (!STRIPE_EVENT_ID.test(params.eventId)) throw new AppError("validation_failed", "Not a Stripe event id.");
  const entry = await getStripeEventLogEntry(db, { eventId: params.eventId });
  if (!entry) throw new AppError("not_found", "No such event in the log.");
  if (entry.status !== "failed") {
    throw new AppError("conflict", `Only a failed event can be re-processed; this one is ${entry.status}.`);
  }
  const stripe = params.stripe ?? getStripe();
  const audit = (tx: Parameters<typeof recordAdminAction>[0], result: DispatchResult) =>
    recordAdminAction(tx, params.actor, {
      action: "stripe_event.reprocess",
      targetId: params.eventId,
      details: { type: entry.type, ...result },
      now: params.now?.(),
    });

  let event: Stripe.Event;
  try {
    event = await stripe.events.retrieve(params.eventId);
  } catch (error) {
    const message = `Stripe did not return the event: ${(error as Error).message}`;
    await db.transaction((tx) => audit(tx, { outcome: "failed", error: message }));
    return { eventId: params.eventId, type: entry.type, outcome: "failed", error: message };
  }

  let result: DispatchResult | undefined;
  try {
    await handleStripeEvent(db, event, stripe, {
      now: params.now,
      alongside: async (tx, outcome) => {
        result = outcome;
        await audit(tx, outcome);
      },
    });
  } catch (error) {
    // The dispatcher stored the failure with the audit entry. Should that write itself have failed, `result` may
    // still hold an outcome from a transaction that rolled back: the admin is told it failed either way.
    if (result?.outcome !== "failed") result = { outcome: "failed", error: String(error) };
  }
  return {
    eventId: event.id,
    type: event.type,
    ...(result ?? { outcome: "failed", error: "No outcome was recorded." }),
  };
}
