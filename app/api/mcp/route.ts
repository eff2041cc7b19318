// POST /api/mcp: the Model Context Protocol server (Streamable HTTP, API token); GET and DELETE answer 405.
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { handleMcpRequest } from "@/lib/mcp/handler";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return handleMcpRequest(await getDb(), request, { appUrl: env().APP_URL });
}

export { handle as DELETE, handle as GET, handle as POST };
