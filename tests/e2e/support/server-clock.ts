import type { APIRequestContext } from "@playwright/test";

/** The app server's time (its HTTP Date header), so "today" and "last month" never come from the test's clock. */
export async function serverNow(request: APIRequestContext): Promise<Date> {
  const response = await request.get("/api/health");
  const date = response.headers()["date"];
  if (!date) throw new Error("the app sent no Date header");
  return new Date(date);
}

/** "2026-11": the server's current UTC month. */
export const utcMonth = (at: Date) => at.toISOString().slice(0, 7);
