"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const ITEMS = [
  { href: "/creator", label: "Dashboard", exact: true },
  { href: "/creator/flows", label: "Flows", exact: false },
  { href: "/creator/payouts", label: "Payouts", exact: false },
] as const;

/** The creator area's tabs. Client only to know the current path (aria-current); the links work without JS. */
export function CreatorNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Creator" className="-mb-px flex gap-1 overflow-x-auto">
      {ITEMS.map((item) => {
        const active = item.exact
          ? pathname === item.href
          : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "border-b-2 px-3 py-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-focus",
              active
                ? "border-accent text-ink"
                : "border-transparent text-ink-muted hover:border-line-strong hover:text-ink",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
