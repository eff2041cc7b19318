// Reports from flow pages and the admin's decisions on them, on a real database: the one-open-report rule (a
// partial unique index), the hourly limit, unpublishing (catalogue, creator email, audit) and dismissing.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getViewerReportState } from "@/db/queries/flow-reports";
import { getCatalogPage } from "@/db/queries/flows";
import { adminAuditLog, emailOutbox, flowReports, flows } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { publishFlow, unpublishFlow } from "@/lib/publishing/publish";
import { dismissReport, unpublishReportedFlow } from "@/lib/moderation/moderate";
import { REPORTS_PER_HOUR, reportFlow } from "@/lib/moderation/submit";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function world() {
  const creator = await makeUser(t.db, "Cleo Creator");
  const member = await makeUser(t.db, "Milo Member");
  const other = await makeUser(t.db, "Oona Other");
  const admin = await makeUser(t.db, "Ada Admin");
  const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 3);
  return {
    creator,
    member,
    other,
    actor: { id: admin.user.id, email: admin.user.email },
    slugs: slugs as [string, string, string],
  };
}

const reportsOf = (slug: string) =>
  t.db
    .select({ id: flowReports.id, reporterId: flowReports.reporterId, status: flowReports.status })
    .from(flowReports)
    .innerJoin(flows, eq(flows.id, flowReports.flowId))
    .where(eq(flows.slug, slug))
    .orderBy(flowReports.createdAt);
const flowBySlug = async (slug: string) => (await t.db.select().from(flows).where(eq(flows.slug, slug)))[0]!;
const audit = () => t.db.select().from(adminAuditLog).orderBy(adminAuditLog.createdAt);

describe("reporting a flow", () => {
  it("allows one open report per user and flow; another user, or the same user after a decision, may report", async () => {
    const { member, other, actor, slugs } = await world();
    const first = await reportFlow(t.db, {
      userId: member.user.id,
      slug: slugs[0],
      input: { reason: "broken", note: "  Step 2 clicks the wrong button.  " },
    });
    const again = reportFlow(t.db, { userId: member.user.id, slug: slugs[0], input: { reason: "spam" } });
    await expect(again).rejects.toMatchObject({ code: "conflict", status: 409 });
    await reportFlow(t.db, { userId: other.user.id, slug: slugs[0], input: { reason: "outdated" } });

    const [stored] = await t.db.select().from(flowReports).where(eq(flowReports.id, first.reportId));
    expect(stored).toMatchObject({ reason: "broken", details: "Step 2 clicks the wrong button.", status: "open" });
    expect((await reportsOf(slugs[0])).map((r) => [r.reporterId, r.status])).toEqual([
      [member.user.id, "open"],
      [other.user.id, "open"],
    ]);

    await dismissReport(t.db, { actor, input: { reportId: first.reportId } });
    await reportFlow(t.db, { userId: member.user.id, slug: slugs[0], input: { reason: "broken" } });
    expect((await reportsOf(slugs[0])).map((r) => [r.reporterId, r.status])).toEqual([
      [member.user.id, "dismissed"],
      [other.user.id, "open"],
      [member.user.id, "open"],
    ]);
  });

  it("the database refuses a second open report even when the code's insert is bypassed", async () => {
    const { member, slugs } = await world();
    const [flow] = await t.db.select({ id: flows.id }).from(flows).where(eq(flows.slug, slugs[0]));
    const row = { flowId: flow!.id, reporterId: member.user.id, reason: "spam" as const };
    await t.db.insert(flowReports).values(row);
    await expect(t.db.insert(flowReports).values(row)).rejects.toThrow();
    // A resolved one does not count.
    await t.db.insert(flowReports).values({ ...row, status: "dismissed", resolvedAt: new Date() });
    expect(await reportsOf(slugs[0])).toHaveLength(2);
  });

  it.runIf(process.env.DATABASE_URL)(
    "PostgreSQL: 20 parallel reports of one flow by one user leave exactly one open report",
    async () => {
      const { member, slugs } = await world();
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          reportFlow(t.db, { userId: member.user.id, slug: slugs[1], input: { reason: "unsafe" } }),
        ),
      );
      // The hourly limit lets the first 10 attempts through to the insert; the index keeps one of them.
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).code] : []));
      expect(codes.filter((c) => c === "conflict")).toHaveLength(REPORTS_PER_HOUR - 1);
      expect(codes.filter((c) => c === "rate_limited")).toHaveLength(20 - REPORTS_PER_HOUR);
      expect(await reportsOf(slugs[1])).toHaveLength(1);
    },
  );

  it("tells the flow page what to show: nothing to the creator, Reported while the viewer's report is open", async () => {
    const { creator, member, other, actor, slugs } = await world();
    const flowId = (await flowBySlug(slugs[0])).id;
    const state = (userId: string) => getViewerReportState(t.db, { flowId, userId });
    expect([await state(creator.user.id), await state(member.user.id)]).toEqual(["own", "can_report"]);
    const { reportId } = await reportFlow(t.db, { userId: member.user.id, slug: slugs[0], input: { reason: "spam" } });
    expect([await state(member.user.id), await state(other.user.id)]).toEqual(["reported", "can_report"]);
    await dismissReport(t.db, { actor, input: { reportId } });
    expect(await state(member.user.id)).toBe("can_report");
  });

  it("validates the reason and the note's length, and writes nothing for bad input", async () => {
    const { member, slugs } = await world();
    for (const input of [
      { reason: "boring" },
      { reason: null },
      { reason: "other", note: "x".repeat(1001) },
      { reason: "other", note: 42 },
    ]) {
      await expect(reportFlow(t.db, { userId: member.user.id, slug: slugs[0], input })).rejects.toBeInstanceOf(
        ZodError,
      );
    }
    await reportFlow(t.db, {
      userId: member.user.id,
      slug: slugs[0],
      input: { reason: "other", note: "x".repeat(1000) },
    });
    expect(await reportsOf(slugs[0])).toHaveLength(1);
  });

  it("refuses the creator's own flow, unknown and unpublished flows", async () => {
    const { creator, member, slugs } = await world();
    await expect(
      reportFlow(t.db, { userId: creator.user.id, slug: slugs[0], input: { reason: "spam" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await t.db.update(flows).set({ status: "unpublished" }).where(eq(flows.slug, slugs[1]));
    for (const slug of [slugs[1], "no-such-flow", "Not A Slug!"]) {
      await expect(reportFlow(t.db, { userId: member.user.id, slug, input: { reason: "spam" } })).rejects.toMatchObject(
        { code: "not_found" },
      );
    }
    expect(await t.db.select().from(flowReports)).toEqual([]);
  });

  it(`allows ${REPORTS_PER_HOUR} report attempts an hour per user, then answers 429 with Retry-After`, async () => {
    const { member, other, creator } = await world();
    const many = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 12, {
      prefix: "many",
    });
    const now = new Date("2026-11-20T10:15:00Z");
    for (const slug of many.slice(0, REPORTS_PER_HOUR)) {
      await reportFlow(t.db, { userId: member.user.id, slug, input: { reason: "spam" }, now });
    }
    const limited = reportFlow(t.db, { userId: member.user.id, slug: many[10]!, input: { reason: "spam" }, now });
    await expect(limited).rejects.toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 2700 });
    // Someone else is not limited; the same user is again in the next hour.
    await reportFlow(t.db, { userId: other.user.id, slug: many[10]!, input: { reason: "spam" }, now });
    const nextHour = new Date("2026-11-20T11:00:00Z");
    await reportFlow(t.db, { userId: member.user.id, slug: many[11]!, input: { reason: "spam" }, now: nextHour });
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(flowReports)).toEqual([
      { n: REPORTS_PER_HOUR + 2 },
    ]);
  });
});

describe("an admin's decision", () => {
  it("unpublish: the flow leaves the catalogue, its open reports close, the creator is emailed, the action audited", async () => {
    const { creator, member, other, actor, slugs } = await world();
    const catalogue = async () =>
      (await getCatalogPage(t.db, { sort: "new", page: 1, pageSize: 20, searchScope: "public" })).items
        .map((i) => i.slug)
        .sort();
    expect(await catalogue()).toEqual([...slugs].sort());
    const { reportId } = await reportFlow(t.db, {
      userId: member.user.id,
      slug: slugs[0],
      input: { reason: "unsafe" },
    });
    await reportFlow(t.db, { userId: other.user.id, slug: slugs[0], input: { reason: "spam" } });
    const now = new Date("2026-11-20T10:00:00Z");

    const result = await unpublishReportedFlow(t.db, {
      actor,
      input: { reportId, note: "It asks for the user's password." },
      now,
    });
    expect(result.resolvedReports).toBe(2);
    expect(await catalogue()).toEqual([slugs[1], slugs[2]].sort());
    const flow = await flowBySlug(slugs[0]);
    expect(flow).toMatchObject({ status: "unpublished", unpublishedByAdminAt: now });
    expect((await reportsOf(slugs[0])).map((r) => r.status)).toEqual(["actioned", "actioned"]);

    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "flow_unpublished"));
    expect(mails.map((m) => [m.toAddress, m.subject, m.status])).toEqual([
      [creator.user.email, `Your flow “${flow.title}” was unpublished`, "queued"],
    ]);
    expect(mails[0]!.textBody).toContain("Reason: Unsafe. It could cause harm, leak data, or break a site's rules.");
    expect(mails[0]!.textBody).toContain("Note from our team: It asks for the user's password.");

    expect((await audit()).map((a) => [a.actorId, a.action, a.targetType, a.targetId, a.details])).toEqual([
      [
        actor.id,
        "flow.unpublish",
        "flow",
        flow.id,
        {
          slug: slugs[0],
          title: flow.title,
          reportId,
          reason: "unsafe",
          note: "It asks for the user's password.",
          resolvedReports: 2,
          previousStatus: "published",
        },
      ],
    ]);

    // The report is closed: a second decision on it is refused and writes nothing.
    await expect(unpublishReportedFlow(t.db, { actor, input: { reportId } })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(dismissReport(t.db, { actor, input: { reportId } })).rejects.toMatchObject({ code: "conflict" });
    expect(await audit()).toHaveLength(1);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "flow_unpublished"))).toHaveLength(1);
  });

  it("the creator cannot republish a flow an admin unpublished; an admin can, and that is audited", async () => {
    const { creator, member, actor, slugs } = await world();
    const { reportId } = await reportFlow(t.db, {
      userId: member.user.id,
      slug: slugs[0],
      input: { reason: "broken" },
    });
    const { flowId } = await unpublishReportedFlow(t.db, { actor, input: { reportId } });
    await expect(publishFlow(t.db, { userId: creator.user.id, isAdmin: false, flowId })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await flowBySlug(slugs[0])).status).toBe("unpublished");

    await publishFlow(t.db, { userId: actor.id, isAdmin: true, flowId });
    expect(await flowBySlug(slugs[0])).toMatchObject({ status: "published", unpublishedByAdminAt: null });
    expect((await audit()).map((a) => [a.action, a.targetId])).toEqual([
      ["flow.unpublish", flowId],
      ["flow.republish", flowId],
    ]);
    // Once it is back, its creator manages it as before.
    await unpublishFlow(t.db, { userId: creator.user.id, isAdmin: false, flowId });
    await publishFlow(t.db, { userId: creator.user.id, isAdmin: false, flowId });
    expect((await flowBySlug(slugs[0])).status).toBe("published");
  });

  it("an admin's edit, unpublish and publish of someone else's flow in the editor are audited; a creator's are not", async () => {
    const { creator, actor, slugs } = await world();
    const flowId = (await flowBySlug(slugs[0])).id;
    await unpublishFlow(t.db, { userId: creator.user.id, isAdmin: false, flowId });
    await publishFlow(t.db, { userId: creator.user.id, isAdmin: false, flowId });
    expect(await audit()).toEqual([]);

    const at = Date.now();
    await unpublishFlow(t.db, { userId: actor.id, isAdmin: true, flowId, now: new Date(at) });
    await publishFlow(t.db, { userId: actor.id, isAdmin: true, flowId, now: new Date(at + 1000) });
    const entries = await audit();
    expect(entries.map((a) => [a.action, a.targetId, a.actorId])).toEqual([
      ["flow.unpublish", flowId, actor.id],
      ["flow.publish", flowId, actor.id],
    ]);
    expect(entries[0]?.details).toMatchObject({ slug: slugs[0], creatorId: creator.user.id, via: "editor" });
    expect((await flowBySlug(slugs[0])).status).toBe("published");
  });

  it("dismiss: the report closes, the flow stays published, the action is audited", async () => {
    const { member, actor, slugs } = await world();
    const { reportId } = await reportFlow(t.db, {
      userId: member.user.id,
      slug: slugs[2],
      input: { reason: "outdated" },
    });
    await dismissReport(t.db, { actor, input: { reportId } });
    expect((await reportsOf(slugs[2])).map((r) => r.status)).toEqual(["dismissed"]);
    expect((await flowBySlug(slugs[2])).status).toBe("published");
    const entries = await audit();
    expect(entries.map((a) => [a.action, a.targetType, a.targetId, a.details.reason])).toEqual([
      ["flow_report.dismiss", "flow_report", reportId, "outdated"],
    ]);
    await expect(dismissReport(t.db, { actor, input: { reportId: "not-a-uuid" } })).rejects.toBeInstanceOf(ZodError);
  });

  it("the audit log is append-only", async () => {
    const { member, actor, slugs } = await world();
    const { reportId } = await reportFlow(t.db, { userId: member.user.id, slug: slugs[0], input: { reason: "spam" } });
    await dismissReport(t.db, { actor, input: { reportId } });
    await expect(t.db.update(adminAuditLog).set({ action: "flow.republish" })).rejects.toThrow();
    await expect(t.db.delete(adminAuditLog)).rejects.toThrow();
    expect((await audit()).map((a) => a.action)).toEqual(["flow_report.dismiss"]);
  });
});
