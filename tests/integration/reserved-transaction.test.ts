// Transactions on a reserved connection (db/reserved-transaction.ts). postgres.js 3.4.9 can write a BEGIN onto a pooled
// connection that is busy with other queries without reserving it: the BEGIN fails with UNSAFE_TRANSACTION and the
// server session stays inside the transaction while the pool hands the connection to others. Each case fills every
// connection of a pool of two and then begins a transaction, the situation in which that happens.
import { sql as drizzleSql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { connectPostgres } from "@/db/open";
import { beginOnReservedConnection } from "@/db/reserved-transaction";
import { noticeSkippedWithoutPostgres, onPostgres } from "../helpers/db";

noticeSkippedWithoutPostgres("reserved transactions");
const url = process.env.DATABASE_URL!;

/** A pool of two whose connections each run a 150 ms sleep, with `queued` more statements pipelined behind them. */
async function busyPool(options: { max_pipeline?: number; queued?: number }) {
  const pool = postgres(url, { max: 2, onnotice: () => {}, ...options });
  await Promise.all([pool`select 1`.execute(), pool`select 1`.execute()]);
  const pending: Promise<unknown>[] = [pool`select pg_sleep(0.15)`.execute(), pool`select pg_sleep(0.15)`.execute()];
  for (let i = 0; i < (options.queued ?? 0); i++) pending.push(pool`select ${i}::int as i`.execute());
  await new Promise((resolve) => setTimeout(resolve, 20)); // postgres.js dispatches a query a tick after it is made
  return { pool, pending };
}

/** Sessions of this database left inside a transaction with nothing running (other than the asking one). */
async function idleInTransaction(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await probe`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`;
    return row?.n as number;
  } finally {
    await probe.end({ timeout: 5 });
  }
}

describe.skipIf(!onPostgres)("transactions while every pooled connection is busy", () => {
  const pools: postgres.Sql[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end({ timeout: 5 })));
  });

  it("postgres.js's own begin fails there (the driver bug this works around: when this fails, it is fixed)", async () => {
    const { pool, pending } = await busyPool({ max_pipeline: 1 });
    pools.push(pool);
    await expect(pool.begin((tx) => tx`select 1`)).rejects.toMatchObject({ code: "UNSAFE_TRANSACTION" });
    await Promise.allSettled(pending);
    // Its BEGIN reached the server all the same: the session sits in that transaction, back in the pool.
    expect(await idleInTransaction()).toBe(1);
  });

  it("beginOnReservedConnection waits for a connection of its own, commits, and leaves no transaction open", async () => {
    const { pool, pending } = await busyPool({ max_pipeline: 1 });
    pools.push(pool);
    const ids = await beginOnReservedConnection(pool, "", async (tx) => {
      const [first] = await tx`select txid_current() as id`;
      const [second] = await tx`select txid_current() as id`;
      return [first?.id, second?.id];
    });
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]); // both statements in one transaction
    await Promise.all(pending);
    expect(await idleInTransaction()).toBe(0);
  });

  it("a failed body, a failed savepoint and a statement that failed unawaited all roll back", async () => {
    const { pool, pending } = await busyPool({ max_pipeline: 1 });
    pools.push(pool);
    await expect(
      beginOnReservedConnection(pool, "", async (tx) => {
        await tx`select 1`;
        throw new Error("the body failed");
      }),
    ).rejects.toThrow("the body failed");
    const inner = await beginOnReservedConnection(pool, "", async (tx) => {
      const outer = await tx`select txid_current() as id`;
      const failed = await (
        tx as unknown as { savepoint: (body: (s: postgres.Sql) => Promise<unknown>) => Promise<unknown> }
      )
        .savepoint(async (s) => s`select 1 / 0`)
        .catch((error: { code?: string }) => error.code);
      const [after] = await tx`select txid_current() as id`; // the transaction goes on after its savepoint's rollback
      return { failed, same: after?.id === outer[0]?.id };
    });
    expect(inner).toEqual({ failed: "22012", same: true }); // division_by_zero, then the same transaction
    await expect(
      beginOnReservedConnection(pool, "", async (tx) => {
        tx`select 1 / 0`.execute().catch(() => {}); // not awaited by the body
        await new Promise((resolve) => setTimeout(resolve, 50));
      }),
    ).rejects.toThrow(/rolled back/);
    await Promise.all(pending);
    expect(await idleInTransaction()).toBe(0);
  });

  it("the app's Drizzle client (connectPostgres) runs db.transaction that way at the default pipeline depth", async () => {
    const { client, db } = connectPostgres(url, { max: 2 });
    pools.push(client);
    // Fill both connections' pipelines (100 statements each by default) so the transaction's BEGIN would be the last.
    await Promise.all([db.execute(drizzleSql`select 1`), db.execute(drizzleSql`select 1`)]);
    const run = (statement: string) => db.execute(drizzleSql.raw(statement)).then((rows) => rows); // then() starts it
    const pending = [run("select pg_sleep(0.15)"), run("select pg_sleep(0.15)")];
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (let i = 0; i < 198; i++) pending.push(run(`select ${i} as i`)); // no parameter: pipelined
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ids = await db.transaction(async (tx) => {
      const first = (await tx.execute(drizzleSql`select txid_current()::text as id`)) as unknown as Array<{
        id: string;
      }>;
      const second = (await tx.execute(drizzleSql`select txid_current()::text as id`)) as unknown as Array<{
        id: string;
      }>;
      return [first[0]?.id, second[0]?.id];
    });
    expect(ids[1]).toBe(ids[0]);
    await Promise.all(pending);
    expect(await idleInTransaction()).toBe(0);
  });
});
