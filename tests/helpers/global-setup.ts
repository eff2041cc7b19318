// Vitest globalSetup: migrates the test database once per run instead of once per test file.
// PostgreSQL (DATABASE_URL): migrated here; createTestDb() only empties the tables.
// PGlite: one in-memory database is migrated here and dumped to a file; each test file starts its own PGlite from
// that dump, which skips both initdb and the migrations.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migratePgliteDb, migratePostgresDb } from "../../db/migrate";
import * as schema from "../../db/schema";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite data directory as a tar file, or null on PostgreSQL. */
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
  const pglite = new PGlite();
  await migratePgliteDb(drizzlePglite(pglite, { schema }));
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const dir = mkdtempSync(path.join(tmpdir(), "flowtab-vitest-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  project.provide("postgresMigrated", false);
  return () => rmSync(dir, { recursive: true, force: true });
}
