// POST /api/webhooks/gong/<connection id> – Gong's "Fire webhook" rule: verify, record, enqueue the call sync, 200 at once (202 while held for re-authorization).
// The app server (scripts/app-server.ts) answers these from Node's request before Next sees them; this route serves
// `next dev` and any host that runs `next start` itself, with the same receiver.
import { toErrorResponse } from "@/lib/errors";
import { deliveryFromRequest } from "@/lib/webhooks/incoming-delivery";
import { getGongWebhookReceiver } from "@/lib/webhooks/process-receiver";

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  try {
    const { connectionId } = await params;
    const result = await getGongWebhookReceiver()(deliveryFromRequest(request), connectionId);
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
