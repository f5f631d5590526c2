import "server-only";
import { decryptSecret } from "@/lib/crypto/encryption";
import { WebhookVerificationError, compareSecret, verifyGongWebhook } from "@/lib/gong/webhook";
import type { DeliveryReason } from "./delivery-reasons";
import type { IncomingDelivery } from "./incoming-delivery";
import { buildGongWebhookUrl } from "./webhook-url";

export type WebhookCredentials = {
  id: string;
  webhook_auth: "jwt" | "url-key";
  webhook_public_key: string | null;
  webhook_url_key_encrypted: string | null;
};

type Input = {
  connection: WebhookCredentials;
  delivery: Pick<IncomingDelivery, "authorization" | "urlKey">;
  rawBody: Uint8Array;
  appUrl: string;
  getEncryptionKey: () => Uint8Array;
};

/** `null` when the delivery proves it came from the connection's Gong rule, else why it does not. */
export async function authenticateGongDelivery(input: Input): Promise<DeliveryReason | null> {
  const { connection } = input;
  if (connection.webhook_auth === "url-key") return checkUrlKey(input);
  if (!connection.webhook_public_key) return "missing_key";
  try {
    await verifyGongWebhook({
      publicKeyBase64: connection.webhook_public_key,
      authorization: input.delivery.authorization,
      rawBody: input.rawBody,
      // The URL we told the admin to configure, never the Host header the request claims.
      expectedUrl: buildGongWebhookUrl(input.appUrl, connection.id),
    });
    return null;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return error.reason === "malformed" ? "bad_token" : error.reason;
  }
}

async function checkUrlKey({ connection, delivery, getEncryptionKey }: Input): Promise<DeliveryReason | null> {
  if (!connection.webhook_url_key_encrypted) return "missing_key";
  const expected = await decryptSecret(connection.webhook_url_key_encrypted, getEncryptionKey());
  const given = delivery.urlKey ?? "";
  return compareSecret(given, expected) ? null : "bad_key";
}
