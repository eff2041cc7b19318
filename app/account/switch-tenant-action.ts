"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/auth/action";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { AppError } from "@/lib/errors";
import { resolveActiveTenantId } from "@/lib/tenancy/active-tenant";
import { rememberChosenTenant } from "@/lib/tenancy/session-tenant";

const switchSchema = z.object({ tenantId: z.uuid(), from: z.string().optional() });

/** The header's switcher: act in another of the user's tenants (checked against their memberships). */
export const switchTenantAction = userAction(switchSchema, async ({ db, user, input }) => {
  if (!(await resolveActiveTenantId(db, { userId: user.id, requested: input.tenantId }))) {
    throw new AppError("not_found", "Team not found.");
  }
  await rememberChosenTenant(input.tenantId);
  revalidatePath("/", "layout");
  return { redirectTo: safeRedirectPath(input.from, "/account") };
});
