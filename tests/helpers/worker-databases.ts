// Vitest runs test files in VITEST_WORKERS processes at once. On PostgreSQL each worker has a database of its own
// (`<DATABASE_URL's database>_w<N>`, cloned from the migrated one in tests/helpers/global-setup.ts), because test
// files empty and fill every table; PGlite gives every file an in-memory database of its own anyway.

/** Test files run at once (vitest.config.ts maxWorkers); the worker databases are made for ids 1..VITEST_WORKERS. */
export const VITEST_WORKERS = 2;

/** DATABASE_URL with its database name suffixed for worker `id`. */
export function workerDatabaseUrl(baseUrl: string, id: number): string {
  const url = new URL(baseUrl);
  url.pathname = `/${workerDatabaseName(baseUrl, id)}`;
  return url.toString();
}

export function workerDatabaseName(baseUrl: string, id: number): string {
  const name = decodeURIComponent(new URL(baseUrl).pathname.slice(1)) || "postgres";
  return `${name}_w${id}`;
}
