// Extra `next start` processes for the tests that need more than the suite's own server (two instances on one
// database, a database restarted under load). They run the same build as the suite, on free ports.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const AUTH_SECRET = "e2e-instances-secret-not-for-production";
export const CRON_SECRET = "e2e-instances-cron-secret-0123456789";
/** Next's CLI of this project, as an absolute path (a server may start in another directory). */
export const NEXT_CLI = path.resolve("node_modules/next/dist/bin/next");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type AppInstance = {
  port: number;
  origin: string;
  pid: number;
  stop: () => Promise<void>;
  output: () => string;
};

/** `next start` on a free port against `databaseUrl`; resolves once /api/health answers 200. */
export async function startApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<AppInstance> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["PGLITE_DIR", "STRIPE_SECRET_KEY", "STRIPE_SANDBOX_URL", "SMTP_URL", "AUTH_URL", "PORT"]) {
    delete env[key];
  }
  return startNextServer({
    port,
    readyPath: "/api/health",
    env: {
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET,
      CRON_SECRET,
      ...extraEnv,
    },
  });
}

/**
 * `next start` of the build in `cwd` (default: this project) on `port`, with `nodeArgs` for Node itself (such as
 * `--cpu-prof`); resolves once `readyPath` answers 200, within three minutes. `onUnexpectedExit` hears of an exit
 * that `stop()` did not ask for. `stop()` sends SIGTERM, and SIGKILL 20 s later (a CPU profile is written on exit).
 */
export async function startNextServer(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  readyPath: string;
  cwd?: string;
  nodeArgs?: string[];
  onUnexpectedExit?: (code: number | null, output: string) => void;
}): Promise<AppInstance> {
  const { port } = options;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), NEXT_CLI, "start", "-p", String(port)], {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: options.env,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let stopping = false;
  child.once("exit", (code) => {
    if (!stopping) options.onUnexpectedExit?.(code, output);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}${options.readyPath}`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start on :${port} did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, origin, pid: child.pid!, stop, output: () => output };
}

export type CopyAnswer = { status: number; retryAfter: string | null; body: Record<string, unknown> | null };

/** POST /api/v1/flows/{slug}/copy with a session cookie, as the Copy button sends it. */
export async function copyFlow(app: AppInstance, cookie: string, slug: string): Promise<CopyAnswer> {
  const response = await fetch(`${app.origin}/api/v1/flows/${slug}/copy`, {
    method: "POST",
    headers: {
      origin: app.origin,
      cookie,
      "content-type": "application/json",
    },
    body: JSON.stringify({ source: "web" }),
  });
  const text = await response.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

/** Runs `jobs` with `concurrency` workers; results in job order. */
export async function inParallel<J, R>(jobs: J[], concurrency: number, run: (job: J, i: number) => Promise<R>) {
  const results = new Array<R>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await run(jobs[i]!, i);
      }
    }),
  );
  return results;
}
