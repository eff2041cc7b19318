// GET /api/viewer/flows/{slug}: the signed-in viewer's Like, Save and Report state on a published flow, for the
// flow page served from the cache. Session cookie only; `{ state: null }` when signed out, 404 for no such flow.
import { getDb } from "@/db";
import { getFlowBySlug } from "@/db/queries/flows";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { isFlowSlug } from "@/lib/flows/slug";
import { getFlowViewerState } from "@/lib/viewer";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const db = await getDb();
  const flow = isFlowSlug(slug) ? await getFlowBySlug(db, { slug }) : null;
  if (!flow) throw new AppError("not_found", "Flow not found.");
  const state = await getFlowViewerState(db, { flowId: flow.id });
  return Response.json({ state }, { headers: { "Cache-Control": "private, no-store" } });
});
