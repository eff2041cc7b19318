// GET /api/v1/flows/{slug}: one flow's public fields and step titles, plus promptText for a free flow. A premium
// flow's text never travels here (issue 11): the copy endpoint is the one way to take it, and it counts and limits.
import { getDb } from "@/db";
import { getFlowBySlug } from "@/db/queries/flows";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getCaller } from "@/lib/flows/caller";
import { getFreeFlowText } from "@/lib/flows/flow-text";
import { toFlowJson } from "@/lib/flows/public-json";
import { isFlowSlug } from "@/lib/flows/slug";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  // A token is checked (401/403) and counted against its daily quota before anything is read.
  await getCaller(request);
  const db = await getDb();
  const flow = isFlowSlug(slug) ? await getFlowBySlug(db, { slug }) : null;
  if (!flow) throw new AppError("not_found", "Flow not found.");
  const text = await getFreeFlowText(db, { flow });
  return Response.json(toFlowJson(flow, text), {
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" },
  });
});
