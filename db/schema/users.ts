import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz, updatedAt } from "./_columns";

/** People. The columns id/name/email/emailVerified/image are the ones Auth.js's adapter expects. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    /** Always stored trimmed and lower-cased (see lib/auth/email.ts). */
    email: text("email").notNull(),
    emailVerified: timestamptz("email_verified"),
    image: text("image"),
    /** scrypt hash "scrypt$N$r$p$salt$hash"; null for OAuth-only users. Never selected for display. */
    passwordHash: text("password_hash"),
    /** Public creator handle for /creators/[handle]. */
    handle: text("handle"),
    bio: text("bio"),
    isAdmin: boolean("is_admin").notNull().default(false),
    /** Set when the person starts their one free trial. */
    trialUsedAt: timestamptz("trial_used_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_handle_key").on(t.handle),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_handle_format", sql`${t.handle} ~ '^[a-z0-9][a-z0-9-]{1,38}$'`),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Auth.js database sessions (unused with the JWT strategy, kept so the adapter is complete). */
export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamptz("expires").notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamptz("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
