// Empties the e2e PostgreSQL database, applies migrations and seeds it (run by scripts/e2e-server.mjs).
import { openDatabase } from "@/db/open";
import { seedDatabase } from "@/db/seed";
import { truncateAll } from "../../helpers/truncate";

const database = await openDatabase({ autoMigrateAndSeed: false });
await database.migrate();
await truncateAll(database.db);
const summary = await seedDatabase(database.db);
console.log(`e2e database ready: ${JSON.stringify(summary)}`);
await database.close();
