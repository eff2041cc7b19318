// GET /api/v1/flows/{slug}: one flow's public fields and step titles, plus promptText for an entitled caller.
import { getDb } from "@/db";
import { getFlowBySlug } from "@/db/queries/flows";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getCaller } from "@/lib/flows/caller";
import { getFlowTextForCaller } from "@/lib/flows/flow-text";
import { toFlowJson } from "@/lib/flows/public-json";
import { isFlowSlug } from "@/lib/flows/slug";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const db = await getDb();
  const flow = isFlowSlug(slug) ? await getFlowBySlug(db, { slug }) : null;
  if (!flow) throw new AppError("not_found", "Flow not found.");
  const caller = await getCaller(request);
  const text = await getFlowTextForCaller(db, { flow, caller });
  // The body depends on who asks: never let a shared cache keep it.
  return Response.json(toFlowJson(flow, text), {
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" },
  });
});
