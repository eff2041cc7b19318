import { sql } from "drizzle-orm";
import { queryRows } from "@/db/rows";
import type { Db } from "@/db/types";
import { JOB_SCHEMA } from "@/lib/jobs/queues";

/**
 * Empties every table of the public schema (keeps the schema), and the job tables (jobs, not queues or schedules)
 * when they exist. Used by Vitest files and the e2e database reset.
 */
export async function truncateAll(db: Db) {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
        where schemaname = 'public' or (schemaname = ${JOB_SCHEMA} and tablename in ('job', 'archive'))`,
  );
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(", ")} restart identity cascade`));
}
