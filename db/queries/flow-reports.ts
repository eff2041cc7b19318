import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { flowReports, flows, users, type FlowReportReason, type FlowReportStatus } from "../schema";
import type { Executor } from "../types";

// Reports of flows by signed-in users, and the admin's queue of them. The partial unique index
// flow_reports_one_open_key is the "one open report per user and flow" rule.

/** A published flow a user may report, with its creator (a creator cannot report their own flow). */
export async function getReportableFlow(db: Executor, params: { slug: string }) {
  const [row] = await db
    .select({ id: flows.id, creatorId: flows.creatorId })
    .from(flows)
    .where(and(eq(flows.slug, params.slug), eq(flows.status, "published")));
  return row ?? null;
}

/** Inserts an open report; null when this user already has an open report of this flow (the index decides). */
export async function insertOpenReport(
  db: Executor,
  params: { flowId: string; reporterId: string; reason: FlowReportReason; details: string | null; now: Date },
): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(flowReports)
    .values({
      flowId: params.flowId,
      reporterId: params.reporterId,
      reason: params.reason,
      details: params.details,
      status: "open",
      createdAt: params.now,
    })
    .onConflictDoNothing({
      target: [flowReports.flowId, flowReports.reporterId],
      where: sql`status = 'open'`,
    })
    .returning({ id: flowReports.id });
  return row ?? null;
}

/** What the Report button shows a signed-in viewer: nothing on their own flow, "Reported" while theirs is open. */
export async function getViewerReportState(
  db: Executor,
  params: { flowId: string; userId: string },
): Promise<"own" | "reported" | "can_report"> {
  const [row] = await db
    .select({
      own: sql<boolean>`${flows.creatorId} = ${params.userId}`,
      reported: sql<boolean>`exists (select 1 from flow_reports r where r.flow_id = flows.id and r.reporter_id = ${params.userId} and r.status = 'open')`,
    })
    .from(flows)
    .where(eq(flows.id, params.flowId));
  if (!row || row.own) return "own";
  return row.reported ? "reported" : "can_report";
}

const creators = alias(users, "creators");

/** An open report with its flow and the flow's creator, report and flow row-locked until the transaction ends. */
export async function lockOpenReport(db: Executor, params: { reportId: string }) {
  const [row] = await db
    .select({
      reportId: flowReports.id,
      reason: flowReports.reason,
      flowId: flows.id,
      flowSlug: flows.slug,
      flowTitle: flows.title,
      flowStatus: flows.status,
      creatorId: creators.id,
      creatorEmail: creators.email,
      creatorName: creators.name,
    })
    .from(flowReports)
    .innerJoin(flows, eq(flows.id, flowReports.flowId))
    .innerJoin(creators, eq(creators.id, flows.creatorId))
    .where(and(eq(flowReports.id, params.reportId), eq(flowReports.status, "open")))
    .for("update", { of: [flowReports, flows] });
  return row ?? null;
}

/** Resolves one open report; null when it is not open (any more). */
export async function resolveReport(
  db: Executor,
  params: { reportId: string; status: Exclude<FlowReportStatus, "open">; resolvedById: string; now: Date },
): Promise<{ id: string; flowId: string } | null> {
  const [row] = await db
    .update(flowReports)
    .set({ status: params.status, resolvedAt: params.now, resolvedById: params.resolvedById })
    .where(and(eq(flowReports.id, params.reportId), eq(flowReports.status, "open")))
    .returning({ id: flowReports.id, flowId: flowReports.flowId });
  return row ?? null;
}

/** Every open report of a flow becomes `actioned` (the flow was unpublished); returns their ids. */
export async function actionOpenReportsOfFlow(
  db: Executor,
  params: { flowId: string; resolvedById: string; now: Date },
): Promise<string[]> {
  const rows = await db
    .update(flowReports)
    .set({ status: "actioned", resolvedAt: params.now, resolvedById: params.resolvedById })
    .where(and(eq(flowReports.flowId, params.flowId), eq(flowReports.status, "open")))
    .returning({ id: flowReports.id });
  return rows.map((r) => r.id);
}

/** The flow leaves the catalogue and its creator cannot republish it (lib/publishing checks the mark). */
export async function unpublishFlowByAdmin(db: Executor, params: { flowId: string; now: Date }) {
  await db
    .update(flows)
    .set({ status: "unpublished", unpublishedByAdminAt: params.now, updatedAt: params.now })
    .where(eq(flows.id, params.flowId));
}

export type ReportQueueFilter = "open" | "resolved";

const reporters = alias(users, "reporters");
const resolvers = alias(users, "resolvers");

/** One page of reports for /admin: open ones oldest first (a queue), or resolved ones newest first. */
export async function listReportQueuePage(
  db: Executor,
  params: { filter: ReportQueueFilter; page: number; pageSize: number },
) {
  const where = params.filter === "open" ? eq(flowReports.status, "open") : sql`${flowReports.status} <> 'open'`;
  const order =
    params.filter === "open"
      ? [asc(flowReports.createdAt), asc(flowReports.id)]
      : [desc(flowReports.resolvedAt), desc(flowReports.id)];
  const [items, total] = await Promise.all([
    db
      .select({
        id: flowReports.id,
        reason: flowReports.reason,
        details: flowReports.details,
        status: flowReports.status,
        createdAt: flowReports.createdAt,
        resolvedAt: flowReports.resolvedAt,
        resolverEmail: resolvers.email,
        flowId: flows.id,
        flowTitle: flows.title,
        flowSlug: flows.slug,
        flowStatus: flows.status,
        creatorEmail: creators.email,
        reporterEmail: reporters.email,
        openReportsOfFlow: sql<number>`(select count(*)::int from flow_reports o where o.flow_id = ${flows.id} and o.status = 'open')`,
      })
      .from(flowReports)
      .innerJoin(flows, eq(flows.id, flowReports.flowId))
      .innerJoin(creators, eq(creators.id, flows.creatorId))
      .innerJoin(reporters, eq(reporters.id, flowReports.reporterId))
      .leftJoin(resolvers, eq(resolvers.id, flowReports.resolvedById))
      .where(where)
      .orderBy(...order)
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ count: count() }).from(flowReports).where(where),
  ]);
  return {
    items: items.map((r) => ({ ...r, openReportsOfFlow: Number(r.openReportsOfFlow) })),
    total: Number(total[0]?.count ?? 0),
  };
}

export async function countOpenFlowReports(db: Executor): Promise<number> {
  const [row] = await db.select({ count: count() }).from(flowReports).where(eq(flowReports.status, "open"));
  return Number(row?.count ?? 0);
}
