import { z } from "zod";
import { createAccount, createAccountLink } from "../connect/accounts";
import { listView } from "../http/lists";
import {
  boolean,
  clearable,
  inRange,
  mergeMetadata,
  metadata,
  pagination,
  parseParams,
  range,
  text,
} from "../http/params";
import type { ApiRoute } from "./route";

const createParams = z.strictObject({
  type: z.enum(["express", "standard", "custom"]),
  country: text.optional(),
  email: text.optional(),
  capabilities: z.record(z.string(), z.strictObject({ requested: boolean })).optional(),
  metadata: metadata.optional(),
});
const updateParams = z.strictObject({ email: text.optional(), metadata: metadata.optional() });
const listParams = z.strictObject({ ...pagination, created: range.optional() });
const linkParams = z.strictObject({
  account: text,
  refresh_url: text,
  return_url: text,
  type: z.enum(["account_onboarding", "account_update"]),
});

export const connectRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/accounts",
    handler: ({ sb, params }) => {
      const p = parseParams(createParams, params);
      const requested = Object.entries(p.capabilities ?? {})
        .filter(([, capability]) => capability.requested)
        .map(([name]) => name);
      const account = createAccount(sb, {
        type: p.type,
        country: p.country ?? "US",
        email: p.email ?? null,
        requestedCapabilities: requested,
        metadata: mergeMetadata({}, p.metadata),
      });
      return sb.view(account);
    },
  },
  { method: "GET", path: "/v1/accounts/:id", handler: ({ sb, path }) => sb.view(sb.require("accounts", path.id)) },
  {
    method: "POST",
    path: "/v1/accounts/:id",
    handler: ({ sb, params, path }) => {
      const p = parseParams(updateParams, params);
      const account = sb.require("accounts", path.id);
      const before = sb.view(account);
      if (p.email !== undefined) account.email = clearable(p.email) ?? null;
      account.metadata = mergeMetadata(account.metadata, p.metadata);
      sb.emit("account.updated", account, before);
      return sb.view(account);
    },
  },
  {
    method: "GET",
    path: "/v1/accounts",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const accounts = sb.store.all("accounts").filter((account) => inRange(account.created, p.created));
      return listView(sb, accounts, p, "/v1/accounts");
    },
  },
  {
    method: "POST",
    path: "/v1/account_links",
    handler: ({ sb, params }) => {
      const p = parseParams(linkParams, params);
      const account = sb.require("accounts", p.account, "account");
      return createAccountLink(sb, { account, refreshUrl: p.refresh_url, returnUrl: p.return_url });
    },
  },
];
