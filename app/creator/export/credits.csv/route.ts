// GET /creator/export/credits.csv?month=YYYY-MM: the signed-in creator's credits (one row per qualifying copy) of
// that UTC month, or of all time without `month`. Session only; integer cents plus a dollars column.
import { z } from "zod";
import { getDb } from "@/db";
import { listCreditsForExport } from "@/db/queries/earnings-export";
import { apiRoute } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { creditsCsv, csvResponse } from "@/lib/earnings/csv";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  month: z
    .string()
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM")
    .optional(),
});

export const GET = apiRoute(async (request: Request) => {
  const user = await requireSessionUser();
  const url = new URL(request.url);
  const { month } = querySchema.parse({ month: url.searchParams.get("month") ?? undefined });
  const rows = await listCreditsForExport(await getDb(), { creatorId: user.id, month });
  return csvResponse(creditsCsv(rows), `flowtab-credits-${month ?? "all"}.csv`);
});
