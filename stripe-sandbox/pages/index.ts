import type { IncomingMessage, ServerResponse } from "node:http";
import { runDueTasks } from "../billing/lifecycle";
import type { Sandbox } from "../core/sandbox";
import { parseForm } from "../http/form";
import { redirect, sendHtml } from "../http/respond";
import { matchRoute } from "../http/router";
import { checkoutPages } from "./checkout";
import { onboardingPages } from "./onboarding";
import { portalPages } from "./portal";
import { portalActions } from "./portal-actions";
import { notFound, type PageResult } from "./route";

const pages = [...checkoutPages, ...portalPages, ...portalActions, ...onboardingPages];

/** Hosted pages: Checkout, the customer portal and Connect onboarding (HTML forms, no JavaScript). */
export function handlePage(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
  const result = renderPage(sb, req.method ?? "GET", url, body);
  if ("redirect" in result) redirect(res, result.redirect);
  else sendHtml(res, result.status, result.html);
}

function renderPage(sb: Sandbox, method: string, url: URL, body: string): PageResult {
  const match = matchRoute(pages, method, url.pathname);
  if (!match) return notFound("Page");
  runDueTasks(sb);
  const form = method === "POST" ? parseForm(body) : parseForm(url.search.slice(1));
  return match.handler({ sb, path: match.params, form });
}
