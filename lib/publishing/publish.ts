import "server-only";
import {
  getEditableFlow,
  insertFlow,
  updateFlowFields,
  type EditableFlow,
  type FlowContent,
  type FlowRef,
} from "@/db/queries/flow-publishing";
import { getPersonalTenant, getUserById } from "@/db/queries/users";
import type { FlowStatus } from "@/db/schema";
import type { Executor } from "@/db/types";
import { recordAdminAction } from "@/lib/admin/audit";
import { AppError } from "@/lib/errors";
import { parseFlowInput, type FlowInput, type FlowInputDraft } from "./flow-input";
import { reservePublish } from "./quota";
import { claimUniqueSlug, slugFromTitle } from "./slug";
import { expiringPublicPages } from "@/lib/cache/public-pages";

/**
 * Creator publishing: the business rules behind the editor and the publish buttons.
 *
 * - Only the flow's creator or a platform admin may change a flow. Anyone else gets `not_found`, exactly as for
 *   an id that does not exist, so flow ids cannot be probed. An admin's change to someone else's flow is written to
 *   the audit log in the transaction of the change.
 * - Status transitions: draft -> published, published -> unpublished, unpublished -> published. Saving a
 *   published flow keeps it published; saving a draft or an unpublished flow keeps its status.
 * - Publishing is limited by the creator's monthly quota (rule in quota.ts). Over quota: `quota_exceeded` and
 *   nothing is written, because the check and every write share one transaction.
 * - A flow belongs to its creator's personal tenant (copies by that tenant's members earn nothing).
 * - The slug follows the title while the flow has never been published, then stays fixed so links keep working.
 */

export type { FlowRef } from "@/db/queries/flow-publishing";

export async function createFlow(
  db: Executor,
  params: { userId: string; input: FlowInputDraft; publish: boolean; now?: Date },
): Promise<FlowRef> {
  const input = validInput(params.input);
  const now = params.now ?? new Date();
  return expiringPublicPages(
    db.transaction(async (tx) => {
      const tenant = await getPersonalTenant(tx, { userId: params.userId });
      if (!tenant) throw new AppError("internal", "This account has no personal workspace.");
      if (params.publish) await reservePublish(tx, { creatorId: params.userId, now });
      return claimUniqueSlug(tx, {
        title: input.title,
        claim: (slug) =>
          insertFlow(tx, {
            ...toContent(input),
            slug,
            creatorId: params.userId,
            tenantId: tenant.id,
            status: params.publish ? "published" : "draft",
            publishedAt: params.publish ? now : null,
          }),
      });
    }),
  );
}

/** Saves new content; `publish: true` also publishes a draft or unpublished flow (quota permitting). */
export async function updateFlow(
  db: Executor,
  params: { userId: string; isAdmin: boolean; flowId: string; input: FlowInputDraft; publish?: boolean; now?: Date },
): Promise<FlowRef> {
  const input = validInput(params.input);
  const now = params.now ?? new Date();
  return expiringPublicPages(
    db.transaction(async (tx) => {
      const flow = await loadForChange(tx, params);
      const transition = params.publish ? await publishTransition(tx, flow, now, params) : {};
      const content = toContent(input);
      await auditAdminChange(tx, flow, params, {
        action: "flow.edit",
        now,
        details: transition.status ? { published: true } : {},
      });
      if (flow.publishedAt === null && !slugFits(flow.slug, input.title)) {
        return claimUniqueSlug(tx, {
          title: input.title,
          excludeFlowId: flow.id,
          claim: (slug) => updateFlowFields(tx, { flowId: flow.id, content, slug, ...transition }),
        });
      }
      return mustExist(await updateFlowFields(tx, { flowId: flow.id, content, ...transition }));
    }),
  );
}

export async function publishFlow(
  db: Executor,
  params: { userId: string; isAdmin: boolean; flowId: string; now?: Date },
): Promise<FlowRef> {
  const now = params.now ?? new Date();
  return expiringPublicPages(
    db.transaction(async (tx) => {
      const flow = await loadForChange(tx, params);
      if (flow.status === "published") return toRef(flow);
      const transition = await publishTransition(tx, flow, now, params);
      // A republish after a report is audited as such by publishTransition.
      if (flow.unpublishedByAdminAt === null) await auditAdminChange(tx, flow, params, { action: "flow.publish", now });
      return mustExist(await updateFlowFields(tx, { flowId: flow.id, ...transition }));
    }),
  );
}

export async function unpublishFlow(
  db: Executor,
  params: { userId: string; isAdmin: boolean; flowId: string; now?: Date },
): Promise<FlowRef> {
  const now = params.now ?? new Date();
  return expiringPublicPages(
    db.transaction(async (tx) => {
      const flow = await loadForChange(tx, params);
      if (flow.status === "draft")
        throw new AppError("conflict", "This flow is a draft: there is nothing to unpublish.");
      if (flow.status === "unpublished") return toRef(flow);
      await auditAdminChange(tx, flow, params, { action: "flow.unpublish", now, details: { via: "editor" } });
      // published_at stays: it records the first publish, which the quota counts (quota.ts).
      return mustExist(await updateFlowFields(tx, { flowId: flow.id, status: "unpublished" }));
    }),
  );
}

/** The flow, row-locked until the transaction ends; `not_found` for someone else's flow (unless admin). */
async function loadForChange(
  tx: Executor,
  params: { userId: string; isAdmin: boolean; flowId: string },
): Promise<EditableFlow> {
  const flow = await getEditableFlow(tx, { ...params, forUpdate: true });
  if (!flow) throw new AppError("not_found", "Flow not found.");
  return flow;
}

type Transition = { status?: FlowStatus; publishedAt?: Date; unpublishedByAdminAt?: null };

/**
 * What publishing changes: first publish reserves a slot of the creator's quota; a republish does not. A flow an
 * admin unpublished after a report stays down until an admin publishes it (which lifts the mark, audited).
 */
async function publishTransition(
  tx: Executor,
  flow: EditableFlow,
  now: Date,
  by: { userId: string; isAdmin: boolean },
): Promise<Transition> {
  if (flow.status === "published") return {};
  if (flow.unpublishedByAdminAt !== null) {
    if (!by.isAdmin) {
      throw new AppError(
        "forbidden",
        "Flowtab unpublished this flow after a report, so it cannot be republished from here. Fix it, then reply to our email and we will review it.",
      );
    }
    await recordRepublishByAdmin(tx, { flow, userId: by.userId, now });
    return {
      status: "published",
      unpublishedByAdminAt: null,
      ...(flow.publishedAt === null ? { publishedAt: now } : {}),
    };
  }
  if (flow.publishedAt !== null) return { status: "published" };
  await reservePublish(tx, { creatorId: flow.creatorId, now });
  return { status: "published", publishedAt: now };
}

/** An admin acting on someone else's flow leaves an audit entry; a creator changing their own flow does not. */
async function auditAdminChange(
  tx: Executor,
  flow: EditableFlow,
  by: { userId: string; isAdmin: boolean },
  entry: { action: "flow.edit" | "flow.publish" | "flow.unpublish"; now: Date; details?: Record<string, unknown> },
) {
  if (!by.isAdmin || flow.creatorId === by.userId) return;
  await recordFlowAudit(tx, by.userId, flow, {
    ...entry,
    details: { slug: flow.slug, creatorId: flow.creatorId, ...entry.details },
  });
}

async function recordRepublishByAdmin(tx: Executor, params: { flow: EditableFlow; userId: string; now: Date }) {
  await recordFlowAudit(tx, params.userId, params.flow, {
    action: "flow.republish",
    now: params.now,
    details: { slug: params.flow.slug, unpublishedByAdminAt: params.flow.unpublishedByAdminAt?.toISOString() },
  });
}

/** The audit entry of an admin's action on a flow, written in the transaction of the change. */
async function recordFlowAudit(
  tx: Executor,
  adminId: string,
  flow: EditableFlow,
  entry: {
    action: "flow.edit" | "flow.publish" | "flow.unpublish" | "flow.republish";
    now: Date;
    details: Record<string, unknown>;
  },
) {
  const admin = await getUserById(tx, { userId: adminId });
  if (!admin) throw new AppError("unauthorized", "Sign in to continue.");
  await recordAdminAction(tx, admin, {
    action: entry.action,
    targetId: flow.id,
    details: entry.details,
    now: entry.now,
  });
}

/** True when `slug` is the title's slug or a numbered variant of it (`title-slug-3`). */
function slugFits(slug: string, title: string): boolean {
  const base = slugFromTitle(title);
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug);
}

function validInput(raw: FlowInputDraft): FlowInput {
  const parsed = parseFlowInput(raw);
  if (parsed.ok) return parsed.value;
  const [first] = Object.entries(parsed.errors);
  if (!first) throw new Error("parseFlowInput failed without naming a field");
  const [field, message] = first;
  throw new AppError("validation_failed", message, { field, details: { fields: parsed.errors } });
}

function toContent(input: FlowInput): FlowContent {
  return {
    title: input.title,
    summary: input.summary,
    promptText: input.promptText,
    steps: input.steps.map((s) => ({ title: s.title, body: s.body })),
    agents: input.agents,
    sites: input.sites,
    tags: input.tags,
    category: input.category,
    isPremium: input.isPremium,
  };
}

function toRef(flow: EditableFlow): FlowRef {
  return {
    id: flow.id,
    slug: flow.slug,
    status: flow.status,
    publishedAt: flow.publishedAt,
    creatorId: flow.creatorId,
  };
}

function mustExist(ref: FlowRef | null): FlowRef {
  // The row is locked by this transaction, so it cannot vanish between the read and the update.
  if (!ref) throw new AppError("internal", "The flow changed while it was being saved. Try again.");
  return ref;
}
