import type { Kysely } from "kysely";
import { acquireTokenRefreshLease, releaseTokenRefreshLease, storeRefreshedTokens } from "@/db/queries/gong-connection-tokens";
import { getGongConnection } from "@/db/queries/gong-connections";
import { flagConnectionNeedsReauth } from "@/lib/gong-connection/flag-connection-needs-reauth";
import type { Database, GongConnection } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";
import { AppError } from "@/lib/errors";
import { GongAuthRevokedError } from "@/lib/gong/errors";
import { DEFAULT_GONG_API_BASE_URL, type RefreshedGongTokens, refreshAccessToken } from "@/lib/gong/oauth";
import type { GongAppConfig } from "./config";
import { logger } from "@/lib/observability/logger";

// Refresh 5 minutes early so a token never expires in the middle of a sync page.
const REFRESH_MARGIN_MS = 5 * 60_000;
export const TOKEN_REQUEST_TIMEOUT_MS = 20_000;
// Three times the token request's timeout: a slow Gong must not outlast the lease and let a second refresher
// spend the same single-use refresh token.
const LEASE_SECONDS = (3 * TOKEN_REQUEST_TIMEOUT_MS) / 1000;
const WAIT_STEP_MS = 150;

export type UsableConnection = { connection: GongConnection; accessToken: string; apiBaseUrl: string };

const inFlight = new Map<string, Promise<UsableConnection>>();

/**
 * A valid access token for the connection, refreshed when close to expiry. Refreshes are serialised per
 * connection across processes by a lease in Postgres (and within one process by sharing the promise),
 * so a single-use refresh token is never spent twice.
 */
export function getAccessToken(db: Kysely<Database>, config: GongAppConfig, connectionId: string): Promise<UsableConnection> {
  const pending = inFlight.get(connectionId);
  if (pending) return pending;
  const attempt = loadOrRefresh(db, config, connectionId).finally(() => inFlight.delete(connectionId));
  inFlight.set(connectionId, attempt);
  return attempt;
}

async function loadOrRefresh(db: Kysely<Database>, config: GongAppConfig, connectionId: string): Promise<UsableConnection> {
  const deadline = Date.now() + (LEASE_SECONDS + 5) * 1000;
  for (;;) {
    const connection = await requireConnected(db, connectionId);
    if (isFresh(connection)) return decrypt(connection, config);
    // Only at the version just read: tokens stored since then make this row stale, so the lease is refused and
    // the next pass reads them instead of spending the old refresh token.
    const leased = await acquireTokenRefreshLease(db, connectionId, { tokenVersion: connection.token_version, leaseSeconds: LEASE_SECONDS });
    if (leased) return refresh(db, config, leased);
    if (Date.now() > deadline) throw new Error("Timed out waiting for another process to refresh the Gong token");
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** `leased` is the row as the lease took it; its `token_version` is this lease's. */
async function refresh(db: Kysely<Database>, config: GongAppConfig, leased: GongConnection): Promise<UsableConnection> {
  let tokens: RefreshedGongTokens;
  try {
    if (!leased.refresh_token_encrypted) throw new GongAuthRevokedError("invalid_grant", "No refresh token is stored; reconnect Gong.");
    const refreshToken = await decryptSecret(leased.refresh_token_encrypted, config.encryptionKey);
    tokens = await refreshAccessToken({ ...config, refreshToken, timeoutMs: TOKEN_REQUEST_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof GongAuthRevokedError) {
      const reason = "Gong refused to refresh the token (invalid_grant). Reconnect Gong.";
      await flagConnectionNeedsReauth(db, leased.id, reason, { tokenVersion: leased.token_version });
    } else {
      // Not the customer's doing (Gong down, or our client credentials wrong): the connection stays connected.
      await releaseTokenRefreshLease(db, leased.id, leased.token_version, error instanceof Error ? error.message : "Token refresh failed");
    }
    throw error;
  }
  // Gong has spent the old refresh token: until the new one is stored, this process holds the only copy.
  const stored = await persistRefreshedTokens(db, config, leased, tokens);
  if (!stored) throw await toLostRefreshError(db, leased.id);
  return { connection: stored, accessToken: tokens.accessToken, apiBaseUrl: stored.api_base_url ?? DEFAULT_GONG_API_BASE_URL };
}

/** Waits between attempts to store a refresh's tokens: about 15 s in all, well inside the lease. */
export const TOKEN_STORE_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

/**
 * Stores a refresh's tokens before anything else is done with them. A failure (the database restarting, a
 * dropped connection) is logged loudly and the write tried again while the lease holds, since losing a rotated
 * refresh token means the customer must reconnect. Undefined when the lease was lost to a reconnect or a revoke.
 */
async function persistRefreshedTokens(
  db: Kysely<Database>,
  config: GongAppConfig,
  leased: GongConnection,
  tokens: RefreshedGongTokens,
): Promise<GongConnection | undefined> {
  const encrypted = {
    refreshTokenEncrypted: tokens.refreshToken ? await encryptSecret(tokens.refreshToken, config.encryptionKey) : null,
    accessTokenEncrypted: await encryptSecret(tokens.accessToken, config.encryptionKey),
    accessTokenExpiresAt: tokens.expiresAt,
    grantedScopes: tokens.grantedScopes.length > 0 ? tokens.grantedScopes : leased.granted_scopes,
    apiBaseUrl: tokens.apiBaseUrl ?? leased.api_base_url ?? DEFAULT_GONG_API_BASE_URL,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await storeRefreshedTokens(db, leased.id, leased.token_version, encrypted);
    } catch (error) {
      const delay = TOKEN_STORE_RETRY_DELAYS_MS[attempt];
      const fields = { error, connectionId: leased.id, organizationId: leased.organization_id, attempt: attempt + 1 };
      if (delay === undefined) {
        logger.fatal(fields, "the refresh token Gong just rotated could not be stored; it is lost and the connection will need to be reconnected");
        throw error;
      }
      logger.error({ ...fields, retryInMs: delay }, "the refresh token Gong just rotated could not be stored; trying again");
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The tokens changed under the lease; the refreshed ones are discarded rather than written over them. */
async function toLostRefreshError(db: Kysely<Database>, connectionId: string): Promise<Error> {
  const current = await getGongConnection(db, connectionId);
  if (current?.status === "connected") {
    const message = "The Gong connection's tokens changed while this refresh was in flight (reconnected, or refreshed elsewhere), so its tokens were discarded; try again.";
    return new AppError("conflict", message);
  }
  const what = current?.status === "needs_reauth" ? "marked as needing re-authorization" : current ? "disconnected" : "deleted";
  return new GongAuthRevokedError("access_denied", `The Gong connection was ${what} while its token was being refreshed; reconnect Gong.`);
}

async function requireConnected(db: Kysely<Database>, connectionId: string): Promise<GongConnection> {
  const connection = await getGongConnection(db, connectionId);
  if (!connection || connection.status !== "connected" || !connection.access_token_encrypted) {
    const state = !connection
      ? "is missing"
      : connection.status === "connected"
        ? "has no stored access token"
        : connection.status === "needs_reauth"
          ? "needs re-authorization"
          : "was disconnected";
    throw new GongAuthRevokedError("access_denied", `The Gong connection ${state}; reconnect Gong.`);
  }
  return connection;
}

function isFresh(connection: GongConnection): boolean {
  const expiresAt = connection.access_token_expires_at ? new Date(connection.access_token_expires_at).getTime() : 0;
  return expiresAt - Date.now() > REFRESH_MARGIN_MS;
}

async function decrypt(connection: GongConnection, config: GongAppConfig): Promise<UsableConnection> {
  const accessToken = await decryptSecret(connection.access_token_encrypted!, config.encryptionKey);
  return { connection, accessToken, apiBaseUrl: connection.api_base_url ?? DEFAULT_GONG_API_BASE_URL };
}
