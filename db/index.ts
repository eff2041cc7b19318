import "server-only";
import { openDatabase, type OpenDatabase } from "./open";
import type { Db } from "./types";

export type { Db } from "./types";

// One database per process, kept on globalThis so Next's separate bundles (middleware, routes, pages)
// and dev hot reloads share it: two PGlite instances on one directory would silently lose writes.
const KEY = Symbol.for("flowtab.db");
type Holder = { [KEY]?: Promise<OpenDatabase> };

/**
 * The application database: postgres.js when DATABASE_URL is set, otherwise PGlite in `.data/`
 * (migrated and seeded on first open, inside this process).
 */
export async function getDb(): Promise<Db> {
  return (await openOnce()).db;
}

/** Which driver the process uses, for /api/health. */
export async function getDbDriver(): Promise<"postgres" | "pglite"> {
  return (await openOnce()).driver;
}

function openOnce(): Promise<OpenDatabase> {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDatabase({ autoMigrateAndSeed: true }).catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
