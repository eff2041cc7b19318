import type Stripe from "stripe";
import type { Executor } from "@/db/types";

/** What an event changes in our database, applied in the transaction that records the event id. */
export type EventEffect = (tx: Executor) => Promise<void>;

/**
 * An event handler reads the current state from Stripe (outside any transaction) and returns the effect.
 * It may use ids from the payload as pointers, never its state. `now` is when the event is applied (the time the
 * ledger records for what it changes).
 */
export type EventHandler = (event: Stripe.Event, stripe: Stripe, now: Date) => Promise<EventEffect>;
