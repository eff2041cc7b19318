// The whole data model. Tables live in db/schema/*.ts, one file per domain.
export * from "./schema/users";
export * from "./schema/tenants";
export * from "./schema/flows";
export * from "./schema/billing";
export * from "./schema/copies";
export * from "./schema/platform";
export * from "./schema/ledger";
