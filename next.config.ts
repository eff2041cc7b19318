import type { NextConfig } from "next";

// Sent with every response. CSP is left out on purpose: the theme script in the root layout is inline,
// so a CSP needs a nonce strategy (see Next's content-security-policy guide) before it can be added.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), usb=(), payment=(self), browsing-topics=()",
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Both database drivers load native/WASM assets at run time: let Node require them instead of bundling.
  // pg-boss (the job queue) and its pg driver, with optional native bindings, likewise.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pg-boss"],
  // Public pages are served from Next's cache (lib/cache/public-pages.ts), one entry per flow, creator page and
  // catalogue query: keep the entries in memory only (an LRU of cacheMaxMemorySize, 50 MB by default), so endless
  // distinct searches cannot fill the disk. Each process has its own cache (at most 60 s stale on the others).
  experimental: { isrFlushToDisk: false },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
