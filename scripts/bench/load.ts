// A small closed-loop HTTP load generator for the benchmarks: `clients` concurrent loops, each sending its next
// request as soon as the previous answer is read, over keep-alive connections (node:http, no dependency).
// It records every latency and the generator's own CPU time, so a report can show it was not the bottleneck.
import http from "node:http";

export type RequestSpec = {
  port: number;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
};

export type LoadResult = {
  clients: number;
  requests: number;
  ok: number;
  /** Failed requests by status (or "network"). */
  errors: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time the generator itself spent per request (user + system), in milliseconds. */
  loaderCpuMsPerRequest: number;
};

const agents = new Map<string, http.Agent>();

function agentFor(port: number, clients: number): http.Agent {
  const key = `${port}:${clients}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: clients, maxFreeSockets: clients });
    agents.set(key, agent);
  }
  return agent;
}

export function closeAgents() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request; resolves with the status, headers and body as text. */
export function send(spec: RequestSpec, clients = 1): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) headers["content-length"] = Buffer.byteLength(spec.body);
    const request = http.request(
      {
        host: "127.0.0.1",
        port: spec.port,
        path: spec.path,
        method: spec.method ?? "GET",
        headers,
        agent: agentFor(spec.port, clients),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(spec.body);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Drives `nextRequest()` with `clients` loops until it returns null or `durationMs` has passed.
 * `isOk` decides whether an answer counts as a success (default: status 200).
 */
export async function runLoad(options: {
  clients: number;
  nextRequest: () => RequestSpec | null;
  durationMs?: number;
  isOk?: (answer: Answer) => boolean;
}): Promise<LoadResult> {
  const { clients } = options;
  const isOk = options.isOk ?? ((a: Answer) => a.status === 200);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let ok = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Infinity : started + options.durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const spec = options.nextRequest();
        if (!spec) return;
        const t0 = performance.now();
        try {
          const answer = await send(spec, clients);
          latencies.push(performance.now() - t0);
          if (isOk(answer)) ok++;
          else {
            const key = String(answer.status);
            errors[key] = (errors[key] ?? 0) + 1;
          }
        } catch {
          latencies.push(performance.now() - t0);
          errors.network = (errors.network ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const sorted = Float64Array.from(latencies).sort();
  return {
    clients,
    requests: latencies.length,
    ok,
    errors,
    seconds: round(seconds, 2),
    perSecond: Math.round(ok / seconds),
    p50Ms: round(percentile(sorted, 50), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    loaderCpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length), 3),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Latency percentiles of a list of durations in ms. */
export function percentiles(durations: number[]): { p50Ms: number; p99Ms: number } {
  const sorted = Float64Array.from(durations).sort();
  return { p50Ms: round(percentile(sorted, 50), 1), p99Ms: round(percentile(sorted, 99), 1) };
}
