import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { themeScript } from "@/components/layout/theme";
import { ToastProvider } from "@/components/ui/toast";
import { switchTenantAction } from "./account/switch-tenant-action";
import { mono, sans } from "./fonts";
import "./globals.css";

// The logo mark as an inline SVG favicon (no binary asset to keep in sync).
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="9" fill="#0f766e"/>' +
      '<path d="M10.5 23.5V13a4 4 0 0 1 4-4h8M10.5 16.5h7" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/>' +
      '<circle cx="22.5" cy="16.5" r="2" fill="#fff"/></svg>',
  );

export const metadata: Metadata = {
  metadataBase: new URL(process.env.APP_URL ?? "http://localhost:3000"),
  title: {
    default: "Flowtab: tested flows for AI browser agents",
    template: "%s · Flowtab",
  },
  description:
    "Flowtab is a marketplace of flows: tested, reusable instructions that tell AI browser agents like Comet, Atlas and Claude for Chrome exactly how to get a task done.",
  applicationName: "Flowtab",
  icons: { icon: { url: FAVICON, type: "image/svg+xml" } },
  openGraph: { type: "website", siteName: "Flowtab" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#15171c" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The inline script sets the theme class and data-theme-pref before paint, so React must not
    // complain that <html> differs from the server render.
    <html lang="en" data-theme-pref="system" className={`${sans.variable} ${mono.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col bg-canvas font-sans text-ink antialiased">
        <ToastProvider>
          <a
            href="#main"
            className="sr-only rounded-md bg-inverse text-sm font-medium text-on-inverse shadow-raised focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60] focus:px-4 focus:py-2"
          >
            Skip to content
          </a>
          <SiteHeader switchTenant={switchTenantAction} />
          <main id="main" tabIndex={-1} className="flex flex-1 flex-col">
            {children}
          </main>
          <SiteFooter />
        </ToastProvider>
      </body>
    </html>
  );
}
