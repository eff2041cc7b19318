import { count, notInArray } from "drizzle-orm";
import { users } from "../schema";
import type { Executor } from "../types";

// Demo data carries shared, published passwords ("flowtab-demo", an admin among them): it must never reach a
// production database by accident (issue 11, case 4). db/ reads these variables itself (it imports nothing of lib/).

/** Set to "1" (or pass --force to `npm run db:seed`) to seed demo data where it is otherwise refused. */
const FORCE_ENV = "ALLOW_DEMO_SEED";

export class DemoSeedRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DemoSeedRefused";
  }
}

export function demoSeedForcedByEnv(): boolean {
  return process.env[FORCE_ENV] === "1";
}

/** Refuses demo data in a production process, unless forced. */
export function assertNotProduction(force: boolean): void {
  if (force || process.env.NODE_ENV !== "production") return;
  throw new DemoSeedRefused(
    `refusing to write demo accounts (shared password) under NODE_ENV=production; set ${FORCE_ENV}=1 or pass --force if this really is a demo`,
  );
}

/** Refuses demo data in a database where people other than the seed's own have signed up, unless forced. */
export async function assertNoRealUsers(db: Executor, params: { demoEmails: string[]; force: boolean }) {
  if (params.force) return;
  const [row] = await db.select({ n: count() }).from(users).where(notInArray(users.email, params.demoEmails));
  const real = Number(row?.n ?? 0);
  if (real > 0) {
    throw new DemoSeedRefused(
      `refusing to write demo accounts into a database with ${real} real user${real === 1 ? "" : "s"}; set ${FORCE_ENV}=1 or pass --force to seed anyway`,
    );
  }
}
