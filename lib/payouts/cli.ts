// npm run payouts -- --month YYYY-MM: the monthly payout run from a shell, run in this process (not enqueued; the
// workers deliver the emails it queues). Prints the summary as one JSON line on stdout (step logs go to stderr)
// and exits non-zero on any error. With PGlite it refuses while `npm run dev` holds
// the data directory (db/pglite-lock.ts): two processes on one PGlite directory silently lose writes.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase, type OpenDatabase } from "@/db/open";
import { AppError, toErrorBody } from "@/lib/errors";
import { installJobQueues } from "@/lib/jobs/runtime";
import { runPayoutJob } from "./job";
import { payoutMonthSchema, previousMonth } from "./month";

const USAGE = "usage: npm run payouts -- --month YYYY-MM   (default: the previous UTC month)";

const argsSchema = z.object({ month: payoutMonthSchema });

function readArgs(argv: string[]): { month: string } {
  const { values } = parseArgs({
    args: argv,
    options: { month: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return argsSchema.parse({ month: values.month ?? previousMonth(new Date()) });
}

async function main(): Promise<number> {
  let args: { month: string };
  try {
    args = readArgs(process.argv.slice(2));
  } catch (error) {
    const message =
      error instanceof z.ZodError
        ? error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")
        : String((error as Error).message ?? error);
    console.error(`payouts: ${message}\n${USAGE}`);
    return 2;
  }

  let database: OpenDatabase | undefined;
  try {
    database = await openDatabase({ autoMigrateAndSeed: false });
    // The run queues "payout paid/failed" emails with their delivery jobs: the job queues must exist.
    await installJobQueues(database.db);
    const summary = await runPayoutJob(database.db, { month: args.month });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.failed.length > 0 || summary.retries.failed.length > 0 ? 3 : 0;
  } catch (error) {
    // Typed errors (already running, month not over, billing not configured) keep their message; anything else
    // (a PGlite directory held by the dev server, a database that is down) is printed as it is: this is an operator.
    const body =
      error instanceof AppError
        ? toErrorBody(error).body
        : { error: { code: "internal", message: (error as Error)?.message ?? String(error) } };
    console.error(`payouts: ${body.error.message}`);
    process.stdout.write(`${JSON.stringify(body)}\n`);
    return 1;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main();
