import { eq } from "drizzle-orm";
import { creatorStripeAccounts } from "../schema";
import { oneRow } from "../rows";
import type { Executor } from "../types";

export type CreatorAccountSnapshot = {
  stripeAccountId: string;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  transfersCapability: string;
  requirementsDue: string[];
};

export async function getCreatorAccount(db: Executor, params: { userId: string }) {
  const [row] = await db.select().from(creatorStripeAccounts).where(eq(creatorStripeAccounts.userId, params.userId));
  return row ?? null;
}

export async function getCreatorAccountByStripeId(db: Executor, params: { stripeAccountId: string }) {
  const [row] = await db
    .select()
    .from(creatorStripeAccounts)
    .where(eq(creatorStripeAccounts.stripeAccountId, params.stripeAccountId));
  return row ?? null;
}

export async function upsertCreatorAccount(db: Executor, params: { userId: string } & CreatorAccountSnapshot) {
  const rows = await db
    .insert(creatorStripeAccounts)
    .values(params)
    .onConflictDoUpdate({ target: creatorStripeAccounts.userId, set: { ...params, updatedAt: new Date() } })
    .returning();
  return oneRow(rows, "creator account");
}
