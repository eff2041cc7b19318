import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * PGlite has no lock of its own: two processes on one directory silently lose writes.
 * We keep a pid file next to the directory and refuse to open it while another live process holds it.
 */
export function claimPgliteDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  const holder = readHolder(lockFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The PGlite database in ${dir} is in use by process ${holder} (probably \`npm run dev\`). ` +
        "Stop that server first, or set DATABASE_URL to use PostgreSQL.",
    );
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
