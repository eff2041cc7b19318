import { describe, expect, it } from "vitest";
import { gateForPath } from "@/lib/access";
import { safeRedirectPath } from "@/lib/auth/redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/library/abc?x=1", "/library/abc?x=1"],
    ["//evil.com", "/flows"],
    ["/\\evil.com", "/flows"],
    ["https://evil.com", "/flows"],
    ["/login?from=/x", "/flows"],
    [undefined, "/flows"],
  ])("%s -> %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe("gateForPath", () => {
  it.each([
    ["/library", "premium"],
    ["/library/some-flow", "premium"],
    ["/libraryx", "public"],
    ["/account/tokens", "signed-in"],
    ["/creator", "signed-in"],
    ["/admin/outbox", "signed-in"],
    ["/flows/x", "public"],
    ["/", "public"],
  ] as const)("%s is %s", (path, gate) => {
    expect(gateForPath(path)).toBe(gate);
  });
});
