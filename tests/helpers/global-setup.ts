// Vitest globalSetup: migrates the test database once per run instead of once per test file.
// PostgreSQL (DATABASE_URL): migrated here; createTestDb() only empties the tables.
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
    project.provide("postgresMigrated", true);
    project.provide("pgliteSnapshot", null);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "flowtab-vitest-"));
  const file = path.join(dir, "migrated.tar");
  project.provide("pgliteSnapshot", file);
  project.provide("postgresMigrated", false);
  return () => rmSync(dir, { recursive: true, force: true });
}
