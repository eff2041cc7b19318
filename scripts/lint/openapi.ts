// Writes the OpenAPI document that /api/v1/openapi.json serves to a file, for `redocly lint`.
import { mkdirSync, writeFileSync } from "node:fs";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const out = process.argv[2] ?? "reports/openapi.json";
mkdirSync("reports", { recursive: true });
writeFileSync(out, JSON.stringify(buildOpenApiDocument("https://flowtab.dev"), null, 2));
