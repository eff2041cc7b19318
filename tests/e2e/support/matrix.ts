// The machinery of the authorization matrix (tests/e2e/authorization-matrix.spec.ts): the people, the app/ tree,
// the server actions of the build, and one HTTP call as a given person. The expectations live in the spec.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROLES = [
  "anonymous",
  "member",
  "trial",
  "subscriber",
  "creator",
  "otherCreator",
  "admin",
  "token:flows:read",
  "token:flows:copy",
  "token:earnings:read",
] as const;
export type Role = (typeof ROLES)[number];

/** Shorthands a row may use; a role named on its own wins over its group, and any group over "all". */
export const GROUPS = {
  sessions: ["member", "trial", "subscriber", "creator", "otherCreator", "admin"],
  entitled: ["trial", "subscriber"],
  notEntitled: ["member", "creator", "otherCreator", "admin"],
  notAdmin: ["member", "trial", "subscriber", "creator", "otherCreator"],
  tokens: ["token:flows:read", "token:flows:copy", "token:earnings:read"],
} as const satisfies Record<string, readonly Role[]>;
export type Group = keyof typeof GROUPS | "all";

/**
 * What a call must answer: a status, or "status target" where target starts the Location header (or, for a server
 * action, the x-action-redirect header): "307 /login", "200 /creator/flows?error=not_found". "{sandbox}" stands for
 * the Stripe sandbox's origin. A list accepts any of its entries.
 */
export type Expect = number | string | ReadonlyArray<number | string>;

/** Who a call is made as: a session cookie, an API token, or nobody. */
export type Identity = { cookie?: string; token?: string };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The HTTP methods a route.ts exports: `export (async) function GET`, `export const GET`, `export { x as GET }`,
 * `export const { GET, POST } = handlers`.
 */
function exportedMethods(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^export\s*(?:const\s*)?\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(","))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      );
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

/**
 * Every endpoint in the app/ tree as "METHOD /url-pattern": a page (and the sitemap and robots.txt) is "GET /path";
 * a route handler is one entry per HTTP method it exports ("POST /api/v1/flows/[slug]/copy"), so a method added to
 * an existing route needs a row of its own.
 */
export function appRoutes(): string[] {
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" });
  const routes = new Set<string>();
  for (const file of files) {
    const base = path.basename(file);
    const dir = path.dirname(file);
    const url = (suffix: string) =>
      ("/" + [...dir.split(path.sep), suffix].filter((s) => s && s !== "." && !/^\(.+\)$/.test(s)).join("/")).replace(
        /\/$/,
        "",
      ) || "/";
    if (base === "page.tsx") routes.add(`GET ${url("")}`);
    if (base === "route.ts")
      for (const method of exportedMethods(path.join(ROOT, "app", file))) routes.add(`${method} ${url("")}`);
    if (dir === "." && base === "sitemap.ts") routes.add("GET /sitemap.xml");
    if (dir === "." && base === "robots.ts") routes.add("GET /robots.txt");
  }
  return [...routes].sort();
}

type ActionEntry = { id: string; ref: string; workers: string[] };

/** Every server action in the build ("app/account/tokens/actions.ts#revokeTokenAction"), with its id. */
export function buildActions(): Map<string, ActionEntry> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const actions = new Map<string, ActionEntry>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const ref = `${entry.filename}#${entry.exportedName}`;
    actions.set(ref, { id, ref, workers: Object.keys(entry.workers) });
  }
  return actions;
}

/** The exports of every "use server" file in app/ (so an action missing from the build is noticed too). */
export function sourceActions(): string[] {
  const refs: string[] = [];
  for (const file of readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(ROOT, "app", file), "utf8");
    if (!/^\s*["']use server["'];/.test(text)) continue;
    for (const match of text.matchAll(/^export async function (\w+)/gm)) {
      refs.push(`app/${file.split(path.sep).join("/")}#${match[1]}`);
    }
  }
  return refs.sort();
}

// React's own encoder for server action arguments: the body a browser sends.
const require_ = createRequire(import.meta.url);
const { encodeReply } = require_(
  path.join(ROOT, "node_modules/next/dist/compiled/react-server-dom-webpack/client.node.js"),
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

export type Call = {
  method: string;
  path: string;
  json?: unknown;
  /** A server action: its id and arguments (a FormData is sent as a form, as React does). */
  action?: { id: string; args: unknown[] };
};

export type Answer = { status: number; target: string | null };

/** One request as `who`, with no cookie jar (a response's Set-Cookie never leaks into another call). */
export async function call(baseURL: string, who: Identity, c: Call): Promise<Answer> {
  const headers: Record<string, string> = { origin: new URL(baseURL).origin };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  let body: string | FormData | undefined;
  if (c.action) {
    headers["next-action"] = c.action.id;
    headers.accept = "text/x-component";
    body = await encodeReply(c.action.args);
  } else if (c.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(c.json);
  }
  const res = await fetch(new URL(c.path, baseURL), { method: c.method, headers, body, redirect: "manual" });
  await res.arrayBuffer();
  const raw = res.headers.get("x-action-redirect")?.replace(/;(push|replace)$/, "") ?? res.headers.get("location");
  const target = raw?.startsWith(baseURL) ? raw.slice(baseURL.length) || "/" : (raw ?? null);
  return { status: res.status, target };
}

export function matches(expectation: Expect, answer: Answer, sandbox: string): boolean {
  const options = Array.isArray(expectation) ? expectation : [expectation];
  return options.some((option) => {
    if (typeof option === "number") return answer.status === option;
    const [status, target] = option.split(" ") as [string, string | undefined];
    if (answer.status !== Number(status)) return false;
    return target === undefined || (answer.target ?? "").startsWith(target.replace("{sandbox}", sandbox));
  });
}

export function describeAnswer(answer: Answer): string {
  return answer.target ? `${answer.status} ${answer.target}` : String(answer.status);
}

/** The expectation for `role` in a row: the role itself, else its group, else "all". */
export function expectationFor(expectations: Partial<Record<Role | Group, Expect>>, role: Role): Expect | undefined {
  if (expectations[role] !== undefined) return expectations[role];
  for (const [group, members] of Object.entries(GROUPS)) {
    if ((members as readonly Role[]).includes(role) && expectations[group as Group] !== undefined) {
      return expectations[group as Group];
    }
  }
  return expectations.all;
}
