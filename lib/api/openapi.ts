import { z } from "zod";
import { checkoutInputSchema } from "@/lib/billing/checkout";
import { catalogParamsSchema } from "@/lib/flows/catalog-params";

// The OpenAPI 3.1 document of the public JSON API (PRODUCT.md "Tenancy, API tokens, public API").
// Request schemas come from the same zod schemas the handlers validate with, so they cannot drift.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(ref("Error"), description);

const catalogItem = {
  type: "object",
  required: [
    "slug",
    "title",
    "summary",
    "agents",
    "sites",
    "tags",
    "isPremium",
    "creator",
    "copies",
    "likes",
    "updatedAt",
  ],
  properties: {
    slug: { type: "string" },
    title: { type: "string" },
    summary: { type: "string" },
    agents: { type: "array", items: { type: "string" } },
    sites: { type: "array", items: { type: "string" } },
    tags: { type: "array", items: { type: "string" } },
    isPremium: { type: "boolean" },
    creator: {
      type: "object",
      properties: { handle: { type: ["string", "null"] }, name: { type: ["string", "null"] } },
    },
    copies: { type: "integer" },
    likes: { type: "integer" },
    updatedAt: { type: "string", format: "date-time" },
  },
};

function queryParameters() {
  const schema = z.toJSONSchema(catalogParamsSchema, { io: "input" }) as { properties: Record<string, object> };
  return Object.entries(schema.properties).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
}

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Flowtab API",
      version: "1.0.0",
      license: { name: "Proprietary", url: "https://flowtab.dev/terms" },
      description:
        "Search, read and copy flows. Authenticate with `Authorization: Bearer <token>` (create tokens at /account/tokens) or a signed-in session. Money is in integer cents. AI agents can use the Model Context Protocol server at /api/mcp instead (same tokens, same copy rules; see /docs/mcp).",
    },
    externalDocs: { description: "The MCP server for AI agents", url: new URL("/docs/mcp", serverUrl).href },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      "/api/user/me": {
        get: {
          operationId: "getCurrentUser",
          summary: "The caller: user, tenant, plan and entitlement summary",
          responses: { 200: json({ type: "object" }), 401: error("Signed out") },
        },
      },
      "/api/v1/flows": {
        get: {
          operationId: "listFlows",
          summary: "Search and filter the catalogue (scope flows:read for tokens)",
          parameters: queryParameters(),
          responses: {
            200: json({
              type: "object",
              properties: {
                items: { type: "array", items: ref("CatalogItem") },
                page: { type: "integer" },
                pageSize: { type: "integer" },
                total: { type: "integer" },
              },
            }),
            422: error("Invalid query parameter (the field is named)"),
          },
        },
      },
      "/api/v1/flows/{slug}": {
        get: {
          operationId: "getFlow",
          summary: "One flow; promptText only for a caller entitled to read it",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: json({
              allOf: [
                ref("CatalogItem"),
                {
                  type: "object",
                  properties: { steps: { type: "array", items: { type: "string" } }, promptText: { type: "string" } },
                },
              ],
            }),
            404: error("Unknown or unpublished flow"),
          },
        },
      },
      "/api/v1/flows/{slug}/copy": {
        post: {
          operationId: "copyFlow",
          summary: "Copy a flow: returns its text and records the copy (scope flows:copy)",
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string" } },
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } },
          ],
          requestBody: {
            required: false,
            content: {
              "application/json": {
                schema: { type: "object", properties: { source: { enum: ["web", "api", "extension"] } } },
              },
            },
          },
          responses: {
            200: json({
              type: "object",
              properties: {
                promptText: { type: "string" },
                copy: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    countedForPayout: { type: "boolean" },
                    alreadyCopied: { type: "boolean" },
                    copiesThisPeriod: { type: "integer" },
                    paidCopiesRemaining: { type: "integer" },
                    periodEnd: { type: "string", format: "date-time" },
                  },
                },
              },
            }),
            401: error("Signed out or bad token"),
            403: error("Premium subscription required, or the token lacks flows:copy"),
            404: error("Unknown or unpublished flow"),
            429: error("Rate limit, trial copy limit or daily API quota (see Retry-After)"),
          },
        },
      },
      "/api/v1/subscriptions/me": {
        get: {
          operationId: "getMySubscription",
          summary: "Plan, status, period and copy usage",
          responses: {
            200: json({
              type: "object",
              properties: {
                plan: { enum: ["free", "trial", "premium", "team"] },
                status: { type: ["string", "null"] },
                periodStart: { type: "string", format: "date-time" },
                periodEnd: { type: "string", format: "date-time" },
                cancelAtPeriodEnd: { type: "boolean" },
                trialEnd: { type: ["string", "null"], format: "date-time" },
                copiesThisPeriod: { type: "integer" },
                paidCopiesRemaining: { type: "integer" },
              },
            }),
            401: error("Signed out"),
          },
        },
      },
      "/api/v1/subscriptions/checkout": {
        post: {
          operationId: "startCheckout",
          summary: "Start Stripe Checkout; 409 with a portal url when a subscription exists",
          requestBody: {
            required: false,
            content: { "application/json": { schema: z.toJSONSchema(checkoutInputSchema, { io: "input" }) } },
          },
          responses: {
            200: json({ type: "object", properties: { url: { type: "string" } } }),
            409: json(
              { type: "object", properties: { error: ref("ErrorDetail"), url: { type: "string" } } },
              "Already subscribed",
            ),
          },
        },
      },
      "/api/v1/creators/me/earnings": {
        get: {
          operationId: "getMyEarnings",
          summary: "The caller's creator earnings (cents)",
          responses: {
            200: json({
              type: "object",
              properties: {
                availableCents: { type: "integer" },
                pendingCents: { type: "integer" },
                lifetimePaidCents: { type: "integer" },
                thisMonthCents: { type: "integer" },
                months: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      month: { type: "string" },
                      qualifyingCopies: { type: "integer" },
                      earnedCents: { type: "integer" },
                      status: { type: "string" },
                    },
                  },
                },
                payouts: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      month: { type: "string" },
                      amountCents: { type: "integer" },
                      status: { type: "string" },
                      paidAt: { type: ["string", "null"] },
                    },
                  },
                },
              },
            }),
            401: error("Signed out"),
          },
        },
      },
      "/api/v1/creators/me/connect": {
        post: {
          operationId: "createConnectOnboardingLink",
          summary: "Stripe Connect onboarding link",
          responses: {
            200: json({ type: "object", properties: { url: { type: "string" } } }),
            401: error("Signed out"),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from /account/tokens" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: {
        CatalogItem: catalogItem,
        ErrorDetail: {
          type: "object",
          required: ["code", "message"],
          properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } },
        },
        Error: { type: "object", required: ["error"], properties: { error: ref("ErrorDetail") } },
      },
    },
  };
}
