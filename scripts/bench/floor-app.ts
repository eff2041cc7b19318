// The framework's floor for bench:lighthouse: the pages in scripts/bench/floor-app (an App Router page with no client
// component of its own), built with this project's next and react in a temporary directory and served with
// `next start` on a free port. Outside the repository, so the build cannot pick up the project's own config,
// middleware or instrumentation; its node_modules is a link to the project's.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, NEXT_CLI, startNextServer } from "../../tests/e2e/support/app-instances";

export async function startFloorApp(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "flowtab-floor-"));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync("scripts/bench/floor-app", dir, { recursive: true });
    symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
    // Turbopack compiles nothing outside its root, and node_modules lives outside this directory.
    writeFileSync(path.join(dir, "next.config.mjs"), 'export default { turbopack: { root: "/" } };\n');
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    execFileSync(process.execPath, [NEXT_CLI, "build"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env });
    const server = await startNextServer({ port: await freePort(), env, readyPath: "/", cwd: dir });
    return {
      origin: server.origin,
      stop: async () => {
        await server.stop();
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}
