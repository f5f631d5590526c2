// POST /api/webhooks/gong/<connection id> – Gong's "Fire webhook" rule: verify, record, enqueue the call sync, 200 at once (202 while held for re-authorization).
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { type GongWebhookReceiver, createGongWebhookReceiver } from "@/lib/webhooks/receive-gong-webhook";

// One receiver per process, so concurrent deliveries share their round trips; made on first use, after the env is read.
let receiver: GongWebhookReceiver | undefined;

export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  try {
    const { connectionId } = await params;
    receiver ??= createGongWebhookReceiver({
      db,
      appUrl: getEnv().APP_URL,
      getEncryptionKey: () => getGongAppConfig().encryptionKey,
      sendEvents: (events) => inngest.send(events),
    });
    const result = await receiver(request, connectionId);
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
