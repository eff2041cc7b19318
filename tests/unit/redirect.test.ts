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
    // Issue 11, case 7: browsers drop tabs and newlines and read backslashes as slashes.
    ["/\t/evil.com", "/flows"],
    ["/\n/evil.com", "/flows"],
    ["/\r\n/evil.com", "/flows"],
    ["/\u0000/evil.com", "/flows"],
    ["/\u0085/evil.com", "/flows"],
    ["/x\\y", "/flows"],
    // Normalised paths that would turn protocol-relative.
    ["/.//evil.com", "/flows"],
    ["/a/..//evil.com", "/flows"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
    ["/account/./tokens?x=1#top", "/account/tokens?x=1#top"],
    ["/register/", "/flows"],
    ["/x".repeat(300), "/flows"],
  ])("%j -> %j", (input, expected) => {
    expect(safeRedirectPath(input, "/flows", "http://localhost:3000")).toBe(expected);
  });

  it("stays on the configured app origin", () => {
    expect(safeRedirectPath("/pricing", "/flows", "https://flowtab.example")).toBe("/pricing");
    expect(safeRedirectPath("/\t/evil.com", "/flows", "https://flowtab.example")).toBe("/flows");
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
