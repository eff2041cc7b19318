import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { copyJobs, createBenchFlows, createSubscribers, signIn } from "../../scripts/bench/http-world";
import { createScratchDatabase, type ScratchDatabase } from "../../scripts/bench/scratch-db";
import { copyFlow, freePort, startApp, type AppInstance, type CopyAnswer } from "./support/app-instances";

// PostgreSQL restarted under load (pg_ctl restart, fast shutdown: in-flight statements are cut, new connections are
// refused for a moment). Every copy request must answer 200 or 503 with Retry-After, never 500; the app must recover
// by itself; and every copy it acknowledged (200) must be in the database with its 7c credit. The database is a
// throwaway PostgreSQL 15 of this test's own (scripts/pg-throwaway.sh), since the test restarts it.

const PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl";
const PG_THROWAWAY = path.join(process.cwd(), "scripts", "pg-throwaway.sh");
const canRunPostgres = existsSync(PG_CTL) && (process.getuid?.() === 0 || process.env.USER === "postgres");
const CLIENTS = 8;

test.describe("a PostgreSQL restart under load", () => {
  test.skip(!canRunPostgres, `needs PostgreSQL 15 (${PG_CTL}) and root or the postgres user to run it`);

  let dir: string;
  let scratch: ScratchDatabase;
  let sql: postgres.Sql;
  let app: AppInstance;

  test.afterAll(async () => {
    await app?.stop();
    await sql?.end({ timeout: 5 });
    await scratch?.drop().catch(() => {});
    if (dir) {
      execFileSync(PG_THROWAWAY, ["stop", dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("answers 200 or 503 with Retry-After, recovers, and keeps every acknowledged copy with its credit", async () => {
    test.setTimeout(180_000);
    dir = mkdtempSync(path.join(tmpdir(), "flowtab-pg-restart-"));
    const url = execFileSync(PG_THROWAWAY, ["start", dir, String(await freePort())], {
      encoding: "utf8",
    }).trim();
    scratch = await createScratchDatabase(url, "restart");
    sql = postgres(scratch.url, { max: 2, onnotice: () => {} });
    const slugs = await createBenchFlows(sql, 200, 4);
    const subscribers = await createSubscribers(sql, "restart", CLIENTS);
    app = await startApp(scratch.url);
    const cookies = new Map<string, string>();
    for (const s of subscribers) cookies.set(s.id, await signIn(app.port, s.email));

    const jobs = copyJobs(subscribers, slugs);
    const answers: CopyAnswer[] = [];
    let restartedAt = Infinity;
    let restarting: Promise<void> | null = null;
    let okAfterRestart = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        // Load until the database has restarted and 50 more copies went through (or 90 s passed).
        while (okAfterRestart < 50 && Date.now() - started < 90_000) {
          const job = jobs.next();
          if (!job) break;
          const answer = await copyFlow(app, cookies.get(job.subscriber.id)!, job.slug).catch(() => null);
          answers.push(answer ?? { status: 0, retryAfter: null, body: null });
          if (answer?.status === 200 && Date.now() > restartedAt) okAfterRestart++;
          if (!restarting && answers.filter((a) => a.status === 200).length >= 100) {
            // Asynchronous, so the load goes on while PostgreSQL stops and starts.
            restarting = promisify(execFile)(PG_THROWAWAY, ["restart", dir]).then(() => {
              restartedAt = Date.now();
            });
          }
        }
      }),
    );
    await restarting;

    const statuses = answers.map((a) => a.status);
    expect(restartedAt, "the database was restarted under load").toBeLessThan(Infinity);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length, "requests answered 503 while the database restarted").toBeGreaterThan(0);
    expect(new Set(unavailable.map((a) => a.retryAfter))).toEqual(new Set(["2"]));
    expect(unavailable.map((a) => (a.body?.error as { code: string }).code)).toEqual(
      unavailable.map(() => "unavailable"),
    );
    expect(okAfterRestart, "copies succeed again once the database is back").toBeGreaterThanOrEqual(50);

    const acknowledged = answers
      .filter((a) => a.status === 200)
      .map((a) => a.body!.copy as { id: string; countedForPayout: boolean });
    expect(acknowledged.every((c) => c.countedForPayout)).toBe(true);
    const ids = acknowledged.map((c) => c.id);
    const [kept] = await sql<Array<{ copies: number; credits: number; cents: number }>>`
      select count(distinct e.id)::int as copies, count(c.id)::int as credits, coalesce(sum(c.amount_cents), 0)::int as cents
      from copy_events e left join creator_credits c on c.copy_event_id = e.id
      where e.id = any(${ids}::uuid[])`;
    expect(kept).toEqual({ copies: ids.length, credits: ids.length, cents: 7 * ids.length });
  });
});
