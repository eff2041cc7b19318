// Vitest setupFiles: runs in the worker before each test file. On PostgreSQL it points DATABASE_URL at this worker's
// own database (tests/helpers/worker-databases.ts), before the file's own code reads it.
import { VITEST_WORKERS, workerDatabaseUrl } from "./worker-databases";

const base = process.env.FLOWTAB_TEST_BASE_DATABASE_URL ?? process.env.DATABASE_URL;
if (base) {
  const id = Number(process.env.VITEST_POOL_ID ?? "1");
  if (!Number.isInteger(id) || id < 1 || id > VITEST_WORKERS) {
    throw new Error(`VITEST_POOL_ID ${process.env.VITEST_POOL_ID} has no database (workers 1..${VITEST_WORKERS})`);
  }
  process.env.FLOWTAB_TEST_BASE_DATABASE_URL = base;
  process.env.DATABASE_URL = workerDatabaseUrl(base, id);
}
