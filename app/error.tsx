"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/layout/container";

function digestOf(error: unknown): string | undefined {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") return error.digest;
  return undefined;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = digestOf(error);

  return (
    <Container className="flex flex-1 flex-col items-center justify-center py-24 text-center">
      <p className="font-mono text-sm font-medium text-danger-text">Error</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
        Something went wrong on our side.
      </h1>
      <p className="mt-4 max-w-md text-base leading-7 text-ink-muted">
        It&rsquo;s not you. Trying again usually works; if it keeps happening, let us know and quote the reference
        below.
      </p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Button size="lg" onClick={() => retry()}>
          Try again
        </Button>
        <Link href="/" className={buttonClasses({ variant: "secondary", size: "lg" })}>
          Go to the home page
        </Link>
      </div>
      {digest ? (
        <p className="mt-8 font-mono text-xs text-ink-subtle">
          Reference: <span className="select-all">{digest}</span>
        </p>
      ) : null}
    </Container>
  );
}
