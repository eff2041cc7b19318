import { sql, type SQL } from "drizzle-orm";

/**
 * SQL: whether the membership row `member` holds a seat of the subscription row `subscription` (aliases or table
 * names in the enclosing query). A team's seats go to its first `quantity` members by join date (then user id, so
 * two members who joined in the same microsecond still rank apart); the rest have none. A personal tenant has one
 * member and one seat. Both entitlement queries (listSubscriptionsForUser and the copy path's loadCopyContext) use
 * this one expression, so they cannot disagree on who holds a seat.
 */
export function holdsSeatSql(member: string, subscription: string): SQL {
  return sql.raw(
    `((select count(*) from tenant_members seat_rank where seat_rank.tenant_id = ${member}.tenant_id` +
      ` and (seat_rank.created_at, seat_rank.user_id) <= (${member}.created_at, ${member}.user_id))` +
      ` <= ${subscription}.quantity)`,
  );
}
