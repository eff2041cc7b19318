// POST /api/v1/flows/{slug}/copy: returns the prompt text and records the copy (the Copy button and API clients).
import { z } from "zod";
import { getDb } from "@/db";
import { COPY_SOURCES } from "@/db/schema";
import { readJsonBody } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/route";
import { requireActor } from "@/lib/auth/actor";
import { recordCopy } from "@/lib/copies/record-copy";
import { AppError } from "@/lib/errors";
import { isFlowSlug } from "@/lib/flows/slug";

// `mcp` is recorded only by the MCP server (lib/mcp), never claimed by a JSON client.
const bodySchema = z.object({ source: z.enum(COPY_SOURCES).exclude(["mcp"]).default("api") }).strict();
const keySchema = z.string().min(1).max(200);

export const POST = apiRoute(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const db = await getDb();
  // recordCopy refuses a user whose row is gone in its first statement, so the session needs no separate read.
  const actor = await requireActor(db, request, "flows:copy", { userCheckedByCaller: true });
  const { slug } = await context.params;
  if (!isFlowSlug(slug)) throw new AppError("not_found", "Flow not found.");

  const body = bodySchema.parse(await readJsonBody(request, 4096));
  const keyHeader = request.headers.get("idempotency-key");
  const idempotencyKey = keyHeader === null ? null : keySchema.parse(keyHeader);

  const result = await recordCopy(db, {
    userId: actor.userId,
    tenantId: actor.tenantId,
    slug,
    source: body.source,
    idempotencyKey,
  });
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
