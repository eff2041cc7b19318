import type PgBoss from "pg-boss";

/** pg-boss keeps its tables in this schema of the app's database (PostgreSQL or PGlite). */
export const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  emailDelivery: "email-delivery",
  payoutsMonthly: "payouts-monthly",
  payoutsRetry: "payouts-retry",
  rateLimitPrune: "rate-limit-prune",
  ledgerReconcile: "ledger-reconcile",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What a queue may be configured with (pg-boss queue options; retryDelay in seconds). */
export type QueueSettings = Omit<PgBoss.Queue, "name">;
