// POST /api/v1/creators/me/connect: { url } of Stripe's hosted Connect onboarding for the caller (session or token).
import { getDb } from "@/db";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { requireActor } from "@/lib/auth/actor";
import { startConnectOnboarding } from "@/lib/connect/onboarding";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request) => {
  const db = await getDb();
  const actor = await requireActor(db, request);
  await readJsonBody(request); // No fields; a malformed body is still a 400, never ignored silently.
  const { url } = await startConnectOnboarding(db, { userId: actor.userId });
  return Response.json({ url }, { headers: { "Cache-Control": "private, no-store" } });
});
