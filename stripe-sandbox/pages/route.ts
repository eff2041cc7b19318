import type { Sandbox } from "../core/sandbox";
import type { FormObject } from "../http/form";
import type { Route } from "../http/router";
import { html, layout } from "./html";

export interface PageContext {
  sb: Sandbox;
  path: Record<string, string>;
  /** The submitted form (POST) or the query string (GET). */
  form: FormObject;
}

export type PageResult = { status: number; html: string } | { redirect: string };
export type PageRoute = Route<(context: PageContext) => PageResult>;

/** A single-line form field ("" when absent or not a plain value). */
export function field(form: FormObject, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value.trim() : "";
}

export function notFound(what: string): PageResult {
  return {
    status: 404,
    html: layout(
      "Not found",
      html`<h1>${what} not found</h1>
        <p>The link may be wrong or the sandbox was reset.</p>`,
    ),
  };
}
