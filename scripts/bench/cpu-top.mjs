#!/usr/bin/env node
// Prints the heaviest functions of a V8 CPU profile (`node --cpu-prof`, e.g. from `npm run bench:http -- --cpu-prof`):
// self time by function, inclusive time by function (each function counted once per stack), and self time by
// package or source file. --window FROM,TO keeps the samples taken FROM..TO seconds after the profile started
// (bench:http prints the window of each copy measurement when it profiles).
// Usage: node scripts/bench/cpu-top.mjs reports/cpu-prof/<file>.cpuprofile [--top 25] [--window 12.5,40]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "25" }, window: { type: "string" } },
});
if (positionals.length !== 1) {
  console.error("usage: node scripts/bench/cpu-top.mjs <file.cpuprofile> [--top 25]");
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));
const [fromS, toS] = values.window ? values.window.split(",").map(Number) : [0, Infinity];
// Each sample stands for the time until the next one; count them per node inside the window.
const hits = new Map();
let t = profile.startTime;
let totalUs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  const at = (t - profile.startTime) / 1e6;
  const us = profile.timeDeltas[i + 1] ?? 0;
  if (at < fromS || at > toS) continue;
  totalUs += us;
  hits.set(profile.samples[i], (hits.get(profile.samples[i]) ?? 0) + us);
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function where(frame) {
  const url = frame.url || "";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes("/.next/")) return `.next/${url.split("/.next/")[1].split("/").slice(0, 3).join("/")}`;
  if (url.startsWith("node:") || !url) return url || `(${frame.functionName || "native"})`;
  return url.split("/").slice(-2).join("/");
}
const key = (frame) => `${frame.functionName || "(anonymous)"}  ${where(frame)}:${frame.lineNumber + 1}`;

const self = new Map();
const inclusive = new Map();
const byPackage = new Map();
const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
let idle = 0;
for (const n of profile.nodes) {
  const us = hits.get(n.id) ?? 0;
  if (!us) continue;
  const name = n.callFrame.functionName;
  if (name === "(idle)" || name === "(program)" || name === "(garbage collector)") {
    if (name === "(idle)") idle += us;
    add(self, name, us);
    continue;
  }
  add(self, key(n.callFrame), us);
  add(byPackage, where(n.callFrame), us);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const k = key(byId.get(id).callFrame);
    if (!seen.has(k)) {
      seen.add(k);
      add(inclusive, k, us);
    }
  }
}
const busy = totalUs - idle;
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(
  `profile window: ${(totalUs / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / totalUs).toFixed(0)}%)`,
);
print("self time by function (% of busy time)", self);
print("inclusive time by function", inclusive);
print("self time by package / file", byPackage);
