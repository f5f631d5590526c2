import type { Kysely } from "kysely";
import type { Database, GongConnection } from "@/db/schema";

export function getGongConnection(db: Kysely<Database>, id: string): Promise<GongConnection | undefined> {
  return db.selectFrom("gong_connections").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getGongConnectionByOrganization(db: Kysely<Database>, organizationId: string): Promise<GongConnection | undefined> {
  return db.selectFrom("gong_connections").selectAll().where("organization_id", "=", organizationId).executeTakeFirst();
}

export type StoredTokens = {
  accessTokenEncrypted: string;
  refreshTokenEncrypted: string | null;
  accessTokenExpiresAt: Date;
  grantedScopes: string[];
  apiBaseUrl: string;
};

/**
 * One connection per organization: connecting again replaces tokens and scopes and reopens a revoked one.
 * The version bump makes any refresh still in flight for the old grant discard its tokens.
 */
export function upsertConnectedGongConnection(
  db: Kysely<Database>,
  input: StoredTokens & {
    organizationId: string;
    connectedByUserId: string | null;
    gongAccountEmail: string | null;
    settings: { sync_on_connect?: boolean; include_speaker_labels?: boolean };
  },
): Promise<GongConnection> {
  const values = {
    status: "connected" as const,
    connected_by_user_id: input.connectedByUserId,
    connected_at: new Date(),
    gong_account_email: input.gongAccountEmail,
    granted_scopes: input.grantedScopes,
    api_base_url: input.apiBaseUrl,
    access_token_encrypted: input.accessTokenEncrypted,
    refresh_token_encrypted: input.refreshTokenEncrypted,
    access_token_expires_at: input.accessTokenExpiresAt,
    token_refreshed_at: new Date(),
    token_refresh_locked_until: null,
    last_token_error: null,
    revoked_at: null,
    revoked_by_user_id: null,
    updated_at: new Date(),
    ...input.settings,
  };
  return db
    .insertInto("gong_connections")
    .values({ organization_id: input.organizationId, ...values })
    .onConflict((conflict) =>
      conflict.column("organization_id").doUpdateSet((eb) => ({ ...values, token_version: eb("gong_connections.token_version", "+", 1) })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * With `tokenVersion`, only if the tokens are still the ones that failed: a refusal of an old grant must not mark a
 * reconnect. Returns the organization when this call flagged the connection, undefined when it was already flagged.
 */
export async function markGongConnectionNeedsReauth(
  db: Kysely<Database>,
  id: string,
  reason: string,
  options: { tokenVersion?: number } = {},
): Promise<{ organization_id: string } | undefined> {
  let query = db
    .updateTable("gong_connections")
    .set((eb) => ({
      status: "needs_reauth" as const,
      token_version: eb("token_version", "+", 1),
      token_refresh_locked_until: null,
      last_token_error: reason,
      updated_at: new Date(),
    }))
    .where("id", "=", id)
    .where("status", "=", "connected");
  if (options.tokenVersion !== undefined) query = query.where("token_version", "=", options.tokenVersion);
  return query.returning("organization_id").executeTakeFirst();
}

/** Destroys the tokens: a revoked connection keeps its settings and history but can call Gong no more. */
export async function revokeGongConnection(db: Kysely<Database>, id: string, userId: string | null): Promise<void> {
  await db
    .updateTable("gong_connections")
    .set((eb) => ({
      status: "revoked" as const,
      token_version: eb("token_version", "+", 1),
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      access_token_expires_at: null,
      token_refresh_locked_until: null,
      revoked_at: new Date(),
      revoked_by_user_id: userId,
      updated_at: new Date(),
    }))
    .where("id", "=", id)
    .execute();
}

export type GongConnectionSettings = {
  sync_on_connect: boolean;
  include_speaker_labels: boolean;
  auto_sync_interval_hours: number | null;
  include_new_workspaces: boolean;
};

export async function updateGongConnectionSettings(db: Kysely<Database>, id: string, settings: Partial<GongConnectionSettings>): Promise<void> {
  await db.updateTable("gong_connections").set({ ...settings, updated_at: new Date() }).where("id", "=", id).execute();
}

/** Just the status of the organization's connection, for the banner every page shows while Gong is disconnected. */
export async function getGongConnectionStatus(db: Kysely<Database>, organizationId: string): Promise<GongConnection["status"] | null> {
  const row = await db.selectFrom("gong_connections").select("status").where("organization_id", "=", organizationId).executeTakeFirst();
  return row?.status ?? null;
}
