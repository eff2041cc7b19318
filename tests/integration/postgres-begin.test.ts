// postgres.js's sql.begin under load (patches/postgres+3.4.9.patch). Unpatched, 3.4.9 writes a transaction's BEGIN
// without reserving its connection when that BEGIN is the statement that fills a busy connection's pipeline: the
// transaction fails with UNSAFE_TRANSACTION, and the server session stays inside it while the pool hands the
// connection to other requests (their statements then run in a transaction nobody commits). Each case fills both
// connections of a pool of two and then begins a transaction, the situation in which that happened. The patch also
// makes a statement on a reserved connection whose server session died fail instead of hanging (the second describe;
// its first case passes unpatched too and guards sql.begin's own handling of a lost connection).
import { sql as drizzleSql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { connectPostgres } from "@/db/open";
import { noticeSkippedWithoutPostgres, onPostgres } from "../helpers/db";

noticeSkippedWithoutPostgres("postgres.js transactions under load");
const url = process.env.DATABASE_URL!;
/** A pool of two with a pipeline of one statement (`max_pipeline` is a postgres.js option its typings omit). */
const pipelineOfOne = { max: 2, max_pipeline: 1, onnotice: () => {} };
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sessions of this database left inside a transaction with nothing running (other than the asking one). */
async function idleInTransaction(): Promise<number> {
  await tick(30);
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

describe.skipIf(!onPostgres)("a transaction begun while every pooled connection is busy", () => {
  const pools: postgres.Sql[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end({ timeout: 5 })));
  });

  it("gets a connection of its own when its BEGIN fills a connection's pipeline, and commits", async () => {
    // A BEGIN sent behind a running statement is the one that fills a pipeline of one.
    const pool = postgres(url, pipelineOfOne);
    pools.push(pool);
    await Promise.all([pool`select 1`.execute(), pool`select 1`.execute()]);
    const busy = [pool`select pg_sleep(0.15)`.execute(), pool`select pg_sleep(0.15)`.execute()];
    await tick(20); // postgres.js dispatches a statement a tick after it is made
    const ids = await pool.begin(async (tx) => {
      const [first] = await tx`select txid_current()::text as id`;
      const [second] = await tx`select txid_current()::text as id`;
      return [first?.id, second?.id];
    });
    expect(ids[0]).toMatch(/^\d+$/);
    expect(ids[1]).toBe(ids[0]); // both statements in one transaction
    await Promise.all(busy);
    expect(await idleInTransaction()).toBe(0);
  });

  it("the app's client (connectPostgres): db.transaction behind 100 pipelined statements per connection", async () => {
    const { client, db } = connectPostgres(url, { max: 2 });
    pools.push(client);
    const run = (statement: string) => db.execute(drizzleSql.raw(statement)).then((rows) => rows); // then() starts it
    await Promise.all([run("select 1"), run("select 1")]);
    const pending = [run("select pg_sleep(0.15)"), run("select pg_sleep(0.15)")];
    await tick(10);
    // Statements without parameters are pipelined (100 per connection by default): the BEGIN comes last.
    for (let i = 0; i < 198; i++) pending.push(run(`select ${i} as i`));
    await tick(20);
    const ids = await db.transaction(async (tx) => {
      const first = (await tx.execute(drizzleSql`select txid_current()::text as id`)) as unknown as { id: string }[];
      const second = (await tx.execute(drizzleSql`select txid_current()::text as id`)) as unknown as { id: string }[];
      return [first[0]?.id, second[0]?.id];
    });
    expect(ids[0]).toMatch(/^\d+$/);
    expect(ids[1]).toBe(ids[0]);
    await Promise.all(pending);
    expect(await idleInTransaction()).toBe(0);
  });

  it("a failed transaction under the same load rolls back and leaves its connection clean", async () => {
    const pool = postgres(url, pipelineOfOne);
    pools.push(pool);
    await Promise.all([pool`select 1`.execute(), pool`select 1`.execute()]);
    const busy = [pool`select pg_sleep(0.15)`.execute(), pool`select pg_sleep(0.15)`.execute()];
    await tick(20);
    await expect(
      pool.begin(async (tx) => {
        await tx`select 1`;
        await tx`select 1 / 0`;
      }),
    ).rejects.toMatchObject({ code: "22012" }); // division_by_zero
    await Promise.all(busy);
    expect(await idleInTransaction()).toBe(0);
    // Every pooled connection answers again (one left inside the failed transaction would refuse with 25P02).
    const rows = await Promise.all(Array.from({ length: 6 }, () => pool`select txid_current_if_assigned() as xid`));
    expect(rows.map(([row]) => row?.xid)).toEqual(Array(6).fill(null));
  });
});

/** Within 3 s, or "hung". */
const settleWithin = <T>(promise: Promise<T>) =>
  Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: { code?: string }) => ({ error: error.code }),
    ),
    tick(3_000).then(() => "hung" as const),
  ]);

describe.skipIf(!onPostgres)("a connection whose server session is killed (a database restart)", () => {
  const pools: postgres.Sql[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end({ timeout: 5 })));
  });
  const killer = () => {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    pools.push(admin);
    return async (pid: number) => {
      await admin`select pg_terminate_backend(${pid})`;
      await tick(200);
    };
  };
  const answers = (pool: postgres.Sql) =>
    settleWithin(Promise.all(Array.from({ length: 6 }, async () => (await pool`select 1 as one`)[0]?.one)));

  it("a transaction fails with CONNECTION_CLOSED, and the pool answers afterwards", async () => {
    const pool = postgres(url, { max: 3, onnotice: () => {} });
    pools.push(pool);
    const kill = killer();
    const outcome = await settleWithin(
      pool.begin(async (tx) => {
        const [row] = await tx`select pg_backend_pid() as pid`;
        await kill(row?.pid as number);
        await tx`select 1`;
      }),
    );
    expect(outcome).toEqual({ error: "CONNECTION_CLOSED" });
    expect(await answers(pool)).toEqual({ value: [1, 1, 1, 1, 1, 1] });
  });

  it("a reserved connection (the payout lock's): its next statement fails instead of hanging; released, the pool goes on", async () => {
    const pool = postgres(url, { max: 3, onnotice: () => {} });
    pools.push(pool);
    const kill = killer();
    const reserved = await pool.reserve();
    const [row] = await reserved`select pg_backend_pid() as pid`;
    await kill(row?.pid as number);
    expect(await settleWithin(reserved`select pg_advisory_unlock(1)`.execute())).toEqual({
      error: "CONNECTION_CLOSED",
    });
    reserved.release();
    expect(await answers(pool)).toEqual({ value: [1, 1, 1, 1, 1, 1] });
  });
});
