import { and, eq } from "drizzle-orm";
import { tenantMembers } from "../schema";
import type { Executor } from "../types";

export async function getMembership(db: Executor, params: { tenantId: string; userId: string }) {
  const [row] = await db
    .select({ role: tenantMembers.role })
    .from(tenantMembers)
    .where(and(eq(tenantMembers.tenantId, params.tenantId), eq(tenantMembers.userId, params.userId)));
  return row ?? null;
}
