import "server-only";
import type { Kysely } from "kysely";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import type { Database, GongConnectionStatus, WebhookAuth } from "@/db/schema";
import { type EncryptionKeys, decryptSecret } from "@/lib/crypto/encryption";
import { buildGongWebhookUrl } from "./webhook-url";

export type WebhookSetup = {
  status: GongConnectionStatus;
  auth: WebhookAuth;
  /** Destination URL for "Signed JWT header". */
  url: string;
  /** Destination URL for "URL includes key"; only shown to admins, who must paste it into Gong. */
  urlWithKey: string | null;
  publicKey: string | null;
};

/** The organization's webhook setup for the settings page, or `undefined` when Gong isn't connected. */
export async function getWebhookSetup(
  db: Kysely<Database>,
  organizationId: string,
  config: { appUrl: string; getEncryptionKey: () => EncryptionKeys },
): Promise<WebhookSetup | undefined> {
  const connection = await getGongConnectionByOrganization(db, organizationId);
  if (!connection || connection.status === "revoked") return undefined;
  const urlKey = connection.webhook_url_key_encrypted
    ? await decryptSecret(connection.webhook_url_key_encrypted, config.getEncryptionKey())
    : null;
  return {
    status: connection.status,
    auth: connection.webhook_auth,
    url: buildGongWebhookUrl(config.appUrl, connection.id),
    urlWithKey: urlKey ? buildGongWebhookUrl(config.appUrl, connection.id, urlKey) : null,
    publicKey: connection.webhook_public_key,
  };
}
