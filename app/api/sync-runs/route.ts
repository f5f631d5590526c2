// GET /api/sync-runs – the organization's recent sync runs with progress, polled by the Sync activity page.
import { db } from "@/db";
import { listSyncRuns } from "@/db/queries/sync-runs";
import { requireAdminOrThrow } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { toSyncRunView } from "@/lib/sync/sync-run-view";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const admin = await requireAdminOrThrow();
    const runs = await listSyncRuns(db, admin.organizationId, 30);
    return Response.json({ runs: runs.map(toSyncRunView) });
  } catch (error) {
    return toErrorResponse(error);
  }
}
