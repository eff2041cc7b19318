import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { stripTrailing } from "@/lib/strip-trailing";

// Reads APP_URL at request time, so one build serves any origin.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const origin = stripTrailing(env().APP_URL, "/");
  return {
    rules: {
      userAgent: "*",
      // "Disallow: /creator" is a prefix rule that would also match /creators/...; the longer Allow wins.
      allow: ["/", "/creators/"],
      disallow: ["/account", "/creator", "/admin", "/library", "/api"],
    },
    sitemap: `${origin}/sitemap.xml`,
  };
}
