import { z } from "zod";
import { closeDispute, escalateDispute, lastSucceededCharge, openDispute, refundCharge } from "../billing/charges";
import { runDueTasks } from "../billing/lifecycle";
import { paymentMethodForSubscription } from "../billing/payment-methods";
import { currentPeriod, setPeriod } from "../billing/subscriptions";
import type { Sandbox } from "../core/sandbox";
import type { CollectionName } from "../core/store";
import type { Subscription } from "../core/types";
import type { Route } from "../http/router";
import { ControlError } from "./errors";
import { importBody, importObjects } from "./import";

export { ControlError };

export type ControlHandler = (context: {
  sb: Sandbox;
  path: Record<string, string>;
  body: unknown;
}) => unknown | Promise<unknown>;

const RENEWING = new Set(["trialing", "active", "past_due", "unpaid"]);

const advanceBody = z
  .strictObject({ to: z.int().optional(), seconds: z.int().positive().optional() })
  .refine((body) => (body.to === undefined) !== (body.seconds === undefined), {
    error: "Give exactly one of `to` or `seconds`.",
  });
const refundBody = z.strictObject({ customer: z.string(), amount: z.int().positive().optional() });
const disputeBody = z.strictObject({ customer: z.string(), inquiry: z.boolean().optional() });

/** `/_sandbox/*`: test controls that are not part of Stripe's API (JSON in and out, no auth). */
export const controlRoutes: Route<ControlHandler>[] = [
  { method: "GET", path: "/_sandbox/now", handler: ({ sb }) => clockView(sb) },
  {
    method: "POST",
    path: "/_sandbox/clock/advance",
    handler: ({ sb, body }) => {
      const { to, seconds } = parse(advanceBody, body);
      const target = to ?? sb.now() + (seconds ?? 0);
      if (target < sb.now()) throw new ControlError(400, `The clock only moves forward; it is ${sb.now()}.`);
      advanceTo(sb, target);
      return clockView(sb);
    },
  },
  {
    method: "POST",
    path: "/_sandbox/clock/next-renewal",
    handler: ({ sb, body }) => {
      const { subscription: id } = parse(z.strictObject({ subscription: z.string().optional() }), body);
      const candidates = sb.store
        .all("subscriptions")
        .filter((sub) => RENEWING.has(sub.status) && (id === undefined || sub.id === id));
      if (candidates.length === 0)
        throw new ControlError(400, id ? `${id} has no upcoming renewal.` : "No subscription renews.");
      const next = candidates.reduce((soonest, sub) =>
        currentPeriod(sb, sub).end < currentPeriod(sb, soonest).end ? sub : soonest,
      );
      advanceTo(sb, Math.max(sb.now(), currentPeriod(sb, next).end));
      return { ...clockView(sb), subscription: sb.view(next) };
    },
  },
  {
    method: "POST",
    path: "/_sandbox/subscriptions/:id/fail-next-renewal",
    handler: ({ sb, path }) => {
      const subscription = requireObject(sb, "subscriptions", path.id);
      const paymentMethod = paymentMethodForSubscription(sb, subscription);
      if (!paymentMethod)
        throw new ControlError(400, `${subscription.id} has no card on file: its renewal fails anyway.`);
      sb.transaction(null, () => sb.store.state.decliningPaymentMethods.push(paymentMethod.id));
      return { subscription: subscription.id, declining_payment_method: paymentMethod.id };
    },
  },
  {
    method: "POST",
    path: "/_sandbox/subscriptions/:id/end-trial",
    handler: async ({ sb, path }) => {
      const subscription = requireObject(sb, "subscriptions", path.id);
      if (subscription.status !== "trialing")
        throw new ControlError(400, `${subscription.id} is ${subscription.status}, not trialing.`);
      await endPeriodNow(sb, subscription);
      return sb.view(subscription);
    },
  },
  {
    method: "POST",
    path: "/_sandbox/subscriptions/:id/end-period",
    handler: async ({ sb, path }) => {
      const subscription = requireObject(sb, "subscriptions", path.id);
      if (!RENEWING.has(subscription.status))
        throw new ControlError(400, `${subscription.id} is ${subscription.status}: it has no period to end.`);
      await endPeriodNow(sb, subscription);
      return sb.view(subscription);
    },
  },
  {
    method: "POST",
    path: "/_sandbox/import",
    handler: ({ sb, body }) => importObjects(sb, parse(importBody, body)),
  },
  {
    method: "POST",
    path: "/_sandbox/charges/last/refund",
    handler: ({ sb, body }) => {
      const { customer, amount } = parse(refundBody, body);
      const charge = lastCharge(sb, customer);
      return sb.transaction(null, () =>
        sb.view(refundCharge(sb, charge, { amount, reason: "requested_by_customer", metadata: {} })),
      );
    },
  },
  {
    method: "POST",
    path: "/_sandbox/charges/last/dispute",
    handler: ({ sb, body }) => {
      const { customer, inquiry } = parse(disputeBody, body);
      const charge = lastCharge(sb, customer);
      return sb.transaction(null, () => sb.view(openDispute(sb, charge, inquiry ? "inquiry" : "chargeback")));
    },
  },
  {
    method: "POST",
    path: "/_sandbox/disputes/:id/escalate",
    handler: ({ sb, path }) => {
      const dispute = requireObject(sb, "disputes", path.id);
      return sb.transaction(null, () => sb.view(escalateDispute(sb, dispute)));
    },
  },
  {
    method: "POST",
    path: "/_sandbox/disputes/:id/close",
    handler: ({ sb, path, body }) => {
      const { status } = parse(z.strictObject({ status: z.enum(["won", "lost", "warning_closed"]) }), body);
      const dispute = requireObject(sb, "disputes", path.id);
      return sb.transaction(null, () => sb.view(closeDispute(sb, dispute, status)));
    },
  },
  {
    method: "POST",
    path: "/_sandbox/transfers/fail-next",
    handler: ({ sb, body }) => {
      const { count } = parse(z.strictObject({ count: z.int().positive().optional() }), body);
      sb.transaction(null, () => {
        sb.store.state.failNextTransfers = count ?? 1;
      });
      return { fail_next_transfers: sb.store.state.failNextTransfers };
    },
  },
  {
    method: "POST",
    path: "/_sandbox/webhooks",
    handler: ({ sb, body }) => {
      const changes = parse(
        z.strictObject({
          enabled: z.boolean().optional(),
          duplicate: z.boolean().optional(),
          shuffle: z.boolean().optional(),
          shuffleSeed: z.int().nullable().optional(),
          retryBaseMs: z.int().nonnegative().optional(),
        }),
        body,
      );
      return sb.transaction(null, () => sb.webhooks.configure(changes));
    },
  },
  {
    method: "GET",
    path: "/_sandbox/state",
    handler: ({ sb }) => {
      const counts = Object.fromEntries(
        Object.entries(sb.store.state.objects).map(([name, objects]) => [name, Object.keys(objects).length]),
      );
      return {
        ...clockView(sb),
        counts,
        webhooks: sb.webhooks.describe(),
        fail_next_transfers: sb.store.state.failNextTransfers,
      };
    },
  },
  { method: "GET", path: "/_sandbox/events/deliveries", handler: ({ sb }) => ({ data: sb.webhooks.log }) },
  {
    method: "POST",
    path: "/_sandbox/reset",
    handler: ({ sb }) => {
      sb.store.reset();
      sb.store.save();
      sb.webhooks.log.length = 0;
      return clockView(sb);
    },
  },
];

/**
 * Ends the subscription's current period (or trial) now, as `billing_cycle_anchor=now` would, without moving the
 * clock for every other subscription: then the period end runs (renewal, trial end, or a scheduled cancellation).
 */
async function endPeriodNow(sb: Sandbox, subscription: Subscription): Promise<void> {
  // A period needs a length: one that began this very second ends with the next one. Wait for it rather than move the
  // clock a second ahead: an offset stays for good, and every later period would then begin up to a second after the
  // app's own clock (an app that copies at once sees a period that has not started yet).
  const { start } = currentPeriod(sb, subscription);
  while (sb.now() <= start) await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
  sb.transaction(null, () => {
    const now = sb.now();
    if (subscription.status === "trialing") {
      subscription.trial_end = now;
      sb.store.state.trialWillEndSent[subscription.id] = now;
    }
    if (subscription.cancel_at_period_end) subscription.cancel_at = now;
    subscription.billing_cycle_anchor = now;
    setPeriod(sb, subscription, { start, end: now });
  });
  runDueTasks(sb);
}

function advanceTo(sb: Sandbox, target: number): void {
  sb.transaction(null, () => sb.clock.advanceTo(target));
  runDueTasks(sb);
}

function clockView(sb: Sandbox) {
  return { now: sb.now(), iso: new Date(sb.now() * 1000).toISOString() };
}

function lastCharge(sb: Sandbox, customer: string) {
  const charge = lastSucceededCharge(sb, customer);
  if (!charge) throw new ControlError(404, `Customer ${customer} has no succeeded charge.`);
  return charge;
}

function requireObject<C extends CollectionName>(sb: Sandbox, collection: C, id: string) {
  const found = sb.store.get(collection, id);
  if (!found) throw new ControlError(404, `No ${collection} object ${id}.`);
  return found;
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ControlError(400, issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
}
