import "server-only";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { hasJobRuntime, startJobs } from "./runtime";

/**
 * The app server's jobs (instrumentation.ts). The workers run inside it unless RUN_JOBS_IN_PROCESS=0, which is for
 * deployments that run `npm run worker` beside it; on PGlite they always do, since no other process can open it.
 */
export async function startJobsInAppServer(db: Db, driver: "postgres" | "pglite"): Promise<void> {
  if (hasJobRuntime()) return; // a dev server that registers twice
  const optedOut = env().RUN_JOBS_IN_PROCESS === "0";
  if (optedOut && driver === "pglite") {
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "RUN_JOBS_IN_PROCESS=0 is ignored on PGlite: only this process can open the database, so it runs the jobs",
      }),
    );
  }
  await startJobs(db, { workers: driver === "pglite" || !optedOut });
}
