import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz } from "./_columns";
import { tenants } from "./tenants";
import { users } from "./users";

/** What a token may do. Billing (checkout, portal) and Connect onboarding need a signed-in session, never a token. */
export const API_SCOPES = ["flows:read", "flows:copy", "earnings:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** API tokens: only a SHA-256 hash and a short visible prefix are stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    expiresAt: timestamptz("expires_at"),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
    check("api_tokens_scopes_known", sql.raw(`scopes <@ array[${API_SCOPES.map((s) => `'${s}'`).join(", ")}]::text[]`)),
    check("api_tokens_name_length", sql`char_length(${t.name}) between 1 and 80`),
  ],
);

/** Requests per token per UTC day, for the plan's daily API quota. */
export const apiTokenUsage = pgTable(
  "api_token_usage",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    requests: integer("requests").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.day] }), check("api_token_usage_nonnegative", sql`${t.requests} >= 0`)],
);

/**
 * Fixed-window counters shared by every app instance (login throttling, copy rate limit).
 * key examples: "login:email:ann@example.com", "login:ip:203.0.113.9", "copy:user:<uuid>".
 */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").notNull(),
    windowStart: timestamptz("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_buckets_window_idx").on(t.windowStart)],
);

export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;

/** Every email Flowtab sends; without SMTP_URL this table is the outbox an admin can read. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** Dedupe key so a retried job never sends the same mail twice (e.g. "payout-paid:<payoutId>"). */
    dedupeKey: text("dedupe_key"),
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("queued"),
    error: text("error"),
    sentAt: timestamptz("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_outbox_dedupe_key").on(t.dedupeKey),
    index("email_outbox_created_idx").on(t.createdAt.desc()),
    check("email_outbox_status_check", sql.raw(`status in ${sqlList(EMAIL_STATUSES)}`)),
  ],
);

/**
 * What platform admins did (retry a payout, run payouts, re-process an event, unpublish a flow, dismiss a report),
 * written in the transaction of the action itself. Append-only: a trigger refuses UPDATE and DELETE.
 */
export const adminAuditLog = pgTable(
  "admin_audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** Kept as written at the time, so the entry reads the same if the admin's email changes later. */
    actorEmail: text("actor_email").notNull(),
    /** A dotted verb, e.g. "payout.retry", "flow.unpublish", "stripe_event.reprocess". */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("admin_audit_log_created_idx").on(t.createdAt.desc()),
    index("admin_audit_log_target_idx").on(t.targetType, t.targetId),
    check("admin_audit_log_action_format", sql`${t.action} ~ '^[a-z_]+([.][a-z_]+)+$'`),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
