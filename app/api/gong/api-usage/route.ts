// GET /api/gong/api-usage – admins: today's Gong API requests of their connection, polled by its budget bar.
import { db } from "@/db";
import { getTodaysApiUsage } from "@/db/queries/api-usage";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import { requireAdminOrThrow } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const admin = await requireAdminOrThrow();
    const connection = await getGongConnectionByOrganization(db, admin.organizationId);
    const usage = connection ? await getTodaysApiUsage(db, connection.id) : { requests: 0, rate_limited: 0, failed: 0 };
    return Response.json(usage, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
