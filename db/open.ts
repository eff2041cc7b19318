import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migratePgliteDb, migratePostgresDb } from "./migrate";
import { claimPgliteDir } from "./pglite-lock";
import * as schema from "./schema";
import { seedDatabase } from "./seed";
import type { Db } from "./types";

export type OpenDatabase = {
  db: Db;
  driver: "postgres" | "pglite";
  /** Applies the committed migrations (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

/** Where PGlite keeps its files when DATABASE_URL is unset. Tests point PGLITE_DIR at a fresh directory. */
function pgliteDir(): string {
  // The directory is only known at run time; tell Turbopack not to trace the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

export async function openDatabase(options: { autoMigrateAndSeed: boolean }): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema });
    return {
      db: db as unknown as Db,
      driver: "postgres",
      migrate: () => migratePostgresDb(db),
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dir = pgliteDir();
  mkdirSync(dir, { recursive: true });
  const release = claimPgliteDir(dir);
  const client = new PGlite(dir);
  const pglite = drizzlePglite(client, { schema });
  if (options.autoMigrateAndSeed) {
    await migratePgliteDb(pglite);
    await seedDatabase(pglite as unknown as Db, { onlyIfEmpty: true });
  }
  return {
    db: pglite as unknown as Db,
    driver: "pglite",
    migrate: () => migratePgliteDb(pglite),
    close: async () => {
      await client.close();
      release();
    },
  };
}
