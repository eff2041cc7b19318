import { count, desc } from "drizzle-orm";
import { adminAuditLog } from "../schema";
import type { Executor } from "../types";

// The admin audit log: appended in the transaction of each admin action, read on /admin. A trigger refuses
// UPDATE and DELETE on the table, so there is no function here to change an entry.

export async function insertAuditEntry(
  db: Executor,
  params: {
    actorId: string;
    actorEmail: string;
    action: string;
    targetType: string;
    targetId: string;
    details: Record<string, unknown>;
    now?: Date;
  },
): Promise<void> {
  await db.insert(adminAuditLog).values({
    actorId: params.actorId,
    actorEmail: params.actorEmail,
    action: params.action,
    targetType: params.targetType,
    targetId: params.targetId,
    details: params.details,
    ...(params.now ? { createdAt: params.now } : {}),
  });
}

/** One page of the log, newest first. */
export async function listAuditPage(db: Executor, params: { page: number; pageSize: number }) {
  const [items, total] = await Promise.all([
    db
      .select()
      .from(adminAuditLog)
      .orderBy(desc(adminAuditLog.createdAt), desc(adminAuditLog.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ count: count() }).from(adminAuditLog),
  ]);
  return { items, total: Number(total[0]?.count ?? 0) };
}
