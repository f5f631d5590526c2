import { type Kysely, sql } from "kysely";
import type { Database, GongConnection } from "@/db/schema";
import type { StoredTokens } from "./gong-connections";

/**
 * Takes the per-connection refresh lease, but only at the token version the caller read: if anyone stored
 * tokens, reconnected or revoked since, the caller's row is stale and it gets nothing. Returns the leased row,
 * whose `token_version` identifies this lease.
 */
export function acquireTokenRefreshLease(
  db: Kysely<Database>,
  id: string,
  input: { tokenVersion: number; leaseSeconds: number },
): Promise<GongConnection | undefined> {
  return db
    .updateTable("gong_connections")
    .set((eb) => ({
      token_version: eb("token_version", "+", 1),
      token_refresh_locked_until: sql<Date>`now() + make_interval(secs => ${input.leaseSeconds})`,
    }))
    .where("id", "=", id)
    .where("status", "=", "connected")
    .where("token_version", "=", input.tokenVersion)
    .where((eb) => eb.or([eb("token_refresh_locked_until", "is", null), eb("token_refresh_locked_until", "<", sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

/**
 * Stores a refresh's tokens and releases the lease, only while the lease is still the caller's and the
 * connection still connected. Undefined means a Disconnect, a Reconnect or another refresher got there first.
 */
export function storeRefreshedTokens(
  db: Kysely<Database>,
  id: string,
  leaseTokenVersion: number,
  tokens: Omit<StoredTokens, "refreshTokenEncrypted"> & { refreshTokenEncrypted: string | null },
): Promise<GongConnection | undefined> {
  return db
    .updateTable("gong_connections")
    .set((eb) => ({
      access_token_encrypted: tokens.accessTokenEncrypted,
      // Gong may omit a new refresh token; the previous one then stays valid.
      refresh_token_encrypted: tokens.refreshTokenEncrypted ?? eb.ref("refresh_token_encrypted"),
      access_token_expires_at: tokens.accessTokenExpiresAt,
      granted_scopes: tokens.grantedScopes,
      api_base_url: tokens.apiBaseUrl,
      token_version: eb("token_version", "+", 1),
      token_refreshed_at: new Date(),
      token_refresh_locked_until: null,
      last_token_error: null,
      updated_at: new Date(),
    }))
    .where("id", "=", id)
    .where("status", "=", "connected")
    .where("token_version", "=", leaseTokenVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Gives the lease back after a failed refresh, unless it has already passed to someone else. */
export async function releaseTokenRefreshLease(db: Kysely<Database>, id: string, leaseTokenVersion: number, error: string | null): Promise<void> {
  await db
    .updateTable("gong_connections")
    .set({ token_refresh_locked_until: null, last_token_error: error, updated_at: new Date() })
    .where("id", "=", id)
    .where("token_version", "=", leaseTokenVersion)
    .execute();
}
