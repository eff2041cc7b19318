"use client";

import { useEffect, useLayoutEffect } from "react";
import { applyThemePreference, readThemePreference, themeScript } from "@/components/layout/theme";
import { LogoMark } from "@/components/layout/logo";
import { Button, buttonClasses } from "@/components/ui/button";
import { mono, sans } from "./fonts";
import "./globals.css";

/** Replaces the root layout when it fails, so it brings its own document, styles, fonts and theme. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  // When this replaces the document on the client, the inline script does not run again.
  useLayoutEffect(() => {
    applyThemePreference(readThemePreference());
  }, []);

  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  return (
    <html lang="en" data-theme-pref="system" className={`${sans.variable} ${mono.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col items-center justify-center bg-canvas px-4 text-center font-sans text-ink antialiased">
        <title>Something went wrong · Flowtab</title>
        <LogoMark size={40} />
        <h1 className="mt-8 text-3xl font-semibold tracking-tight sm:text-4xl">Flowtab hit an unexpected error.</h1>
        <p className="mt-4 max-w-md text-base leading-7 text-ink-muted">
          The page couldn&rsquo;t load. Try again in a moment; your account and your flows are safe.
        </p>
        <div className="mt-8 flex flex-col gap-3 sm:flex-row">
          <Button size="lg" onClick={() => retry()}>
            Try again
          </Button>
          {/* A plain anchor: a full reload rebuilds the root layout that failed. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next/link would keep the broken layout */}
          <a href="/" className={buttonClasses({ variant: "secondary", size: "lg" })}>
            Go to the home page
          </a>
        </div>
        {digest ? <p className="mt-8 font-mono text-xs text-ink-subtle">Reference: {digest}</p> : null}
      </body>
    </html>
  );
}
