import "server-only";
import { listMembershipsForUser } from "@/db/queries/memberships";
import { getViewerReactions } from "@/db/queries/flow-reactions";
import { getViewerReportState } from "@/db/queries/flow-reports";
import type { Executor } from "@/db/types";
import { getSessionUser } from "@/lib/auth/session";
import { getActingContext } from "@/lib/tenancy/session-tenant";

/**
 * Who is looking, for the client islands of pages served from the cache (the header's account menu, a flow page's
 * call to action). Display fields only: no ids, nothing secret. `null` when signed out.
 */
export type Viewer = {
  user: { name: string | null; email: string; isAdmin: boolean };
  premiumAccess: boolean;
  /** The tenant switcher, for people in more than one tenant. */
  switcher: {
    currentTenantId: string;
    tenants: Array<{ tenantId: string; name: string; kind: "personal" | "team" }>;
  } | null;
} | null;

export async function getViewer(db: Executor): Promise<Viewer> {
  const user = await getSessionUser();
  if (!user) return null;
  const [acting, memberships] = await Promise.all([
    getActingContext(db, user.id),
    listMembershipsForUser(db, { userId: user.id }),
  ]);
  return {
    user: { name: user.name, email: user.email, isAdmin: user.isAdmin },
    premiumAccess: acting.entitlement.premiumAccess,
    switcher:
      memberships.length < 2
        ? null
        : {
            currentTenantId: acting.tenantId,
            tenants: memberships.map((m) => ({ tenantId: m.tenantId, name: m.name, kind: m.kind })),
          },
  };
}

/** The signed-in viewer's own state on one flow: Like and Save, and whether they may report it. */
export type FlowViewerState = { liked: boolean; saved: boolean; report: "own" | "reported" | "can_report" } | null;

export async function getFlowViewerState(db: Executor, params: { flowId: string }): Promise<FlowViewerState> {
  const user = await getSessionUser();
  if (!user) return null;
  const [reactions, report] = await Promise.all([
    getViewerReactions(db, { userId: user.id, flowId: params.flowId }),
    getViewerReportState(db, { userId: user.id, flowId: params.flowId }),
  ]);
  return { ...reactions, report };
}
