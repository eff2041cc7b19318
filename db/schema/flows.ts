import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz, tsvector, updatedAt } from "./_columns";
import { tenants } from "./tenants";
import { users } from "./users";

export const FLOW_STATUSES = ["draft", "published", "unpublished"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

/** One numbered step of a flow: the title is public, the body is part of the premium text. */
export type FlowStep = { title: string; body: string };

export const flows = pgTable(
  "flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** The text a subscriber copies. Premium: never sent to a browser without entitlement. */
    promptText: text("prompt_text").notNull(),
    steps: jsonb("steps").$type<FlowStep[]>().notNull().default([]),
    category: text("category").notNull(),
    agents: text("agents")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sites: text("sites")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isPremium: boolean("is_premium").notNull().default(true),
    status: text("status", { enum: FLOW_STATUSES }).notNull().default("draft"),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The creator's personal tenant: copies by its members earn nothing. */
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "restrict" }),
    // Denormalised counters, kept by the writes that change them (copy engine, likes, saves).
    copyCount: integer("copy_count").notNull().default(0),
    /** Copies in the last 30 days, the "popular" sort key; recomputed from flow_copy_days. */
    recentCopyCount: integer("recent_copy_count").notNull().default(0),
    likeCount: integer("like_count").notNull().default(0),
    saveCount: integer("save_count").notNull().default(0),
    /**
     * Full-text document of everything, for readers with premium access: title (A) > summary, tags, sites and agents
     * (B) > step titles and bodies (C) > prompt text (D). Functions in migration 0003.
     */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`flowtab_flow_public_tsvector(title, summary, tags, sites, agents, steps) || flowtab_flow_text_tsvector(steps, prompt_text)`,
      ),
    /**
     * What anyone may search: the public fields, plus the text of a free flow (which every visitor can read).
     * A premium flow's step bodies and prompt are not in it, so a search cannot probe them word by word.
     */
    publicSearchVector: tsvector("public_search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`flowtab_flow_public_tsvector(title, summary, tags, sites, agents, steps) || case when is_premium then ''::tsvector else flowtab_flow_text_tsvector(steps, prompt_text) end`,
      ),
    publishedAt: timestamptz("published_at"),
    /** Set when a platform admin unpublished the flow after a report: its creator cannot republish it, an admin can. */
    unpublishedByAdminAt: timestamptz("unpublished_by_admin_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("flows_slug_key").on(t.slug),
    index("flows_search_idx").using("gin", t.searchVector),
    index("flows_public_search_idx").using("gin", t.publicSearchVector),
    index("flows_agents_idx").using("gin", t.agents),
    index("flows_sites_idx").using("gin", t.sites),
    index("flows_tags_idx").using("gin", t.tags),
    index("flows_published_new_idx")
      .on(t.publishedAt.desc(), t.id)
      .where(sql`status = 'published'`),
    index("flows_published_popular_idx")
      .on(t.recentCopyCount.desc(), t.id)
      .where(sql`status = 'published'`),
    index("flows_published_liked_idx")
      .on(t.likeCount.desc(), t.id)
      .where(sql`status = 'published'`),
    index("flows_creator_idx").on(t.creatorId, t.status),
    check("flows_status_check", sql.raw(`status in ${sqlList(FLOW_STATUSES)}`)),
    check("flows_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(${t.slug}) <= 100`),
    check("flows_title_length", sql`char_length(${t.title}) between 1 and 120`),
    check("flows_prompt_length", sql`char_length(${t.promptText}) <= 20000`),
    check(
      "flows_counts_nonnegative",
      sql`${t.copyCount} >= 0 and ${t.recentCopyCount} >= 0 and ${t.likeCount} >= 0 and ${t.saveCount} >= 0`,
    ),
    check("flows_published_at_check", sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
  ],
);

/** Copies per flow per UTC day: the source of "copies this month" and the 30-day popularity. */
export const flowCopyDays = pgTable(
  "flow_copy_days",
  {
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    copies: integer("copies").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.flowId, t.day] }),
    check("flow_copy_days_copies_nonnegative", sql`${t.copies} >= 0`),
  ],
);

export const likes = pgTable(
  "likes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.flowId] }), index("likes_flow_idx").on(t.flowId)],
);

export const saves = pgTable(
  "saves",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.flowId] }), index("saves_flow_idx").on(t.flowId)],
);

/** Why a signed-in user reports a flow (PRODUCT.md has no list; issue 12 fixes these five). */
export const FLOW_REPORT_REASONS = ["broken", "outdated", "unsafe", "spam", "other"] as const;
export type FlowReportReason = (typeof FLOW_REPORT_REASONS)[number];

/** open -> dismissed (nothing to do) | actioned (an admin unpublished the flow). */
export const FLOW_REPORT_STATUSES = ["open", "dismissed", "actioned"] as const;
export type FlowReportStatus = (typeof FLOW_REPORT_STATUSES)[number];

export const FLOW_REPORT_NOTE_MAX = 1000;

export const flowReports = pgTable(
  "flow_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: FLOW_REPORT_REASONS }).notNull(),
    /** The reporter's optional note. */
    details: text("details"),
    status: text("status", { enum: FLOW_REPORT_STATUSES }).notNull().default("open"),
    resolvedAt: timestamptz("resolved_at"),
    resolvedById: uuid("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // One OPEN report per user and flow; once resolved, the same person may report the flow again.
    uniqueIndex("flow_reports_one_open_key")
      .on(t.flowId, t.reporterId)
      .where(sql`status = 'open'`),
    index("flow_reports_queue_idx").on(t.status, t.createdAt.desc()),
    check("flow_reports_reason_check", sql.raw(`reason in ${sqlList(FLOW_REPORT_REASONS)}`)),
    check("flow_reports_status_check", sql.raw(`status in ${sqlList(FLOW_REPORT_STATUSES)}`)),
    check("flow_reports_details_length", sql.raw(`char_length(details) <= ${FLOW_REPORT_NOTE_MAX}`)),
    check("flow_reports_resolved_check", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

export type Flow = typeof flows.$inferSelect;
export type NewFlow = typeof flows.$inferInsert;
export type FlowReport = typeof flowReports.$inferSelect;
