import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz, updatedAt } from "./_columns";
import { users } from "./users";

export const TENANT_KINDS = ["personal", "team"] as const;
export const TENANT_ROLES = ["owner", "admin", "member"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** A billing and ownership unit: every user has a personal tenant; teams are tenants with several members. */
export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: TENANT_KINDS }).notNull(),
    /** The owner of a personal tenant (one per user); null for teams. */
    personalOwnerId: uuid("personal_owner_id").references(() => users.id, { onDelete: "cascade" }),
    stripeCustomerId: text("stripe_customer_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("tenants_personal_owner_key").on(t.personalOwnerId),
    uniqueIndex("tenants_stripe_customer_key").on(t.stripeCustomerId),
    check("tenants_kind_check", sql.raw(`kind in ${sqlList(TENANT_KINDS)}`)),
    check("tenants_personal_owner_check", sql`(${t.kind} = 'personal') = (${t.personalOwnerId} is not null)`),
  ],
);

export const tenantMembers = pgTable(
  "tenant_members",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: TENANT_ROLES }).notNull(),
    /** When the user joined: a team's seats go to its first `quantity` members in this order (then by user id). */
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index("tenant_members_user_idx").on(t.userId),
    index("tenant_members_tenant_joined_idx").on(t.tenantId, t.createdAt, t.userId),
    check("tenant_members_role_check", sql.raw(`role in ${sqlList(TENANT_ROLES)}`)),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: TENANT_ROLES }).notNull(),
    /** SHA-256 of the emailed token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamptz("expires_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    /** The user who accepted (the signed-in account whose email matched). */
    acceptedById: uuid("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    declinedAt: timestamptz("declined_at"),
    revokedAt: timestamptz("revoked_at"),
    /** When the current link was mailed (a resend mails a new link and the old one stops working). */
    sentAt: timestamptz("sent_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_tenant_idx").on(t.tenantId),
    // One open invitation per address and team: inviting the address again resends it.
    uniqueIndex("invitations_open_email_key")
      .on(t.tenantId, t.email)
      .where(sql`accepted_at is null and declined_at is null and revoked_at is null`),
    check("invitations_role_check", sql.raw(`role in ('admin', 'member')`)),
    check("invitations_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check(
      "invitations_one_outcome",
      sql`(${t.acceptedAt} is not null)::int + (${t.declinedAt} is not null)::int + (${t.revokedAt} is not null)::int <= 1`,
    ),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type TenantMember = typeof tenantMembers.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
