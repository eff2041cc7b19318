import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/layout/container";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <Container className="flex flex-1 flex-col items-center justify-center py-24 text-center">
      <p className="font-mono text-sm font-medium text-accent-text">404</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
        This page isn&rsquo;t in any flow.
      </h1>
      <p className="mt-4 max-w-md text-base leading-7 text-ink-muted">
        The link may be old, or the flow may have been unpublished by its creator. The catalogue is the best place to
        look for it.
      </p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Link href="/flows" className={buttonClasses({ size: "lg" })}>
          Browse flows
        </Link>
        <Link href="/" className={buttonClasses({ variant: "secondary", size: "lg" })}>
          Go to the home page
        </Link>
      </div>
    </Container>
  );
}
