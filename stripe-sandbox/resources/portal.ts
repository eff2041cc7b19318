import { z } from "zod";
import { newId } from "../core/ids";
import { parseParams, text } from "../http/params";
import { buildPortalSession } from "../objects/checkout";
import type { ApiRoute } from "./route";

const createParams = z.strictObject({
  customer: text,
  return_url: text.optional(),
  configuration: text.optional(),
  locale: text.optional(),
});

export const portalRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/billing_portal/sessions",
    handler: ({ sb, params }) => {
      const p = parseParams(createParams, params);
      const customer = sb.require("customers", p.customer, "customer");
      const id = newId("bps");
      const session = buildPortalSession({
        id,
        created: sb.now(),
        customer: customer.id,
        returnUrl: p.return_url ?? null,
        locale: p.locale ?? null,
        url: `${sb.config.baseUrl}/portal/${id}`,
      });
      sb.store.insert("portal_sessions", session);
      return sb.view(session);
    },
  },
];
