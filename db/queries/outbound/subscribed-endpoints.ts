import type { Kysely } from "kysely";
import type { Database, WebhookEndpoint } from "@/db/schema";

/**
 * The enabled endpoints an organization's event of `eventType` goes to: the organization's own, and when the
 * organization is a platform customer (it has an external id) those of every live platform key.
 */
export async function listSubscribedEndpoints(db: Kysely<Database>, organizationId: string, eventType: string): Promise<WebhookEndpoint[]> {
  const organization = await db.selectFrom("organizations").select("external_id").where("id", "=", organizationId).executeTakeFirst();
  if (!organization) return [];
  return db
    .selectFrom("webhook_endpoints")
    .selectAll("webhook_endpoints")
    .where("enabled", "=", true)
    .where((eb) => eb(eb.val(eventType), "=", eb.fn.any("event_types")))
    .where((eb) => {
      const own = eb("organization_id", "=", organizationId);
      if (organization.external_id === null) return own;
      const live = eb
        .selectFrom("api_keys")
        .select("api_keys.id")
        .where("api_keys.kind", "=", "platform")
        .where("api_keys.revoked_at", "is", null)
        .where((inner) => inner.or([inner("api_keys.expires_at", "is", null), inner("api_keys.expires_at", ">", new Date())]));
      return eb.or([own, eb("api_key_id", "in", live)]);
    })
    .orderBy("created_at")
    .execute();
}
