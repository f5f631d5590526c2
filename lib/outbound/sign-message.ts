import { Webhook } from "standardwebhooks";

/**
 * The Standard Webhooks headers for one message: one `v1,` signature per secret, space-separated, so a receiver
 * holding either the new or the previous secret verifies it during a rotation.
 */
export function signMessage(secrets: string[], messageId: string, timestamp: Date, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
