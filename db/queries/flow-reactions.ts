import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "../rows";
import { flows, likes, saves } from "../schema";
import type { Executor } from "../types";

// Likes and saves are idempotent toggles. The denormalised counter moves in the same transaction, and only when
// this call actually inserted or deleted the row (RETURNING tells us), so concurrent clicks never drift the count:
// a second concurrent insert of the same (user, flow) waits on the primary key and then inserts nothing.

type Counter = "like_count" | "save_count";

async function adjustCounter(tx: Executor, flowId: string, column: Counter, delta: 1 | -1): Promise<number> {
  // Raw SQL on purpose: drizzle's update() would also bump flows.updated_at ($onUpdate), and a like is not an edit.
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`update ${flows} set ${sql.raw(column)} = greatest(${sql.raw(column)} + ${delta}, 0)
        where id = ${flowId} returning ${sql.raw(column)} as n`,
  );
  return Number(row?.n ?? 0);
}

async function readCounter(tx: Executor, flowId: string, column: Counter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select ${sql.raw(column)} as n from ${flows} where id = ${flowId}`,
  );
  return Number(row?.n ?? 0);
}

export async function setLike(
  db: Executor,
  params: { userId: string; flowId: string; liked: boolean },
): Promise<{ liked: boolean; likes: number }> {
  const { userId, flowId, liked } = params;
  return db.transaction(async (tx) => {
    const changed = liked
      ? await tx.insert(likes).values({ userId, flowId }).onConflictDoNothing().returning({ flowId: likes.flowId })
      : await tx
          .delete(likes)
          .where(and(eq(likes.userId, userId), eq(likes.flowId, flowId)))
          .returning({ flowId: likes.flowId });
    const count =
      changed.length > 0
        ? await adjustCounter(tx, flowId, "like_count", liked ? 1 : -1)
        : await readCounter(tx, flowId, "like_count");
    return { liked, likes: count };
  });
}

export async function setSave(
  db: Executor,
  params: { userId: string; flowId: string; saved: boolean },
): Promise<{ saved: boolean; saves: number }> {
  const { userId, flowId, saved } = params;
  return db.transaction(async (tx) => {
    const changed = saved
      ? await tx.insert(saves).values({ userId, flowId }).onConflictDoNothing().returning({ flowId: saves.flowId })
      : await tx
          .delete(saves)
          .where(and(eq(saves.userId, userId), eq(saves.flowId, flowId)))
          .returning({ flowId: saves.flowId });
    const count =
      changed.length > 0
        ? await adjustCounter(tx, flowId, "save_count", saved ? 1 : -1)
        : await readCounter(tx, flowId, "save_count");
    return { saved, saves: count };
  });
}

/** Whether this user has liked and saved the flow (for the initial state of the buttons). */
export async function getViewerReactions(
  db: Executor,
  params: { userId: string; flowId: string },
): Promise<{ liked: boolean; saved: boolean }> {
  const [row] = await queryRows<{ liked: boolean; saved: boolean }>(
    db,
    sql`select
          exists (select 1 from ${likes} where user_id = ${params.userId} and flow_id = ${params.flowId}) as liked,
          exists (select 1 from ${saves} where user_id = ${params.userId} and flow_id = ${params.flowId}) as saved`,
  );
  return { liked: Boolean(row?.liked), saved: Boolean(row?.saved) };
}
