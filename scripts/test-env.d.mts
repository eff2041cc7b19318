/** A copy of `env` without the app's variables (DATABASE_URL and DATABASE_POOL_SIZE are kept). */
export function pinnedTestEnv(env: NodeJS.ProcessEnv): Record<string, string>;
