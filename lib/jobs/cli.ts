// npm run worker: runs the background jobs (lib/jobs/registry.ts) against DATABASE_URL until SIGINT or SIGTERM,
// then lets running jobs finish (up to 30 s). Any number of workers and app servers can share one database.
// On PGlite the app server runs the jobs itself (only one process can open PGlite), so this refuses.
import { openDatabase, type OpenDatabase } from "@/db/open";
import { getMigrationStatus } from "@/db/migrate";
import { env } from "@/lib/env";
import { startJobs, type JobRuntime } from "./runtime";

async function main(): Promise<number> {
  if (!env().DATABASE_URL) {
    console.error(
      "worker: DATABASE_URL is not set. On PGlite the jobs run inside the app server (`npm run dev`, `npm start`).",
    );
    return 2;
  }
  let database: OpenDatabase | undefined;
  let runtime: JobRuntime | undefined;
  try {
    database = await openDatabase({ autoMigrateAndSeed: false });
    const status = await getMigrationStatus(database.db).catch(() => null);
    if (!status || status.applied < status.expected) {
      throw new Error("the database is not migrated: run `npm run db:migrate` first.");
    }
    runtime = await startJobs(database.db, { workers: true });
  } catch (error) {
    console.error(`worker: ${(error as Error)?.message ?? String(error)}`);
    await database?.close();
    return 1;
  }

  // pg-boss completes a finished job without awaiting it: a database blip must not end the worker.
  process.on("unhandledRejection", (reason) =>
    console.error(JSON.stringify({ level: "error", msg: "unhandled rejection in worker", error: String(reason) })),
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  console.log(JSON.stringify({ level: "info", msg: "worker stopping", signal }));
  await runtime.stop();
  await database.close();
  return 0;
}

process.exitCode = await main();
