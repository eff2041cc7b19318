// npm run bench:lighthouse: what a visitor's phone feels (issue 13, item 6). Lighthouse with its default mobile
// settings (Moto G Power viewport, simulated slow 4G and 4x CPU slowdown) on `/`, `/flows`, a premium flow page and
// `/pricing`, signed out, against `next start` on a scratch database; prints each page's scores beside the targets,
// and beside the framework's floor measured in the same run: an empty App Router page built with the same next and
// react (scripts/bench/floor-app, built by this script; --no-floor skips it).
//
// It builds nothing: run `npm run build` first. Like bench:http it needs BENCH_DATABASE_URL (or DATABASE_URL), a
// PostgreSQL server where it creates (and at the end drops) a scratch database with the demo catalogue. Chromium:
// CHROME_PATH, else PLAYWRIGHT_CHROMIUM_PATH, else /usr/bin/chromium.
//
// Usage: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:lighthouse -- [--runs 3]
//   [--pages /,/flows] [--no-floor] [--throttling simulate|devtools]
// Each page is measured --runs times; the median run (by performance score) is reported. Simulated throttling makes
// the figures depend on this machine's CPU: run it on a quiet machine. The full reports land in reports/lighthouse/.
// --throttling devtools applies the same slow 4G and 4x CPU slowdown in the browser instead of simulating them from
// an unthrottled load (Lighthouse's default, "simulate"): on localhost the simulation charges scripts that arrived
// before the first frame to LCP, so the two differ; the targets are for the default.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import postgres from "postgres";
import { startApp, type AppInstance } from "../../tests/e2e/support/app-instances";
import { startFloorApp } from "./floor-app";
import { seedCatalogue } from "./http-world";
import { benchServerUrl, createScratchDatabase } from "./scratch-db";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    pages: { type: "string" },
    "no-floor": { type: "boolean", default: false },
    throttling: { type: "string", default: "simulate" },
  },
});
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error("--runs must be a positive integer.");
  process.exit(1);
}
const THROTTLING = values.throttling as "simulate" | "devtools";
if (!["simulate", "devtools"].includes(THROTTLING)) {
  console.error("--throttling must be simulate or devtools.");
  process.exit(1);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("bench:lighthouse measures the production build: run `npm run build` first.");
  process.exit(1);
}

/** The targets: performance >= 95, LCP < 2.5 s, TBT < 200 ms; the other categories stay at 100. */
const TARGET = { performance: 95, lcpMs: 2500, tbtMs: 200, others: 100 };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

type Measured = {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  clsScore: number;
  /** Client JavaScript the page loaded, kB on the wire. */
  scriptKb: number;
  /** Lighthouse's measure of this machine's CPU speed during the run (higher is faster). */
  benchmarkIndex: number;
};

const serverUrl = benchServerUrl("bench:lighthouse");
const scratch = await createScratchDatabase(serverUrl, "lighthouse");
let app: AppInstance | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const sql = postgres(scratch.url, { max: 4, onnotice: () => {} });
  await seedCatalogue(sql);
  const [flow] = await sql<{ slug: string }[]>`
    select slug from flows where status = 'published' and is_premium order by recent_copy_count desc, slug limit 1`;
  await sql.end({ timeout: 5 });
  const pages = values.pages?.split(",") ?? ["/", "/flows", `/flows/${flow!.slug}`, "/pricing"];

  // `next start` on a free port (the helper the multi-instance e2e specs use).
  app = await startApp(scratch.url);
  const base = app.origin;
  // Fill Next's cache first: a visitor meets a warm cache, not the first render after a deploy.
  for (const page of pages) await fetch(`${base}${page}`).then((r) => r.text());

  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  mkdirSync("reports/lighthouse", { recursive: true });
  const results: Measured[] = [];
  for (const page of pages) results.push(await measure(chrome.port, base, page, page));
  if (!values["no-floor"]) {
    const floor = await startFloorApp();
    try {
      results.push(await measure(chrome.port, floor.origin, "/", "floor: an empty Next.js page"));
    } finally {
      await floor.stop();
    }
  }
  printReport(results);
} finally {
  await chrome?.kill();
  await app?.stop();
  await scratch.drop();
}

type ResourceRow = { resourceType: string; transferSize: number };

/** RUNS Lighthouse runs of one page; the median run by performance score. */
async function measure(port: number, base: string, page: string, label: string): Promise<Measured> {
  const runs: Measured[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const outcome = await lighthouse(`${base}${page}`, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      throttlingMethod: THROTTLING,
    });
    if (!outcome) throw new Error(`Lighthouse returned nothing for ${label}`);
    const { lhr } = outcome;
    if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${label}: ${lhr.runtimeError.message}`);
    const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const scripts = (lhr.audits["resource-summary"]?.details as { items?: ResourceRow[] } | undefined)?.items;
    runs.push({
      page: label,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: Math.round(audit("largest-contentful-paint")),
      tbtMs: Math.round(audit("total-blocking-time")),
      fcpMs: Math.round(audit("first-contentful-paint")),
      clsScore: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
      scriptKb: Math.round((scripts?.find((r) => r.resourceType === "script")?.transferSize ?? 0) / 1024),
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    });
    const name = label.startsWith("floor") ? "floor" : page === "/" ? "home" : page.slice(1).replaceAll("/", "_");
    writeFileSync(`reports/lighthouse/${name}-${THROTTLING}-${run}.json`, outcome.report as string);
  }
  runs.sort((a, b) => a.performance - b.performance);
  return runs[Math.floor(runs.length / 2)]!;
}

function printReport(results: Measured[]) {
  const [load1] = os.loadavg();
  console.log(
    JSON.stringify({
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage1m: load1 },
      lighthouse: `default mobile settings, ${THROTTLING === "simulate" ? "simulated throttling (the default)" : "applied (devtools) throttling"}`,
      runsPerPage: RUNS,
      targets: TARGET,
    }),
  );
  for (const r of results) console.log(JSON.stringify(r));
  const pass = (r: Measured) =>
    r.performance >= TARGET.performance &&
    r.lcpMs < TARGET.lcpMs &&
    r.tbtMs < TARGET.tbtMs &&
    r.accessibility >= TARGET.others &&
    r.bestPractices >= TARGET.others &&
    r.seo >= TARGET.others;
  console.log(
    "\npage                                     perf  LCP ms  TBT ms  a11y  best  seo   JS kB  bench idx  target met",
  );
  for (const r of results) {
    console.log(
      `${r.page.padEnd(40).slice(0, 40)} ${String(r.performance).padStart(4)}  ${String(r.lcpMs).padStart(6)}  ` +
        `${String(r.tbtMs).padStart(6)}  ${String(r.accessibility).padStart(4)}  ${String(r.bestPractices).padStart(4)}  ` +
        `${String(r.seo).padStart(3)}  ${String(r.scriptKb).padStart(6)}  ${String(r.benchmarkIndex).padStart(9)}  ` +
        (pass(r) ? "yes" : "no"),
    );
  }
  console.log(
    `targets: performance >= ${TARGET.performance}, LCP < ${TARGET.lcpMs} ms, TBT < ${TARGET.tbtMs} ms, others 100`,
  );
}
