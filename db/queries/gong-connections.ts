import { type Kysely, sql } from "kysely";
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

/** One connection per organization: connecting again replaces tokens and scopes and reopens a revoked one. */
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
    .onConflict((conflict) => conflict.column("organization_id").doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Takes the per-connection refresh lease; only one caller anywhere refreshes at a time. */
export async function acquireTokenRefreshLease(db: Kysely<Database>, id: string, leaseSeconds: number): Promise<boolean> {
  const result = await db
    .updateTable("gong_connections")
    .set({ token_refresh_locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("id", "=", id)
    .where("status", "=", "connected")
    .where((eb) => eb.or([eb("token_refresh_locked_until", "is", null), eb("token_refresh_locked_until", "<", sql<Date>`now()`)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function storeRefreshedTokens(
  db: Kysely<Database>,
  id: string,
  tokens: Omit<StoredTokens, "refreshTokenEncrypted"> & { refreshTokenEncrypted: string | null },
): Promise<void> {
  await db
    .updateTable("gong_connections")
    .set((eb) => ({
      access_token_encrypted: tokens.accessTokenEncrypted,
      // Gong may omit a new refresh token; the previous one then stays valid.
      refresh_token_encrypted: tokens.refreshTokenEncrypted ?? eb.ref("refresh_token_encrypted"),
      access_token_expires_at: tokens.accessTokenExpiresAt,
      granted_scopes: tokens.grantedScopes,
      api_base_url: tokens.apiBaseUrl,
      token_refreshed_at: new Date(),
      token_refresh_locked_until: null,
      last_token_error: null,
      updated_at: new Date(),
    }))
    .where("id", "=", id)
    .execute();
}

export async function releaseTokenRefreshLease(db: Kysely<Database>, id: string, error: string | null): Promise<void> {
  await db
    .updateTable("gong_connections")
    .set({ token_refresh_locked_until: null, last_token_error: error, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

export async function markGongConnectionNeedsReauth(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db
    .updateTable("gong_connections")
    .set({ status: "needs_reauth", token_refresh_locked_until: null, last_token_error: reason, updated_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", "connected")
    .execute();
}

/** Destroys the tokens: a revoked connection keeps its settings and history but can call Gong no more. */
export async function revokeGongConnection(db: Kysely<Database>, id: string, userId: string | null): Promise<void> {
  await db
    .updateTable("gong_connections")
    .set({
      status: "revoked",
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      access_token_expires_at: null,
      token_refresh_locked_until: null,
      revoked_at: new Date(),
      revoked_by_user_id: userId,
      updated_at: new Date(),
    })
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
