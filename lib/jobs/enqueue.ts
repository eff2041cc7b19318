import "server-only";
import PgBoss from "pg-boss";
import type { Executor } from "@/db/types";
import { executorBossDb } from "./adapters";
import { JOB_SCHEMA, type QueueName } from "./queues";

// Used only to build pg-boss's insert; every send passes the caller's transaction as its `db`.
let producer: PgBoss | undefined;

function getProducer(): PgBoss {
  producer ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: {
      executeSql: () => Promise.reject(new Error("The job producer only inserts through the caller's transaction.")),
    },
  });
  return producer;
}

/**
 * Adds a job in the caller's transaction: it exists if and only if the transaction commits, and a worker can
 * pick it up the moment it does. The queue's own settings (retries, backoff, expiry) apply. Throws when the queue
 * does not exist (the process never installed the job tables: see startJobs / installJobQueues), which rolls the
 * caller back rather than leaving work nobody will do.
 */
export async function enqueueJob(tx: Executor, queue: QueueName, data: object): Promise<string> {
  const id = await getProducer().send(queue, data, { db: executorBossDb(tx) });
  if (!id) throw new Error(`The job queue "${queue}" does not exist: start the app or \`npm run worker\` once.`);
  return id;
}
