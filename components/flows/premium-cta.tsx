import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { ArrowRightIcon, SparkleIcon } from "@/components/ui/icons";
import { LockIcon } from "./icons";

/** Who is looking at a premium flow, as far as the call to action is concerned. */
export type PremiumViewer = "anonymous" | "member" | "entitled";

/**
 * The teaser's call to action. Never shows any of the premium text: the reader at /library/[slug] does, after
 * its own server-side check.
 */
export function PremiumCta({ viewer, slug, priceLabel }: { viewer: PremiumViewer; slug: string; priceLabel: string }) {
  const from = `/flows/${slug}`;
  return (
    <div className="relative overflow-hidden rounded-xl border border-premium/40 bg-premium-soft/60 p-5 sm:p-6">
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-surface text-premium-text shadow-card">
          {viewer === "entitled" ? <SparkleIcon size={18} /> : <LockIcon size={18} />}
        </span>
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-ink">
            {viewer === "entitled" ? "This flow is in your library" : "The full flow is for subscribers"}
          </h2>
          <p className="mt-1 text-sm leading-6 text-ink-muted">
            {viewer === "entitled"
              ? "Read every step and copy the prompt in the library reader."
              : viewer === "member"
                ? `Subscribe to read every step and copy the prompt, along with every premium flow. ${priceLabel}, cancel any time.`
                : "Start a 7-day free trial to read every step and copy the prompt. No card needed."}
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            {viewer === "entitled" ? (
              <Link href={`/library/${slug}`} className={buttonClasses()}>
                Open in Library <ArrowRightIcon size={16} />
              </Link>
            ) : viewer === "member" ? (
              <Link href="/pricing" className={buttonClasses()}>
                Subscribe <ArrowRightIcon size={16} />
              </Link>
            ) : (
              <>
                <Link href={`/register?from=${from}`} className={buttonClasses()}>
                  Start free trial
                </Link>
                <Link href={`/login?from=${from}`} className={buttonClasses({ variant: "link", className: "text-sm" })}>
                  I have an account
                </Link>
              </>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
