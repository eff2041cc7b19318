import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The Flowtab mark: a tab whose edge turns into a flow line. */
export function LogoMark({ className, size = 28 }: { className?: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="9" className="fill-accent" />
      <path
        d="M10.5 23.5V13a4 4 0 0 1 4-4h8"
        fill="none"
        strokeWidth="3"
        strokeLinecap="round"
        className="stroke-on-accent"
      />
      <path d="M10.5 16.5h7" fill="none" strokeWidth="3" strokeLinecap="round" className="stroke-on-accent" />
      <circle cx="22.5" cy="16.5" r="2" className="fill-on-accent" />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <Link href="/" aria-label="Flowtab home" className={cn("inline-flex items-center gap-2 rounded-md", className)}>
      <LogoMark />
      <span className="text-[1.05rem] font-semibold tracking-tight text-ink">Flowtab</span>
    </Link>
  );
}
