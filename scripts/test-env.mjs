// The environment the tests run in: the shell's, minus the app's own settings, so a developer's SMTP_URL, APP_URL,
// Stripe keys or PGLITE_DIR cannot change what a test sees (or send mail, or touch the dev database).
// DATABASE_URL stays: it is how a run is pointed at PostgreSQL on purpose.

/** Variables the app (or the sandbox) reads; each test sets the ones it needs itself. */
const APP_VARIABLES = [
  /^APP_URL$/,
  /^AUTH_/,
  /^NEXTAUTH_/,
  /^STRIPE_/,
  /^SMTP_/,
  /^EMAIL_/,
  /^CRON_SECRET$/,
  /^PGLITE_DIR$/,
  /^SANDBOX_/,
  /^ALLOW_STRIPE_SANDBOX$/,
  /^ALLOW_DEMO_SEED$/,
  /^PORT$/,
  /^NODE_ENV$/,
];

/** A copy of `env` without the app's variables (DATABASE_URL and DATABASE_POOL_SIZE are kept). */
export function pinnedTestEnv(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !APP_VARIABLES.some((pattern) => pattern.test(name))),
  );
}
