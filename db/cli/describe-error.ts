// Shared by the database CLIs.

/** One line: a failed query's driver error rather than drizzle's "Failed query: <whole SQL>" wrapper. */
export function describeError(error: unknown): string {
  const cause = error instanceof Error && error.message.startsWith("Failed query") ? error.cause : error;
  const text =
    cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code || cause.name : String(cause);
  return text.replace(/\s+/g, " ").trim();
}
