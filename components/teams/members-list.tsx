"use client";

import { useActionState } from "react";
import { formatDate } from "@/components/account/format";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import type { TenantRole } from "@/db/schema";
import { IDLE } from "@/lib/auth/action-state";
import type { TeamOverview } from "@/lib/teams/overview";
import { ActionMessage, SubmitButton } from "./action-form";
import type { TeamActions } from "./team-actions";

const ROLE_LABEL: Record<TenantRole, string> = { owner: "Owner", admin: "Admin", member: "Member" };

/** Which roles the viewer may pick for a member (the server checks the same rules, lib/teams/roles.ts). */
function roleChoices(viewer: TenantRole, target: TenantRole): TenantRole[] {
  if (viewer === "owner") return ["owner", "admin", "member"];
  if (viewer === "admin" && target !== "owner") return ["admin", "member"];
  return [];
}

/**
 * The team's members in seat order, with role changes and Remove for owners and admins. The outcome of each kind of
 * action is shown above the table: a removed member's row is gone by the time the answer arrives.
 */
export function MembersList({ overview, actions }: { overview: TeamOverview; actions: TeamActions }) {
  const [removed, remove] = useActionState(actions.removeMember, IDLE);
  const [roled, changeRole] = useActionState(actions.changeRole, IDLE);
  const [left, leave] = useActionState(actions.leave, IDLE);
  const tenant = <input type="hidden" name="tenantId" value={overview.team.id} />;
  return (
    <section aria-labelledby="members-title" className="flex flex-col gap-3">
      <h2 id="members-title" className="text-lg font-semibold text-ink">
        Members
      </h2>
      <ActionMessage state={removed} />
      <ActionMessage state={roled} />
      <ActionMessage state={left} />
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line text-xs text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                Member
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Role
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Joined
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Seat
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {overview.members.map((m) => {
              const label = m.name ?? m.email;
              const choices = overview.canManage && !m.isYou ? roleChoices(overview.role, m.role) : [];
              const removable = overview.canManage && !m.isYou && (m.role !== "owner" || overview.role === "owner");
              return (
                <tr key={m.userId} aria-label={label}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-ink">
                      {label} {m.isYou ? <Badge>You</Badge> : null}
                    </p>
                    <p className="text-xs text-ink-muted">{m.email}</p>
                  </td>
                  <td className="px-4 py-3">
                    {choices.length > 0 ? (
                      <form action={changeRole} aria-label={`Role of ${label}`} className="flex items-center gap-2">
                        {tenant}
                        <input type="hidden" name="userId" value={m.userId} />
                        <Select
                          name="role"
                          defaultValue={m.role}
                          aria-label={`Role of ${label}`}
                          wrapperClassName="w-32"
                        >
                          {choices.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABEL[r]}
                            </option>
                          ))}
                        </Select>
                        <SubmitButton size="sm" variant="secondary" aria-label={`Save role of ${label}`}>
                          Save
                        </SubmitButton>
                      </form>
                    ) : (
                      ROLE_LABEL[m.role]
                    )}
                  </td>
                  <td className="px-4 py-3 text-ink-muted">{formatDate(m.joinedAt)}</td>
                  <td className="px-4 py-3">
                    {m.seated ? <Badge variant="success">Seat</Badge> : <Badge variant="warning">No seat</Badge>}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {removable ? (
                      <form action={remove} aria-label={`Remove ${label}`}>
                        {tenant}
                        <input type="hidden" name="userId" value={m.userId} />
                        <SubmitButton size="sm" variant="danger" aria-label={`Remove ${label}`}>
                          Remove
                        </SubmitButton>
                      </form>
                    ) : null}
                    {m.isYou ? (
                      <form action={leave} aria-label="Leave team">
                        {tenant}
                        <SubmitButton size="sm" variant="ghost">
                          Leave team
                        </SubmitButton>
                      </form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
