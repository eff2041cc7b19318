// The framework's floor for bench:lighthouse: the pages in scripts/bench/floor-app (an App Router page with no client
// component of its own), built with this project's next and react in a temporary directory and served with
// `next start` on a free port. Outside the repository, so the build cannot pick up the project's own config,
// middleware or instrumentation; its node_modules is a link to the project's.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../tests/e2e/support/app-instances";

const NEXT = path.resolve("node_modules/next/dist/bin/next");

export async function startFloorApp(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "flowtab-floor-"));
  cpSync("scripts/bench/floor-app", dir, { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  // Turbopack compiles nothing outside its root, and node_modules lives outside this directory.
  writeFileSync(path.join(dir, "next.config.mjs"), 'export default { turbopack: { root: "/" } };\n');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, [NEXT, "build"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env });
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(port)], { cwd: dir, stdio: "ignore", env });
  const stop = () =>
    new Promise<void>((resolve) => {
      const cleanUp = () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) return cleanUp();
      child.once("exit", cleanUp);
      child.kill("SIGTERM");
    });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(origin).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the floor app did not start on :${port}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, stop };
}
