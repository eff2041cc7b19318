import "server-only";
import { z } from "zod";

// The only module that reads process.env (db/ reads DATABASE_URL and PGLITE_DIR itself, since db/ imports no lib/).
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  /** Read here for pg-boss's own connection pool (db/ reads it itself for the app's pool). */
  DATABASE_URL: z.string().optional(),
  /** "0": the app server only enqueues, `npm run worker` runs the jobs. Ignored on PGlite (always in-process). */
  RUN_JOBS_IN_PROCESS: z.enum(["0", "1"]).optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  // Auth.js reads these itself; lib/auth/session-token.ts needs them to name the session cookie as Auth.js does.
  AUTH_URL: z.url().optional(),
  NEXTAUTH_URL: z.url().optional(),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_", "STRIPE_SECRET_KEY must start with sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "STRIPE_WEBHOOK_SECRET must start with whsec_").optional(),
  STRIPE_PRICE_ID: z.string().startsWith("price_").optional(),
  STRIPE_SANDBOX_URL: z.url().optional(),
  /** "1" lets a production build (NODE_ENV=production) use STRIPE_SANDBOX_URL: the e2e server sets it. */
  ALLOW_STRIPE_SANDBOX: z.enum(["0", "1"]).optional(),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default("Flowtab <hello@flowtab.dev>"),
  CRON_SECRET: z.string().min(16).optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated environment, parsed once. Throws with every problem listed when a variable is malformed. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
