import type { Kysely } from "kysely";
import type { Database, WebhookEndpoint, WebhookEndpointFormat } from "@/db/schema";
import { type EndpointOwner, ownerColumns, whereOwnedBy } from "./endpoint-owner";

export type NewWebhookEndpoint = {
  format: WebhookEndpointFormat;
  url: string;
  urlEncrypted: string | null;
  description: string;
  eventTypes: string[];
  includeTranscript: boolean;
  filters: Record<string, unknown>;
  throttlePerSecond: number | null;
  secretEncrypted: string;
  createdByUserId: string | null;
};

export async function createWebhookEndpoint(db: Kysely<Database>, owner: EndpointOwner, endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint> {
  return db
    .insertInto("webhook_endpoints")
    .values({
      ...ownerColumns(owner),
      format: endpoint.format,
      url: endpoint.url,
      url_encrypted: endpoint.urlEncrypted,
      description: endpoint.description,
      event_types: endpoint.eventTypes,
      include_transcript: endpoint.includeTranscript,
      filters: JSON.stringify(endpoint.filters),
      throttle_per_second: endpoint.throttlePerSecond,
      secret_encrypted: endpoint.secretEncrypted,
      created_by_user_id: endpoint.createdByUserId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listWebhookEndpoints(db: Kysely<Database>, owner: EndpointOwner): Promise<WebhookEndpoint[]> {
  return whereOwnedBy(db.selectFrom("webhook_endpoints").selectAll(), owner).orderBy("created_at").orderBy("id").execute();
}

export async function getWebhookEndpoint(db: Kysely<Database>, owner: EndpointOwner, id: string): Promise<WebhookEndpoint | undefined> {
  return whereOwnedBy(db.selectFrom("webhook_endpoints").selectAll(), owner).where("id", "=", id).executeTakeFirst();
}

export type WebhookEndpointChanges = Partial<{
  url: string;
  urlEncrypted: string | null;
  description: string;
  eventTypes: string[];
  includeTranscript: boolean;
  filters: Record<string, unknown>;
  throttlePerSecond: number | null;
  enabled: boolean;
}>;

/** Applies the changes; enabling clears the reason it was disabled and the failure streak. */
export async function updateWebhookEndpoint(
  db: Kysely<Database>,
  owner: EndpointOwner,
  id: string,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpoint | undefined> {
  const enabling = changes.enabled === true ? { disabled_reason: null, disabled_at: null, failing_since: null } : {};
  const disabling = changes.enabled === false ? { disabled_reason: "Disabled by an admin.", disabled_at: new Date() } : {};
  return whereOwnedBy(db.updateTable("webhook_endpoints"), owner)
    .set({
      ...(changes.url !== undefined && { url: changes.url }),
      ...(changes.urlEncrypted !== undefined && { url_encrypted: changes.urlEncrypted }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.eventTypes !== undefined && { event_types: changes.eventTypes }),
      ...(changes.includeTranscript !== undefined && { include_transcript: changes.includeTranscript }),
      ...(changes.filters !== undefined && { filters: JSON.stringify(changes.filters) }),
      ...(changes.throttlePerSecond !== undefined && { throttle_per_second: changes.throttlePerSecond }),
      ...(changes.enabled !== undefined && { enabled: changes.enabled }),
      ...enabling,
      ...disabling,
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteWebhookEndpoint(db: Kysely<Database>, owner: EndpointOwner, id: string): Promise<boolean> {
  const result = await whereOwnedBy(db.deleteFrom("webhook_endpoints"), owner).where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The new secret becomes current; the current one stays valid (signed alongside) until `previousExpiresAt`. */
export async function rotateWebhookEndpointSecret(
  db: Kysely<Database>,
  owner: EndpointOwner,
  id: string,
  secretEncrypted: string,
  previousExpiresAt: Date,
): Promise<WebhookEndpoint | undefined> {
  return whereOwnedBy(db.updateTable("webhook_endpoints"), owner)
    .set((eb) => ({
      previous_secret_encrypted: eb.ref("secret_encrypted"),
      previous_secret_expires_at: previousExpiresAt,
      secret_encrypted: secretEncrypted,
      updated_at: new Date(),
    }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}
