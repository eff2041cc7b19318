"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { actionErrorState, userAction } from "@/lib/auth/action";
import type { ActionState } from "@/lib/auth/action-state";
import { rememberChosenTenant } from "@/lib/tenancy/session-tenant";
import { acceptInvitation, declineInvitation } from "@/lib/teams/invitation-response";

const tokenSchema = z.object({ token: z.string().min(1).max(100) });

/** The signed-in invitee joins the team, which becomes the tenant they act in. */
export const acceptInvitationAction = userAction(tokenSchema, async ({ db, user, input }) => {
  const { tenantId } = await acceptInvitation(db, { token: input.token, user: { id: user.id, email: user.email } });
  await rememberChosenTenant(tenantId);
  return { redirectTo: "/account/team?joined=1" };
});

/** Declining needs no account: holding the emailed link is enough. */
export async function declineInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { token } = tokenSchema.parse({ token: formData.get("token") });
    await declineInvitation(await getDb(), { token });
  } catch (error) {
    return actionErrorState(error);
  }
  return { status: "ok", message: "You declined the invitation." };
}
