// GET /creator/export/payouts.csv: every payout of the signed-in creator. Session only; integer cents plus dollars.
import { getDb } from "@/db";
import { listPayouts } from "@/db/queries/earnings";
import { apiRoute } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { csvResponse, payoutsCsv } from "@/lib/earnings/csv";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const user = await requireSessionUser();
  const rows = await listPayouts(await getDb(), { creatorId: user.id });
  return csvResponse(payoutsCsv(rows), "flowtab-payouts.csv");
});
