// Vitest globalSetup: migrates the test database once per run instead of once per test file.
// PostgreSQL (DATABASE_URL): migrated here, then cloned into one database per worker (worker-databases.ts);
// createTestDb() only empties the tables.
// PGlite: the first test file that needs a database migrates one and dumps it to a file of this run (so a run of
// unit or sandbox tests alone pays nothing); every later file starts its own PGlite from that dump, which skips both
// initdb and the migrations.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migratePostgresDb } from "../../db/migrate";
import * as schema from "../../db/schema";
import { VITEST_WORKERS, workerDatabaseName } from "./worker-databases";

const templateName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the migrated PGlite data directory is (or will be) kept as a tar file; null on PostgreSQL. */
    pgliteSnapshot: string | null;
    /** True once the PostgreSQL at DATABASE_URL has every committed migration. */
    postgresMigrated: boolean;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await migratePostgresDb(drizzlePostgres(client, { schema }));
    } finally {
      await client.end({ timeout: 5 });
    }
    // One database per worker, cloned from the migrated one (which must have no connection while it is copied).
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const recreate = async () => {
      for (let id = 1; id <= VITEST_WORKERS; id++) {
        const name = admin(workerDatabaseName(url, id));
        await admin`drop database if exists ${name} with (force)`;
        await admin`create database ${name} template ${admin(templateName(url))}`;
      }
    };
    const drop = async () => {
      for (let id = 1; id <= VITEST_WORKERS; id++) {
        await admin`drop database if exists ${admin(workerDatabaseName(url, id))} with (force)`;
      }
    };
    await recreate();
    project.provide("postgresMigrated", true);
    project.provide("pgliteSnapshot", null);
    return async () => {
      try {
        await drop();
      } finally {
        await admin.end({ timeout: 5 });
      }
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "flowtab-vitest-"));
  const file = path.join(dir, "migrated.tar");
  project.provide("pgliteSnapshot", file);
  project.provide("postgresMigrated", false);
  return () => rmSync(dir, { recursive: true, force: true });
}
