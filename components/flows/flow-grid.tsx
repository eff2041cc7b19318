import type { CatalogItem } from "@/db/queries/flows";
import { FlowCard } from "./flow-card";

export function FlowGrid({ items, label }: { items: CatalogItem[]; label: string }) {
  return (
    <ul aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((flow) => (
        <li key={flow.slug} className="min-w-0">
          <FlowCard flow={flow} />
        </li>
      ))}
    </ul>
  );
}
