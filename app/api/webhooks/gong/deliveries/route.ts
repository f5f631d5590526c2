// GET /api/webhooks/gong/deliveries – admins: the newest webhook deliveries for their organization (polled by the webhook page).
import { db } from "@/db";
import { listWebhookDeliveries } from "@/db/queries/webhook-deliveries";
import { requireAdminOrThrow } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { describeHeldDelivery } from "@/lib/webhooks/delivery-reasons";

export async function GET() {
  try {
    const admin = await requireAdminOrThrow();
    const rows = await listWebhookDeliveries(db, admin.organizationId, 20);
    const deliveries = rows.map((row) => ({
      id: row.id,
      receivedAt: row.received_at.toISOString(),
      outcome: row.outcome,
      reason: row.reason,
      httpStatus: row.http_status,
      callGongId: row.call_gong_id,
      isTest: row.is_test,
      auth: row.auth,
      call: row.call_id ? { id: row.call_id, title: row.call_title || "Untitled call" } : null,
      held: row.outcome === "deferred" ? describeHeldDelivery(row.event_id) : null,
    }));
    return Response.json({ deliveries }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
