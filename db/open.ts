import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migratePgliteDb, migratePostgresDb } from "./migrate";
import { claimPgliteDir } from "./pglite-lock";
import * as schema from "./schema";
import { DemoSeedRefused, seedDatabase } from "./seed";
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

/**
 * DATABASE_PREPARE=false turns named prepared statements off, for a connection pooler in transaction mode
 * (PgBouncer, Supavisor), where consecutive statements may reach different server connections. Default true.
 */
function preparedStatementsEnabled(): boolean {
  const value = (process.env.DATABASE_PREPARE ?? "true").trim().toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new Error(`DATABASE_PREPARE must be true or false, not "${process.env.DATABASE_PREPARE}"`);
}

/**
 * postgres.js sends a statement that is not prepared and has parameters in two round trips (Parse and Describe to
 * learn the parameter types, then Bind and Execute), parsing and planning it every time; Drizzle sends its own
 * statements that way. Through this wrapper every statement with parameters is a named prepared statement: one
 * round trip once a connection has seen it, parsed once per connection. It covers the pool and the connections
 * of transactions and savepoints. With DATABASE_PREPARE=false the client's `prepare: false` overrides it (and every
 * other prepare request), so nothing is prepared.
 */
function preparingByDefault(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "unsafe") {
        return (...args: unknown[]) => {
          const [query, params, options] = args as [string, unknown, Record<string, unknown> | undefined];
          if (!Array.isArray(params) || params.length === 0) return value.apply(target, args);
          return value.call(target, query, params, { ...options, prepare: true });
        };
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.Sql) => unknown;
          return value.call(target, ...args, (tx: postgres.Sql) => body(preparingByDefault(tx)));
        };
      }
      return value;
    },
  });
}

/** A postgres.js pool and Drizzle on it, with the app's driver settings (tests and benchmarks use it too). */
export function connectPostgres(url: string, options: { max: number }) {
  const client = postgres(url, { max: options.max, prepare: preparedStatementsEnabled(), onnotice: () => {} });
  return { client, db: drizzlePostgres(preparingByDefault(client), { schema }) };
}

export async function openDatabase(options: { autoMigrateAndSeed: boolean }): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { client, db } = connectPostgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
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
    try {
      await seedDatabase(pglite as unknown as Db, { onlyIfEmpty: true });
    } catch (error) {
      // `npm start` without DATABASE_URL, or a directory with real sign-ups: run without demo data.
      if (!(error instanceof DemoSeedRefused)) throw error;
      console.warn(JSON.stringify({ level: "warn", msg: "demo data not seeded", reason: error.message }));
    }
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
