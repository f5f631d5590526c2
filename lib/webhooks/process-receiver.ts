import "server-only";
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { getEnv } from "@/lib/env";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { type GongWebhookReceiver, createGongWebhookReceiver } from "./receive-gong-webhook";

// One receiver per process, so concurrent deliveries share their round trips; made on first use, after the env is read.
let receiver: GongWebhookReceiver | undefined;

/** This process's receiver of Gong's webhook deliveries, on the app's database and Inngest client. */
export function getGongWebhookReceiver(): GongWebhookReceiver {
  receiver ??= createGongWebhookReceiver({
    db,
    appUrl: getEnv().APP_URL,
    getEncryptionKey: () => getGongAppConfig().encryptionKey,
    sendEvents: (events) => inngest.send(events),
  });
  return receiver;
}
