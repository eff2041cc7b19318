// GET /api/v1/openapi.json: the OpenAPI document of the public API.
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export function GET() {
  return Response.json(buildOpenApiDocument(env().APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
