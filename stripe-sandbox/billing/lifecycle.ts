import { days } from "../core/clock";
import type { Sandbox } from "../core/sandbox";
import type { Unix } from "../core/types";
import { expireSession } from "./checkout";
import { invoiceSubscriptionId } from "./invoices";
import { announceTrialEnd, endPeriod, expireIncomplete, resumeCollection, retryInvoice } from "./renewals";
import { currentPeriod } from "./subscriptions";

interface DueTask {
  at: Unix;
  run: () => void;
}

const RENEWING = new Set(["trialing", "active", "past_due", "unpaid"]);
const INCOMPLETE_LIFETIME = 23 * 60 * 60;
const MAX_TASKS_PER_RUN = 10_000;

/**
 * Runs, in time order, everything that has fallen due by now: trial_will_end notices (3 days before a trial ends),
 * period ends (renewal, trial end, scheduled cancellation), payment retries, pause_collection.resumes_at,
 * expiry of incomplete subscriptions and of checkout sessions. Each task is its own transaction, run with the clock
 * pinned to the moment it fell due, so a jump of three months yields three renewals dated a month apart.
 */
export function runDueTasks(sb: Sandbox): void {
  const now = sb.now();
  for (let count = 0; count < MAX_TASKS_PER_RUN; count += 1) {
    const task = nextTask(sb);
    if (!task || task.at > now) return;
    sb.transaction(null, () => sb.clock.pinned(task.at, task.run));
  }
  throw new Error(`stripe-sandbox: more than ${MAX_TASKS_PER_RUN} lifecycle tasks in one run`);
}

function nextTask(sb: Sandbox): DueTask | undefined {
  const tasks: DueTask[] = [];
  for (const subscription of sb.store.all("subscriptions")) {
    if (RENEWING.has(subscription.status)) {
      tasks.push({ at: currentPeriod(sb, subscription).end, run: () => endPeriod(sb, subscription) });
    }
    const trialEnd = subscription.trial_end;
    const trialWillEndAt = trialEnd === null ? null : trialEnd - days(3);
    if (
      subscription.status === "trialing" &&
      trialWillEndAt !== null &&
      trialWillEndAt > (subscription.trial_start ?? 0) &&
      sb.store.state.trialWillEndSent[subscription.id] !== trialEnd
    ) {
      tasks.push({ at: trialWillEndAt, run: () => announceTrialEnd(sb, subscription) });
    }
    const resumesAt = subscription.pause_collection?.resumes_at;
    if (resumesAt) tasks.push({ at: resumesAt, run: () => resumeCollection(sb, subscription) });
    if (subscription.status === "incomplete") {
      tasks.push({ at: subscription.created + INCOMPLETE_LIFETIME, run: () => expireIncomplete(sb, subscription) });
    }
  }
  for (const invoice of sb.store.all("invoices")) {
    const subscription = sb.store.get("subscriptions", invoiceSubscriptionId(invoice) ?? "");
    if (invoice.status === "open" && invoice.next_payment_attempt !== null && subscription?.status === "past_due") {
      tasks.push({ at: invoice.next_payment_attempt, run: () => retryInvoice(sb, invoice) });
    }
  }
  for (const session of sb.store.all("checkout_sessions")) {
    if (session.status === "open") tasks.push({ at: session.expires_at, run: () => expireSession(sb, session) });
  }
  return tasks.reduce<DueTask | undefined>(
    (earliest, task) => (!earliest || task.at < earliest.at ? task : earliest),
    undefined,
  );
}
