import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A row of links that filter one list on the page ("All", "Failed", ...); the current one is marked. */
export function FilterTabs({
  label,
  items,
  current,
}: {
  label: string;
  items: { value: string; label: string; href: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {items.map((item) => (
        <Link
          key={item.value}
          href={item.href}
          aria-current={item.value === current ? "page" : undefined}
          className={cn(
            "rounded-full border px-3 py-1 text-xs font-medium",
            item.value === current
              ? "border-accent/40 bg-accent-soft text-accent-text"
              : "border-line text-ink-muted hover:text-ink",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
