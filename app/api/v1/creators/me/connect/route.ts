// POST /api/v1/creators/me/connect: { url } of Stripe's hosted Connect onboarding for the signed-in creator.
// Session only: whoever holds the link could finish onboarding with their own bank account, so a token gets 403.
import { getDb } from "@/db";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { requireSessionActor } from "@/lib/auth/actor";
import { startConnectOnboarding } from "@/lib/connect/onboarding";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request) => {
  const actor = await requireSessionActor(request);
  const db = await getDb();
  await readJsonBody(request); // No fields; a malformed body is still a 400, never ignored silently.
  const { url } = await startConnectOnboarding(db, { userId: actor.userId });
  return Response.json({ url }, { headers: { "Cache-Control": "private, no-store" } });
});
