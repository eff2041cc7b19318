// npm run bench:catalog: the catalogue query on 50,000 flows. Creates a scratch database next to DATABASE_URL's,
// fills it, prints per query the median time of getCatalogPage and whether any plan scans flows sequentially,
// then drops the scratch database. Usage: DATABASE_URL=postgres://... npm run bench:catalog -- --flows 50000
import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migratePostgresDb } from "@/db/migrate";
import {
  catalogCountQuery,
  catalogItemsQuery,
  getCatalogPage,
  prepareCatalogFilters,
  type CatalogQuery,
} from "@/db/queries/flows";
import { queryRows } from "@/db/rows";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";

const { values } = parseArgs({
  options: { flows: { type: "string", default: "50000" }, runs: { type: "string", default: "20" } },
});
const flowCount = Number(values.flows);
const runs = Number(values.runs);
if (!process.env.DATABASE_URL) {
  console.error("bench:catalog needs DATABASE_URL (a PostgreSQL server where it may create a scratch database).");
  process.exit(1);
}

const scratch = `flowtab_bench_catalog_${Date.now().toString(36)}`;
const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${scratch}`);
const url = new URL(process.env.DATABASE_URL);
url.pathname = `/${scratch}`;
const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
const db = drizzle(client, { schema }) as unknown as Db;

try {
  await migratePostgresDb(drizzle(client, { schema }));
  const [creator] = await db
    .insert(schema.users)
    .values({ email: "bench@example.com", name: "Bench", handle: "bench" })
    .returning();
  const [tenant] = await db
    .insert(schema.tenants)
    .values({ name: "Bench", kind: "personal", personalOwnerId: creator!.id })
    .returning();
  const words = [
    "invoice",
    "calendar",
    "github",
    "amazon",
    "linkedin",
    "notion",
    "slack",
    "figma",
    "stripe",
    "jira",
    "airbnb",
    "zillow",
    "reddit",
    "youtube",
    "gmail",
    "trello",
    "shopify",
    "hubspot",
    "zendesk",
    "salesforce",
  ];
  const agents = [
    "Perplexity Comet",
    "ChatGPT Atlas",
    "Opera Neon",
    "Manus",
    "Browser Use",
    "Playwright MCP",
    "Claude for Chrome",
    "Gemini in Chrome",
  ];
  const started = performance.now();
  await db.execute(sql`
    insert into flows (slug, title, summary, prompt_text, steps, category, agents, sites, tags, is_premium, status,
                       creator_id, tenant_id, copy_count, recent_copy_count, like_count, published_at)
    select 'bench-' || g,
           'Automate ' || (${`{${words.join(",")}}`}::text[])[1 + g % 20] || ' work for team ' || g,
           'Summary of a ' || (${`{${words.join(",")}}`}::text[])[1 + (g / 7) % 20] || ' task number ' || g,
           'Prompt text for flow ' || g || ': open the site, read the page, check the result, report back.',
           jsonb_build_array(jsonb_build_object('title', 'Open the page', 'body', 'Body ' || g)),
           'Productivity',
           array[(${`{${agents.map((a) => `"${a}"`).join(",")}}`}::text[])[1 + g % 8]],
           array['site' || (g % 60) || '.com'],
           array['tag' || (g % 80), 'topic' || (g % 9)],
           g % 5 <> 0,
           case when g % 20 = 0 then 'draft' else 'published' end,
           ${creator!.id}, ${tenant!.id}, (g * 13) % 900, (g * 7) % 97, (g * 11) % 301,
           case when g % 20 = 0 then null else now() - g * interval '10 minutes' end
    from generate_series(1, ${flowCount}) g`);
  await db.execute(sql`vacuum analyze`);
  const loadSeconds = (performance.now() - started) / 1000;

  const base: CatalogQuery = { sort: "popular", page: 1, pageSize: 20, searchScope: "public" };
  const cases: Array<[string, CatalogQuery]> = [
    ["search 'calend' (public)", { ...base, q: "calend" }],
    ["search 'calend' (full)", { ...base, q: "calend", searchScope: "full" }],
    ["search 'github team' (public)", { ...base, q: "github team" }],
    ["search 'github team' (full)", { ...base, q: "github team", searchScope: "full" }],
    ["agent filter", { ...base, agent: "Opera Neon" }],
    ["site + access", { ...base, site: "site7.com", access: "premium" }],
    ["tag, newest", { ...base, tag: "tag12", sort: "new" }],
    ["sort popular", base],
    ["sort new", { ...base, sort: "new" }],
    ["sort liked, page 50", { ...base, sort: "liked", page: 50 }],
  ];
  const plan = async (query: { getSQL(): SQL }) =>
    (await queryRows<Record<string, string>>(db, sql`explain ${query.getSQL()}`))
      .map((r) => Object.values(r)[0])
      .join("\n");

  const results = [];
  for (const [name, params] of cases) {
    const filters = await prepareCatalogFilters(db, params);
    const plans = [await plan(catalogItemsQuery(db, filters)), await plan(catalogCountQuery(db, filters))].join("\n");
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      total = (await getCatalogPage(db, params)).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results.push({
      query: name,
      total,
      medianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(2)),
      seqScanOnFlows: /Seq Scan on flows/.test(plans),
    });
  }
  console.log(JSON.stringify({ flows: flowCount, loadSeconds: Number(loadSeconds.toFixed(1)), runsPerQuery: runs }));
  for (const r of results) console.log(JSON.stringify(r));
} finally {
  await client.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists ${scratch}`);
  await admin.end({ timeout: 5 });
}
