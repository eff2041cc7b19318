// CPU time of processes from /proc (Linux), so a benchmark can say where the CPU went: the app servers (with
// their child processes), the PostgreSQL backends serving the scratch database, and the load generator itself.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statOf(pid: number): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces: fields start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** The pids and every descendant of them. */
export function withDescendants(pids: number[]): number[] {
  let all: number[];
  try {
    all = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return pids;
  }
  const children = new Map<number, number[]>();
  for (const pid of all) {
    const s = statOf(pid);
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  const out = new Set<number>();
  const walk = (pid: number) => {
    if (out.has(pid)) return;
    out.add(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  pids.forEach(walk);
  return [...out];
}

/** CPU milliseconds (user + system) used so far by these processes; null when /proc cannot tell. */
export function cpuMs(pids: number[]): number | null {
  let ticks = 0;
  let seen = 0;
  for (const pid of pids) {
    const s = statOf(pid);
    if (s) {
      ticks += s.ticks;
      seen++;
    }
  }
  return seen === 0 ? null : (ticks * 1000) / TICKS_PER_SECOND;
}
