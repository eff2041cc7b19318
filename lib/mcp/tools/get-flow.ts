import "server-only";
import { z } from "zod";
import { fetchFlowForAgent } from "../fetch-flow";
import { defineTool } from "./define";

export const getFlowTool = defineTool({
  name: "get_flow",
  title: "Load a flow",
  description:
    "Load one flow's full instructions by its slug (from search_flows or my_library). Free flows are open to " +
    "everyone. A premium flow needs a subscription and counts as a copy, exactly like the Copy button: the " +
    "first load in a billing period pays its creator, loading it again in the same period is free " +
    "(copy.alreadyCopied is true).",
  scope: "flows:copy",
  input: z
    .object({ slug: z.string().min(1).max(200).describe('The flow\'s slug, e.g. "resolve-a-github-merge-conflict".') })
    .strict(),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run: async (context, { slug }) => fetchFlowForAgent(context, slug),
});
