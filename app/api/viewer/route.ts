// GET /api/viewer: who is looking, for the header and the calls to action of pages served from the cache.
// Session cookie only; `{ viewer: null }` when signed out. Never cached: it is per person.
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api/route";
import { getViewer } from "@/lib/viewer";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const viewer = await getViewer(await getDb());
  return Response.json({ viewer }, { headers: { "Cache-Control": "private, no-store" } });
});
