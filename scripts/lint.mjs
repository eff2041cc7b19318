#!/usr/bin/env node
// `npm run lint`: every static check, zero warnings allowed.
//   typecheck (tsc), ESLint, Prettier (--check), knip (unused files, exports, dependencies),
//   and `redocly lint` of the OpenAPI document the API serves.
import { spawnSync } from "node:child_process";

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["eslint", bin("eslint"), [".", "--max-warnings", "0"]],
  ["prettier", bin("prettier"), ["--check", ".", "--log-level", "warn"]],
  ["knip", bin("knip"), ["--no-progress"]],
  ["openapi document", bin("tsx"), ["--conditions=react-server", "scripts/lint/openapi.ts", "reports/openapi.json"]],
  ["redocly", bin("redocly"), ["lint", "reports/openapi.json", "--format", "stylish", "--max-problems", "50"]],
];

const failed = [];
for (const [name, cmd, args] of steps) {
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  if (result.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`lint failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("lint: clean");
