// PUT /api/v1/flows/{slug}/like likes the flow, DELETE unlikes it; both idempotent, answer { liked, likes }.
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api/route";
import { requireSessionActor } from "@/lib/auth/actor";
import { likeFlow } from "@/lib/flows/reactions";

type Context = { params: Promise<{ slug: string }> };

function handler(liked: boolean) {
  return apiRoute(async (request: Request, context: Context) => {
    const { userId } = await requireSessionActor(request);
    const { slug } = await context.params;
    const result = await likeFlow(await getDb(), { userId, slug, liked });
    return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
  });
}

export const PUT = handler(true);
export const DELETE = handler(false);
