import "server-only";
import { z } from "zod";
import { insertTeamWithOwner, listUnpaidTeamsOwnedBy } from "@/db/queries/teams";
import { getPersonalTenant } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { startCheckout } from "@/lib/billing/checkout";
import { AppError } from "@/lib/errors";

/** A team starts with at least 2 seats (one person is the Premium plan). */
export const MIN_TEAM_SEATS = 2;
export const MAX_TEAM_SEATS = 500;

const seatsSchema = z.coerce
  .number({ error: "Enter a number of seats." })
  .int("Enter a whole number of seats.")
  .min(MIN_TEAM_SEATS, `A team has at least ${MIN_TEAM_SEATS} seats.`)
  .max(MAX_TEAM_SEATS, `At most ${MAX_TEAM_SEATS} seats; write to us for more.`);

export const createTeamSchema = z.object({
  name: z.string().trim().min(2, "Give the team a name.").max(80, "Keep the name under 80 characters."),
  seats: seatsSchema,
});

export const buySeatsSchema = z.object({ tenantId: z.uuid(), seats: seatsSchema });

async function checkoutForTeam(db: Executor, params: { userId: string; tenantId: string; seats: number }) {
  const personal = await getPersonalTenant(db, { userId: params.userId });
  if (!personal) throw new AppError("internal", "This account has no tenant.");
  return startCheckout(db, {
    userId: params.userId,
    personalTenantId: personal.id,
    input: { tenantId: params.tenantId, quantity: params.seats },
  });
}

/**
 * Creates a team owned by the user and opens Stripe Checkout for its seats. A user who left a team's checkout
 * unfinished is sent back to that team instead of starting a second one.
 */
export async function createTeam(db: Executor, params: { userId: string; input: z.input<typeof createTeamSchema> }) {
  const input = createTeamSchema.parse(params.input);
  const [unpaid] = await listUnpaidTeamsOwnedBy(db, { userId: params.userId });
  if (unpaid) {
    throw new AppError("conflict", `You already started the team “${unpaid.name}”: buy its seats first.`, {
      field: "name",
      details: { tenantId: unpaid.id },
    });
  }
  const team = await db.transaction((tx) => insertTeamWithOwner(tx, { name: input.name, ownerId: params.userId }));
  const outcome = await checkoutForTeam(db, { userId: params.userId, tenantId: team.id, seats: input.seats });
  return { tenantId: team.id, url: outcome.url };
}

/** Checkout for a team that has no live subscription (its first one, or after it ended); owners and admins only. */
export async function buyTeamSeats(
  db: Executor,
  params: { userId: string; tenantId: string; seats: number },
): Promise<string> {
  return (await checkoutForTeam(db, params)).url;
}
