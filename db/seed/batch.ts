/** Rows per INSERT: few round trips on PGlite, far below PostgreSQL's 65,535-parameter limit. */
const BATCH_SIZE = 500;

export function chunks<T>(rows: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Looks a key up in a map of ids read back from the database, failing loudly instead of writing a null. */
export function must<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed: no ${what} for ${String(key)}`);
  return value;
}
