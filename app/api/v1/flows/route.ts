// GET /api/v1/flows: the public catalogue as JSON (search, filters, sort, pagination); never any prompt text.
import { getDb } from "@/db";
import { getCatalogPage } from "@/db/queries/flows";
import { apiRoute } from "@/lib/api/route";
import { getCaller, searchScopeFor } from "@/lib/flows/caller";
import { parseCatalogParams } from "@/lib/flows/catalog-params";
import { toCatalogPageJson } from "@/lib/flows/public-json";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  // Anonymous callers are welcome; a Bearer token is checked (401/403) and counted against its daily quota.
  // Only callers with premium access search premium text (issue 11): the others match public fields.
  const caller = await getCaller(request);
  const params = parseCatalogParams(new URL(request.url).searchParams);
  const page = await getCatalogPage(await getDb(), { ...params, searchScope: searchScopeFor(caller) });
  // The result depends on who asks (search scope): never let a shared cache keep it.
  return Response.json(toCatalogPageJson(page), {
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" },
  });
});
