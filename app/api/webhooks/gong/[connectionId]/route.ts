// POST /api/webhooks/gong/<connection id> – Gong's "Fire webhook" rule: verify, record, enqueue the call sync, 200 at once (202 while held for re-authorization).
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { receiveGongWebhook } from "@/lib/webhooks/receive-gong-webhook";

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  try {
    const { connectionId } = await params;
    const result = await receiveGongWebhook(request, connectionId, {
      db,
      appUrl: getEnv().APP_URL,
      getEncryptionKey: () => getGongAppConfig().encryptionKey,
      sendEvent: (event) => inngest.send(event),
    });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
