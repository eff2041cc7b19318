import { customType, timestamp } from "drizzle-orm/pg-core";

/** UTC timestamptz, as a JS Date. Every time in Flowtab is stored this way. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

/** SQL list literal for a CHECK constraint: ('a', 'b'). Values come from our own constants, never input. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`;
}
