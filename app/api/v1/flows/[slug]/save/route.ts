// PUT /api/v1/flows/{slug}/save saves the flow, DELETE unsaves it; both idempotent, answer { saved, saves }.
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api/route";
import { requireSessionActor } from "@/lib/auth/actor";
import { saveFlow } from "@/lib/flows/reactions";

type Context = { params: Promise<{ slug: string }> };

function handler(saved: boolean) {
  return apiRoute(async (request: Request, context: Context) => {
    const { userId } = await requireSessionActor(request);
    const { slug } = await context.params;
    const result = await saveFlow(await getDb(), { userId, slug, saved });
    return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
  });
}

export const PUT = handler(true);
export const DELETE = handler(false);
