import { sql } from "drizzle-orm";
import type { Tx } from "../types";
import { addDays } from "./time";

/** Copies in this window count toward flows.recent_copy_count (the "popular" sort). */
const RECENT_COPY_DAYS = 30;

/**
 * Recomputes the denormalised counters of the given flows from their rows. Each UPDATE only touches rows whose value
 * differs, so a second seed run writes nothing. `now` is the seed's anchor, so the 30-day window is the same too.
 */
export async function recomputeFlowCounters(tx: Tx, flowIds: readonly string[], now: Date): Promise<void> {
  if (flowIds.length === 0) return;
  // A text array literal works the same on postgres.js and PGlite (UUIDs need no quoting).
  const ids = sql`(select unnest(${`{${flowIds.join(",")}}`}::uuid[]))`;
  const recentFrom = addDays(now, -RECENT_COPY_DAYS).toISOString();

  await tx.execute(sql`
    insert into flow_copy_days (flow_id, day, copies)
    select flow_id, (created_at at time zone 'UTC')::date, count(*)::int
    from copy_events where flow_id in ${ids}
    group by 1, 2
    on conflict (flow_id, day) do update set copies = excluded.copies
    where flow_copy_days.copies <> excluded.copies`);
  await tx.execute(sql`
    delete from flow_copy_days d
    where d.flow_id in ${ids}
      and not exists (
        select 1 from copy_events c
        where c.flow_id = d.flow_id and (c.created_at at time zone 'UTC')::date = d.day)`);

  await tx.execute(sql`
    update flows f set copy_count = a.total, recent_copy_count = a.recent
    from (
      select f2.id,
             count(c.id)::int as total,
             (count(c.id) filter (where c.created_at >= ${recentFrom}::timestamptz))::int as recent
      from flows f2 left join copy_events c on c.flow_id = f2.id
      where f2.id in ${ids}
      group by f2.id
    ) a
    where f.id = a.id and (f.copy_count <> a.total or f.recent_copy_count <> a.recent)`);
  await tx.execute(sql`
    update flows f set like_count = a.n
    from (
      select f2.id, count(l.user_id)::int as n
      from flows f2 left join likes l on l.flow_id = f2.id
      where f2.id in ${ids}
      group by f2.id
    ) a
    where f.id = a.id and f.like_count <> a.n`);
  await tx.execute(sql`
    update flows f set save_count = a.n
    from (
      select f2.id, count(s.user_id)::int as n
      from flows f2 left join saves s on s.flow_id = f2.id
      where f2.id in ${ids}
      group by f2.id
    ) a
    where f.id = a.id and f.save_count <> a.n`);
}
