import "server-only";
import { type EncryptionKeys, decryptSecret } from "@/lib/crypto/encryption";
import { WebhookVerificationError, compareSecret, verifyGongWebhookBody, verifyGongWebhookToken } from "@/lib/gong/webhook";
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
  appUrl: string;
  getEncryptionKey: () => EncryptionKeys;
};

/** Proven by its credentials; `bodySha256` (signed JWT rules) is what the body must hash to, checked once it is read. */
export type AuthenticatedDelivery = { ok: true; bodySha256: string | null } | { ok: false; reason: DeliveryReason };

/**
 * Whether the delivery's credentials prove it came from the connection's Gong rule: the signed JWT (signature,
 * `exp`, lifetime, `webhook_url`) or the URL key. Nothing here reads the body, so a forged delivery is refused
 * before any of it is read.
 */
export async function authenticateGongDelivery(input: Input): Promise<AuthenticatedDelivery> {
  const { connection } = input;
  if (connection.webhook_auth === "url-key") return checkUrlKey(input);
  if (!connection.webhook_public_key) return { ok: false, reason: "missing_key" };
  try {
    const claims = await verifyGongWebhookToken({
      publicKeyBase64: connection.webhook_public_key,
      authorization: input.delivery.authorization,
      // The URL we told the admin to configure, never the Host header the request claims.
      expectedUrl: buildGongWebhookUrl(input.appUrl, connection.id),
    });
    return { ok: true, bodySha256: claims.body_sha256 };
  } catch (error) {
    return { ok: false, reason: toDeliveryReason(error) };
  }
}

/** The body read after authenticating is the one Gong signed; null when it is, else why not. */
export function checkDeliveryBody(delivery: { bodySha256: string | null }, rawBody: Uint8Array): DeliveryReason | null {
  if (delivery.bodySha256 === null) return null;
  try {
    verifyGongWebhookBody({ body_sha256: delivery.bodySha256 }, rawBody);
    return null;
  } catch (error) {
    return toDeliveryReason(error);
  }
}

function toDeliveryReason(error: unknown): DeliveryReason {
  if (!(error instanceof WebhookVerificationError)) throw error;
  return error.reason === "malformed" ? "bad_token" : error.reason;
}

async function checkUrlKey({ connection, delivery, getEncryptionKey }: Input): Promise<AuthenticatedDelivery> {
  if (!connection.webhook_url_key_encrypted) return { ok: false, reason: "missing_key" };
  const expected = await decryptSecret(connection.webhook_url_key_encrypted, getEncryptionKey());
  const given = delivery.urlKey ?? "";
  return compareSecret(given, expected) ? { ok: true, bodySha256: null } : { ok: false, reason: "bad_key" };
}
