// npm run bench:http: the copy request and the public pages over HTTP against `next start`, beside the limit.
//
// It builds nothing: run `npm run build` first. On the PostgreSQL server of BENCH_DATABASE_URL (or DATABASE_URL)
// it creates a scratch database (never that URL's own database), seeds the demo catalogue and adds benchmark
// flows and paying subscribers. Then, with 1 and then 2 `next start` processes (the load spread over both ports):
//   - signs the subscribers in over HTTP (Auth.js credentials),
//   - drives distinct premium copies (POST /api/v1/flows/{slug}/copy with the session cookie) at 16 and 64 clients,
//     and right beside each, the same number of copies as ONE SQL statement through postgres.js at the same
//     concurrency (the limit, scripts/bench/copy-limit.ts), printing copies/s, p50, p99 and the ratios to the limit,
//   - GET /robots.txt (Next's floor: no database), GET /api/health (one query), and `/`, the catalogue, a catalogue
//     search and a flow page signed out at 8 and 64 clients.
// It also measures the load generator alone against a trivial server (its ceiling), and the CPU each request cost
// the app processes, the PostgreSQL backends and the generator. The scratch database is dropped at the end.
//
// Usage: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:http -- [--clients 16,64]
//   [--page-clients 8,64] [--processes 1,2] [--copies 2000] [--limit-copies 4000] [--page-seconds 5] [--port 3280]
//   [--pool 10] [--cpu-prof] [--skip-pages] [--pages-only] [--keep]
// --pages-only skips the copy and limit measurements (the public pages, the health floor and robots.txt only).
// --cpu-prof starts each app process with `node --cpu-prof`; the profiles land in reports/cpu-prof/ and
// `node scripts/bench/cpu-top.mjs <file>` prints their heaviest functions.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { startNextServer, type AppInstance } from "../../tests/e2e/support/app-instances";
import { oneStatementCopy } from "./copy-limit";
import { copyJobs, createBenchFlows, createSubscribers, seedCatalogue, signIn, type Subscriber } from "./http-world";
import { closeAgents, percentiles, round, runLoad, type LoadResult } from "./load";
import { cpuMs, withDescendants } from "./proc-cpu";
import { benchServerUrl, createScratchDatabase } from "./scratch-db";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "16,64" },
    "page-clients": { type: "string", default: "8,64" },
    processes: { type: "string", default: "1,2" },
    copies: { type: "string", default: "2000" },
    "limit-copies": { type: "string", default: "4000" },
    "page-seconds": { type: "string", default: "5" },
    port: { type: "string", default: "3280" },
    pool: { type: "string", default: "10" },
    "cpu-prof": { type: "boolean", default: false },
    "skip-pages": { type: "boolean", default: false },
    "pages-only": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const list = (s: string) => s.split(",").map(Number);
const clientCounts = list(values.clients);
const pageClientCounts = list(values["page-clients"]);
const processCounts = list(values.processes);
const copiesPerRun = Number(values.copies);
const limitCopiesPerRun = Number(values["limit-copies"]);
const pageMs = Number(values["page-seconds"]) * 1000;
const basePort = Number(values.port);
const FLOWS = 1000;
const WARMUP_COPIES = 200;

if (!existsSync(".next/BUILD_ID")) {
  console.error("bench:http runs the production build and builds nothing itself: run `npm run build` first.");
  process.exit(1);
}
const serverUrl = benchServerUrl("bench:http");
const log = (msg: string) => console.error(`[bench:http] ${msg}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const machine = {
  date: new Date().toISOString(),
  cpu: `${os.cpus()[0]?.model ?? "?"} x ${os.cpus().length}`,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  build: `${readFileSync(".next/BUILD_ID", "utf8").trim()} (${statSync(".next/BUILD_ID").mtime.toISOString()})`,
  loadAverageAtStart: load(),
};

const scratch = await createScratchDatabase(serverUrl, "http");
log(`scratch database ${scratch.name} on PostgreSQL ${scratch.server.version} (fsync=${scratch.server.fsync})`);
const sql = postgres(scratch.url, { max: 4, onnotice: () => {} });
const servers: AppInstance[] = [];

const rows: Array<Record<string, unknown>> = [];
try {
  const t0 = performance.now();
  await seedCatalogue(sql);
  const slugs = await createBenchFlows(sql, FLOWS, 10);
  const maxClients = Math.max(...clientCounts);
  const httpTotal = processCounts.length * (clientCounts.length * copiesPerRun + WARMUP_COPIES);
  const limitTotal = processCounts.length * clientCounts.reduce((sum, c) => sum + limitCopiesPerRun + 2 * c, 0);
  const httpSubscribers = await createSubscribers(
    sql,
    "bench-http",
    Math.max(2 * maxClients, Math.ceil(httpTotal / 100)),
  );
  const limitSubscribers = await createSubscribers(
    sql,
    "bench-limit",
    Math.max(2 * maxClients, Math.ceil(limitTotal / 100)),
  );
  const [flowPage] = await sql<Array<{ slug: string }>>`
    select slug from flows where status = 'published' and slug not like 'bench-%' order by copy_count desc limit 1`;
  log(
    `world ready in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${httpSubscribers.length} HTTP subscribers, ` +
      `${limitSubscribers.length} limit subscribers, ${FLOWS} premium flows; load average ${load()}`,
  );

  const ceiling = await loaderCeiling(maxClients);
  log(`load generator alone: ${ceiling.perSecond} req/s at ${maxClients} clients`);

  const httpJobs = copyJobs(httpSubscribers, slugs);
  const limitJobs = copyJobs(limitSubscribers, slugs);
  const cookies = new Map<string, string>();

  for (const processes of processCounts) {
    const ports = Array.from({ length: processes }, (_, i) => basePort + i);
    if (cookies.size === 0) {
      // Signed in once, on a server that is not profiled; the cookies hold for every process (one AUTH_SECRET).
      await startServers(ports.slice(0, 1), false);
      const started = performance.now();
      await signInAll(httpSubscribers, ports[0]!, cookies);
      const seconds = (performance.now() - started) / 1000;
      log(`${cookies.size} subscribers signed in over HTTP in ${seconds.toFixed(1)} s`);
      if (values["cpu-prof"]) await stopServers();
    }
    const spawnedAt = performance.now();
    if (servers.length !== ports.length) await stopServers();
    const pids = servers.length === ports.length ? servers.map((s) => s.pid) : await startServers(ports, true);
    const sinceSpawn = () => ((performance.now() - spawnedAt) / 1000).toFixed(1);
    const copyRequest = copyRequestFor(ports, httpJobs, cookies);
    await runLoad({ clients: 16, nextRequest: limited(copyRequest, WARMUP_COPIES), isOk: qualifyingCopy });

    const health = await measure(pids, () =>
      runLoad({ clients: maxClients, durationMs: 3000, nextRequest: roundRobin(ports, "/api/health") }),
    );
    rows.push({ processes, path: "GET /api/health", ...health });
    // Next's own floor: a route that touches no database.
    const floor = await measure(pids, () =>
      runLoad({ clients: maxClients, durationMs: 3000, nextRequest: roundRobin(ports, "/robots.txt") }),
    );
    rows.push({ processes, path: "GET /robots.txt (no database)", ...floor });

    for (const clients of values["pages-only"] ? [] : clientCounts) {
      const limit = await measureLimit(clients, limitJobs, limitCopiesPerRun);
      const from = sinceSpawn();
      const http = await measure(pids, () =>
        runLoad({ clients, nextRequest: limited(copyRequest, copiesPerRun), isOk: qualifyingCopy }),
      );
      if (values["cpu-prof"]) log(`profile window of the ${clients}-client copies: --window ${from},${sinceSpawn()}`);
      rows.push({ processes, path: "one-statement copy (the limit)", ...limit });
      rows.push({
        processes,
        path: "POST /api/v1/flows/{slug}/copy",
        ...http,
        ratioToLimit: round(http.perSecond / limit.perSecond, 2),
        p99RatioToLimit: round(http.p99Ms / limit.p99Ms, 2),
      });
      log(
        `${processes} process(es), ${clients} clients: HTTP ${http.perSecond}/s p99 ${http.p99Ms} ms, ` +
          `limit ${limit.perSecond}/s p99 ${limit.p99Ms} ms; load average ${load()}`,
      );
    }

    if (!values["skip-pages"]) {
      const pages = ["/", "/flows", "/flows?q=github", `/flows/${flowPage!.slug}`];
      for (const page of pages) {
        for (const clients of pageClientCounts) {
          const result = await measure(pids, () =>
            runLoad({ clients, durationMs: pageMs, nextRequest: roundRobin(ports, page) }),
          );
          rows.push({ processes, path: `GET ${page} (signed out)`, ...result });
        }
      }
    }
    await stopServers();
  }

  const [check] = await sql<Array<{ copies: number; credits: number }>>`
    select count(*)::int as copies, count(*) filter (where counted_for_payout)::int as credits
    from copy_events e join users u on u.id = e.user_id where u.email like 'bench-http-%'`;
  printReport(ceiling, check!);
} finally {
  await stopServers();
  closeAgents();
  await sql.end({ timeout: 5 });
  if (values.keep) log(`kept ${scratch.url}`);
  else await scratch.drop();
}

function qualifyingCopy(answer: { status: number; body: string }) {
  return answer.status === 200 && answer.body.includes('"countedForPayout":true');
}

function limited<T>(next: () => T | null, count: number): () => T | null {
  let left = count;
  return () => (left-- > 0 ? next() : null);
}

function roundRobin(ports: number[], requestPath: string) {
  let i = 0;
  return () => {
    const port = ports[i++ % ports.length]!;
    return { port, path: requestPath, headers: { host: `localhost:${port}` } };
  };
}

function copyRequestFor(ports: number[], jobs: ReturnType<typeof copyJobs<Subscriber>>, cookies: Map<string, string>) {
  let i = 0;
  return () => {
    const job = jobs.next();
    if (!job) throw new Error("bench:http ran out of distinct copies; raise the subscriber count");
    const port = ports[i++ % ports.length]!;
    return {
      port,
      path: `/api/v1/flows/${job.slug}/copy`,
      method: "POST" as const,
      headers: {
        host: `localhost:${port}`,
        origin: `http://localhost:${port}`,
        cookie: cookies.get(job.subscriber.id)!,
        "content-type": "application/json",
      },
      body: '{"source":"web"}',
    };
  };
}

/** Runs a load and adds the CPU the app processes and the database backends spent per successful request. */
async function measure(appPids: number[], run: () => Promise<LoadResult>) {
  const backends = (
    await sql<Array<{ pid: number }>>`select pid from pg_stat_activity where datname = current_database()`
  ).map((r) => r.pid);
  const app = withDescendants(appPids);
  const [app0, db0] = [cpuMs(app), cpuMs(backends)];
  const result = await run();
  const [app1, db1] = [cpuMs(app), cpuMs(backends)];
  const per = (a: number | null, b: number | null) =>
    a === null || b === null ? null : round((b - a) / Math.max(1, result.ok), 2);
  return { ...result, appCpuMsPerRequest: per(app0, app1), dbCpuMsPerRequest: per(db0, db1), loadAverage: load() };
}

/** The one-statement copy through postgres.js, `clients` at a time, each on its own connection. */
async function measureLimit(clients: number, jobs: ReturnType<typeof copyJobs<Subscriber>>, count: number) {
  const client = postgres(scratch.url, { max: clients, onnotice: () => {} });
  const drive = async (n: number) => {
    let left = n;
    let ok = 0;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (left-- > 0) {
          const job = jobs.next()!;
          const t = performance.now();
          if (await oneStatementCopy(client, job.subscriber.id, job.slug)) ok++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    return { ok, latencies, seconds: (performance.now() - started) / 1000 };
  };
  try {
    await drive(2 * clients); // opens and prepares every connection
    const cpu0 = process.cpuUsage();
    const run = await drive(count);
    const cpu = process.cpuUsage(cpu0);
    return {
      clients,
      requests: run.latencies.length,
      ok: run.ok,
      errors: run.latencies.length - run.ok,
      seconds: round(run.seconds, 2),
      perSecond: Math.round(run.ok / run.seconds),
      ...percentiles(run.latencies),
      loaderCpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / run.latencies.length, 3),
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function signInAll(subscribers: Subscriber[], port: number, into: Map<string, string>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < subscribers.length) {
        const s = subscribers[next++]!;
        into.set(s.id, await signIn(port, s.email));
      }
    }),
  );
}

async function startServers(ports: number[], profile: boolean): Promise<number[]> {
  const profileDir = path.resolve("reports", "cpu-prof");
  profile &&= values["cpu-prof"] === true;
  if (profile) mkdirSync(profileDir, { recursive: true });
  const started = await Promise.allSettled(
    ports.map((port) =>
      startNextServer({
        port,
        readyPath: "/api/health",
        nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
        env: {
          ...appEnvironment(),
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: scratch.url,
          DATABASE_POOL_SIZE: values.pool,
          PORT: String(port),
          APP_URL: `http://localhost:${port}`,
          AUTH_SECRET: "bench-http-secret-not-for-production",
          CRON_SECRET: "bench-http-cron-secret-0123456789",
        },
        onUnexpectedExit: (code, output) => log(`next start on :${port} exited (${code}):\n${output.slice(-3000)}`),
      }),
    ),
  );
  // The ones that did start are stopped with the rest (the run's `finally`), even when another did not.
  for (const result of started) if (result.status === "fulfilled") servers.push(result.value);
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return servers.map((s) => s.pid);
}

/** The environment without Stripe settings (a copy never calls Stripe) or a PGlite directory. */
function appEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_SANDBOX_URL", "STRIPE_WEBHOOK_SECRET", "PGLITE_DIR", "SMTP_URL"]) {
    delete env[key];
  }
  return env;
}

async function stopServers() {
  const stopping = servers.splice(0);
  closeAgents();
  await Promise.all(stopping.map((server) => server.stop()));
}

/** How fast the generator alone goes against a server that does nothing (a child process answering `{}`). */
async function loaderCeiling(clients: number): Promise<LoadResult> {
  const port = basePort + 9;
  const child = spawn(
    process.execPath,
    [
      "-e",
      `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => s.end('{"ok":true}')); }).listen(${port}, "127.0.0.1", () => console.log("up"))`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise((resolve) => child.stdout!.once("data", resolve));
  try {
    return await runLoad({ clients, durationMs: 3000, nextRequest: () => ({ port, path: "/" }) });
  } finally {
    child.kill();
    closeAgents();
  }
}

function printReport(ceiling: LoadResult, check: { copies: number; credits: number }) {
  console.log(JSON.stringify({ machine: { ...machine, loadAverageAtEnd: load() }, database: scratch.server }));
  console.log(
    JSON.stringify({
      loadGeneratorCeiling: { clients: ceiling.clients, perSecond: ceiling.perSecond, p99Ms: ceiling.p99Ms },
    }),
  );
  for (const row of rows) console.log(JSON.stringify(row));
  console.log(JSON.stringify({ httpCopiesRecorded: check.copies, httpCreditsRecorded: check.credits }));
  const pad = (s: unknown, n: number) => String(s ?? "").padEnd(n);
  console.log(
    [
      pad("procs", 6),
      pad("clients", 8),
      pad("path", 40),
      pad("ok/s", 7),
      pad("p50 ms", 8),
      pad("p99 ms", 8),
      pad("x limit", 8),
      pad("p99 x", 7),
      pad("app cpu ms", 11),
      pad("db cpu ms", 10),
      pad("errors", 8),
    ].join(""),
  );
  for (const r of rows) {
    console.log(
      [
        pad(r.processes, 6),
        pad(r.clients, 8),
        pad(r.path, 40),
        pad(r.perSecond, 7),
        pad(r.p50Ms, 8),
        pad(r.p99Ms, 8),
        pad(r.ratioToLimit, 8),
        pad(r.p99RatioToLimit, 7),
        pad(r.appCpuMsPerRequest, 11),
        pad(r.dbCpuMsPerRequest, 10),
        pad(typeof r.errors === "object" ? JSON.stringify(r.errors) : r.errors, 8),
      ].join(""),
    );
  }
}
