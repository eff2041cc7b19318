// A scratch database for the benchmarks: created on the PostgreSQL server that BENCH_DATABASE_URL (or else
// DATABASE_URL) points at, never inside that URL's own database, so no benchmark row ever reaches a real
// catalogue. It is migrated on creation and dropped (with its connections) by drop(). (It imports no app module
// marked server-only: the e2e specs that start app instances on a scratch database load it too.)
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migratePostgresDb } from "@/db/migrate";
import * as schema from "@/db/schema";

export type ScratchDatabase = {
  name: string;
  url: string;
  /** The server's version and the settings that decide write throughput, for the report. */
  server: { version: string; fsync: string; synchronousCommit: string; maxConnections: number };
  drop: () => Promise<void>;
};

export function benchServerUrl(script: string): string {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error(
      `${script} needs BENCH_DATABASE_URL or DATABASE_URL: a PostgreSQL server where it may create a scratch database ` +
        "(it never writes into that URL's own database). Start one with: scripts/pg-throwaway.sh start /tmp/pg-bench 54329",
    );
    process.exit(1);
  }
  return url;
}

/** Creates `flowtab_scratch_<kind>_<id>` next to the server URL's database and applies the migrations. */
export async function createScratchDatabase(serverUrl: string, kind: string): Promise<ScratchDatabase> {
  const name = `flowtab_scratch_${kind}_${Date.now().toString(36)}${process.pid.toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const [info] = await admin<{ version: string; fsync: string; sc: string; mc: string }[]>`
    select current_setting('server_version') as version, current_setting('fsync') as fsync,
           current_setting('synchronous_commit') as sc, current_setting('max_connections') as mc`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await migratePostgresDb(drizzle(client, { schema }));
  } finally {
    await client.end({ timeout: 5 });
  }
  let dropped = false;
  return {
    name,
    url: url.toString(),
    server: {
      version: info!.version,
      fsync: info!.fsync,
      synchronousCommit: info!.sc,
      maxConnections: Number(info!.mc),
    },
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
