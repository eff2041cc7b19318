import "server-only";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { getDb } from "@/db";
import type { TenantRole } from "@/db/schema";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";
import { getMembershipOrThrow } from "@/lib/teams/loaders";
import type { ActionState, FormAction } from "./action-state";
import { requireSessionUser, type SessionUser } from "./session";

/** What an action body returns: a message to show, or a URL to go to (Stripe, another page). */
export type ActionOutcome = { message?: string; redirectTo?: string } | undefined;

type Context<Input> = { db: Db; user: SessionUser; input: Input };
type TeamContext<Input> = Context<Input> & { role: TenantRole };

/** The fields of a submitted form, without Next's own `$ACTION_*` entries; a field sent twice becomes a list. */
function formFields(formData: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const previous = fields[key];
    fields[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return fields;
}

function typedValues(fields: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** Turns anything thrown by an action into what the form shows: typed errors say why, others never leak details. */
export function actionErrorState(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof AppError) {
    return {
      status: "error",
      message: error.message,
      fieldErrors: error.field ? { [error.field]: error.message } : undefined,
      reason: typeof error.details?.reason === "string" ? error.details.reason : undefined,
      values,
    };
  }
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { status: "error", message: error.issues[0]?.message ?? "Check the form.", fieldErrors, values };
  }
  console.error(
    JSON.stringify({
      level: "error",
      msg: "server action failed",
      error: String(error),
      stack: (error as Error)?.stack,
    }),
  );
  return { status: "error", message: "Something went wrong on our side. Please try again.", values };
}

/**
 * The one builder for signed-in server actions: authenticates (from the session, never the form), parses the form
 * with `schema`, runs the body, and turns errors into a safe ActionState. A `redirectTo` outcome redirects after
 * everything else, outside the error handling (Next's redirect travels as a thrown value).
 */
export function userAction<S extends z.ZodType>(
  schema: S,
  run: (ctx: Context<z.output<S>>) => Promise<ActionOutcome>,
): FormAction {
  return async (_prev, formData) => {
    const fields = formFields(formData);
    const values = typedValues(fields);
    let outcome: ActionOutcome;
    try {
      const user = await requireSessionUser();
      const input = schema.parse(fields);
      outcome = await run({ db: await getDb(), user, input });
    } catch (error) {
      return actionErrorState(error, values);
    }
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return { status: "ok", message: outcome?.message };
  };
}

/**
 * userAction for one tenant's resources: the form names the tenant (`tenantId`), and the signed-in user's role
 * there is checked on the server before the body runs (not a member: "not found"; a role not in `roles`: 403).
 * The body still loads every resource with that tenantId (lib/teams/loaders.ts).
 */
export function teamAction<S extends z.ZodType<{ tenantId: string }>>(
  schema: S,
  roles: readonly TenantRole[],
  run: (ctx: TeamContext<z.output<S>>) => Promise<ActionOutcome>,
): FormAction {
  return userAction(schema, async (ctx) => {
    const { role } = await getMembershipOrThrow(ctx.db, { tenantId: ctx.input.tenantId, userId: ctx.user.id });
    if (!roles.includes(role)) {
      throw new AppError("forbidden", "Only the team's owners and admins can do that.");
    }
    return run({ ...ctx, role });
  });
}
