// The authorization matrix (issue 11): every page, route handler, API route and server action, called as every
// kind of person and with a token of each scope, answers exactly what the table says. The table is data: one row per
// route (or per method of it, or per server action). The test enumerates the app/ tree and the build's server
// actions, so a route or action without a row fails it, and so does a row for something that no longer exists.
//
// Adding a row: copy a neighbour. `expect` maps roles or groups (see support/matrix.ts: all, sessions, entitled,
// notEntitled, notAdmin, tokens) to a status, or "status target" for a redirect ("307 /login"). A role named on its
// own wins over its group, a group over "all". `path` may use the ids the setup collects (I below).
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO, registerWithForm, signInWithApi, signInWithForm, verifyEmailFromOutbox } from "./support/auth";
import {
  appRoutes,
  buildActions,
  call,
  describeAnswer,
  expectationFor,
  matches,
  ROLES,
  sourceActions,
  type Call,
  type Expect,
  type Group,
  type Identity,
  type Role,
} from "./support/matrix";
import { seededFlows } from "./support/seeded";
import { cookieHeader, startTrialMember } from "./support/trial";
import { createToken } from "./support/tokens";

/** Ids the rows refer to, collected in the setup. */
type Ids = {
  premiumSlug: string;
  /** A flow of the demo creator (foreign to everyone else). */
  creatorFlowId: string;
  /** A draft of the demo creator, made in the setup. */
  creatorDraftId: string;
  outboxId: string;
};

type Row = {
  /** The route it covers, as appRoutes() names it without the method, or a server action "app/<file>#<export>". */
  route: string;
  /** Default GET; a row covers "METHOD route", so each method a route handler exports needs its own row. */
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** The URL to call (default: the route itself). For an action: the page it is posted to. */
  path?: string | ((i: Ids) => string);
  json?: unknown;
  /** Server action arguments; a Record becomes the FormData a form would submit. */
  args?: (i: Ids) => unknown[];
  expect: Partial<Record<Role | Group, Expect>>;
};

const LOGIN = "307 /login";
const AUTH_CSRF_REFUSED = "302 /login?error=MissingCSRF";
const PRICING = "307 /pricing";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
/** Signed out, or a token on a page: pages and actions know sessions only. */
const signedOut = (then: Expect) => ({ anonymous: then, tokens: then });

// prettier-ignore
const MATRIX: Row[] = [
  // Public pages.
  { route: "/", expect: { all: 200 } },
  { route: "/pricing", expect: { all: 200 } },
  { route: "/login", expect: { all: 200, sessions: "307 /flows" } },
  { route: "/register", expect: { all: 200, sessions: "307 /flows" } },
  { route: "/flows", path: "/flows?q=merge&access=premium", expect: { all: 200 } },
  { route: "/flows/[slug]", path: (i) => `/flows/${i.premiumSlug}`, expect: { all: 200 } },
  { route: "/creators/[handle]", path: "/creators/demo-creator", expect: { all: 200 } },
  // Internal routes of the page cache: middleware rewrites /flows and /creators/{handle} to them, and refuses
  // them when asked for directly (a visitor must not pick the search scope of premium members).
  { route: "/cached/flows/[scope]/[query]", path: "/cached/flows/full/-", expect: { all: 404 } },
  { route: "/cached/creators/[handle]/[page]", path: "/cached/creators/demo-creator/1", expect: { all: 404 } },
  { route: "/docs/api", expect: { all: 200 } },
  { route: "/robots.txt", expect: { all: 200 } },
  { route: "/sitemap.xml", expect: { all: 200 } },
  { route: "/verify-email", path: "/verify-email?token=forged", expect: { all: 200 } },
  // Premium reader.
  { route: "/library", expect: { ...signedOut(LOGIN), notEntitled: PRICING, entitled: 200 } },
  { route: "/library/[slug]", path: (i) => `/library/${i.premiumSlug}`, expect: { ...signedOut(LOGIN), notEntitled: PRICING, entitled: 200 } },
  // Account, checkout and billing return.
  { route: "/account", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/account/tokens", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/checkout/success", path: "/checkout/success?session_id=cs_someone_elses", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/billing/return", expect: { ...signedOut("303 /login"), sessions: "303 /account" } },
  { route: "/logout", method: "POST", expect: { all: "303 /" } },
  // Creator area: any member may publish, so every session gets in; flows and drafts only by their creator.
  { route: "/creator", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/creator/flows", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/creator/flows/new", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/creator/flows/[id]/edit", path: (i) => `/creator/flows/${i.creatorFlowId}/edit`, expect: { ...signedOut(LOGIN), sessions: 404, creator: 200, admin: 200 } },
  { route: "/creator/flows/[id]/edit", path: (i) => `/creator/flows/${i.creatorDraftId}/edit`, expect: { ...signedOut(LOGIN), sessions: 404, creator: 200, admin: 200 } },
  { route: "/creator/flows/[id]/edit", path: `/creator/flows/${UNKNOWN_ID}/edit`, expect: { ...signedOut(LOGIN), sessions: 404 } },
  { route: "/creator/payouts", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/creator/export/credits.csv", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/creator/export/payouts.csv", expect: { ...signedOut(LOGIN), sessions: 200 } },
  // Before any row below can create a Connect account for them: only the demo creator has one to continue.
  { route: "/creator/connect/refresh", expect: { ...signedOut(LOGIN), sessions: "307 /creator", creator: "307 {sandbox}/connect/onboarding/", subscriber: ["307 /creator", "307 {sandbox}/connect/onboarding/"], admin: ["307 /creator", "307 {sandbox}/connect/onboarding/"] } },
  // Admin console: a plain 404 for everyone but the platform admin.
  { route: "/admin", expect: { ...signedOut(LOGIN), sessions: 404, admin: 200 } },
  { route: "/admin/outbox", expect: { ...signedOut(LOGIN), sessions: 404, admin: 200 } },
  { route: "/admin/outbox/[id]", path: (i) => `/admin/outbox/${i.outboxId}`, expect: { ...signedOut(LOGIN), sessions: 404, admin: 200 } },
  // Teams, invitations, admin user search, MCP docs.
  { route: "/account/team", expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "/invite/[token]", path: "/invite/forged-token", expect: { all: 200 } },
  { route: "/admin/users", path: "/admin/users?q=flowtab", expect: { ...signedOut(LOGIN), sessions: 404, admin: 200 } },
  { route: "/docs/mcp", expect: { all: 200 } },
  // Machines.
  { route: "/api/auth/[...nextauth]", path: "/api/auth/session", expect: { all: 200 } },
  // Auth.js refuses a POST without its CSRF token (a sign-out or sign-in forged from elsewhere) with a redirect.
  { route: "/api/auth/[...nextauth]", method: "POST", path: "/api/auth/signout", json: {}, expect: { all: AUTH_CSRF_REFUSED } },
  { route: "/api/cron/payouts", method: "POST", json: { month: "2020-01" }, expect: { all: 401 } },
  { route: "/api/health", expect: { all: 200 } },
  { route: "/api/cron/reconcile", method: "POST", json: {}, expect: { all: 401 } },
  // MCP takes an API token only (a session cookie is no credential there); POST only.
  { route: "/api/mcp", expect: { all: 405 } },
  { route: "/api/mcp", method: "DELETE", expect: { all: 405 } },
  { route: "/api/mcp", method: "POST", json: {}, expect: { anonymous: 401, sessions: 401, tokens: 406 } },
  { route: "/api/webhooks/stripe", method: "POST", json: {}, expect: { all: 400 } },
  // JSON API.
  { route: "/api/user/me", expect: { anonymous: 401, sessions: 200, tokens: 200 } },
  { route: "/api/viewer", expect: { all: 200 } },
  { route: "/api/viewer/flows/[slug]", path: (i) => `/api/viewer/flows/${i.premiumSlug}`, expect: { all: 200 } },
  { route: "/api/v1/openapi.json", expect: { all: 200 } },
  { route: "/api/v1/flows", expect: { all: 200, "token:flows:copy": 403, "token:earnings:read": 403 } },
  { route: "/api/v1/flows/[slug]", path: (i) => `/api/v1/flows/${i.premiumSlug}`, expect: { all: 200, "token:flows:copy": 403, "token:earnings:read": 403 } },
  { route: "/api/v1/flows/[slug]/copy", method: "POST", path: (i) => `/api/v1/flows/${i.premiumSlug}/copy`, json: {}, expect: { anonymous: 401, entitled: 200, notEntitled: 403, tokens: 403, "token:flows:copy": 200 } },
  { route: "/api/v1/flows/[slug]/like", method: "PUT", path: (i) => `/api/v1/flows/${i.premiumSlug}/like`, expect: { anonymous: 401, sessions: 200, tokens: 403 } },
  { route: "/api/v1/flows/[slug]/like", method: "DELETE", path: (i) => `/api/v1/flows/${i.premiumSlug}/like`, expect: { anonymous: 401, sessions: 200, tokens: 403 } },
  { route: "/api/v1/flows/[slug]/save", method: "PUT", path: (i) => `/api/v1/flows/${i.premiumSlug}/save`, expect: { anonymous: 401, sessions: 200, tokens: 403 } },
  { route: "/api/v1/flows/[slug]/save", method: "DELETE", path: (i) => `/api/v1/flows/${i.premiumSlug}/save`, expect: { anonymous: 401, sessions: 200, tokens: 403 } },
  { route: "/api/v1/subscriptions/me", expect: { anonymous: 401, sessions: 200, tokens: 200 } },
  { route: "/api/v1/creators/me/earnings", expect: { anonymous: 401, sessions: 200, tokens: 403, "token:earnings:read": 200 } },
  // Billing and Connect: a session only (a token gets 403 whatever its scope); before them the portal action.
  { route: "app/billing/actions.ts#portalAction", path: "/pricing", args: () => [], expect: { ...signedOut("200 /login"), sessions: ["200 /account?error=not_found", "200 {sandbox}/portal/"], member: "200 /account?error=not_found", entitled: "200 {sandbox}/portal/" } },
  { route: "app/billing/actions.ts#personalPortalAction", path: "/pricing", args: () => [], expect: { ...signedOut("200 /login"), sessions: ["200 /account?error=not_found", "200 {sandbox}/portal/"], member: "200 /account?error=not_found", entitled: "200 {sandbox}/portal/" } },
  { route: "/api/v1/subscriptions/checkout", method: "POST", json: {}, expect: { anonymous: 401, tokens: 403, notEntitled: 200, entitled: 409 } },
  { route: "/api/v1/creators/me/connect", method: "POST", json: {}, expect: { anonymous: 401, sessions: 200, tokens: 403 } },
  // Server actions, posted to a page that uses them, the way React posts them.
  { route: "app/(auth)/actions.ts#loginAction", path: "/login", args: () => [{}, form({ email: "", password: "" })], expect: { all: 200 } },
  { route: "app/(auth)/actions.ts#registerAction", path: "/register", args: () => [{}, form({ name: "", email: "", password: "" })], expect: { all: 200 } },
  { route: "app/(auth)/actions.ts#oauthSignInAction", path: "/login", args: () => [form({ provider: "nope" })], expect: { all: "200 /login" } },
  { route: "app/billing/actions.ts#checkoutAction", path: "/pricing", args: () => [], expect: { ...signedOut("200 /login"), notEntitled: "200 {sandbox}/checkout/", entitled: "200 {sandbox}/portal/" } },
  { route: "app/verify-email/actions.ts#resendVerificationAction", path: "/account", args: () => [form({ from: "/account" })], expect: { ...signedOut(LOGIN), sessions: "200 /account?verification=verified" } },
  { route: "app/account/tokens/actions.ts#createTokenAction", path: "/account/tokens", args: () => [{}, form({ name: "" })], expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "app/account/tokens/actions.ts#revokeTokenAction", path: "/account/tokens", args: () => [form({ tokenId: UNKNOWN_ID })], expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "app/admin/actions.ts#runPayoutsAction", path: "/admin", args: () => [{ status: "idle" }, form({ month: "2020-13" })], expect: { ...signedOut(LOGIN), sessions: 404, admin: 200 } },
  { route: "app/admin/actions.ts#retryPayoutAction", path: "/admin", args: () => [form({ payoutId: UNKNOWN_ID })], expect: { ...signedOut(LOGIN), sessions: 404, admin: "200 /admin?notice=retry-invalid" } },
  { route: "app/admin/actions.ts#reprocessEventAction", path: "/admin", args: () => [form({ eventId: "" })], expect: { ...signedOut(LOGIN), sessions: 404, admin: "200 /admin?notice=event-invalid" } },
  { route: "app/admin/actions.ts#unpublishReportedFlowAction", path: "/admin", args: () => [form({ reportId: "not-a-uuid", note: "" })], expect: { ...signedOut(LOGIN), sessions: 404, admin: "200 /admin?notice=report-invalid" } },
  { route: "app/admin/actions.ts#dismissReportAction", path: "/admin", args: () => [form({ reportId: "not-a-uuid" })], expect: { ...signedOut(LOGIN), sessions: 404, admin: "200 /admin?notice=report-invalid" } },
  // Team and invitation actions answer with a form state (errors included: not a member, bad input); posted to a
  // page behind sign-in, a visitor is sent to /login by middleware first.
  { route: "app/account/team/actions.ts#createTeamAction", path: "/account/team", args: () => [{}, form({ name: "", seats: "1" })], expect: { ...signedOut(LOGIN), sessions: 200 } },
  ...(["buySeatsAction", "teamPortalAction", "inviteAction", "resendInvitationAction", "revokeInvitationAction", "removeMemberAction", "changeRoleAction", "leaveTeamAction"] as const).map(
    (name): Row => ({ route: `app/account/team/actions.ts#${name}`, path: "/account/team", args: () => [{}, form({ tenantId: UNKNOWN_ID })], expect: { ...signedOut(LOGIN), sessions: 200 } }),
  ),
  { route: "app/account/switch-tenant-action.ts#switchTenantAction", path: "/account", args: () => [{}, form({ tenantId: UNKNOWN_ID, from: "/account" })], expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "app/invite/[token]/actions.ts#acceptInvitationAction", path: "/invite/forged-token", args: () => [{}, form({ token: "forged-token" })], expect: { all: 200 } },
  { route: "app/invite/[token]/actions.ts#declineInvitationAction", path: "/invite/forged-token", args: () => [{}, form({ token: "forged-token" })], expect: { all: 200 } },
  { route: "app/flows/actions.ts#reportFlowAction", path: (i) => `/flows/${i.premiumSlug}`, args: () => [{}, form({ slug: "", reason: "" })], expect: { all: 200 } },
  { route: "app/creator/connect/actions.ts#startPayoutSetupAction", path: "/creator", args: () => [], expect: { ...signedOut(LOGIN), sessions: "200 {sandbox}/connect/onboarding/" } },
  { route: "app/creator/flows/actions.ts#saveFlowAction", path: "/creator/flows/new", args: () => [{ errors: {} }, form({ title: "" })], expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "app/creator/flows/actions.ts#importFlowFileAction", path: "/creator/flows/new", args: () => [{ nonce: 0, errors: {} }, form({})], expect: { ...signedOut(LOGIN), sessions: 200 } },
  { route: "app/creator/flows/actions.ts#publishFlowAction", path: "/creator/flows/new", args: () => [form({ flowId: UNKNOWN_ID })], expect: { ...signedOut(LOGIN), sessions: "200 /creator/flows?error=not_found" } },
  { route: "app/creator/flows/actions.ts#unpublishFlowAction", path: "/creator/flows/new", args: () => [form({ flowId: UNKNOWN_ID })], expect: { ...signedOut(LOGIN), sessions: "200 /creator/flows?error=not_found" } },
];

const identities = {} as Record<Role, Identity>;
const ids = {} as Ids;
let sandbox = "";
/** A made-up word in the draft's title: a public search finds the flow only once it is published. */
let draftWord = "";

/** Signs in over HTTP (CSRF token, then the credentials callback) and returns the session cookie. */
async function signedInCookie(email: string): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  await signInWithApi(context, email);
  const { cookies } = await context.storageState();
  await context.dispose();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test.describe.configure({ mode: "serial" });

test.describe("authorization matrix", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(900_000);
    sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "12199"}`;
    identities.anonymous = {};
    // A fresh member (verified, never subscribed) and a fresh trial member: their state is this test's alone.
    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    const memberEmail = await registerWithForm(memberPage, { name: "Matrix Member" });
    await verifyEmailFromOutbox(memberPage, browser, memberEmail);
    identities.member = { cookie: await cookieHeader(memberContext) };
    await memberContext.close();
    const trial = await startTrialMember(browser, "Matrix Trial");
    identities.trial = { cookie: await cookieHeader(trial.context) };
    await trial.context.close();
    identities.subscriber = { cookie: await signedInCookie(DEMO.subscriber) };
    identities.creator = { cookie: await signedInCookie(DEMO.creator) };
    identities.otherCreator = { cookie: await signedInCookie("priya-ops@creators.flowtab.dev") };
    identities.admin = { cookie: await signedInCookie(DEMO.admin) };

    // One token per scope, held by the subscriber (so flows:copy may copy premium flows).
    const tokens = await browser.newContext();
    const tokenPage = await tokens.newPage();
    await signInWithForm(tokenPage, DEMO.subscriber);
    for (const scope of ["flows:read", "flows:copy", "earnings:read"] as const) {
      identities[`token:${scope}`] = { token: await createToken(tokenPage, `matrix ${scope}`, [scope]) };
    }
    await tokens.close();

    const base = test.info().project.use.baseURL!;
    ids.premiumSlug = (await seededFlows("premium", { notDemoCreator: true }))[0]!.slug;
    ids.creatorFlowId = await firstId(
      base,
      "/creator/flows",
      identities.creator,
      /\/creator\/flows\/([0-9a-f-]{36})\/edit/,
    );
    ids.outboxId = await firstId(base, "/admin/outbox", identities.admin, /\/admin\/outbox\/([0-9a-f-]{36})/);
    ({ id: ids.creatorDraftId, word: draftWord } = await createDraft(base));
  });

  test("has a row for every route in app/ and every server action, and none for anything else", () => {
    const actions = buildActions();
    const covered = new Set(MATRIX.map((r) => (r.route.includes("#") ? r.route : `${r.method ?? "GET"} ${r.route}`)));
    const routes = appRoutes();
    const expected = [...routes, ...actions.keys()];
    expect(
      expected.filter((r) => !covered.has(r)),
      "routes or actions without a row",
    ).toEqual([]);
    expect(
      [...covered].filter((r) => !expected.includes(r)),
      "rows for nothing",
    ).toEqual([]);
    expect(
      sourceActions().filter((a) => !actions.has(a)),
      "server actions missing from the build",
    ).toEqual([]);
    for (const row of MATRIX) {
      const missing = ROLES.filter((role) => expectationFor(row.expect, role) === undefined);
      expect(missing, `${row.route}: roles without an expectation`).toEqual([]);
    }
    console.log(
      `authorization matrix: ${routes.length} route methods + ${actions.size} server actions = ${covered.size} entries, ` +
        `${MATRIX.length} rows x ${ROLES.length} roles = ${MATRIX.length * ROLES.length} calls`,
    );
  });

  test("every row answers as expected for every role", async () => {
    test.setTimeout(600_000);
    const base = test.info().project.use.baseURL!;
    const actions = buildActions();
    const failures: string[] = [];
    for (const row of MATRIX) {
      const action = row.route.includes("#") ? actions.get(row.route) : undefined;
      const path = typeof row.path === "function" ? row.path(ids) : (row.path ?? row.route);
      const request: Call = action
        ? { method: "POST", path, action: { id: action.id, args: row.args!(ids) } }
        : { method: row.method ?? "GET", path, json: row.json };
      // Every role at once for this row; rows one after another (some rows change what later rows see).
      const answers = await Promise.all(ROLES.map((role) => call(base, identities[role], request)));
      ROLES.forEach((role, i) => {
        const expected = expectationFor(row.expect, role)!;
        if (!matches(expected, answers[i]!, sandbox)) {
          failures.push(
            `${request.method} ${path} (${row.route}) as ${role}: expected ${JSON.stringify(expected)}, got ${describeAnswer(answers[i]!)}`,
          );
        }
      });
    }
    expect(failures).toEqual([]);
  });

  test("foreign ids are refused: another's draft and flow, another's token", async () => {
    const base = test.info().project.use.baseURL!;
    const actions = buildActions();
    const act = (who: Role, ref: string, fields: Record<string, string>) =>
      call(base, identities[who], {
        method: "POST",
        path: ref.includes("tokens") ? "/account/tokens" : "/creator/flows",
        action: { id: actions.get(ref)!.id, args: [form(fields)] },
      });
    const published = async () =>
      ((await (await fetch(`${base}/api/v1/flows?q=${draftWord}`)).json()) as { total: number }).total;
    const publish = "app/creator/flows/actions.ts#publishFlowAction";
    const unpublish = "app/creator/flows/actions.ts#unpublishFlowAction";

    // Someone else's draft: nobody but its creator (or the platform admin) may publish it.
    for (const who of ["otherCreator", "member", "subscriber"] as const) {
      expect(describeAnswer(await act(who, publish, { flowId: ids.creatorDraftId }))).toBe(
        `200 /creator/flows?error=not_found&flow=${ids.creatorDraftId}`,
      );
    }
    expect(await published()).toBe(0);
    expect(describeAnswer(await act("creator", publish, { flowId: ids.creatorDraftId }))).toBe(
      `200 /creator/flows?notice=published&flow=${ids.creatorDraftId}`,
    );
    expect(await published()).toBe(1);
    // ...and nobody else may take it down again.
    for (const who of ["otherCreator", "member"] as const) {
      await act(who, unpublish, { flowId: ids.creatorDraftId });
      await act(who, unpublish, { flowId: ids.creatorFlowId });
    }
    expect(await published()).toBe(1);
    expect(
      (
        await fetch(`${base}/creator/flows/${ids.creatorDraftId}/edit`, {
          headers: { cookie: identities.otherCreator.cookie! },
          redirect: "manual",
        })
      ).status,
    ).toBe(404);

    // Someone else's API token: revoking it by id does nothing unless it is yours.
    const tokenIds = [
      ...(
        await (await fetch(`${base}/account/tokens`, { headers: { cookie: identities.subscriber.cookie! } })).text()
      ).matchAll(/name="tokenId" value="([0-9a-f-]{36})"/g),
    ].map((m) => m[1]!);
    expect(tokenIds.length).toBeGreaterThan(0);
    const me = (token: string) => fetch(`${base}/api/user/me`, { headers: { authorization: `Bearer ${token}` } });
    const token = identities["token:flows:read"].token!;
    for (const who of ["member", "creator", "admin"] as const) {
      for (const tokenId of tokenIds) await act(who, "app/account/tokens/actions.ts#revokeTokenAction", { tokenId });
    }
    expect((await me(token)).status).toBe(200);
  });
});

test.describe("authorization matrix: invitations", () => {
  test("another team's invitation cannot be revoked or resent by anyone but its managers", async () => {
    test.setTimeout(120_000);
    const base = test.info().project.use.baseURL!;
    const actions = buildActions();
    // The seeded demo team (Northwind Labs, one free seat): its owner invites, then everyone else tries its id.
    const owner: Identity = { cookie: await signedInCookie("team-owner@flowtab.dev") };
    const teammate: Identity = { cookie: await signedInCookie("team-member@flowtab.dev") };
    const teamPage = async () => (await fetch(`${base}/account/team`, { headers: { cookie: owner.cookie! } })).text();
    const invitationIds = async () =>
      [...(await teamPage()).matchAll(/name="invitationId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const act = (who: Identity, name: string, fields: Record<string, string>) =>
      call(base, who, {
        method: "POST",
        path: "/account/team",
        action: { id: actions.get(`app/account/team/actions.ts#${name}`)!.id, args: [{}, form(fields)] },
      });
    const mailsTo = async (to: string) =>
      [
        ...(
          await (
            await fetch(`${base}/admin/outbox?to=${encodeURIComponent(to)}`, {
              headers: { cookie: identities.admin.cookie! },
            })
          ).text()
        ).matchAll(/href="\/admin\/outbox\/([0-9a-f-]{36})"/g),
      ].length;

    const tenantId = /name="tenantId" value="([0-9a-f-]{36})"/.exec(await teamPage())?.[1];
    expect(tenantId, "the demo team's id on its page").toBeTruthy();
    const before = await invitationIds();
    const email = `matrix-invitee-${Date.now()}@example.com`;
    await act(owner, "inviteAction", { tenantId: tenantId!, email, role: "member" });
    const invitationId = (await invitationIds()).find((id) => !before.includes(id));
    expect(invitationId, "the new invitation on the owner's page").toBeTruthy();
    /** Everyone but the team's managers tries to revoke and to resend it; it stays open and no new link goes out. */
    const strangersCannotTouch = async (invitationId: string) => {
      expect(await mailsTo(email)).toBe(1);
      const strangers: Identity[] = [
        teammate, // a plain member of the team: not a manager
        identities.member,
        identities.subscriber,
        identities.creator,
        identities.otherCreator,
        identities.admin, // the platform admin manages no team
      ];
      for (const who of strangers) {
        for (const name of ["revokeInvitationAction", "resendInvitationAction"]) {
          await act(who, name, { tenantId: tenantId!, invitationId });
          await act(who, name, { tenantId: UNKNOWN_ID, invitationId });
        }
      }
      expect(await invitationIds(), "the invitation is still open").toContain(invitationId);
      expect(await mailsTo(email), "no new link was mailed").toBe(1);
    };
    try {
      await strangersCannotTouch(invitationId!);
    } finally {
      // The owner's own call works (so the refusals were not malformed calls) and frees the seat again, also when
      // a check failed (the team has one free seat: a retry of this test needs it).
      await act(owner, "revokeInvitationAction", { tenantId: tenantId!, invitationId: invitationId! });
    }
    expect(await invitationIds()).not.toContain(invitationId);
  });
});

async function firstId(base: string, path: string, who: Identity, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie: who.cookie ?? "" } })).text();
  const id = pattern.exec(html)?.[1];
  expect(id, `an id on ${path}`).toBeTruthy();
  return id!;
}

/** The demo creator saves a draft through the editor's own action; its id comes back in the redirect. */
async function createDraft(base: string): Promise<{ id: string; word: string }> {
  const action = buildActions().get("app/creator/flows/actions.ts#saveFlowAction")!;
  const word = `zqx${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;
  const data = form({
    title: `Matrix draft ${word}`,
    summary: "A draft that only its creator may open or publish.",
    // A realistic length: once published, other specs read it like any premium flow (the crawler, the catalogue).
    promptText:
      "Open the page the task names and read it from top to bottom before touching anything on it.\n" +
      "Then do the one thing the task asks, check the result on the page, and report what changed in one line.",
    stepTitle: "Open the page",
    stepBody: "Go to the page and look around.",
    agents: "Manus",
    category: "Productivity",
    access: "premium",
  });
  const answer = await call(base, identities.creator, {
    method: "POST",
    path: "/creator/flows/new",
    action: { id: action.id, args: [{ errors: {} }, data] },
  });
  const id = /flow=([0-9a-f-]{36})/.exec(answer.target ?? "")?.[1];
  expect(id, `a draft id from ${describeAnswer(answer)}`).toBeTruthy();
  return { id: id!, word };
}
