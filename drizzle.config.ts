import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts with `npm run db:generate` and committed.
// They are applied by db/migrate.ts (the app on boot with PGlite, `npm run db:migrate` otherwise).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
