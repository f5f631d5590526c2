import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

/** What the connection page shows: the connection without its secrets, and who connected it. */
export function getGongConnectionOverview(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom("gong_connections")
    .leftJoin("users", "users.id", "gong_connections.connected_by_user_id")
    .select([
      "gong_connections.id",
      "gong_connections.status",
      "gong_connections.connected_at",
      "gong_connections.gong_account_email",
      "gong_connections.granted_scopes",
      "gong_connections.api_base_url",
      "gong_connections.access_token_expires_at",
      "gong_connections.token_refreshed_at",
      "gong_connections.last_token_error",
      "gong_connections.sync_on_connect",
      "gong_connections.include_speaker_labels",
      "gong_connections.auto_sync_interval_hours",
      "gong_connections.revoked_at",
      "users.name as connected_by_name",
    ])
    .where("gong_connections.organization_id", "=", organizationId)
    .executeTakeFirst();
}

export type GongConnectionOverview = NonNullable<Awaited<ReturnType<typeof getGongConnectionOverview>>>;
