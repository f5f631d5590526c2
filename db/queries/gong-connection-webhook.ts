import type { Kysely } from "kysely";
import type { Database, WebhookAuth } from "@/db/schema";

export type GongConnectionWebhookSettings = {
  webhook_auth: WebhookAuth;
  webhook_public_key: string | null;
  webhook_url_key_encrypted: string | null;
};

/** What the webhook receiver needs to decide about deliveries to these connections, and nothing else. */
export function getGongConnectionsForWebhook(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom("gong_connections")
    .select(["id", "organization_id", "status", "webhook_auth", "webhook_public_key", "webhook_url_key_encrypted"])
    .where("id", "in", ids)
    .execute();
}

export type GongConnectionForWebhook = Awaited<ReturnType<typeof getGongConnectionsForWebhook>>[number];

export async function updateGongConnectionWebhook(
  db: Kysely<Database>,
  id: string,
  settings: Partial<GongConnectionWebhookSettings>,
): Promise<void> {
  await db.updateTable("gong_connections").set({ ...settings, updated_at: new Date() }).where("id", "=", id).execute();
}
