import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AdminUserResult } from "@/lib/admin/user-search";
import { formatDateTime, formatUsdCents, humanize } from "./format";
import { StatusBadge } from "./status-badge";

/** One card per user found: tenants, plan, copies, flows and payouts. */
export function UserResults({ users }: { users: AdminUserResult[] }) {
  return (
    <ul className="flex flex-col gap-4">
      {users.map((u) => (
        <li key={u.id} className="rounded-xl border border-line bg-surface p-4" data-testid={`user-${u.email}`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium text-ink">{u.email}</h3>
            {u.name ? <span className="text-sm text-ink-muted">{u.name}</span> : null}
            {u.isAdmin ? <Badge variant="premium">Admin</Badge> : null}
            <Badge variant={u.plan.premiumAccess ? "success" : "neutral"}>{u.plan.name}</Badge>
            {u.plan.status ? <StatusBadge status={u.plan.status} /> : null}
          </div>
          <p className="mt-1 text-xs text-ink-subtle">
            Joined {formatDateTime(u.createdAt)}
            {u.trialUsedAt ? ` · trial started ${formatDateTime(u.trialUsedAt)}` : " · trial not used"}
            {u.handle ? (
              <>
                {" · "}
                <Link href={`/creators/${u.handle}`} className="hover:underline">
                  @{u.handle}
                </Link>
              </>
            ) : null}
          </p>
          <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-xs text-ink-subtle uppercase">Tenants</dt>
              <dd>
                <ul>
                  {u.tenants.map((t) => (
                    <li key={t.tenantId} className="text-ink">
                      {t.name}{" "}
                      <span className="text-xs text-ink-muted">
                        ({t.kind}, {t.role})
                      </span>
                      {t.subscriptionStatus ? (
                        <span className="text-xs text-ink-muted">
                          {" "}
                          · {humanize(t.subscriptionStatus)}
                          {t.kind === "team" ? `, ${t.seats ?? 0} seats, ${t.members} members` : ""}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-subtle uppercase">Copies</dt>
              <dd className="text-ink tabular-nums">
                {u.copies.total} in all · {u.copies.thisMonth} this month · {u.copies.qualifying} qualifying
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-subtle uppercase">Flows</dt>
              <dd className="text-ink tabular-nums">
                {u.flows.published} published · {u.flows.drafts} drafts · {u.flows.unpublished} unpublished
              </dd>
            </div>
            <div>
              <dt className="text-xs text-ink-subtle uppercase">Payouts</dt>
              <dd className="text-ink">
                {u.payouts.count === 0 ? (
                  "None"
                ) : (
                  <>
                    {u.payouts.count} · {formatUsdCents(u.payouts.paidCents)} paid
                    <ul className="text-xs text-ink-muted">
                      {u.payouts.recent.map((p) => (
                        <li key={p.id}>
                          {p.month}: {formatUsdCents(p.amountCents)} {humanize(p.status)}
                          {p.needsAdmin ? " (needs admin)" : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
