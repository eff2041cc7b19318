import { afterEach, describe, expect, it, vi } from "vitest";
import { toErrorBody } from "@/lib/errors";

// A database that is restarting or unreachable is a 503 with Retry-After (clients retry), never a 500.
// The errors are shaped as postgres.js, Node and Drizzle throw them; the end-to-end proof is
// tests/e2e/database-restart.spec.ts, which restarts a real PostgreSQL under load.

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** Drizzle wraps a driver error: "Failed query: ..." with the driver's error as its cause. */
const drizzleWrapped = (cause: Error) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

afterEach(() => vi.restoreAllMocks());

describe("toErrorBody for an unavailable database", () => {
  it.each([
    ["PostgreSQL shutting down (57P01) under Drizzle", drizzleWrapped(withCode("terminating connection", "57P01"))],
    ["PostgreSQL starting up (57P03)", withCode("the database system is starting up", "57P03")],
    ["a connection exception (08006)", withCode("connection failure", "08006")],
    ["postgres.js losing its connection", drizzleWrapped(withCode("write CONNECTION_CLOSED", "CONNECTION_CLOSED"))],
    ["a refused connection on every address", new AggregateError([withCode("connect", "ECONNREFUSED")], "refused")],
  ])("%s -> 503 with Retry-After", (_name, error) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, headers, body } = toErrorBody(error);
    expect(status).toBe(503);
    expect(headers).toEqual({ "Retry-After": "2" });
    expect(body.error.code).toBe("unavailable");
  });

  it("other database errors stay 500 and say nothing of the query", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, headers, body } = toErrorBody(drizzleWrapped(withCode("duplicate key", "23505")));
    expect(status).toBe(500);
    expect(headers).toEqual({});
    expect(body).toEqual({ error: { code: "internal", message: "Something went wrong on our side." } });
  });
});
