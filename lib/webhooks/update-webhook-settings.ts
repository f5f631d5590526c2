import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { updateGongConnectionWebhook } from "@/db/queries/gong-connection-webhook";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import type { Database, WebhookAuth } from "@/db/schema";
import { type EncryptionKeys, encryptSecret } from "@/lib/crypto/encryption";
import { parsePublicKey } from "@/lib/gong/webhook";

export type WebhookSettingsResult = { ok: true } | { ok: false; error: string };
type Actor = { organizationId: string; userId: string };

async function getActiveConnectionId(db: Kysely<Database>, organizationId: string): Promise<string | undefined> {
  const connection = await getGongConnectionByOrganization(db, organizationId);
  return connection && connection.status !== "revoked" ? connection.id : undefined;
}

/** Stores the rule's public key (canonical bare base64) and switches the connection to "Signed JWT header". */
export async function saveWebhookPublicKey(db: Kysely<Database>, actor: Actor, text: string): Promise<WebhookSettingsResult> {
  const parsed = parsePublicKey(text);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  const connectionId = await getActiveConnectionId(db, actor.organizationId);
  if (!connectionId) return { ok: false, error: "Connect Gong first." };
  await db.transaction().execute(async (trx) => {
    await updateGongConnectionWebhook(trx, connectionId, { webhook_auth: "jwt", webhook_public_key: parsed.spkiBase64 });
    await createAuditEvent(trx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "webhook.public_key_saved" });
  });
  return { ok: true };
}

/** Switches the authentication method; "URL includes key" gets a key the first time. */
export async function setWebhookAuth(
  db: Kysely<Database>,
  actor: Actor,
  auth: WebhookAuth,
  encryptionKey: EncryptionKeys,
): Promise<WebhookSettingsResult> {
  const connection = await getGongConnectionByOrganization(db, actor.organizationId);
  if (!connection || connection.status === "revoked") return { ok: false, error: "Connect Gong first." };
  const needsKey = auth === "url-key" && !connection.webhook_url_key_encrypted;
  const keyUpdate = needsKey ? { webhook_url_key_encrypted: await encryptSecret(createUrlKey(), encryptionKey) } : {};
  await db.transaction().execute(async (trx) => {
    await updateGongConnectionWebhook(trx, connection.id, { webhook_auth: auth, ...keyUpdate });
    await createAuditEvent(trx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "webhook.auth_changed", details: { auth } });
  });
  return { ok: true };
}

/** A new URL key: deliveries using the old URL are rejected from now on. */
export async function regenerateWebhookUrlKey(db: Kysely<Database>, actor: Actor, encryptionKey: EncryptionKeys): Promise<WebhookSettingsResult> {
  const connectionId = await getActiveConnectionId(db, actor.organizationId);
  if (!connectionId) return { ok: false, error: "Connect Gong first." };
  const encrypted = await encryptSecret(createUrlKey(), encryptionKey);
  await db.transaction().execute(async (trx) => {
    await updateGongConnectionWebhook(trx, connectionId, { webhook_url_key_encrypted: encrypted });
    await createAuditEvent(trx, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "webhook.url_key_regenerated" });
  });
  return { ok: true };
}

function createUrlKey(): string {
  return randomBytes(24).toString("base64url");
}
