import type { TenantRole } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Owners and admins invite, remove and manage billing; members use a seat. */
export const MANAGER_ROLES: readonly TenantRole[] = ["owner", "admin"];

export function isManager(role: TenantRole): boolean {
  return MANAGER_ROLES.includes(role);
}

/**
 * Who may give `target` the role `next`: owners change any role; admins move people between member and admin but
 * never touch an owner or make one. The last owner is never demoted (`owners` counts the team's owners now).
 */
export function assertMayChangeRole(p: { actor: TenantRole; target: TenantRole; next: TenantRole; owners: number }) {
  if (p.actor !== "owner" && (p.target === "owner" || p.next === "owner")) {
    throw new AppError("forbidden", "Only an owner can make or change an owner.", { field: "role" });
  }
  if (p.target === "owner" && p.next !== "owner" && p.owners <= 1) {
    throw new AppError("conflict", "The team's last owner cannot be demoted. Make someone else an owner first.", {
      field: "role",
    });
  }
}

/** Admins remove members and admins; only an owner removes an owner; nobody removes the last owner. */
export function assertMayRemove(p: { actor: TenantRole; target: TenantRole; owners: number }) {
  if (p.target === "owner" && p.actor !== "owner") {
    throw new AppError("forbidden", "Only an owner can remove an owner.");
  }
  if (p.target === "owner" && p.owners <= 1) {
    throw new AppError("conflict", "The team's last owner cannot be removed.");
  }
}
